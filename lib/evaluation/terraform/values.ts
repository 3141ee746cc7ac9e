/** Terraform's automatic conversions between strings, numbers and bools, as function arguments get them. */
import { TfValue } from "./syntax";

const describe = (value: TfValue): string => (value === null ? "null" : Array.isArray(value) ? "a list" : `a ${typeof value}`);

export function asString(value: TfValue, where: string): string {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  throw new Error(`${where}: expected a string, got ${describe(value)}`);
}

export function asNumber(value: TfValue, where: string): number {
  if (typeof value === "number") return value;
  if (typeof value === "string" && value.trim() !== "" && !Number.isNaN(Number(value))) return Number(value);
  throw new Error(`${where}: expected a number, got ${JSON.stringify(value)}`);
}

export function asBool(value: TfValue, where: string): boolean {
  if (typeof value === "boolean") return value;
  if (value === "true" || value === "false") return value === "true";
  throw new Error(`${where}: expected a bool, got ${JSON.stringify(value)}`);
}

export function asList(value: TfValue, where: string): TfValue[] {
  if (Array.isArray(value)) return value;
  throw new Error(`${where}: expected a list, got ${describe(value)}`);
}

export function asMap(value: TfValue, where: string): { [key: string]: TfValue } {
  if (value !== null && typeof value === "object" && !Array.isArray(value)) return value;
  throw new Error(`${where}: expected a map or object, got ${describe(value)}`);
}

/** JSON with object keys in lexical order, as Terraform's jsonencode writes it. */
export function canonicalJson(value: TfValue): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`).join(",")}}`;
  }
  return JSON.stringify(value);
}
