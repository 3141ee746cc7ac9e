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
  const assertions = IrsaAssertions.fromSynth(JSON.stringify(json), { providerArns });
  return new PolicyEvaluator([assertions.trustPolicyJson(`aws_iam_role.${roleId}`)]);
}

/** A Pod Identity AssumeRole (and TagSession) call for one pod, as EKS makes it; tags absent when disabled. */
export function podIdentityRequest(
  cluster: string,
  namespace: string,
  serviceAccount: string,
  action = "sts:AssumeRole",
  tags = true,
): AuthorizationRequest {
  return {
    action,
    resource: "*",
    principal: { type: "Service", id: "pods.eks.amazonaws.com" },
    context: tags
      ? {
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
