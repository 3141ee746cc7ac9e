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

/** Every finding for every trust policy of a configuration (synthesized: "terraform"; a plan's values: "iam"). */
export function checkTerraformConfig(config: TerraformConfig, syntax: ValueSyntax = "terraform"): AddressedFinding[] {
  return trustPoliciesOf(config, syntax).flatMap(({ address, policy }) => checkTrustPolicy(policy).map((f) => ({ ...f, address })));
}
