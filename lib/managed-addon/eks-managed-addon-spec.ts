/** {@link EksManagedAddonProps}, validated and defaulted: the add-on block and the role, as data. */
import { Token } from "cdktf";
import { AddonPolicy } from "../addons/addon-policy";
import { ServiceAccountRef } from "../kubernetes/service-account";
import { checkServiceAccountRef } from "../kubernetes/service-account-list";
import { IOidcProvider } from "../oidc/oidc-provider";
import { RoleOptions } from "../role/role-options";
import { eksClusterName } from "../validation/eks-rules";
import { Validator } from "../validation/validator";
import { AddonIdentity, parseAddonIdentity } from "./addon-identity";
import { catalogueEntry } from "./catalogue/catalogue";
import { CatalogueEntry, needsRole } from "./catalogue/catalogue-entry";
import { EksManagedAddonProps } from "./eks-managed-addon-props";

/** The role of an add-on: who it trusts, how, and its permissions (role options with the defaults filled in). */
export interface AddonRoleSpec {
  readonly identity: AddonIdentity;
  readonly serviceAccount: ServiceAccountRef;
  readonly oidcProvider?: IOidcProvider;
  readonly options: RoleOptions;
  /** AWS managed policies from the catalogue, by name (ARNs are built in the stack's partition). */
  readonly managedPolicyNames: readonly string[];
}

export interface EksManagedAddonSpec {
  readonly owner: string;
  readonly clusterName: string;
  readonly addonName: string;
  readonly addonVersion?: string;
  readonly configurationValues?: string;
  readonly resolveConflictsOnCreate?: string;
  readonly resolveConflictsOnUpdate?: string;
  readonly addonTags?: { [key: string]: string };
  /** Undefined: the add-on needs no role. */
  readonly role?: AddonRoleSpec;
}

const ADDON_NAME = /^[0-9A-Za-z][A-Za-z0-9_-]{0,99}$/;
const ON_CREATE = ["NONE", "OVERWRITE"];
const ON_UPDATE = ["NONE", "OVERWRITE", "PRESERVE"];
/** The role options that only make sense when there is a role. */
const ROLE_PROPS = [
  "serviceAccount",
  "oidcProvider",
  "addonPolicies",
  "managedPolicyArns",
  "inlinePolicies",
  "roleName",
  "roleNamePrefix",
  "path",
  "description",
  "maxSessionDuration",
  "permissionsBoundaryArn",
  "tags",
] as const;

/** Turns the props into a spec, or throws a ValidationError naming the property, the value and the rule. */
export function eksManagedAddonSpec(props: EksManagedAddonProps, id: string): EksManagedAddonSpec {
  const owner = `EksManagedAddon "${id}"`;
  const validator = new Validator(owner);
  if (props === undefined || props === null || typeof props !== "object") {
    validator.rejectProperty("props", "are required (at least clusterName and addonName)");
  }
  if (props.clusterName === undefined)
    validator.rejectProperty("clusterName", "is missing: name the EKS cluster to install the add-on into");
  validator.check("clusterName", validator.requireString("clusterName", props.clusterName), eksClusterName);
  if (props.addonName === undefined) validator.rejectProperty("addonName", 'is missing: give the EKS add-on name (e.g. "vpc-cni")');
  const addonName = validator.requireString("addonName", props.addonName);
  validator.check("addonName", addonName, (n) =>
    ADDON_NAME.test(n) ? undefined : "is not an EKS add-on name (letters, digits, '-' and '_', starting with a letter or digit)",
  );
  validator.checkString("addonVersion", props.addonVersion);
  validator.checkString("configurationValues", props.configurationValues);
  validator.checkString("resolveConflictsOnCreate", props.resolveConflictsOnCreate, oneOf(ON_CREATE));
  validator.checkString("resolveConflictsOnUpdate", props.resolveConflictsOnUpdate, oneOf(ON_UPDATE));
  const identity = parseAddonIdentity(validator, "identity", props.identity);
  const entry = Token.isUnresolved(addonName) ? undefined : catalogueEntry(addonName);
  return {
    owner,
    clusterName: props.clusterName,
    addonName,
    addonVersion: props.addonVersion,
    configurationValues: props.configurationValues,
    resolveConflictsOnCreate: props.resolveConflictsOnCreate,
    resolveConflictsOnUpdate: props.resolveConflictsOnUpdate,
    addonTags: props.addonTags,
    role: addonRole(validator, props, identity, entry),
  };
}

function addonRole(
  validator: Validator,
  props: EksManagedAddonProps,
  identity: AddonIdentity,
  entry: CatalogueEntry | undefined,
): AddonRoleSpec | undefined {
  const userPolicies = hasItems(props.addonPolicies) || hasItems(props.managedPolicyArns) || hasKeys(props.inlinePolicies);
  if (entry !== undefined && !needsRole(entry)) {
    const given = ROLE_PROPS.find((p) => props[p] !== undefined);
    if (given !== undefined) {
      validator.reject(given, props[given], `is set, but the ${entry.addonName} add-on needs no IAM role (${entry.source}); leave it out`);
    }
    if (props.identity !== undefined) {
      validator.reject("identity", props.identity, `is set, but the ${entry.addonName} add-on needs no IAM role; leave it out`);
    }
    return undefined;
  }
  // adot: a role only when a collector that needs one is configured (serviceAccount and policies given).
  if (entry?.addonName === "adot" && props.serviceAccount === undefined && !userPolicies) {
    if (props.oidcProvider !== undefined || props.identity !== undefined) {
      validator.rejectProperty("serviceAccount", `is missing: the adot add-on ${entry.needsInput}`);
    }
    return undefined;
  }
  const serviceAccount = checkServiceAccount(validator, props.serviceAccount ?? entry?.serviceAccount, entry);
  const known = entry?.addonPolicies !== undefined || (entry?.managedPolicyNames?.length ?? 0) > 0;
  if (!userPolicies && !known) {
    if (entry?.needsInput !== undefined)
      validator.rejectProperty("addonPolicies", `is missing: the ${entry.addonName} add-on ${entry.needsInput}`);
    validator.rejectProperty(
      "addonPolicies",
      `is missing: the catalogue does not know the permissions of the add-on "${props.addonName}"; give addonPolicies, ` +
        "managedPolicyArns or inlinePolicies (the policies DescribeAddonConfiguration recommends)",
    );
  }
  if (identity === AddonIdentity.IRSA && props.oidcProvider === undefined) {
    validator.rejectProperty("oidcProvider", 'is required with identity "irsa": the role trusts the cluster\'s OIDC provider');
  }
  if (identity === AddonIdentity.POD_IDENTITY && props.oidcProvider !== undefined) {
    validator.rejectProperty("oidcProvider", 'is only used with identity "irsa"; leave it out, or set identity "irsa"');
  }
  const addonPolicies: AddonPolicy[] | undefined = props.addonPolicies ?? entry?.addonPolicies?.();
  return {
    identity,
    serviceAccount,
    oidcProvider: props.oidcProvider,
    options: { ...roleOptionsOf(props), addonPolicies },
    managedPolicyNames: props.addonPolicies === undefined ? (entry?.managedPolicyNames ?? []) : [],
  };
}

function checkServiceAccount(
  validator: Validator,
  sa: ServiceAccountRef | undefined,
  entry: CatalogueEntry | undefined,
): ServiceAccountRef {
  if (sa === undefined) {
    const why =
      entry?.needsInput !== undefined
        ? `the ${entry.addonName} add-on ${entry.needsInput}`
        : "the catalogue does not know this add-on's service account; give the one DescribeAddonConfiguration names " +
          "(podIdentityConfiguration.serviceAccount) with the add-on's namespace";
    validator.rejectProperty("serviceAccount", `is missing: ${why}`);
  }
  checkServiceAccountRef(validator, "serviceAccount", sa, {
    allowPatterns: false,
    exactNameReason: "contains a wildcard; an add-on's role is for one exact service account",
  });
  return { namespace: sa.namespace, name: sa.name };
}

function roleOptionsOf(props: EksManagedAddonProps): RoleOptions {
  return {
    roleName: props.roleName,
    roleNamePrefix: props.roleNamePrefix,
    path: props.path,
    description: props.description,
    maxSessionDuration: props.maxSessionDuration,
    permissionsBoundaryArn: props.permissionsBoundaryArn,
    tags: props.tags,
    managedPolicyArns: props.managedPolicyArns,
    inlinePolicies: props.inlinePolicies,
  };
}

function oneOf(values: string[]) {
  return (value: string) => (values.includes(value) ? undefined : `is not one of ${values.map((v) => `"${v}"`).join(", ")}`);
}

function hasItems(list: unknown): boolean {
  return list !== undefined && (!Array.isArray(list) || list.length > 0);
}

function hasKeys(map: unknown): boolean {
  return map !== undefined && (map === null || typeof map !== "object" || Object.keys(map).length > 0);
}
