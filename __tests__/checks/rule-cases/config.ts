/** Cases for the rules over OIDC providers and annotations (lib/checks/rules/oidc-provider, annotation): whole configurations. */
import { TerraformConfig } from "../../../lib/config-model/terraform-config";
import { HOST, RuleCase, SUBJECT } from "./rule-case";

const PROVIDER = {
  url: `https://${HOST}`,
  client_id_list: ["sts.amazonaws.com"],
  thumbprint_list: ["${data.tls_certificate.eks.certificates[0].sha1_fingerprint}"],
};

/** One OIDC provider (with `changes`) and a role that trusts exactly `SUBJECT` through it. */
function config(changes: object = {}, annotated: { namespace: string; name: string } | undefined = undefined): TerraformConfig {
  const trust = JSON.stringify({
    Version: "2012-10-17",
    Statement: [
      {
        Effect: "Allow",
        Principal: { Federated: "${aws_iam_openid_connect_provider.eks.arn}" },
        Action: "sts:AssumeRoleWithWebIdentity",
        Condition: { StringEquals: { [`${HOST}:sub`]: SUBJECT, [`${HOST}:aud`]: "sts.amazonaws.com" } },
      },
    ],
  });
  return {
    resource: {
      aws_iam_openid_connect_provider: { eks: { ...PROVIDER, ...changes } },
      aws_iam_role: { api: { assume_role_policy: trust } },
      ...(annotated === undefined
        ? {}
        : {
            kubernetes_annotations: {
              sa: {
                api_version: "v1",
                kind: "ServiceAccount",
                metadata: annotated,
                annotations: { "eks.amazonaws.com/role-arn": "${aws_iam_role.api.arn}" },
              },
            },
          }),
    },
  };
}

const DUAL_STACK = "https://oidc-eks.us-west-2.api.aws/id/EXAMPLED539D4633E53DE1B71EXAMPLE";

export const CONFIG_RULE_CASES: readonly RuleCase<TerraformConfig>[] = [
  { ruleId: "IRSA030", failing: config({ client_id_list: [""] }), message: /has "" in client_id_list/, passing: config() },
  { ruleId: "IRSA031", failing: config({ client_id_list: ["other"] }), message: /sts\.amazonaws\.com/, passing: config() },
  {
    ruleId: "IRSA032",
    failing: config({ thumbprint_list: ["${data.tls_certificate.eks.certificates[*].sha1_fingerprint}"] }),
    message: /certificates\[\*\]/,
    passing: config(),
  },
  { ruleId: "IRSA033", failing: config({ thumbprint_list: ["not-a-thumbprint"] }), message: /40 hex/, passing: config() },
  { ruleId: "IRSA034", failing: config({ url: `http://${HOST}` }), message: /https/, passing: config() },
  { ruleId: "IRSA035", failing: config({ url: DUAL_STACK }), message: /dual-stack/, passing: config() },
  {
    ruleId: "IRSA040",
    failing: config({}, { namespace: "orders", name: "worker" }),
    message: /does not admit system:serviceaccount:orders:worker/,
    passing: config({}, { namespace: "orders", name: "api" }),
  },
];
