/** Kubernetes service accounts: how they are named, what the role does with them, and their `sub` claim. */
import { serviceAccountSubject } from "../facts/eks";

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

/**
 * What an {@link IrsaRole} does with the Kubernetes service accounts it trusts. TypeScript takes the
 * enum (`ServiceAccountMode.CREATE`); JavaScript and JSON configs may pass the string (`"create"`).
 */
export enum ServiceAccountMode {
  /** Add the role annotation to existing service accounts (`kubernetes_annotations`). */
  ANNOTATE = "annotate",
  /** Create the service accounts with the annotation (`kubernetes_service_account_v1`). */
  CREATE = "create",
  /** Leave Kubernetes alone; annotate the service accounts elsewhere (Helm, GitOps). */
  NONE = "none",
}

/**
 * What a {@link PodIdentityRole} does with the Kubernetes service accounts it trusts: the modes of
 * {@link ServiceAccountMode} without "annotate" (Pod Identity reads no annotation). Same strings.
 */
export enum PodIdentityServiceAccountMode {
  /** Create the service accounts (`kubernetes_service_account_v1`), without annotations. */
  CREATE = "create",
  /** Leave Kubernetes alone: the service accounts exist. */
  NONE = "none",
}

/** The `sub` claim EKS puts in a service account's token. */
export function subjectOf(sa: ServiceAccountRef): string {
  return serviceAccountSubject(sa.namespace, sa.name);
}
