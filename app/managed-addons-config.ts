/**
 * The `managedAddons` of the app's config: EKS managed add-ons (`aws_eks_addon`), each with the
 * role the catalogue gives it, e.g. `{ "name": "aws-ebs-csi-driver" }`, `{ "name": "vpc-cni",
 * "identity": "irsa" }`, `{ "name": "aws-mountpoint-s3-csi-driver", "bucketArns": [...] }`. Inputs
 * besides the entry's own fields scope the add-on's policy and are checked by the same rules as
 * `AddonPolicies`; messages name the config field.
 */
import { AddonPolicy, ServiceAccountRef } from "../lib";
import * as internal from "../lib/internal";
import { serviceAccountField } from "./addons-config";
import { isObject } from "./config-sources";
import { optionalString, stringList } from "./config-values";

/** One managed add-on of the app, checked. */
export interface AppManagedAddon {
  /** Where it sits in the config, for messages: `managedAddons[0]`. */
  readonly at: string;
  /** The EKS add-on name; it keys the Terraform addresses (`managed-addons/<name>`). */
  readonly name: string;
  readonly version?: string;
  /** "pod-identity" or "irsa" as given (the construct's default, "pod-identity", when left out). */
  readonly identity?: string;
  readonly configurationValues?: string;
  /** The service account given in the config (default: the catalogue's). */
  readonly serviceAccount?: ServiceAccountRef;
  /** The policy built from the entry's inputs, when the add-on takes inputs. */
  readonly addonPolicy?: AddonPolicy;
  readonly managedPolicyArns?: string[];
  readonly roleName?: string;
}

const ENTRY_KEYS = ["name", "version", "identity", "configurationValues", "serviceAccount", "managedPolicyArns", "roleName"];

/** Checks the `managedAddons` list (absent: none). */
export function validateManagedAddons(validator: internal.Validator, raw: unknown): AppManagedAddon[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) validator.reject("managedAddons", raw, 'must be a list of { "name": "<EKS add-on name>", ...inputs }');
  const addons = raw.map((entry: unknown, i: number) => validateManagedAddon(validator, `managedAddons[${i}]`, entry));
  const dup = internal.firstDuplicate(addons, (a) => a.name);
  if (dup >= 0) {
    validator.reject(`managedAddons[${dup}].name`, addons[dup].name, "is listed twice (EKS installs an add-on once per cluster)");
  }
  return addons;
}

function validateManagedAddon(validator: internal.Validator, at: string, raw: unknown): AppManagedAddon {
  if (!isObject(raw)) validator.reject(at, raw, 'must be an object { "name": "<EKS add-on name>", ...inputs }');
  internal.checkPlainMap(validator, at, raw);
  const name = validator.requireString(`${at}.name`, raw.name);
  if (!/^[0-9A-Za-z][A-Za-z0-9_-]{0,99}$/.test(name)) validator.reject(`${at}.name`, name, "is not an EKS add-on name (e.g. vpc-cni)");
  const entry = internal.catalogueEntry(name);
  const identity = raw.identity === undefined ? undefined : internal.parseAddonIdentity(validator, `${at}.identity`, raw.identity);
  const configurationValues =
    raw.configurationValues === undefined || typeof raw.configurationValues === "string"
      ? (raw.configurationValues as string | undefined)
      : isObject(raw.configurationValues)
        ? JSON.stringify(raw.configurationValues)
        : validator.reject(`${at}.configurationValues`, raw.configurationValues, "must be an object (or its JSON text)");
  const managedPolicyArns = stringList(validator, `${at}.managedPolicyArns`, raw.managedPolicyArns);
  managedPolicyArns?.forEach((arn, i) => validator.check(`${at}.managedPolicyArns[${i}]`, arn, internal.policyArn));
  const roleName = optionalString(validator, `${at}.roleName`, raw.roleName);
  validator.check(`${at}.roleName`, roleName, internal.roleName);
  return {
    at,
    name,
    version: optionalString(validator, `${at}.version`, raw.version),
    identity,
    configurationValues,
    serviceAccount: serviceAccountField(validator, `${at}.serviceAccount`, raw.serviceAccount),
    addonPolicy: policyFromInputs(validator, at, raw, entry),
    managedPolicyArns,
    roleName,
  };
}

/** The entry's remaining keys are the inputs of the library add-on that scopes the policy. */
function policyFromInputs(
  validator: internal.Validator,
  at: string,
  raw: { [key: string]: unknown },
  entry: internal.CatalogueEntry | undefined,
): AddonPolicy | undefined {
  const inputs = Object.fromEntries(Object.entries(raw).filter(([key]) => !ENTRY_KEYS.includes(key)));
  const definition = entry?.policyAddon === undefined ? undefined : internal.addonByName(entry.policyAddon);
  if (definition === undefined) {
    const [key] = Object.keys(inputs);
    if (key !== undefined) validator.reject(`${at}.${key}`, inputs[key], `is not a managed add-on field (known: ${ENTRY_KEYS.join(", ")})`);
    return undefined;
  }
  // An add-on whose policy needs scoping gets its policy built even without inputs, so that the
  // missing input is reported by name (e.g. managedAddons[0].bucketArns).
  if (Object.keys(inputs).length === 0 && entry?.needsInput === undefined) return undefined;
  return internal.createAddonPolicy(definition, inputs, validator, `${at}.`);
}
