import { TerraformProvider } from "cdktf";
import { ServiceAccountMode, ServiceAccountRef } from "../kubernetes/service-account";
import { IOidcProvider } from "../oidc/oidc-provider";
import { RoleOptions } from "../role/role-options";
import { ClusterTrust } from "./cluster-trust";

/** The server-side apply field manager of the annotations unless `fieldManager` says otherwise. */
export const DEFAULT_FIELD_MANAGER = "cdktf-eks-irsa";

/** Properties of {@link IrsaRole}. */
export interface IrsaRoleProps extends RoleOptions {
  /** The OIDC provider of the cluster whose service accounts assume the role. */
  readonly oidcProvider: IOidcProvider;
  /**
   * Service accounts of that cluster that may assume the role; at least one.
   * @default - the add-on's default service account when `addonPolicies` holds exactly one add-on
   * policy; otherwise required
   */
  readonly serviceAccounts?: ServiceAccountRef[];
  /**
   * More clusters whose service accounts may assume the same role (one trust statement each).
   * @default - none
   */
  readonly additionalClusters?: ClusterTrust[];
  /**
   * The `aud` the service account tokens carry. Must be one of the providers' client IDs. A value
   * other than the default is also written to the `eks.amazonaws.com/audience` annotation.
   * @default "sts.amazonaws.com"
   */
  readonly audience?: string;
  /**
   * Allow `*` and `?` in service account names and match `sub` with StringLike. Namespaces are
   * never wildcards.
   * @default false
   */
  readonly allowWildcards?: boolean;
  /**
   * What to do with the Kubernetes service accounts: "annotate" existing ones, "create" them, or
   * "none". JavaScript and JSON callers may pass the string.
   * @default ServiceAccountMode.ANNOTATE
   */
  readonly serviceAccountMode?: ServiceAccountMode;
  /**
   * The kubernetes provider for the first cluster's service accounts.
   * @default - the stack's default kubernetes provider
   */
  readonly kubernetesProvider?: TerraformProvider;
  /**
   * Take ownership of the annotations when another field manager owns them (server-side apply
   * `force`). Only in "annotate" mode.
   * @default false
   */
  readonly annotationForce?: boolean;
  /**
   * Server-side apply field manager of the annotations. The provider's default, "Terraform",
   * collides with `kubernetes_labels` on the same object.
   * @default "cdktf-eks-irsa"
   */
  readonly fieldManager?: string;
  /**
   * Sets `eks.amazonaws.com/sts-regional-endpoints` on the service accounts.
   * @default - not set (the webhook's default applies)
   */
  readonly stsRegionalEndpoints?: boolean;
  /**
   * Sets `eks.amazonaws.com/token-expiration` (seconds, 600 to 86400) on the service accounts.
   * @default - not set (the webhook's default, 86400)
   */
  readonly tokenExpiration?: number;
  /**
   * Migration to EKS Pod Identity, step 1: the name of the first cluster's EKS cluster. The role
   * then also trusts `pods.eks.amazonaws.com` for these service accounts (narrowed by session tags)
   * and gets one `aws_eks_pod_identity_association` per account. Pods keep using IRSA while the
   * `eks.amazonaws.com/role-arn` annotation is there (step 2: `serviceAccountMode: "none"` and a
   * restart; step 3: `webIdentityTrust: false`). The role's address and name never change.
   * @default - IRSA only
   */
  readonly podIdentityClusterName?: string;
  /**
   * Keep the web-identity (IRSA) statements in the trust. `false` is the last migration step:
   * Pod Identity only. Needs `podIdentityClusterName` on every cluster and `serviceAccountMode: "none"`.
   * @default true
   */
  readonly webIdentityTrust?: boolean;
}
