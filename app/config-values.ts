/** Typed reads of a JSON config's values, with messages that name the field. */
import * as check from "../lib/internal";
import { isObject, RawConfig } from "./config-sources";

export function rejectUnknownKeys(validator: check.Validator, prefix: string, raw: RawConfig, known: string[], what: string): void {
  for (const key of Object.keys(raw)) {
    if (!known.includes(key)) validator.reject(`${prefix}${key}`, raw[key], `${what} (known: ${known.join(", ")})`);
  }
}

export function optionalString(validator: check.Validator, path: string, value: unknown): string | undefined {
  return value === undefined ? undefined : validator.requireString(path, value);
}

export function optionalBoolean(validator: check.Validator, path: string, value: unknown): boolean | undefined {
  validator.checkBoolean(path, value);
  return typeof value === "boolean" ? value : undefined;
}

export function stringList(validator: check.Validator, path: string, value: unknown): string[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) validator.reject(path, value, "must be a list of strings");
  return value.map((item, i) => validator.requireString(`${path}[${i}]`, item));
}

export function stringMap(validator: check.Validator, path: string, value: unknown): { [key: string]: string } | undefined {
  if (value === undefined) return undefined;
  if (!isObject(value)) validator.reject(path, value, "must be a map of strings");
  check.checkPlainMap(validator, path, value);
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [key, validator.requireString(`${path}[${JSON.stringify(key)}]`, item)]),
  );
}
