/** Kubernetes service accounts: how they are named, what the role does with them, and their `sub` claim. */
import { serviceAccountSubject } from "../facts/eks";
import { Validator } from "../validation/validator";

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

const MODES: readonly string[] = Object.values(ServiceAccountMode);

/** The modes a Pod Identity role allows ({@link PodIdentityServiceAccountMode}), in the order messages list them. */
export const POD_IDENTITY_MODES: readonly ServiceAccountMode[] = [
  PodIdentityServiceAccountMode.NONE,
  PodIdentityServiceAccountMode.CREATE,
].map((mode) => mode as string as ServiceAccountMode);

/** Reads a mode given as a string or as the enum; the one place that knows the spellings. */
export function parseServiceAccountMode(
  validator: Validator,
  path: string,
  value: unknown,
  fallback: ServiceAccountMode,
  allowed: readonly ServiceAccountMode[] = Object.values(ServiceAccountMode),
): ServiceAccountMode {
  if (value === undefined) return fallback;
  const mode = validator.requireString(path, value);
  if (!MODES.includes(mode) || !allowed.includes(mode as ServiceAccountMode)) {
    validator.reject(path, mode, `is not one of ${allowed.map((m) => `"${m}"`).join(", ")}`);
  }
  return mode as ServiceAccountMode;
}

/** A mode parsed with {@link POD_IDENTITY_MODES}, typed for {@link PodIdentityRoleProps} (same strings). */
export function podIdentityModeOf(mode: ServiceAccountMode): PodIdentityServiceAccountMode {
  if (!POD_IDENTITY_MODES.includes(mode)) throw new Error(`serviceAccountMode "${mode}" was not parsed for a Pod Identity role`);
  return mode as string as PodIdentityServiceAccountMode;
}
