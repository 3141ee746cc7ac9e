/** Who may assume a role: one service account, and how it proves it (a web identity token, or EKS Pod Identity). */
export interface TrustedSubject {
  /** "web-identity" (IRSA: a projected token from the cluster's OIDC issuer) or "pod-identity" (EKS Pod Identity). */
  readonly via: string;
  /** Namespace of the service account. */
  readonly namespace: string;
  /** Name of the service account (a pattern when the role allows wildcards). */
  readonly serviceAccountName: string;
  /**
   * Web identity: the issuer host that prefixes the condition keys (a token while the provider ARN is one).
   * @default - not set for Pod Identity
   */
  readonly issuerHost?: string;
  /**
   * Web identity: the `sub` the token carries, `system:serviceaccount:<namespace>:<name>`.
   * @default - not set for Pod Identity
   */
  readonly subject?: string;
  /**
   * Web identity: the `aud` the token carries.
   * @default - not set for Pod Identity
   */
  readonly audience?: string;
  /**
   * Pod Identity: the service principal, `pods.eks.amazonaws.com`.
   * @default - not set for web identity
   */
  readonly service?: string;
  /**
   * Pod Identity: the EKS cluster whose associations may use the role.
   * @default - not set for web identity
   */
  readonly clusterName?: string;
}

export const WEB_IDENTITY = "web-identity";
export const POD_IDENTITY = "pod-identity";
