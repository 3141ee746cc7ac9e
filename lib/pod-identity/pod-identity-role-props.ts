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
   * @default false
   */
  readonly disableSessionTags?: boolean;
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
}
