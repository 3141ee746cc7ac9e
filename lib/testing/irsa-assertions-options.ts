/** Options of `IrsaAssertions.fromSynth`: values that exist only at apply, and the account they live in. */

/** What `IrsaAssertions` cannot read from the synthesized JSON alone. */
export interface IrsaAssertionsOptions {
  /**
   * ARNs of OIDC providers by Terraform address (`aws_iam_openid_connect_provider.<name>` or
   * `data.aws_iam_openid_connect_provider.<name>`), for providers whose URL is known only at apply
   * (e.g. read from `aws_eks_cluster`).
   * @default - a provider with a literal `url` gets `arn:<partition>:iam::<accountId>:oidc-provider/<url without https://>`
   */
  readonly providerArns?: { [address: string]: string };
  /**
   * Issuer hosts (the issuer URL without `https://`) of OIDC providers by Terraform address; the
   * ARN is built from the host, the account and the partition.
   * @default - none
   */
  readonly issuerHosts?: { [address: string]: string };
  /**
   * The value of any other reference known only at apply, by the reference as written in the
   * configuration, e.g. `{ "data.aws_eks_cluster.cluster.identity[0].oidc[0].issuer": "https://oidc.eks..." }`.
   * @default - none
   */
  readonly values?: { [reference: string]: string };
  /**
   * The AWS account of the stack, used in the ARNs built for providers, roles and clusters.
   * @default "111122223333"
   */
  readonly accountId?: string;
  /**
   * The AWS partition, used in the ARNs built for providers, roles and clusters.
   * @default "aws"
   */
  readonly partition?: string;
  /**
   * The region, used in the EKS cluster ARNs built for Pod Identity requests.
   * @default "us-east-1"
   */
  readonly region?: string;
}
