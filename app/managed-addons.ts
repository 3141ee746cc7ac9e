/** The app's EKS managed add-ons: one EksManagedAddon each, under `managed-addons/<name>`, and an output per role. */
import { TerraformOutput } from "cdktf";
import { Construct } from "constructs";
import { EksManagedAddon, IOidcProvider } from "../lib";
import { ValidationError } from "../lib/internal";
import { AppManagedAddon } from "./managed-addons-config";

export function addManagedAddons(
  scope: Construct,
  addons: readonly AppManagedAddon[],
  clusterName: string,
  oidcProvider: IOidcProvider,
): EksManagedAddon[] {
  if (addons.length === 0) return [];
  const holder = new Construct(scope, "managed-addons");
  return addons.map((entry) => {
    const addon = build(holder, entry, clusterName, oidcProvider);
    if (addon.roleArn !== undefined) {
      new TerraformOutput(scope, `managed_addon_role_arn_${entry.name.replace(/[^A-Za-z0-9_]/g, "_")}`, {
        value: addon.roleArn,
        description: `IAM role of the ${entry.name} EKS add-on (${addon.serviceAccount!.namespace}/${addon.serviceAccount!.name})`,
      });
    }
    return addon;
  });
}

/** The construct, with its errors prefixed by the config entry they come from. */
function build(holder: Construct, entry: AppManagedAddon, clusterName: string, oidcProvider: IOidcProvider): EksManagedAddon {
  try {
    return new EksManagedAddon(holder, entry.name, {
      clusterName,
      addonName: entry.name,
      addonVersion: entry.version,
      identity: entry.identity,
      configurationValues: entry.configurationValues,
      oidcProvider: entry.identity === "irsa" ? oidcProvider : undefined,
      serviceAccount: entry.serviceAccount,
      addonPolicies: entry.addonPolicy === undefined ? undefined : [entry.addonPolicy],
      managedPolicyArns: entry.managedPolicyArns,
      roleName: entry.roleName,
    });
  } catch (e) {
    if (e instanceof ValidationError) throw new ValidationError(`${entry.at}: ${e.message}`);
    throw e;
  }
}
