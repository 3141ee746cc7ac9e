/**
 * Runs the rules over the inputs: the same rules, through the same function, as the
 * IrsaTrustChecks Aspect (`reportTerraformConfig`). Configuration (cdktf output, `.tf`, `.tf.json`)
 * is read with syntax "terraform" after its values are computed as far as they are known before
 * plan; a plan's rendered values and a live account's exports with "iam". A trust a plan knows only
 * at apply, and a module this command does not read, are reported as unreadable by the same rules.
 */
import { checkTrustPolicy, JudgedCounts, reportTerraformConfig } from "../../checks/check-trust";
import { addressText, TerraformAddress } from "../../config-model/terraform-config";
import { Severity } from "../../checks/trust-rule";
import { exportConfig } from "./exports/export-config";
import { ExportInput, filesOf, Input, ModuleInput, PlanInput } from "./inputs";
import { Locator, Region } from "./locate";
import { ModuleInstance, moduleTree } from "./module/module-instances";
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

const ZERO: JudgedCounts = { trustPolicies: 0, oidcProviders: 0, annotations: 0 };
const add = (a: JudgedCounts, b: JudgedCounts): JudgedCounts => ({
  trustPolicies: a.trustPolicies + b.trustPolicies,
  oidcProviders: a.oidcProviders + b.oidcProviders,
  annotations: a.annotations + b.annotations,
});

const withoutInstanceKey = (name: string) => name.replace(/\[.*\]$/, "");

/** The construct path and creation site cdktf wrote into a block's `"//"` metadata. */
function constructMetadata(block: unknown): Pick<CheckFinding, "constructPath" | "createdAt"> {
  const meta = (block as { "//"?: { metadata?: { path?: unknown; stackTrace?: unknown } } } | undefined)?.["//"]?.metadata;
  if (meta === undefined) return {};
  const out: { constructPath?: string; createdAt?: CheckFinding["createdAt"] } = {};
  if (typeof meta.path === "string") out.constructPath = meta.path;
  if (Array.isArray(meta.stackTrace)) {
    for (const frame of meta.stackTrace) {
      const m = /\(?((?:[A-Za-z]:)?[^():]+\.(?:ts|tsx|js|mjs|cjs)):(\d+):(\d+)\)?$/.exec(String(frame));
      if (m !== null && !/node_modules|node:internal/.test(m[1])) {
        out.createdAt = { file: m[1], line: Number(m[2]), column: Number(m[3]) };
        break;
      }
    }
  }
  return out;
}

function locateInModule(
  instance: ModuleInstance,
  address: TerraformAddress,
): Pick<CheckFinding, "file" | "region" | "constructPath" | "createdAt"> {
  const kind = address.mode === "data" ? "data" : "resource";
  const name = withoutInstanceKey(address.name);
  const written = instance.source.config[kind]?.[address.type]?.[name];
  for (const f of instance.source.files) {
    const region =
      f.syntax === "hcl" ? f.locator.hclBlock(kind, [address.type, name]) : f.locator.configBlock(address.mode, address.type, name);
    if (region !== undefined) return { file: f.path, region, ...constructMetadata(written) };
  }
  return { file: instance.source.files[0]?.path ?? instance.source.dir, ...constructMetadata(written) };
}

interface PartReport {
  files?: string[];
  findings: CheckFinding[];
  judged: JudgedCounts;
  unreadable: number;
}

async function checkModule(input: ModuleInput): Promise<PartReport> {
  const tree = await moduleTree(input.source);
  const files = [...new Set(tree.instances.flatMap((i) => i.source.files.map((f) => f.path)))];
  const report: PartReport = { files, findings: [], judged: ZERO, unreadable: tree.unread.length };
  for (const instance of tree.instances) {
    const r = reportTerraformConfig(instance.config, "terraform");
    report.judged = add(report.judged, r.judged);
    report.unreadable += r.unreadable;
    for (const f of r.findings) {
      const { address, ...finding } = f;
      report.findings.push({ ...finding, address: `${instance.prefix}${addressText(address)}`, ...locateInModule(instance, address) });
    }
  }
  for (const u of tree.unread) {
    const file = u.source.files.find((f) =>
      f.syntax === "hcl" ? f.locator.hclBlock("module", [u.name]) : f.locator.jsonBlock("module", [u.name]),
    );
    const region =
      file === undefined
        ? undefined
        : file.syntax === "hcl"
          ? file.locator.hclBlock("module", [u.name])
          : file.locator.jsonBlock("module", [u.name]);
    for (const f of checkTrustPolicy({ kind: "unreadable", reason: u.reason })) {
      report.findings.push({
        ...f,
        address: `${u.prefix}module.${u.name}`,
        file: (file ?? u.source.files[0])?.path ?? u.source.dir,
        region,
      });
    }
  }
  return report;
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
    const part = input.kind === "module" ? await checkModule(input) : input.kind === "plan" ? checkPlan(input) : undefined;
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
