/**
 * Runs the trust rules over the inputs: the same rules, through the same function, as the
 * IrsaTrustChecks Aspect (`checkTerraformConfig`). Synthesized configuration is read with syntax
 * "terraform"; a plan's rendered values with "iam". A trust a plan knows only at apply is judged
 * as unreadable by the same rules (`checkTrustPolicy`).
 */
import { checkTerraformConfig, checkTrustPolicy } from "../../checks/check-trust";
import { addressText } from "../../checks/model/terraform-config";
import { Severity } from "../../checks/trust-rule";
import { InputFile } from "./inputs";
import { Locator, Region } from "./locate";
import { planTrusts } from "./plan-config";

/** One finding, with where it is. */
export interface CheckFinding {
  readonly ruleId: string;
  readonly ruleName: string;
  readonly severity: Severity;
  readonly message: string;
  /** The Terraform address, e.g. `data.aws_iam_policy_document.trust` or `module.a.aws_iam_role.r[0]`. */
  readonly address: string;
  readonly file: string;
  /** Where the address is written in the file, when it could be found. */
  readonly region?: Region;
}

/** Findings of one input file, in rule order per trust policy. */
export function checkInput(input: InputFile): CheckFinding[] {
  const locator = new Locator(input.text);
  if (input.kind === "config") {
    return checkTerraformConfig(input.json, "terraform").map((f) => ({
      ...f,
      address: addressText(f.address),
      file: input.path,
      region: locator.configBlock(f.address.mode, f.address.type, f.address.name),
    }));
  }
  const { config, unknown } = planTrusts(input.json, input.path);
  // The plan's configuration is keyed by full address; the type and name parts are not used here.
  const known = checkTerraformConfig(config, "iam").map((f) => ({ ...f, address: f.address.name }));
  const unreadable = unknown.flatMap((u) =>
    checkTrustPolicy({ kind: "unreadable", reason: u.reason }).map((f) => ({ ...f, address: u.address })),
  );
  return [...known, ...unreadable].map((f) => ({ ...f, file: input.path, region: locator.planAddress(f.address) }));
}

/** Findings of every input, in input order. */
export const checkInputs = (inputs: readonly InputFile[]): CheckFinding[] => inputs.flatMap(checkInput);
