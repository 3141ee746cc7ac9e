/**
 * Where the app's configuration comes from: the "irsa" object under "context" in cdktf.json, or a
 * JSON file named by IRSA_CONFIG. A file stands alone (a file that forgets clusterName must not
 * deploy the example's cluster) unless it says `"extends": "cdktf.json"`; then its fields replace
 * the embedded ones. Each field is blamed on the source it came from.
 */
import { readFileSync } from "fs";
import { ValidationError } from "../lib/internal";

/** The context key in cdktf.json that holds the default config. */
export const CONTEXT_KEY = "irsa";
/** Environment variable naming a JSON file that replaces (or, with "extends", overrides) the embedded config. */
export const CONFIG_FILE_ENV = "IRSA_CONFIG";
/** The one value "extends" takes. */
export const EXTENDS_EMBEDDED = "cdktf.json";

export type RawConfig = { [key: string]: unknown };

/** The merged raw config, and for each top-level field the source to name in messages. */
export interface ConfigSources {
  readonly raw: RawConfig;
  readonly sourceOf: (field: string) => string;
}

const EMBEDDED = `cdktf.json context "${CONTEXT_KEY}"`;

export function configSources(context: { [key: string]: unknown }, env: { [key: string]: string | undefined }): ConfigSources {
  const embedded = context[CONTEXT_KEY];
  if (embedded !== undefined && !isObject(embedded)) throw new ValidationError(`${EMBEDDED} must be an object`);
  const file = env[CONFIG_FILE_ENV] ?? (typeof context.configFile === "string" ? context.configFile : undefined);
  if (file === undefined || file === "") return { raw: { ...(embedded ?? {}) }, sourceOf: () => EMBEDDED };

  const fromFile = readConfigFile(file);
  const fileSource = `config file "${file}"`;
  const { extends: parent, ...fields } = fromFile;
  if (parent === undefined) return { raw: fields, sourceOf: () => fileSource };
  if (parent !== EXTENDS_EMBEDDED) {
    throw new ValidationError(
      `${fileSource}: extends ${JSON.stringify(parent)} must be "${EXTENDS_EMBEDDED}" (the embedded config) or left out`,
    );
  }
  return {
    raw: { ...(embedded ?? {}), ...fields },
    sourceOf: (field) => (Object.prototype.hasOwnProperty.call(fields, field) ? fileSource : EMBEDDED),
  };
}

function readConfigFile(file: string): RawConfig {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    throw new ValidationError(`config file "${file}" cannot be read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    throw new ValidationError(`config file "${file}" is not valid JSON: ${(e as Error).message}`);
  }
  if (!isObject(parsed)) throw new ValidationError(`config file "${file}" must hold a JSON object`);
  return parsed;
}

export function isObject(value: unknown): value is RawConfig {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
