/**
 * The library's PolicyEvaluator against a maintained one, @cloud-copilot/iam-simulate (a dev
 * dependency; it runs offline on its bundled IAM data): a table of IAM semantics, and every call of
 * every add-on case, must get the same decision from both. A few requests iam-simulate cannot
 * evaluate are listed, with the reason, and must stay exactly those.
 */
import { runSimulation } from "@cloud-copilot/iam-simulate";
import { AuthorizationRequest, Decision, PolicyEvaluator } from "../../lib/evaluation/policy-evaluator";
import { ADDON_CASES } from "../addons/cases";
import { literal, synthAddon } from "../addons/harness";
import { ENVIRONMENTS } from "../support/permissions";
import { ACCOUNT, SEMANTICS } from "./iam-semantics";

const MANAGED_BY = "secretsmanager:resourcetag/managed-by";
const THEIRS: { [result: string]: Decision } = {
  Allowed: Decision.ALLOWED,
  ImplicitlyDenied: Decision.IMPLICIT_DENY,
  ExplicitlyDenied: Decision.EXPLICIT_DENY,
};
// KMS authorizes only what the key policy allows; this is the default key policy (delegate to IAM).
const DEFAULT_KEY_POLICY = {
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: "kms:*", Resource: "*" }],
};

/** iam-simulate's decision, or why it could not make one. */
async function simulate(policies: string[], r: AuthorizationRequest): Promise<string> {
  try {
    const result = await runSimulation(
      {
        identityPolicies: policies.map((p, i) => ({ name: `policy-${i}`, policy: JSON.parse(p) })),
        serviceControlPolicies: [],
        resourceControlPolicies: [],
        resourcePolicy: r.action.startsWith("kms:") ? DEFAULT_KEY_POLICY : undefined,
        request: {
          action: r.action,
          principal: `arn:aws:iam::${ACCOUNT}:role/addon`,
          resource: { accountId: ACCOUNT, resource: r.resource },
          contextVariables: { ...r.context, ...r.multiValuedContext },
        },
      },
      {},
    );
    if (result.resultType === "error") return `error: ${JSON.stringify(result.errors)}`;
    return THEIRS[result.overallResult];
  } catch (e) {
    return `error: ${(e as Error).message}`;
  }
}

describe("PolicyEvaluator agrees with @cloud-copilot/iam-simulate", () => {
  test.each(SEMANTICS)("%s", async (_name, policy, requests) => {
    const ours = new PolicyEvaluator([policy]);
    for (const r of requests)
      expect({ request: r, decision: await simulate([policy], r) }).toEqual({ request: r, decision: ours.evaluate(r).decision });
  });

  test("on every call of every add-on case (aws partition)", async () => {
    const env = literal(ENVIRONMENTS.aws);
    const differences: string[] = [];
    let compared = 0;
    for (const [name, addon] of Object.entries(ADDON_CASES)) {
      const synthesized = synthAddon(addon.policy);
      const policies = synthesized.policies("aws");
      const ours = new PolicyEvaluator(policies);
      for (const r of [...addon.allowed(env), ...addon.denied(env)]) {
        compared++;
        const theirs = await simulate(policies, r);
        if (theirs !== ours.evaluate(r).decision) differences.push(`${name}: ${r.action}: ${theirs}`);
      }
    }
    expect(compared).toBeGreaterThan(150);
    // What iam-simulate cannot evaluate, and why:
    expect(differences).toEqual([
      // Public SSM parameters (arn:aws:ssm:<region>::parameter/aws/service/...) have no account;
      // iam-data's parameter ARN pattern requires one.
      'karpenterController: ssm:GetParameter: error: {"message":"no.resource.types"}',
      // iam-data lists Secrets Manager's tag key as the literal "secretsmanager:ResourceTag/tag-key".
      ...Array(2).fill(`externalSecrets (allowCreate, KMS): secretsmanager:DeleteSecret: error: Condition key ${MANAGED_BY} not found`),
    ]);
  }, 60000);
});
