/**
 * The app's configuration, checked and normalised: `loadConfig` returns it or throws a
 * ValidationError that names the source (cdktf.json or the config file) and the field.
 */
import * as check from "../lib/internal";
import { AppAddon, validateAddons } from "./addons-config";
import { AppServiceAccount, validateAccount } from "./account-config";
import { configSources, isObject, RawConfig } from "./config-sources";
import { optionalBoolean, optionalString, rejectUnknownKeys, stringList, stringMap } from "./config-values";
import { AppManagedAddon, validateManagedAddons } from "./managed-addons-config";
import { checkArnPartition } from "./partition-rules";
import { checkOneRolePerServiceAccount } from "./service-account-owners";

export { CONFIG_FILE_ENV, CONTEXT_KEY } from "./config-sources";
export { AppServiceAccount, Identity } from "./account-config";

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
  /** EKS managed add-ons, each with its role (app/managed-addons-config.ts). */
  readonly managedAddons: AppManagedAddon[];
  /**
   * How the kubernetes provider logs in: "exec" (`aws eks get-token`, needs the aws CLI on the
   * runner) or "token" (`data.aws_eks_cluster_auth`). Undefined: "token" with a Terraform Cloud
   * backend (its hosted runners have no aws CLI), "exec" otherwise.
   */
  readonly kubernetesAuth?: KubernetesAuth;
  /** Default tags of every AWS resource. */
  readonly tags?: { [key: string]: string };
  /** Terraform Cloud workspace; used when TF_CLOUD_ORGANIZATION is set. */
  readonly terraformCloud?: TerraformCloudSettings;
}

/** How the app's kubernetes provider logs in. */
export type KubernetesAuth = "exec" | "token";
const KUBERNETES_AUTH: KubernetesAuth[] = ["exec", "token"];

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
  "managedAddons",
  "kubernetesAuth",
  "tags",
  "terraformCloud",
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
  checkArnPartition(at("oidcProviderArn"), "oidcProviderArn", oidcProviderArn, region);
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
  const managedAddons = validateManagedAddons(at("managedAddons"), raw.managedAddons);
  const roles = addons.length + managedAddons.length;
  const accounts = raw.serviceAccounts ?? (roles > 0 ? [] : undefined);
  if (!Array.isArray(accounts) || (accounts.length === 0 && roles === 0)) {
    v.reject("serviceAccounts", raw.serviceAccounts, "must list at least one { namespace, name } (or give addons or managedAddons)");
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
  serviceAccounts.forEach((sa, i) =>
    sa.managedPolicyArns?.forEach((arn, j) => checkArnPartition(v, `serviceAccounts[${i}].managedPolicyArns[${j}]`, arn, region)),
  );
  managedAddons.forEach((a) =>
    a.managedPolicyArns?.forEach((arn, j) => checkArnPartition(at("managedAddons"), `${a.at}.managedPolicyArns[${j}]`, arn, region)),
  );
  checkOneRolePerServiceAccount(at, serviceAccounts, addons, managedAddons);
  const kubernetesAuth = optionalString(at("kubernetesAuth"), "kubernetesAuth", raw.kubernetesAuth);
  if (kubernetesAuth !== undefined && !KUBERNETES_AUTH.includes(kubernetesAuth as KubernetesAuth)) {
    at("kubernetesAuth").reject(
      "kubernetesAuth",
      kubernetesAuth,
      'is not "exec" (aws eks get-token on the runner) or "token" (data.aws_eks_cluster_auth, for runners without the aws CLI)',
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
    managedAddons,
    kubernetesAuth: kubernetesAuth as KubernetesAuth | undefined,
    tags,
    terraformCloud: validateTerraformCloud(at("terraformCloud"), raw.terraformCloud),
  };
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
