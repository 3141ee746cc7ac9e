/** What the catalogue knows about one EKS managed add-on: its service account and the permissions its role needs. */
import { AddonPolicy } from "../../addons/addon-policy";
import { ServiceAccountRef } from "../../kubernetes/service-account";

/** One EKS add-on, by the name `aws eks create-addon --addon-name` takes. */
export interface CatalogueEntry {
  /** The EKS add-on name, e.g. `aws-ebs-csi-driver`. */
  readonly addonName: string;
  /**
   * The add-on's service account (DescribeAddonConfiguration `podIdentityConfiguration.serviceAccount`,
   * in the namespace the add-on installs into). Undefined: the add-on needs no role.
   */
  readonly serviceAccount?: ServiceAccountRef;
  /** The add-on policies of this library that grant what the add-on needs, when no input scopes them. */
  readonly addonPolicies?: () => AddonPolicy[];
  /**
   * The name of the library add-on (`lib/addons`, e.g. `mountpoint-s3-csi`) whose inputs scope this
   * add-on's policy: the app's `managedAddons` entries take those inputs.
   */
  readonly policyAddon?: string;
  /** AWS managed policies (name below `arn:<partition>:iam::aws:policy/`) the EKS user guide recommends. */
  readonly managedPolicyNames?: readonly string[];
  /**
   * Why the add-on's permissions cannot be defaulted (they need scoping input, or the service
   * account depends on the add-on's configuration): the error an entry without `addonPolicies` gets.
   */
  readonly needsInput?: string;
  /** Where the facts come from: EKS user guide page title and URL. */
  readonly source: string;
}

/** The add-ons that need a role have a service account; the others have none. */
export function needsRole(entry: CatalogueEntry): boolean {
  return entry.serviceAccount !== undefined;
}
