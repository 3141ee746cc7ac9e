/** The app's add-on roles: one IrsaRole per configured add-on, under `addons/<add-on>` so that addresses are keyed by add-on name. */
import { TerraformOutput, TerraformProvider } from "cdktf";
import { Construct } from "constructs";
import { IOidcProvider, IrsaRole } from "../lib";
import { AppAddon } from "./addons-config";

export function addAddonRoles(
  scope: Construct,
  addons: readonly AppAddon[],
  oidcProvider: IOidcProvider,
  kubernetesProvider: TerraformProvider,
): IrsaRole[] {
  if (addons.length === 0) return [];
  const holder = new Construct(scope, "addons");
  return addons.map((addon) => {
    const role = new IrsaRole(holder, addon.addon, {
      oidcProvider,
      serviceAccounts: [addon.serviceAccount],
      addonPolicies: [addon.policy],
      roleName: addon.roleName,
      serviceAccountMode: addon.serviceAccountMode,
      kubernetesProvider,
    });
    new TerraformOutput(scope, `addon_role_arn_${addon.addon.replace(/-/g, "_")}`, {
      value: role.roleArn,
      description: `IAM role of the ${addon.addon} add-on (${addon.serviceAccount.namespace}/${addon.serviceAccount.name})`,
    });
    return role;
  });
}
