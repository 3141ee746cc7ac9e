/**
 * Requests as IAM sees them (an EKS Pod Identity AssumeRole or TagSession, an IRSA
 * AssumeRoleWithWebIdentity), and an evaluator for a synthesized role's trust, both on the shipped
 * helper (`cdktf-eks-irsa/testing`): for decisions the one-line assertions do not cover (one action
 * alone, no session tags, another principal).
 */
import { AuthorizationRequest, IrsaAssertions, PolicyEvaluator } from "../../lib/testing";
import { Json } from "./synth";

/**
 * The evaluator for the trust of `aws_iam_role.<roleId>`, as the shipped helper renders it
 * (`cdktf-eks-irsa/testing`), with references resolved from `providerArns`.
 */
export function trustEvaluator(json: Json, roleId: string, providerArns: { [address: string]: string } = {}): PolicyEvaluator {
  const assertions = IrsaAssertions.fromSynth(JSON.stringify(json), { providerArns, values: stackValues(json) });
  return new PolicyEvaluator([assertions.trustPolicyJson(`aws_iam_role.${roleId}`)]);
}

/** Where the tests' stacks apply: IrsaAssertions' defaults (its cluster ARNs use them). */
export const TEST_ENV = { partition: "aws", region: "us-east-1", accountId: "111122223333" };

/** The values of the stack's shared `aws_partition`, `aws_region` and `aws_caller_identity` data sources, for IrsaAssertions. */
export function stackValues(json: Json, env = TEST_ENV): { [reference: string]: string } {
  const values: { [reference: string]: string } = {};
  for (const id of Object.keys(json.data?.aws_partition ?? {})) values[`data.aws_partition.${id}.partition`] = env.partition;
  for (const id of Object.keys(json.data?.aws_region ?? {})) values[`data.aws_region.${id}.region`] = env.region;
  for (const id of Object.keys(json.data?.aws_caller_identity ?? {})) values[`data.aws_caller_identity.${id}.account_id`] = env.accountId;
  return values;
}

/** The ARN EKS passes in the `eks-cluster-arn` session tag for a cluster of that name. */
export const clusterArnOf = (cluster: string, env = TEST_ENV) =>
  `arn:${env.partition}:eks:${env.region}:${env.accountId}:cluster/${cluster}`;

/** A Pod Identity AssumeRole (or TagSession) call for one pod as EKS makes it (cluster ARN in TEST_ENV by default); no tags if disabled. */
export function podIdentityRequest(
  cluster: string,
  namespace: string,
  serviceAccount: string,
  action = "sts:AssumeRole",
  tags = true,
  clusterArn = clusterArnOf(cluster),
): AuthorizationRequest {
  return {
    action,
    resource: "*",
    principal: { type: "Service", id: "pods.eks.amazonaws.com" },
    context: tags
      ? {
          "aws:RequestTag/eks-cluster-arn": clusterArn,
          "aws:RequestTag/eks-cluster-name": cluster,
          "aws:RequestTag/kubernetes-namespace": namespace,
          "aws:RequestTag/kubernetes-service-account": serviceAccount,
          "aws:RequestTag/kubernetes-pod-name": `${serviceAccount}-7d9f8`,
        }
      : {},
  };
}

/** An IRSA AssumeRoleWithWebIdentity call. */
export function webIdentityRequest(
  providerArn: string,
  host: string,
  namespace: string,
  name: string,
  aud = "sts.amazonaws.com",
): AuthorizationRequest {
  return {
    action: "sts:AssumeRoleWithWebIdentity",
    resource: "*",
    principal: { type: "Federated", id: providerArn },
    context: { [`${host}:sub`]: `system:serviceaccount:${namespace}:${name}`, [`${host}:aud`]: aud },
  };
}
