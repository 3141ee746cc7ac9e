/**
 * The trust document of a synthesized role as IAM JSON, for lib/testing's PolicyEvaluator: the
 * role's `assume_role_policy` reference followed to its `aws_iam_policy_document`, blocks turned
 * into IAM's shape, and references replaced by the values a test supplies (IAM assigns ARNs at apply).
 */
import { AuthorizationRequest, PolicyEvaluator } from "../../lib/testing/policy-evaluator";
import { Json } from "./synth";

const list = (value: unknown): string[] => (value === undefined ? [] : (value as string[]));

/** IAM JSON for a synthesized `data "aws_iam_policy_document"` block's own statements. */
export function documentAsJson(block: Json, values: { [expression: string]: string } = {}): string {
  const resolve = (text: string) => text.replace(/\$\{([^}]+)\}/g, (m, expr: string) => values[expr] ?? m);
  return JSON.stringify({
    Version: "2012-10-17",
    Statement: (block.statement ?? []).map((s: Json) => ({
      Effect: s.effect ?? "Allow",
      Action: list(s.actions),
      Principal: Object.fromEntries((s.principals ?? []).map((p: Json) => [p.type, list(p.identifiers).map(resolve)])),
      Condition: (s.condition ?? []).reduce((all: Json, c: Json) => {
        (all[c.test] ??= {})[resolve(c.variable)] = list(c.values).map(resolve);
        return all;
      }, {}),
    })),
  });
}

/** The evaluator for the trust of `aws_iam_role.<roleId>`. */
export function trustEvaluator(json: Json, roleId: string, values: { [expression: string]: string } = {}): PolicyEvaluator {
  const reference = /^\$\{data\.aws_iam_policy_document\.(.+)\.json\}$/.exec(json.resource.aws_iam_role[roleId].assume_role_policy);
  if (!reference) throw new Error(`aws_iam_role.${roleId}'s trust is not a policy document reference`);
  return new PolicyEvaluator([documentAsJson(json.data.aws_iam_policy_document[reference[1]], values)]);
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
