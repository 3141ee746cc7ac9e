/**
 * Runs the rules over the inputs: the same rules, through the same function, as the
 * IrsaTrustChecks Aspect (`reportTerraformConfig`). Configuration (cdktf output, `.tf`, `.tf.json`)
 * is read with syntax "terraform" after its values are computed as far as they are known before
 * plan; a plan's rendered values and a live account's exports with "iam". A trust a plan knows only
 * at apply, and a module this command does not read, are reported as unreadable by the same rules.
 */
import { checkTrustPolicy, JudgedCounts, reportTerraformConfig } from "../../checks/check-trust";
import { addressText } from "../../config-model/terraform-config";
import { Severity } from "../../checks/trust-rule";
import { exportConfig } from "./exports/export-config";
import { addJudged as add, checkModule, PartReport, ZERO_JUDGED as ZERO } from "./check-module";
import { ExportInput, filesOf, Input, PlanInput } from "./inputs";
import { Locator, Region } from "./locate";
import { planTrusts } from "./plan-config";

/** One finding, with where it is. */
export interface CheckFinding {
  readonly ruleId: string;
  readonly ruleName: string;
  readonly severity: Severity;
  readonly message: string;
  /** The address, e.g. `data.aws_iam_policy_document.trust`, `module.a.aws_iam_role.r[0]`, or a role ARN from an export. */
  readonly address: string;
  readonly file: string;
  /** Where the block is written in the file, when it could be found. */
  readonly region?: Region;
  /** The cdktf construct path of the block (`stack/role/Resource`), from its `"//"` metadata. */
  readonly constructPath?: string;
  /** Where cdktf created the construct (the first line of its stack trace that is user code), e.g. `main.ts:12:5`. */
  readonly createdAt?: { readonly file: string; readonly line: number; readonly column: number };
}

/** What every input together gave: findings, and counts of what was judged and what could not be read. */
export interface CheckReport {
  readonly findings: CheckFinding[];
  readonly judged: JudgedCounts;
  readonly unreadable: number;
  readonly files: string[];
}

function checkPlan(input: PlanInput): PartReport {
  const locator = new Locator(input.text);
  const { config, unknown } = planTrusts(input.json, input.path);
  const r = reportTerraformConfig(config, "iam");
  // The plan's configuration is keyed by full address; the type and name parts are not used here.
  const known = r.findings.map(({ address, ...f }) => ({ ...f, address: address.name }));
  const unreadable = unknown.flatMap((u) =>
    checkTrustPolicy({ kind: "unreadable", reason: u.reason }).map((f) => ({ ...f, address: u.address })),
  );
  const findings = [...known, ...unreadable].map((f) => ({ ...f, file: input.path, region: locator.planAddress(f.address) }));
  return { findings, judged: r.judged, unreadable: r.unreadable + unknown.length };
}

function checkExports(inputs: readonly ExportInput[]): PartReport {
  if (inputs.length === 0) return { findings: [], judged: ZERO, unreadable: 0 };
  const { roles, annotations, origins } = exportConfig(inputs);
  const locators = new Map(inputs.map((i) => [i.path, new Locator(i.text)]));
  const r = reportTerraformConfig({ resource: { aws_iam_role: roles, kubernetes_annotations: annotations } }, "iam");
  const findings = r.findings.map(({ address, ...f }) => {
    const origin = origins.get(`${address.type}.${address.name}`);
    if (origin === undefined) return { ...f, address: addressText(address), file: inputs[0].path };
    return { ...f, address: origin.address, file: origin.file, region: locators.get(origin.file)?.firstOccurrence(origin.needle) };
  });
  return { findings, judged: r.judged, unreadable: r.unreadable };
}

/** Findings of every input, in input order (exports last, judged together), with what was judged. */
export async function checkInputs(inputs: readonly Input[]): Promise<CheckReport> {
  const parts: PartReport[] = [];
  const files: string[] = [];
  for (const input of inputs) {
    const part =
      input.kind === "module" ? await (input.checked ?? checkModule(input.source)) : input.kind === "plan" ? checkPlan(input) : undefined;
    if (part !== undefined) parts.push(part);
    files.push(...(part?.files ?? filesOf(input)));
  }
  parts.push(checkExports(inputs.filter((i): i is ExportInput => i.kind === "export")));
  return {
    findings: parts.flatMap((p) => p.findings),
    judged: parts.reduce((sum, p) => add(sum, p.judged), ZERO),
    unreadable: parts.reduce((sum, p) => sum + p.unreadable, 0),
    files,
  };
}
