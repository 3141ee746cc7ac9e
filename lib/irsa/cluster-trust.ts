import { TerraformProvider } from "cdktf";
import { ServiceAccountRef } from "../kubernetes/service-account";
import { IOidcProvider } from "../oidc/oidc-provider";

/** One more cluster whose service accounts may assume the same role. */
export interface ClusterTrust {
  /** The OIDC provider of that cluster. */
  readonly oidcProvider: IOidcProvider;
  /** Service accounts of that cluster that may assume the role; at least one. */
  readonly serviceAccounts: ServiceAccountRef[];
  /**
   * The kubernetes provider configured for that cluster, used to annotate or create its service
   * accounts. Required unless the role's `serviceAccountMode` is "none": the annotation must land
   * in that cluster, not in the default provider's.
   * @default - none; required when serviceAccountMode is "annotate" or "create"
   */
  readonly kubernetesProvider?: TerraformProvider;
  /**
   * Migration to EKS Pod Identity: that cluster's name. Its service accounts are then trusted
   * through Pod Identity too, and get associations (see the role's `podIdentityClusterName`).
   * @default - IRSA only
   */
  readonly podIdentityClusterName?: string;
}
