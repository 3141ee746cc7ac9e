import { ServiceAccountRef } from "../kubernetes/service-account";
import { IOidcProvider } from "../oidc/oidc-provider";
import { RoleOptions } from "../role/role-options";

/** Properties of {@link EksManagedAddon}. */
export interface EksManagedAddonProps extends RoleOptions {
  /** Name of the EKS cluster to install the add-on into (literal or token). */
  readonly clusterName: string;
  /** The EKS add-on name, as `aws eks describe-addon-versions` lists it, e.g. `aws-ebs-csi-driver`, `vpc-cni`. */
  readonly addonName: string;
  /**
   * Version of the add-on, e.g. `v1.37.0-eksbuild.1`.
   * @default - the default version EKS picks for the cluster's Kubernetes version
   */
  readonly addonVersion?: string;
  /**
   * The add-on's configuration values, as JSON, validated by EKS against the schema of
   * `aws eks describe-addon-configuration`.
   * @default - none
   */
  readonly configurationValues?: string;
  /**
   * What EKS does with fields that conflict at creation: "NONE" or "OVERWRITE".
   * @default - the provider's default ("OVERWRITE")
   */
  readonly resolveConflictsOnCreate?: string;
  /**
   * What EKS does with fields that conflict at an update: "NONE", "OVERWRITE" or "PRESERVE".
   * @default - the provider's default ("OVERWRITE")
   */
  readonly resolveConflictsOnUpdate?: string;
  /**
   * How the add-on gets its role: "pod-identity" (the add-on's `pod_identity_association` block;
   * the cluster needs the `eks-pod-identity-agent` add-on) or "irsa" (`service_account_role_arn`,
   * with `oidcProvider`). See {@link AddonIdentity}.
   * @default "pod-identity"
   */
  readonly identity?: string;
  /**
   * The cluster's OIDC provider; required with identity "irsa", not used otherwise.
   * @default - none
   */
  readonly oidcProvider?: IOidcProvider;
  /**
   * The add-on's service account, which the role trusts. EKS creates and manages it: no
   * annotation and no ServiceAccount resource are made.
   * @default - the add-on's service account from the catalogue; required for add-ons it does not know
   */
  readonly serviceAccount?: ServiceAccountRef;
  /**
   * Tags of the `aws_eks_addon` (the role takes `tags` of the role options).
   * @default - no tags
   */
  readonly addonTags?: { [key: string]: string };
}
