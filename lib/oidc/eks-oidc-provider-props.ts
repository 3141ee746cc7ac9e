/** Properties of {@link EksOidcProvider}. */
export interface EksOidcProviderProps {
  /**
   * The cluster's OIDC issuer URL, e.g. `https://oidc.eks.us-west-2.amazonaws.com/id/EXAMPLE`
   * (literal, or a token such as `aws_eks_cluster.identity[0].oidc[0].issuer`).
   */
  readonly issuerUrl: string;
  /**
   * Client IDs (audiences) the provider accepts.
   * @default ["sts.amazonaws.com"]
   */
  readonly clientIds?: string[];
  /**
   * Static thumbprints (SHA-1, 40 hex characters) pinned in addition to the fetched one, or
   * instead of it when `fetchThumbprint` is false. IAM allows five in all.
   * @default - none
   */
  readonly thumbprints?: string[];
  /**
   * Read the issuer's certificate chain at plan time with the `tls_certificate` data source and pin
   * `certificates[0]` (the top-most certificate the server sends). Set to false on air-gapped or
   * TLS-intercepting runners and pass `thumbprints` instead.
   * @default true
   */
  readonly fetchThumbprint?: boolean;
  /**
   * Tags of the IAM OIDC provider.
   * @default - no tags
   */
  readonly tags?: { [key: string]: string };
}
