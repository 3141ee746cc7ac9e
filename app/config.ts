/**
 * The app's configuration, checked and normalised: `loadConfig` returns it or throws a
 * ValidationError that names the source (cdktf.json or the config file) and the field.
 */
import { internalValidation as check, ServiceAccountMode } from "../lib";
import { AppAddon, validateAddons } from "./addons-config";
import { configSources, isObject, RawConfig } from "./config-sources";

export { CONFIG_FILE_ENV, CONTEXT_KEY } from "./config-sources";

/** One service account of the app and the permissions of its role. */
export interface AppServiceAccount {
  readonly namespace: string;
  readonly name: string;
  /** Construct id of the role (and so part of its Terraform addresses): `<namespace>-<name>` unless set. */
  readonly id: string;
  /** Managed policies attached to the role. */
  readonly managedPolicyArns?: string[];
  /** Inline policies by name, as policy JSON. */
  readonly inlinePolicies?: { [name: string]: string };
  readonly serviceAccountMode: ServiceAccountMode;
  /** Exact role name; default: a prefix made from the role's id. */
  readonly roleName?: string;
  /** "irsa" (an IrsaRole, default) or "pod-identity" (a PodIdentityRole, for new workloads). */
  readonly identity: Identity;
  /** IRSA accounts, migration step 1: also trust EKS Pod Identity in this cluster and associate. */
  readonly podIdentity: boolean;
  /** IRSA accounts, migration step 3 when false: Pod Identity only. */
  readonly webIdentityTrust: boolean;
}

export type Identity = "irsa" | "pod-identity";
const IDENTITIES: Identity[] = ["irsa", "pod-identity"];

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
  /** Use an existing IAM OIDC provider by ARN instead of creating one; a plan fails if it is another cluster's. */
  readonly oidcProviderArn?: string;
  /** Look the existing IAM OIDC provider up by the cluster's issuer instead of creating one. */
  readonly lookupOidcProvider: boolean;
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

const TOP_LEVEL = [
  "stackName",
  "region",
  "clusterName",
  "oidcProviderArn",
  "lookupOidcProvider",
  "fetchThumbprint",
  "thumbprints",
  "serviceAccounts",
  "addons",
  "tags",
  "terraformCloud",
];
const ACCOUNT_KEYS = [
  "namespace",
  "name",
  "id",
  "identity",
  "managedPolicyArns",
  "inlinePolicies",
  "serviceAccountMode",
  "roleName",
  "podIdentity",
  "webIdentityTrust",
];
const CLOUD_KEYS = ["workspace", "hostname", "organization"];

/** Reads the config from the context (and IRSA_CONFIG) and checks it. */
export function loadConfig(context: { [key: string]: unknown }, env: { [key: string]: string | undefined }): AppConfig {
  const { raw, sourceOf } = configSources(context, env);
  return validateConfig(raw, sourceOf);
}

/** Checks the shape and the literal values of a config; messages name the source and the field. */
export function validateConfig(raw: RawConfig, sourceOf: string | ((field: string) => string)): AppConfig {
  const validators = new Map<string, check.Validator>();
  const at = (field: string): check.Validator => {
    const source = typeof sourceOf === "string" ? sourceOf : sourceOf(field);
    if (!validators.has(source)) validators.set(source, new check.Validator(source));
    return validators.get(source)!;
  };
  check.checkPlainMap(at(""), "config", raw);
  for (const key of Object.keys(raw)) {
    if (!TOP_LEVEL.includes(key)) at(key).reject(key, raw[key], `is not a config field (known: ${TOP_LEVEL.join(", ")})`);
  }
  const stackName = at("stackName").requireString("stackName", raw.stackName ?? "eks-irsa");
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(stackName))
    at("stackName").reject("stackName", stackName, "must be 1 to 64 letters, digits, '_' or '-'");
  const region = at("region").requireString("region", raw.region);
  if (!/^[a-z]{2}(-[a-z]+)+-\d$/.test(region)) at("region").reject("region", region, "is not an AWS region (e.g. us-west-2)");
  const clusterName = at("clusterName").requireString("clusterName", raw.clusterName);
  if (!/^[0-9A-Za-z][A-Za-z0-9_-]{0,99}$/.test(clusterName)) {
    at("clusterName").reject("clusterName", clusterName, "is not an EKS cluster name (1 to 100 letters, digits, '-' and '_')");
  }
  const oidcProviderArn = optionalString(at("oidcProviderArn"), "oidcProviderArn", raw.oidcProviderArn);
  at("oidcProviderArn").check("oidcProviderArn", oidcProviderArn, check.oidcProviderArn);
  const lookupOidcProvider = optionalBoolean(at("lookupOidcProvider"), "lookupOidcProvider", raw.lookupOidcProvider) ?? false;
  if (lookupOidcProvider && oidcProviderArn !== undefined) {
    at("lookupOidcProvider").reject(
      "lookupOidcProvider",
      true,
      "cannot be used together with oidcProviderArn (one way to find the provider)",
    );
  }
  const fetchThumbprint = optionalBoolean(at("fetchThumbprint"), "fetchThumbprint", raw.fetchThumbprint);
  const thumbprints = stringList(at("thumbprints"), "thumbprints", raw.thumbprints);
  thumbprints?.forEach((tp, i) => at("thumbprints").check(`thumbprints[${i}]`, tp, check.thumbprint));
  const tags = stringMap(at("tags"), "tags", raw.tags);
  check.checkTags(at("tags"), "tags", tags);

  const v: check.Validator = at("serviceAccounts");
  const addons = validateAddons(at("addons"), raw.addons);
  const accounts = raw.serviceAccounts ?? (addons.length > 0 ? [] : undefined);
  if (!Array.isArray(accounts) || (accounts.length === 0 && addons.length === 0)) {
    v.reject("serviceAccounts", raw.serviceAccounts, "must list at least one { namespace, name } (or give addons)");
  }
  const serviceAccounts = accounts.map((sa: unknown, i: number) => validateAccount(v, `serviceAccounts[${i}]`, sa));
  const dup = check.firstDuplicate(serviceAccounts, (sa) => `${sa.namespace}/${sa.name}`);
  if (dup >= 0) v.reject(`serviceAccounts[${dup}]`, serviceAccounts[dup], "is listed twice");
  const sameId = check.firstDuplicate(serviceAccounts, (sa) => sa.id);
  if (sameId >= 0) {
    const first = serviceAccounts.findIndex((sa) => sa.id === serviceAccounts[sameId].id);
    v.reject(
      `serviceAccounts[${sameId}]`,
      serviceAccounts[sameId],
      `gets the role id "${serviceAccounts[sameId].id}", as serviceAccounts[${first}] does; give one of them an "id"`,
    );
  }

  return {
    stackName,
    region,
    clusterName,
    oidcProviderArn,
    lookupOidcProvider,
    fetchThumbprint,
    thumbprints,
    serviceAccounts,
    addons,
    tags,
    terraformCloud: validateTerraformCloud(at("terraformCloud"), raw.terraformCloud),
  };
}

function validateAccount(validator: check.Validator, at: string, raw: unknown): AppServiceAccount {
  if (!isObject(raw)) validator.reject(at, raw, "must be an object { namespace, name, ... }");
  check.checkPlainMap(validator, at, raw);
  if ("mode" in raw) validator.reject(`${at}.mode`, raw.mode, 'is now spelled "serviceAccountMode", as in the library');
  rejectUnknownKeys(validator, `${at}.`, raw, ACCOUNT_KEYS, "is not a service account field");
  const namespace = validator.requireString(`${at}.namespace`, raw.namespace);
  validator.check(`${at}.namespace`, namespace, check.kubernetesNamespace);
  const name = validator.requireString(`${at}.name`, raw.name);
  validator.check(`${at}.name`, name, check.kubernetesServiceAccountName(false));
  const id = optionalString(validator, `${at}.id`, raw.id) ?? `${namespace}-${name}`;
  if (!/^[A-Za-z0-9_.-]{1,64}$/.test(id)) validator.reject(`${at}.id`, id, "must be 1 to 64 letters, digits, '.', '_' or '-'");
  const managedPolicyArns = stringList(validator, `${at}.managedPolicyArns`, raw.managedPolicyArns);
  managedPolicyArns?.forEach((arn, i) => validator.check(`${at}.managedPolicyArns[${i}]`, arn, check.policyArn));
  const identity = optionalString(validator, `${at}.identity`, raw.identity) ?? "irsa";
  if (!IDENTITIES.includes(identity as Identity))
    validator.reject(`${at}.identity`, identity, `is not one of ${IDENTITIES.map((i) => `"${i}"`).join(", ")}`);
  const podIdentityRole = identity === "pod-identity";
  const serviceAccountMode = check.parseServiceAccountMode(
    validator,
    `${at}.serviceAccountMode`,
    raw.serviceAccountMode,
    podIdentityRole ? ServiceAccountMode.NONE : ServiceAccountMode.ANNOTATE,
    podIdentityRole ? [ServiceAccountMode.NONE, ServiceAccountMode.CREATE] : undefined,
  );
  const migration = migrationFields(validator, at, raw, podIdentityRole, serviceAccountMode);
  const roleName = optionalString(validator, `${at}.roleName`, raw.roleName);
  validator.check(`${at}.roleName`, roleName, check.roleName);
  const inline = inlinePolicies(validator, `${at}.inlinePolicies`, raw.inlinePolicies);
  return {
    namespace,
    name,
    id,
    managedPolicyArns,
    inlinePolicies: inline,
    serviceAccountMode,
    roleName,
    identity: identity as Identity,
    ...migration,
  };
}

/** The three migration steps of an IRSA account: podIdentity, serviceAccountMode "none", webIdentityTrust false. */
function migrationFields(validator: check.Validator, at: string, raw: RawConfig, podIdentityRole: boolean, mode: ServiceAccountMode) {
  const podIdentity = optionalBoolean(validator, `${at}.podIdentity`, raw.podIdentity) ?? false;
  const webIdentityTrust = optionalBoolean(validator, `${at}.webIdentityTrust`, raw.webIdentityTrust) ?? true;
  if (podIdentityRole && (raw.podIdentity !== undefined || raw.webIdentityTrust !== undefined)) {
    validator.rejectProperty(at, 'is a "pod-identity" account: podIdentity and webIdentityTrust are migration steps of "irsa" accounts');
  }
  if (!webIdentityTrust && !podIdentity) {
    validator.reject(`${at}.webIdentityTrust`, false, "needs podIdentity: true first (migration step 1): the role would trust nobody");
  }
  if (!webIdentityTrust && mode !== ServiceAccountMode.NONE) {
    validator.reject(
      `${at}.webIdentityTrust`,
      false,
      `needs serviceAccountMode "none" first (migration step 2): pods would still ask for IRSA`,
    );
  }
  return { podIdentity, webIdentityTrust };
}

/** Inline policies given as documents or as JSON text, normalised to JSON text. */
function inlinePolicies(validator: check.Validator, path: string, raw: unknown): { [name: string]: string } | undefined {
  if (raw === undefined) return undefined;
  if (!isObject(raw)) validator.reject(path, raw, "must map policy names to policy documents");
  check.checkPlainMap(validator, path, raw);
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

function rejectUnknownKeys(validator: check.Validator, prefix: string, raw: RawConfig, known: string[], what: string): void {
  for (const key of Object.keys(raw)) {
    if (!known.includes(key)) validator.reject(`${prefix}${key}`, raw[key], `${what} (known: ${known.join(", ")})`);
  }
}

function optionalString(validator: check.Validator, path: string, value: unknown): string | undefined {
  return value === undefined ? undefined : validator.requireString(path, value);
}

function optionalBoolean(validator: check.Validator, path: string, value: unknown): boolean | undefined {
  validator.checkBoolean(path, value);
  return typeof value === "boolean" ? value : undefined;
}

function stringList(validator: check.Validator, path: string, value: unknown): string[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) validator.reject(path, value, "must be a list of strings");
  return value.map((item, i) => validator.requireString(`${path}[${i}]`, item));
}

function stringMap(validator: check.Validator, path: string, value: unknown): { [key: string]: string } | undefined {
  if (value === undefined) return undefined;
  if (!isObject(value)) validator.reject(path, value, "must be a map of strings");
  check.checkPlainMap(validator, path, value);
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [key, validator.requireString(`${path}[${JSON.stringify(key)}]`, item)]),
  );
}
