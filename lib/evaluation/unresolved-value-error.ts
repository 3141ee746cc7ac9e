/** The error IrsaAssertions throws for a value that is known only at apply. */

/**
 * A trust policy holds a Terraform expression whose value is not known at synth (an issuer URL
 * read from a cluster, an OIDC provider created from it). The message names the expression, the
 * reference that is missing, and the option of `IrsaAssertions.fromSynth` that supplies it.
 */
export class UnresolvedValueError extends Error {
  /** The value as written in the configuration, e.g. `${aws_iam_openid_connect_provider.oidc.arn}`. */
  public readonly expression: string;
  /** The reference whose value is missing, e.g. `data.aws_eks_cluster.cluster.identity[0].oidc[0].issuer`. */
  public readonly reference: string;

  /**
   * @param expression the value as written in the configuration
   * @param reference the reference whose value is missing
   * @param message the whole message
   */
  constructor(expression: string, reference: string, message: string) {
    super(message);
    this.name = "UnresolvedValueError";
    this.expression = expression;
    this.reference = reference;
  }
}
