import { readFileSync } from "fs";
import * as rules from "../lib/rules";
import { ServiceAccountMode } from "../lib/service-account";
import { checkTags, ValidationError, Validator } from "../lib/validation";

/** One service account of the app and the permissions of its role. */
export interface AppServiceAccount {
  readonly namespace: string;
  readonly name: string;
  /** Managed policies attached to the role. */
  readonly managedPolicyArns?: string[];
  /** Inline policies by name: a policy document object, or its JSON text. */
  readonly inlinePolicies?: { [name: string]: unknown };
  /** "annotate" (default), "create" or "none". */
  readonly mode?: string;
  /** Exact role name; default: a prefix from namespace and name. */
  readonly roleName?: string;
}

/** The app's configuration: `context.irsa` in cdktf.json, overridable by a JSON file. */
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
  /** Default tags of every AWS resource. */
  readonly tags?: { [key: string]: string };
  /** Terraform Cloud workspace; used when TF_CLOUD_ORGANIZATION is set. */
  readonly terraformCloud?: { readonly workspace?: string; readonly hostname?: string; readonly organization?: string };
}

/** The context key in cdktf.json that holds the default config. */
export const CONTEXT_KEY = "irsa";
/** Environment variable naming a JSON file that overrides the embedded config. */
export const CONFIG_FILE_ENV = "IRSA_CONFIG";

const TOP_LEVEL = ["stackName", "region", "clusterName", "oidcProviderArn", "fetchThumbprint", "thumbprints", "serviceAccounts", "tags", "terraformCloud"];
const ACCOUNT_KEYS = ["namespace", "name", "managedPolicyArns", "inlinePolicies", "mode", "roleName"];

/**
 * The embedded config, with the top-level keys of the file named by `IRSA_CONFIG` (or
 * `configFile` in the context) replacing it. Throws a `ValidationError` naming the field.
 */
export function loadConfig(context: { [key: string]: unknown }, env: { [key: string]: string | undefined }): AppConfig {
  const embedded = context[CONTEXT_KEY];
  const file = env[CONFIG_FILE_ENV] ?? (typeof context.configFile === "string" ? context.configFile : undefined);
  let override: unknown = {};
  if (file !== undefined && file !== "") {
    let text: string;
    try {
      text = readFileSync(file, "utf8");
    } catch (e) {
      throw new ValidationError(`config file "${file}" cannot be read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
    try {
      override = JSON.parse(text);
    } catch (e) {
      throw new ValidationError(`config file "${file}" is not valid JSON: ${(e as Error).message}`);
    }
    if (override === null || typeof override !== "object" || Array.isArray(override)) {
      throw new ValidationError(`config file "${file}" must hold a JSON object`);
    }
  }
  if (embedded !== undefined && (embedded === null || typeof embedded !== "object" || Array.isArray(embedded))) {
    throw new ValidationError(`cdktf.json context "${CONTEXT_KEY}" must be an object`);
  }
  const source = file ? `config file "${file}"` : `cdktf.json context "${CONTEXT_KEY}"`;
  return validateConfig({ ...(embedded as object), ...(override as object) }, source);
}

/** Checks the shape and the literal values of a config; messages name the config field. */
export function validateConfig(raw: { [key: string]: unknown }, source: string): AppConfig {
  const v: Validator = new Validator(source);
  for (const key of Object.keys(raw)) {
    if (!TOP_LEVEL.includes(key)) v.fail(key, raw[key], `is not a config field (known: ${TOP_LEVEL.join(", ")})`);
  }
  const stackName = v.requireString("stackName", raw.stackName ?? "eks-irsa");
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(stackName)) v.fail("stackName", stackName, "must be 1 to 64 letters, digits, '_' or '-'");
  const region = v.requireString("region", raw.region);
  if (!/^[a-z]{2}(-[a-z]+)+-\d$/.test(region)) v.fail("region", region, "is not an AWS region (e.g. us-west-2)");
  const clusterName = v.requireString("clusterName", raw.clusterName);
  if (!/^[0-9A-Za-z][A-Za-z0-9_-]{0,99}$/.test(clusterName)) v.fail("clusterName", clusterName, "is not an EKS cluster name (1 to 100 letters, digits, '-' and '_')");
  if (raw.oidcProviderArn !== undefined) v.check("oidcProviderArn", v.requireString("oidcProviderArn", raw.oidcProviderArn), rules.oidcProviderArn);
  if (raw.fetchThumbprint !== undefined && typeof raw.fetchThumbprint !== "boolean") v.fail("fetchThumbprint", raw.fetchThumbprint, "must be true or false");
  const thumbprints = stringList(v, "thumbprints", raw.thumbprints);
  thumbprints?.forEach((tp, i) => v.check(`thumbprints[${i}]`, tp, rules.thumbprint));
  checkTags(v, "tags", raw.tags as { [key: string]: string } | undefined);

  if (!Array.isArray(raw.serviceAccounts) || raw.serviceAccounts.length === 0) {
    v.fail("serviceAccounts", raw.serviceAccounts, "must list at least one { namespace, name }");
  }
  const serviceAccounts = raw.serviceAccounts.map((sa: unknown, i: number) => validateAccount(v, `serviceAccounts[${i}]`, sa));
  const dup = rules.firstDuplicate(serviceAccounts, (sa) => `${sa.namespace}/${sa.name}`);
  if (dup >= 0) v.fail(`serviceAccounts[${dup}]`, serviceAccounts[dup], "is listed twice");

  let terraformCloud: AppConfig["terraformCloud"];
  if (raw.terraformCloud !== undefined) {
    const tfc = raw.terraformCloud as { [key: string]: unknown };
    if (tfc === null || typeof tfc !== "object" || Array.isArray(tfc)) v.fail("terraformCloud", tfc, "must be an object");
    for (const key of Object.keys(tfc)) {
      if (!["workspace", "hostname", "organization"].includes(key)) v.fail(`terraformCloud.${key}`, tfc[key], "is not a field (workspace, hostname, organization)");
      v.requireString(`terraformCloud.${key}`, tfc[key]);
    }
    terraformCloud = tfc as AppConfig["terraformCloud"];
  }
  return {
    stackName,
    region,
    clusterName,
    oidcProviderArn: raw.oidcProviderArn as string | undefined,
    fetchThumbprint: raw.fetchThumbprint as boolean | undefined,
    thumbprints,
    serviceAccounts,
    tags: raw.tags as { [key: string]: string } | undefined,
    terraformCloud,
  };
}

function validateAccount(v: Validator, at: string, raw: unknown): AppServiceAccount {
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) v.fail(at, raw, "must be an object { namespace, name, ... }");
  const sa = raw as { [key: string]: unknown };
  for (const key of Object.keys(sa)) {
    if (!ACCOUNT_KEYS.includes(key)) v.fail(`${at}.${key}`, sa[key], `is not a service account field (known: ${ACCOUNT_KEYS.join(", ")})`);
  }
  const namespace = v.requireString(`${at}.namespace`, sa.namespace);
  v.check(`${at}.namespace`, namespace, rules.kubernetesNamespace);
  const name = v.requireString(`${at}.name`, sa.name);
  v.check(`${at}.name`, name, rules.kubernetesServiceAccountName(false));
  const managedPolicyArns = stringList(v, `${at}.managedPolicyArns`, sa.managedPolicyArns);
  managedPolicyArns?.forEach((arn, i) => v.check(`${at}.managedPolicyArns[${i}]`, arn, rules.policyArn));
  let inlinePolicies: { [name: string]: string } | undefined;
  if (sa.inlinePolicies !== undefined) {
    const policies = sa.inlinePolicies as { [name: string]: unknown };
    if (policies === null || typeof policies !== "object" || Array.isArray(policies)) {
      v.fail(`${at}.inlinePolicies`, policies, "must map policy names to policy documents");
    }
    inlinePolicies = {};
    for (const [policyName, doc] of Object.entries(policies)) {
      const path = `${at}.inlinePolicies[${JSON.stringify(policyName)}]`;
      v.check(path, policyName, rules.inlinePolicyName);
      const json = typeof doc === "string" ? doc : JSON.stringify(doc);
      v.check(path, json, rules.policyJson);
      inlinePolicies[policyName] = json;
    }
  }
  const mode = sa.mode === undefined ? undefined : v.requireString(`${at}.mode`, sa.mode);
  const modes: string[] = Object.values(ServiceAccountMode);
  if (mode !== undefined && !modes.includes(mode)) v.fail(`${at}.mode`, mode, `is not one of ${modes.map((m) => `"${m}"`).join(", ")}`);
  const roleName = sa.roleName === undefined ? undefined : v.requireString(`${at}.roleName`, sa.roleName);
  v.check(`${at}.roleName`, roleName, rules.roleName);
  return { namespace, name, managedPolicyArns, inlinePolicies, mode, roleName };
}

function stringList(v: Validator, path: string, value: unknown): string[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) v.fail(path, value, "must be a list of strings");
  value.forEach((item, i) => v.requireString(`${path}[${i}]`, item));
  return value as string[];
}
