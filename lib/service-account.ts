import { TerraformProvider } from "cdktf";
import { IOidcProvider } from "./oidc-provider";

/** A Kubernetes service account, by namespace and name. */
export interface ServiceAccountRef {
  /** Namespace of the service account (an RFC 1123 label; never a wildcard). */
  readonly namespace: string;
  /**
   * Name of the service account (an RFC 1123 subdomain). May contain `*` and `?` only when the
   * role sets `allowWildcards`.
   */
  readonly name: string;
}

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
}

/** What {@link IrsaRole} does with the Kubernetes service accounts it trusts. */
export enum ServiceAccountMode {
  /** Add the role annotation to existing service accounts (`kubernetes_annotations`). */
  ANNOTATE = "annotate",
  /** Create the service accounts with the annotation (`kubernetes_service_account_v1`). */
  CREATE = "create",
  /** Leave Kubernetes alone; annotate the service accounts elsewhere (Helm, GitOps). */
  NONE = "none",
}

/** The annotation the EKS pod identity webhook reads to inject the role's credentials. */
export const ROLE_ARN_ANNOTATION = "eks.amazonaws.com/role-arn";
/** The annotation that asks for a token audience other than `sts.amazonaws.com`. */
export const AUDIENCE_ANNOTATION = "eks.amazonaws.com/audience";
/** The annotation that makes the SDKs use the regional STS endpoint ("true"). */
export const STS_REGIONAL_ENDPOINTS_ANNOTATION = "eks.amazonaws.com/sts-regional-endpoints";
/** The annotation that sets the projected token's lifetime in seconds. */
export const TOKEN_EXPIRATION_ANNOTATION = "eks.amazonaws.com/token-expiration";

/** The `sub` claim EKS puts in a service account's token. */
export function subjectOf(sa: ServiceAccountRef): string {
  return `system:serviceaccount:${sa.namespace}:${sa.name}`;
}
