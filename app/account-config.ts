/** One service account of the app's config: its role, its identity (IRSA or Pod Identity) and the migration steps. */
import { ServiceAccountMode } from "../lib";
import * as check from "../lib/internal";
import { isObject, RawConfig } from "./config-sources";
import { optionalBoolean, optionalString, rejectUnknownKeys, stringList } from "./config-values";

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

/** Checks one entry of serviceAccounts; messages name `at`, e.g. `serviceAccounts[1]`. */
export function validateAccount(validator: check.Validator, at: string, raw: unknown): AppServiceAccount {
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
    podIdentityRole ? check.POD_IDENTITY_MODES : undefined,
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
