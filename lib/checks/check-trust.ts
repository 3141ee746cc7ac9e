/** Runs every trust rule: over one policy, or over every trust policy of a Terraform configuration. */
import { TerraformAddress, TerraformConfig } from "./model/terraform-config";
import { trustPoliciesOf } from "./model/trust-policies-of-config";
import { TrustPolicy, ValueSyntax } from "./model/trust-statement";
import { TRUST_RULES } from "./rules";
import { TrustFinding } from "./trust-rule";

/** A finding and the Terraform block it is about. */
export interface AddressedFinding extends TrustFinding {
  readonly address: TerraformAddress;
}

/** Every finding of every rule for one trust policy. */
export function checkTrustPolicy(policy: TrustPolicy): TrustFinding[] {
  return TRUST_RULES.flatMap((rule) =>
    rule.check(policy).map((message) => ({ ruleId: rule.id, ruleName: rule.name, severity: rule.severity, message })),
  );
}

/** How many blocks of each kind the rules judged in one configuration. */
export interface JudgedCounts {
  readonly trustPolicies: number;
  readonly oidcProviders: number;
  readonly annotations: number;
}

/** What the rules found in one configuration, and what they judged: a checker never says "clean" about what it did not read. */
export interface ConfigReport {
  readonly findings: AddressedFinding[];
  readonly judged: JudgedCounts;
  /** Blocks that looked relevant but could not be read (each also has a finding, e.g. IRSA011). */
  readonly unreadable: number;
}

/** Every finding for every trust policy of a configuration, with counts of what was judged. */
export function reportTerraformConfig(config: TerraformConfig, syntax: ValueSyntax = "terraform"): ConfigReport {
  const trusts = trustPoliciesOf(config, syntax);
  const findings = trusts.flatMap(({ address, policy }) => checkTrustPolicy(policy).map((f) => ({ ...f, address })));
  return {
    findings,
    judged: { trustPolicies: trusts.filter((t) => t.policy.kind !== "unreadable").length, oidcProviders: 0, annotations: 0 },
    unreadable: trusts.filter((t) => t.policy.kind === "unreadable").length,
  };
}

/** Every finding for every trust policy of a configuration (synthesized: "terraform"; a plan's values: "iam"). */
export function checkTerraformConfig(config: TerraformConfig, syntax: ValueSyntax = "terraform"): AddressedFinding[] {
  return reportTerraformConfig(config, syntax).findings;
}
