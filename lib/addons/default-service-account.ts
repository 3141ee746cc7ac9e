/** A role's service accounts when its props name none but hold exactly one add-on policy. */
import { ServiceAccountRef } from "../kubernetes/service-account";
import { AddonPolicy } from "./addon-policy";

interface WithAddons {
  readonly serviceAccounts?: ServiceAccountRef[];
  readonly addonPolicies?: AddonPolicy[];
}

/**
 * The props with `serviceAccounts` set to the add-on's default service account when they have no
 * `serviceAccounts` and exactly one add-on policy that has one; otherwise the props unchanged (and the role's
 * "must list at least one service account" check applies).
 */
export function withAddonServiceAccount<P extends WithAddons>(props: P): P {
  if (props === undefined || props === null || typeof props !== "object" || props.serviceAccounts !== undefined) return props;
  const addons = props.addonPolicies;
  if (!Array.isArray(addons) || addons.length !== 1 || !AddonPolicy.isAddonPolicy(addons[0])) return props;
  if (addons[0].hasDefaultServiceAccount === false) return props; // undefined: a copy of this library from before the flag
  return { ...props, serviceAccounts: [addons[0].defaultServiceAccount] };
}
