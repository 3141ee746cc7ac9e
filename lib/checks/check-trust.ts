/** Runs every rule: over one policy, or over a Terraform configuration (its trusts, OIDC providers and role annotations). */
import type { AnnotationTrustJudge } from "./annotation-trust";
import { objectForm } from "../config-model/config-blocks";
import { AnnotationVerdict, ConfigModel } from "../config-model/config-model";
import { oidcProvidersOf } from "../config-model/oidc-providers-of-config";
import { roleAnnotationsOf } from "../config-model/role-annotations-of-config";
import { TerraformAddress, TerraformConfig } from "../config-model/terraform-config";
import { trustPoliciesOf } from "../config-model/trust-policies-of-config";
import { TrustPolicy, ValueSyntax } from "../config-model/trust-statement";
import { CONFIG_RULES, TRUST_RULES } from "./rules";
import { TrustFinding } from "./trust-rule";

/** A finding and the Terraform block it is about. */
export interface AddressedFinding extends TrustFinding {
  readonly address: TerraformAddress;
}

/** Every finding of every trust rule for one trust policy. */
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
  /**
   * Role annotations that could not be held against a trust, without a finding: the role is not in
   * the configuration, or its trust or the account's name is known only at apply.
   */
  readonly annotationsNotJudged: number;
}

/**
 * The annotation judge and the IAM evaluator it uses, loaded on first use: most inputs have no
 * role annotation, and the command's start-up should not pay for the evaluator (about 0.5 s).
 */
function annotationJudge(config: TerraformConfig, syntax: ValueSyntax): AnnotationTrustJudge {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { AnnotationTrustJudge: Judge } = require("./annotation-trust") as { AnnotationTrustJudge: typeof AnnotationTrustJudge };
  return new Judge(config, syntax);
}

/** Trusts, OIDC providers and role annotations of a configuration, read once (any JSON form). */
export function configModelOf(config: TerraformConfig, syntax: ValueSyntax = "terraform"): ConfigModel {
  const annotations = roleAnnotationsOf(config);
  const judge = annotations.length === 0 ? undefined : annotationJudge(config, syntax);
  const verdicts: AnnotationVerdict[] = annotations.map((a) => judge!.judge(a));
  return {
    syntax,
    trusts: trustPoliciesOf(objectForm(config), syntax),
    oidcProviders: oidcProvidersOf(config, syntax),
    annotations: verdicts,
  };
}

/** Every finding for every trust policy, OIDC provider and role annotation of a configuration, with counts of what was judged. */
export function reportTerraformConfig(config: TerraformConfig, syntax: ValueSyntax = "terraform"): ConfigReport {
  const model = configModelOf(config, syntax);
  const trustFindings = model.trusts.flatMap(({ address, policy }) => checkTrustPolicy(policy).map((f) => ({ ...f, address })));
  const configFindings = CONFIG_RULES.flatMap((rule) =>
    rule
      .checkConfig(model)
      .map(({ address, message }) => ({ ruleId: rule.id, ruleName: rule.name, severity: rule.severity, message, address })),
  );
  const judgedAnnotations = model.annotations.filter((v) => v.admitted !== undefined).length;
  return {
    findings: [...trustFindings, ...configFindings],
    judged: {
      trustPolicies: model.trusts.filter((t) => t.policy.kind !== "unreadable").length,
      oidcProviders: model.oidcProviders.length,
      annotations: judgedAnnotations,
    },
    unreadable: model.trusts.filter((t) => t.policy.kind === "unreadable").length,
    annotationsNotJudged: model.annotations.length - judgedAnnotations,
  };
}

/** Every finding of a configuration (synthesized: "terraform"; a plan's values: "iam"). */
export function checkTerraformConfig(config: TerraformConfig, syntax: ValueSyntax = "terraform"): AddressedFinding[] {
  return reportTerraformConfig(config, syntax).findings;
}
