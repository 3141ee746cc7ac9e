/**
 * Checks one Terraform module as written (a folder, a file, a cdktf stack): its instances and the
 * local modules it calls, through the same rules as the IrsaTrustChecks Aspect; each finding
 * located at the block it is about (HCL block header or JSON key), with cdktf's construct metadata.
 */
import { checkTrustPolicy, JudgedCounts, reportTerraformConfig } from "../../checks/check-trust";
import { addressText, TerraformAddress } from "../../config-model/terraform-config";
import type { HclParse } from "./hcl-workers";
import { ModuleInstance, moduleTree } from "./module/module-instances";
import type { ModuleSource } from "./module/read-module";
import type { CheckFinding } from "./run-checks";

export const ZERO_JUDGED: JudgedCounts = { trustPolicies: 0, oidcProviders: 0, annotations: 0 };
export const addJudged = (a: JudgedCounts, b: JudgedCounts): JudgedCounts => ({
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

/** What one input gave. */
export interface PartReport {
  files?: string[];
  findings: CheckFinding[];
  judged: JudgedCounts;
  unreadable: number;
}

/**
 * The findings of a module and the local modules it calls (read with `parse`, default: on this
 * thread), each located at its block.
 */
export async function checkModule(source: ModuleSource, parse?: HclParse): Promise<PartReport> {
  const tree = await moduleTree(source, parse);
  const files = [...new Set(tree.instances.flatMap((i) => i.source.files.map((f) => f.path)))];
  const report: PartReport = { files, findings: [], judged: ZERO_JUDGED, unreadable: tree.unread.length };
  for (const instance of tree.instances) {
    const r = reportTerraformConfig(instance.config, "terraform");
    report.judged = addJudged(report.judged, r.judged);
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
