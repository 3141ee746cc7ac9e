/** The trust rules' findings for users' own tests: `expect(IrsaAssertions.fromSynth(json).findings()).toEqual([])`. */
import { reportTerraformConfig } from "../checks/check-trust";
import { addressText, TerraformConfig } from "../checks/model/terraform-config";

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
  return reportTerraformConfig(config, "terraform").findings.map((f) => ({
    ruleId: f.ruleId,
    ruleName: f.ruleName,
    severity: f.severity,
    address: addressText(f.address),
    message: f.message,
  }));
}
