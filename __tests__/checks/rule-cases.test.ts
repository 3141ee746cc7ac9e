/**
 * Each rule tested by its id (cdk-nag's pattern): for every rule in TRUST_RULES, a failing input it
 * reports and a passing input nothing reports. A rule without a case fails here.
 */
import { checkTrustPolicy } from "../../lib/checks/check-trust";
import { TRUST_RULES } from "../../lib/checks/rules";
import { RULE_CASES } from "./rule-cases";

const ruleById = new Map(TRUST_RULES.map((rule) => [rule.id, rule]));

test("every registered rule has a case, and every case names a registered rule", () => {
  const covered = new Set(RULE_CASES.map((c) => c.ruleId));
  expect(TRUST_RULES.map((r) => r.id).filter((id) => !covered.has(id))).toEqual([]);
  expect([...covered].filter((id) => !ruleById.has(id))).toEqual([]);
});

describe.each(RULE_CASES.map((c, i) => [`${c.ruleId} (case ${i})`, c] as const))("%s", (_label, ruleCase) => {
  const rule = ruleById.get(ruleCase.ruleId)!;

  test("reports the failing input", () => {
    const messages = rule.check(ruleCase.failing);
    expect(messages.length).toBeGreaterThan(0);
    expect(messages).toContainEqual(expect.stringMatching(ruleCase.message));
    // And the registry reports it under the rule's id.
    expect(checkTrustPolicy(ruleCase.failing).map((f) => f.ruleId)).toContain(rule.id);
  });

  test("passes the input with the defect fixed, and so does every other rule", () => {
    expect(rule.check(ruleCase.passing)).toEqual([]);
    expect(checkTrustPolicy(ruleCase.passing)).toEqual([]);
  });
});
