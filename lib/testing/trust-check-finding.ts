/** The trust rules' findings for users' own tests: `expect(IrsaAssertions.fromSynth(json).findings()).toEqual([])`. */
import type { TerraformAddress, TerraformConfig } from "../config-model/terraform-config";

/** The part of lib/checks/check-trust.ts used here (required on first use, see below). */
interface CheckTrustModule {
  reportTerraformConfig(
    config: TerraformConfig,
    syntax: "terraform",
  ): { findings: { ruleId: string; ruleName: string; severity: string; message: string; address: TerraformAddress }[] };
}

/** One finding of the trust rules (the same rules as `IrsaTrustChecks` and `cdktf-eks-irsa check`). */
export interface TrustCheckFinding {
  /** The rule's id, e.g. `IRSA002`. */
  readonly ruleId: string;
  /** The rule's name, e.g. `missing-sub`. */
  readonly ruleName: string;
  /** `error` or `warning`. */
  readonly severity: string;
  /** The Terraform address of the block, e.g. `data.aws_iam_policy_document.trust`. */
  readonly address: string;
  /** What is wrong, naming the statement, value or account. */
  readonly message: string;
}

/** Every finding of every rule in a synthesized configuration. */
export function trustCheckFindings(config: TerraformConfig): TrustCheckFinding[] {
  // Loaded on first use: findings() runs the library's own rules on purpose, while whoCanAssume and
  // canAssume stay an independent check that loads none of the library's issuer-host code.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { reportTerraformConfig } = require("../checks/check-trust") as CheckTrustModule;
  return reportTerraformConfig(config, "terraform").findings.map((f) => ({
    ruleId: f.ruleId,
    ruleName: f.ruleName,
    severity: f.severity,
    address: `${f.address.mode === "data" ? "data." : ""}${f.address.type}.${f.address.name}`,
    message: f.message,
  }));
}
