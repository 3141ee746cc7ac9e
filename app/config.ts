/**
 * The app's configuration: the `irsa` object under `context` in cdktf.json, overridable by a JSON
 * file. `loadConfig` reads it and returns it checked and normalised, or throws a ValidationError
 * that names the config field.
 */
import { readFileSync } from "fs";
import { internalValidation as check, ServiceAccountMode, ValidationError } from "../lib";
import { AppAddon, validateAddons } from "./addons-config";

/** One service account of the app and the permissions of its role. */
export interface AppServiceAccount {
  readonly namespace: string;
  readonly name: string;
  /** Managed policies attached to the role. */
  readonly managedPolicyArns?: string[];
  /** Inline policies by name, as policy JSON. */
  readonly inlinePolicies?: { [name: string]: string };
  readonly serviceAccountMode: ServiceAccountMode;
  /** Exact role name; default: a prefix from namespace and name. */
  readonly roleName?: string;
}

/** Where Terraform keeps the state when it is not local. */
export interface TerraformCloudSettings {
  readonly organization?: string;
  readonly workspace?: string;
  readonly hostname?: string;
}

/** The app's configuration, checked and normalised. */
export interface AppConfig {
  /** Name of the cdktf stack (and of the local state file). */
  readonly stackName: string;
  readonly region: string;
  /** The EKS cluster, looked up by name. */
  readonly clusterName: string;
  /** Use an existing IAM OIDC provider by ARN instead of creating one. */
  readonly oidcProviderArn?: string;
  /** Pin the issuer's certificate with the tls_certificate data source (default true). */
  readonly fetchThumbprint?: boolean;
  /** Static thumbprints (40 hex characters each). */
  readonly thumbprints?: string[];
  readonly serviceAccounts: AppServiceAccount[];
  /** Cluster add-ons, one role each (app/addons-config.ts). */
  readonly addons: AppAddon[];
  /** Default tags of every AWS resource. */
  readonly tags?: { [key: string]: string };
  /** Terraform Cloud workspace; used when TF_CLOUD_ORGANIZATION is set. */
  readonly terraformCloud?: TerraformCloudSettings;
}

/** The context key in cdktf.json that holds the default config. */
export const CONTEXT_KEY = "irsa";
/** Environment variable naming a JSON file that overrides the embedded config. */
export const CONFIG_FILE_ENV = "IRSA_CONFIG";

const TOP_LEVEL = [
  "stackName",
  "region",
  "clusterName",
  "oidcProviderArn",
  "fetchThumbprint",
  "thumbprints",
  "serviceAccounts",
  "addons",
  "tags",
  "terraformCloud",
];
const ACCOUNT_KEYS = ["namespace", "name", "managedPolicyArns", "inlinePolicies", "serviceAccountMode", "roleName"];
const CLOUD_KEYS = ["workspace", "hostname", "organization"];

/**
 * The embedded config, with the top-level keys of the file named by `IRSA_CONFIG` (or
 * `configFile` in the context) replacing it. Throws a `ValidationError` naming the field.
 */
export function loadConfig(context: { [key: string]: unknown }, env: { [key: string]: string | undefined }): AppConfig {
  const embedded = context[CONTEXT_KEY];
  const file = env[CONFIG_FILE_ENV] ?? (typeof context.configFile === "string" ? context.configFile : undefined);
  const override = file !== undefined && file !== "" ? readConfigFile(file) : {};
  if (embedded !== undefined && !isObject(embedded)) {
    throw new ValidationError(`cdktf.json context "${CONTEXT_KEY}" must be an object`);
  }
  const source = file ? `config file "${file}"` : `cdktf.json context "${CONTEXT_KEY}"`;
  return validateConfig({ ...(embedded as object), ...override }, source);
}

function readConfigFile(file: string): { [key: string]: unknown } {
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

/** Checks the shape and the literal values of a config; messages name the config field. */
export function validateConfig(raw: { [key: string]: unknown }, source: string): AppConfig {
  const validator: check.Validator = new check.Validator(source);
  rejectUnknownKeys(validator, "", raw, TOP_LEVEL, "is not a config field");
  const stackName = validator.requireString("stackName", raw.stackName ?? "eks-irsa");
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(stackName)) validator.reject("stackName", stackName, "must be 1 to 64 letters, digits, '_' or '-'");
  const region = validator.requireString("region", raw.region);
  if (!/^[a-z]{2}(-[a-z]+)+-\d$/.test(region)) validator.reject("region", region, "is not an AWS region (e.g. us-west-2)");
  const clusterName = validator.requireString("clusterName", raw.clusterName);
  if (!/^[0-9A-Za-z][A-Za-z0-9_-]{0,99}$/.test(clusterName)) {
    validator.reject("clusterName", clusterName, "is not an EKS cluster name (1 to 100 letters, digits, '-' and '_')");
  }
  const oidcProviderArn = optionalString(validator, "oidcProviderArn", raw.oidcProviderArn);
  validator.check("oidcProviderArn", oidcProviderArn, check.oidcProviderArn);
  const fetchThumbprint = optionalBoolean(validator, "fetchThumbprint", raw.fetchThumbprint);
  const thumbprints = stringList(validator, "thumbprints", raw.thumbprints);
  thumbprints?.forEach((tp, i) => validator.check(`thumbprints[${i}]`, tp, check.thumbprint));
  const tags = stringMap(validator, "tags", raw.tags);
  check.checkTags(validator, "tags", tags);

  const addons = validateAddons(validator, raw.addons);
  const accounts = raw.serviceAccounts ?? (addons.length > 0 ? [] : undefined);
  if (!Array.isArray(accounts) || (accounts.length === 0 && addons.length === 0)) {
    validator.reject("serviceAccounts", raw.serviceAccounts, "must list at least one { namespace, name } (or give addons)");
  }
  const serviceAccounts = accounts.map((sa: unknown, i: number) => validateAccount(validator, `serviceAccounts[${i}]`, sa));
  const dup = check.firstDuplicate(serviceAccounts, (sa) => `${sa.namespace}/${sa.name}`);
  if (dup >= 0) validator.reject(`serviceAccounts[${dup}]`, serviceAccounts[dup], "is listed twice");

  return {
    stackName,
    region,
    clusterName,
    oidcProviderArn,
    fetchThumbprint,
    thumbprints,
    serviceAccounts,
    addons,
    tags,
    terraformCloud: validateTerraformCloud(validator, raw.terraformCloud),
  };
}

function validateAccount(validator: check.Validator, at: string, raw: unknown): AppServiceAccount {
  if (!isObject(raw)) validator.reject(at, raw, "must be an object { namespace, name, ... }");
  if ("mode" in raw) validator.reject(`${at}.mode`, raw.mode, 'is now spelled "serviceAccountMode", as in the library');
  rejectUnknownKeys(validator, `${at}.`, raw, ACCOUNT_KEYS, "is not a service account field");
  const namespace = validator.requireString(`${at}.namespace`, raw.namespace);
  validator.check(`${at}.namespace`, namespace, check.kubernetesNamespace);
  const name = validator.requireString(`${at}.name`, raw.name);
  validator.check(`${at}.name`, name, check.kubernetesServiceAccountName(false));
  const managedPolicyArns = stringList(validator, `${at}.managedPolicyArns`, raw.managedPolicyArns);
  managedPolicyArns?.forEach((arn, i) => validator.check(`${at}.managedPolicyArns[${i}]`, arn, check.policyArn));
  const serviceAccountMode = check.parseServiceAccountMode(
    validator,
    `${at}.serviceAccountMode`,
    raw.serviceAccountMode,
    ServiceAccountMode.ANNOTATE,
  );
  const roleName = optionalString(validator, `${at}.roleName`, raw.roleName);
  validator.check(`${at}.roleName`, roleName, check.roleName);
  return {
    namespace,
    name,
    managedPolicyArns,
    inlinePolicies: inlinePolicies(validator, `${at}.inlinePolicies`, raw.inlinePolicies),
    serviceAccountMode,
    roleName,
  };
}

/** Inline policies given as documents or as JSON text, normalised to JSON text. */
function inlinePolicies(validator: check.Validator, path: string, raw: unknown): { [name: string]: string } | undefined {
  if (raw === undefined) return undefined;
  if (!isObject(raw)) validator.reject(path, raw, "must map policy names to policy documents");
  const policies: { [name: string]: string } = {};
  for (const [policyName, doc] of Object.entries(raw)) {
    const at = `${path}[${JSON.stringify(policyName)}]`;
    validator.check(at, policyName, check.inlinePolicyName);
    const json = typeof doc === "string" ? doc : JSON.stringify(doc);
    validator.check(at, json, check.policyJson);
    policies[policyName] = json;
  }
  return policies;
}

function validateTerraformCloud(validator: check.Validator, raw: unknown): TerraformCloudSettings | undefined {
  if (raw === undefined) return undefined;
  if (!isObject(raw)) validator.reject("terraformCloud", raw, "must be an object");
  rejectUnknownKeys(validator, "terraformCloud.", raw, CLOUD_KEYS, "is not a field");
  return {
    organization: optionalString(validator, "terraformCloud.organization", raw.organization),
    workspace: optionalString(validator, "terraformCloud.workspace", raw.workspace),
    hostname: optionalString(validator, "terraformCloud.hostname", raw.hostname),
  };
}

function isObject(value: unknown): value is { [key: string]: unknown } {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function rejectUnknownKeys(
  validator: check.Validator,
  prefix: string,
  raw: { [key: string]: unknown },
  known: string[],
  what: string,
): void {
  for (const key of Object.keys(raw)) {
    if (!known.includes(key)) validator.reject(`${prefix}${key}`, raw[key], `${what} (known: ${known.join(", ")})`);
  }
}

function optionalString(validator: check.Validator, path: string, value: unknown): string | undefined {
  return value === undefined ? undefined : validator.requireString(path, value);
}

function stringList(validator: check.Validator, path: string, value: unknown): string[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) validator.reject(path, value, "must be a list of strings");
  return value.map((item, i) => validator.requireString(`${path}[${i}]`, item));
}

function stringMap(validator: check.Validator, path: string, value: unknown): { [key: string]: string } | undefined {
  if (value === undefined) return undefined;
  if (!isObject(value)) validator.reject(path, value, "must be a map of strings");
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [key, validator.requireString(`${path}[${JSON.stringify(key)}]`, item)]),
  );
}

function optionalBoolean(validator: check.Validator, path: string, value: unknown): boolean | undefined {
  validator.checkBoolean(path, value);
  return typeof value === "boolean" ? value : undefined;
}
