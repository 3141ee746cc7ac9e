/**
 * The `addons` of the app's config: each entry names an add-on of the library's catalog with its
 * inputs, e.g. `{ "addon": "external-dns", "hostedZoneArns": [...] }`, and becomes one IrsaRole for
 * the add-on's default service account (or the `serviceAccount` given). The inputs are checked by
 * the same rules as `AddonPolicies`; messages name the config field.
 */
import { AddonPolicy, ServiceAccountMode, ServiceAccountRef } from "../lib";
import * as check from "../lib/internal";
import * as internalAddons from "../lib/internal";
import { isObject } from "./config-sources";
import { optionalString, rejectUnknownKeys } from "./config-values";

/** One add-on of the app, checked. */
export interface AppAddon {
  /** The add-on's name, e.g. `external-dns`; it keys the role's Terraform addresses. */
  readonly addon: string;
  readonly policy: AddonPolicy;
  /** The service account the role trusts: the one given, or the add-on's default. */
  readonly serviceAccount: ServiceAccountRef;
  readonly serviceAccountMode: ServiceAccountMode;
  /** Exact role name; default: a prefix from the service account. */
  readonly roleName?: string;
}

/** Keys of an entry besides the add-on's own inputs. */
const ENTRY_KEYS = ["addon", "serviceAccount", "serviceAccountMode", "roleName"];

/** Checks the `addons` list (absent: none). */
export function validateAddons(validator: check.Validator, raw: unknown): AppAddon[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) validator.reject("addons", raw, 'must be a list of { "addon": "<name>", ...inputs }');
  const addons = raw.map((entry: unknown, i: number) => validateAddon(validator, `addons[${i}]`, entry));
  const dup = check.firstDuplicate(addons, (a) => a.addon);
  if (dup >= 0) validator.reject(`addons[${dup}].addon`, addons[dup].addon, "is listed twice (the app makes one role per add-on)");
  return addons;
}

function validateAddon(validator: check.Validator, at: string, raw: unknown): AppAddon {
  if (!isObject(raw)) validator.reject(at, raw, 'must be an object { "addon": "<name>", ...inputs }');
  const addon = validator.requireString(`${at}.addon`, raw.addon);
  const definition = internalAddons.addonByName(addon);
  if (definition === undefined) {
    validator.reject(`${at}.addon`, addon, `is not a known add-on (known: ${internalAddons.ADDON_CATALOG.map((d) => d.name).join(", ")})`);
  }
  const inputs = Object.fromEntries(Object.entries(raw).filter(([key]) => !ENTRY_KEYS.includes(key)));
  const policy = internalAddons.createAddonPolicy(definition, inputs, validator, `${at}.`);
  const roleName = optionalString(validator, `${at}.roleName`, raw.roleName);
  validator.check(`${at}.roleName`, roleName, check.roleName);
  return {
    addon,
    policy,
    serviceAccount: serviceAccountField(validator, `${at}.serviceAccount`, raw.serviceAccount) ?? policy.defaultServiceAccount,
    serviceAccountMode: check.parseServiceAccountMode(
      validator,
      `${at}.serviceAccountMode`,
      raw.serviceAccountMode,
      ServiceAccountMode.ANNOTATE,
    ),
    roleName,
  };
}

/** An optional `{ namespace, name }` field. */
export function serviceAccountField(validator: check.Validator, at: string, raw: unknown): ServiceAccountRef | undefined {
  if (raw === undefined) return undefined;
  if (!isObject(raw)) validator.reject(at, raw, "must be an object { namespace, name }");
  rejectUnknownKeys(validator, `${at}.`, raw, ["namespace", "name"], "is not a field");
  const namespace = validator.requireString(`${at}.namespace`, raw.namespace);
  validator.check(`${at}.namespace`, namespace, check.kubernetesNamespace);
  const name = validator.requireString(`${at}.name`, raw.name);
  validator.check(`${at}.name`, name, check.kubernetesServiceAccountName(false));
  return { namespace, name };
}
