/**
 * Each rule tested by its id (cdk-nag's pattern): for every rule of every registry, a failing input
 * it reports and a passing input no rule reports. A registered rule without a case fails here.
 * A new registry (rules over other blocks than trust policies) adds one entry to REGISTRIES, with
 * its case files under rule-cases/.
 */
import { checkTrustPolicy, configModelOf, reportTerraformConfig } from "../../lib/checks/check-trust";
import { CONFIG_RULES, TRUST_RULES } from "../../lib/checks/rules";
import { TerraformConfig } from "../../lib/config-model/terraform-config";
import { RULE_CASES, RuleCase } from "./rule-cases";
import { CONFIG_RULE_CASES } from "./rule-cases/config";

/** A registry of rules, its cases, and how to run one of its rules (and all of them) on an input. */
interface Registry<Input> {
  readonly name: string;
  readonly ids: readonly string[];
  readonly cases: readonly RuleCase<Input>[];
  /** The messages of one rule. */
  readonly messagesOf: (ruleId: string, input: Input) => string[];
  /** The ids of every finding of every rule of the registry. */
  readonly findingsOf: (input: Input) => string[];
}

const trustRules: Registry<RuleCase["failing"]> = {
  name: "TRUST_RULES",
  ids: TRUST_RULES.map((r) => r.id),
  cases: RULE_CASES,
  messagesOf: (ruleId, policy) => TRUST_RULES.find((r) => r.id === ruleId)!.check(policy),
  findingsOf: (policy) => checkTrustPolicy(policy).map((f) => f.ruleId),
};

const configRules: Registry<TerraformConfig> = {
  name: "CONFIG_RULES",
  ids: CONFIG_RULES.map((r) => r.id),
  cases: CONFIG_RULE_CASES,
  messagesOf: (ruleId, config) =>
    CONFIG_RULES.find((r) => r.id === ruleId)!
      .checkConfig(configModelOf(config))
      .map((m) => m.message),
  // Every rule, trust rules included: the passing configuration is clean as a whole.
  findingsOf: (config) => reportTerraformConfig(config).findings.map((f) => f.ruleId),
};

/** A registry with its input type erased, so that registries of different inputs share one table. */
const erased = <Input>(registry: Registry<Input>): Registry<unknown> => registry as unknown as Registry<unknown>;

const REGISTRIES: readonly Registry<unknown>[] = [erased(trustRules), erased(configRules)];

describe.each(REGISTRIES.map((r) => [r.name, r] as const))("%s", (_name, registry) => {
  test("every registered rule has a case, and every case names a registered rule", () => {
    const covered = new Set(registry.cases.map((c) => c.ruleId));
    expect(registry.ids.filter((id) => !covered.has(id))).toEqual([]);
    expect([...covered].filter((id) => !registry.ids.includes(id))).toEqual([]);
  });

  describe.each(registry.cases.map((c, i) => [`${c.ruleId} (case ${i})`, c] as const))("%s", (_label, ruleCase) => {
    test("reports the failing input, also through the registry", () => {
      const messages = registry.messagesOf(ruleCase.ruleId, ruleCase.failing);
      expect(messages.length).toBeGreaterThan(0);
      expect(messages).toContainEqual(expect.stringMatching(ruleCase.message));
      expect(registry.findingsOf(ruleCase.failing)).toContain(ruleCase.ruleId);
    });

    test("passes the input with the defect fixed, and so does every other rule", () => {
      expect(registry.messagesOf(ruleCase.ruleId, ruleCase.passing)).toEqual([]);
      expect(registry.findingsOf(ruleCase.passing)).toEqual([]);
    });
  });
});
