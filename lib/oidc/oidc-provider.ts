/** What a trust policy needs to know of an IAM OIDC provider, whoever created it. */

export { DEFAULT_AUDIENCE } from "../facts/eks";

/** An IAM OIDC identity provider that role trust policies can name. */
export interface IOidcProvider {
  /** ARN of the IAM OIDC provider (literal or token). */
  readonly arn: string;
  /**
   * Issuer host and path without a scheme, e.g. `oidc.eks.us-west-2.amazonaws.com/id/EXAMPLE`.
   * It prefixes the `:sub` and `:aud` condition keys of trust policies.
   */
  readonly issuerHost: string;
  /**
   * The provider's client IDs (allowed audiences) when they are known at synth time; roles check
   * their audience against them.
   * @default - unknown: the audience is not checked
   */
  readonly clientIds?: string[];
}
