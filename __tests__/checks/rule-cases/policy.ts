/** Cases for the rules over the policy as a whole (lib/checks/rules/policy). */
import { policyFromJson } from "../../../lib/config-model/policy-json";
import { modelTrust, PROVIDER_ARN, RuleCase, SAFE_WEB_IDENTITY, trust } from "./rule-case";

const safe = trust(SAFE_WEB_IDENTITY);

/** A web-identity statement whose conditions are one Terraform expression (a dynamic block, say): JSON cannot carry that shape. */
const CONDITIONS_AS_EXPRESSION = modelTrust({
  effect: "Allow",
  actions: ["sts:AssumeRoleWithWebIdentity"],
  principals: [{ type: "Federated", identifiers: [PROVIDER_ARN] }],
  conditions: undefined,
});

export const POLICY_CASES: readonly RuleCase[] = [
  {
    ruleId: "IRSA011",
    failing: policyFromJson("${jsonencode(var.trust)}", "terraform"),
    message: /is a Terraform expression .*cannot be checked before apply/,
    passing: safe,
  },
  {
    ruleId: "IRSA011",
    failing: CONDITIONS_AS_EXPRESSION,
    message: /has conditions given as a Terraform expression/,
    passing: safe,
  },
  {
    ruleId: "IRSA012",
    failing: trust({ Effect: "Allow", Principal: "*", Action: "sts:AssumeRole" }),
    message: /lets every principal assume the role \(Principal "\*", no condition\)/,
    passing: trust({ Effect: "Allow", Principal: { AWS: "arn:aws:iam::111122223333:root" }, Action: "sts:AssumeRole" }),
  },
  {
    ruleId: "IRSA014",
    failing: trust({ ...SAFE_WEB_IDENTITY, Effect: "Permit" }),
    message: /Effect is "Permit"/,
    passing: safe,
  },
];
