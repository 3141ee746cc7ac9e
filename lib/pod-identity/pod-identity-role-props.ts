import { TerraformProvider } from "cdktf";
import { PodIdentityServiceAccountMode, ServiceAccountRef } from "../kubernetes/service-account";
import { RoleOptions } from "../role/role-options";

/** One more cluster whose service accounts may use the same role through EKS Pod Identity. */
export interface PodIdentityClusterTrust {
  /** Name of that EKS cluster (literal or token). */
  readonly clusterName: string;
  /** Service accounts of that cluster that may use the role; at least one. */
  readonly serviceAccounts: ServiceAccountRef[];
  /**
   * The kubernetes provider configured for that cluster, to create its service accounts.
   * @default - none; required when serviceAccountMode is "create"
   */
  readonly kubernetesProvider?: TerraformProvider;
}

/** Properties of {@link PodIdentityRole}. */
export interface PodIdentityRoleProps extends RoleOptions {
  /** Name of the EKS cluster whose service accounts use the role (literal or token). */
  readonly clusterName: string;
  /**
   * Service accounts of that cluster that may use the role; one association each; at least one.
   * @default - the add-on's default service account when `addonPolicies` holds exactly one add-on
   * policy; otherwise required
   */
  readonly serviceAccounts?: ServiceAccountRef[];
  /**
   * More clusters whose service accounts may use the same role (associations there, and their
   * names in the trust's session-tag conditions).
   * @default - none
   */
  readonly additionalClusters?: PodIdentityClusterTrust[];
  /**
   * A role (in any account) that EKS assumes with this role's credentials and hands to the pods:
   * cross-account role chaining. The role gets permission to assume it; its own trust must allow
   * this role (see the README).
   * @default - none: pods get this role's credentials
   */
  readonly targetRoleArn?: string;
  /**
   * Stop EKS from passing session tags (cluster, namespace, service account, pod). The trust can
   * then no longer be narrowed by those tags: any association in the account may use the role.
   * Required by `sessionPolicies`.
   * @default false
   */
  readonly disableSessionTags?: boolean;
  /**
   * Session policies, by service account `"<namespace>/<name>"` (one of this role's accounts): a
   * policy JSON string that EKS passes when it assumes the role for that account's pods, which
   * then get only what both the role and the policy allow (with `targetRoleArn`: what both the
   * target role and the policy allow). One role can so serve several workloads with less each.
   *
   * Needs `disableSessionTags: true` (EKS rejects a session policy on an association with session
   * tags). The trade-off: without session tags the trust cannot be narrowed to the listed clusters
   * and service accounts; any association in the account may name the role, so keep the role's own
   * permissions to what every such workload may have.
   *
   * Sets the `policy` attribute of those `aws_eks_pod_identity_association`s, which needs
   * hashicorp/aws >= 6.57.1: the prebuilt provider pins 6.25.0, so the attribute is set with an
   * override and the stack's `required_providers.aws.version` becomes ">= 6.57.1, < 7.0.0" (a
   * warning says so). A policy is valid IAM policy JSON (Version, Statement) of at most 2,048
   * bytes (STS's limit for a session policy); a token skips those checks.
   * @default - no session policies
   */
  readonly sessionPolicies?: { [serviceAccount: string]: string };
  /**
   * What to do with the Kubernetes service accounts: "none" (they exist; Pod Identity needs no
   * annotation) or "create" them (`kubernetes_service_account_v1`). There is no "annotate": Pod
   * Identity reads no annotation. JavaScript and JSON callers may pass the string.
   * @default PodIdentityServiceAccountMode.NONE
   */
  readonly serviceAccountMode?: PodIdentityServiceAccountMode;
  /**
   * The kubernetes provider for the first cluster's service accounts ("create" mode).
   * @default - the stack's default kubernetes provider
   */
  readonly kubernetesProvider?: TerraformProvider;
  /**
   * EksManagedAddon only: build the role and its trust but no `aws_eks_pod_identity_association`,
   * because the add-on's `pod_identity_association` block makes it (EKS accepts one per account).
   * @internal
   */
  readonly _associationsByAddon?: boolean;
}
