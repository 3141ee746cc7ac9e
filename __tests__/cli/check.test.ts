/**
 * `cdktf-eks-irsa check`: every unsafe trust of the unsafe fixtures is found and nothing in the
 * safe ones; our examples' cdktf.out checks clean; plans are read as rendered values; exit 1 with
 * errors, 0 with warnings alone (input that cannot be checked: check-inputs.test.ts).
 */
import { execFile } from "child_process";
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { Testing } from "cdktf";
import { build as airGapped } from "../../examples/air-gapped/main";
import { build as existingServiceAccount } from "../../examples/existing-service-account/main";
import { build as multiCluster } from "../../examples/multi-cluster/main";
import { build as paymentsDynamodb } from "../../examples/payments-dynamodb/main";
import { build as s3Echoer } from "../../examples/s3-echoer/main";
import { findingsOf, Finding } from "../support/check-run";

const ROOT = join(__dirname, "..", "..");
const FIXTURES = join(__dirname, "..", "fixtures");
const fixture = (...path: string[]) => join(FIXTURES, ...path);
const work = mkdtempSync(join(tmpdir(), "irsa-check-"));

/** address -> the rule ids found there, sorted. */
function rulesByAddress(findings: Finding[]): { [address: string]: string[] } {
  const byAddress: { [address: string]: string[] } = {};
  for (const f of findings) (byAddress[f.address] ??= []).push(f.ruleId);
  for (const ids of Object.values(byAddress)) ids.sort();
  return byAddress;
}

describe("hand-written Terraform JSON", () => {
  test("every unsafe trust is found, each with the rule it breaks", async () => {
    const { code, findings } = await findingsOf(fixture("config", "unsafe.tf.json"));
    expect(code).toBe(1);
    expect(rulesByAddress(findings)).toEqual({
      "aws_iam_role.aud_only": ["IRSA002"],
      "aws_iam_role.no_condition": ["IRSA001"],
      "aws_iam_role.wildcard_namespace": ["IRSA005"],
      "aws_iam_role.not_action": ["IRSA001"],
      "aws_iam_role.principal_star": ["IRSA012"],
      "aws_iam_role.aws_star": ["IRSA012"],
      "aws_iam_role.split_statements": ["IRSA002", "IRSA003"],
      "aws_iam_role.for_all_values": ["IRSA004"],
      "aws_iam_role.if_exists": ["IRSA004"],
      "aws_iam_role.string_not_equals": ["IRSA004"],
      "aws_iam_role.wildcard_audience": ["IRSA008"],
      "aws_iam_role.foreign_condition_key": ["IRSA009", "IRSA009"],
      "aws_iam_role.several_federated": ["IRSA010"],
      "aws_iam_role.github_any_repo": ["IRSA015"],
      "aws_iam_role.policy_variable": ["IRSA013"],
      "aws_iam_role.malformed": ["IRSA014"],
      // A document used as a trust is judged (merged with its override), the role that uses it is not judged twice.
      "data.aws_iam_policy_document.aud_only": ["IRSA002"],
      "data.aws_iam_policy_document.overridden": ["IRSA002"],
    });
    expect(findings.every((f) => f.severity === "error")).toBe(true);
    // Every role and document of the unsafe fixture but the safe source document is found.
    const config = JSON.parse(readFileSync(fixture("config", "unsafe.tf.json"), "utf8"));
    const roles = Object.entries<any>(config.resource.aws_iam_role).filter(([, r]) => !r.assume_role_policy.startsWith("${data."));
    const documents = Object.keys(config.data.aws_iam_policy_document).filter((d) => d !== "safe_base");
    expect(Object.keys(rulesByAddress(findings)).sort()).toEqual(
      [...roles.map(([name]) => `aws_iam_role.${name}`), ...documents.map((d) => `data.aws_iam_policy_document.${d}`)].sort(),
    );
  });

  test("nothing in the safe trusts (IRSA, GitHub Actions as documented, Cognito, a service, Pod Identity, another account)", async () => {
    expect(await findingsOf(fixture("config", "safe.tf.json"))).toEqual({
      code: 0,
      findings: [],
      files: [fixture("config", "safe.tf.json")],
    });
  });

  test("a folder of *.tf.json files is read whole", async () => {
    const dir = join(work, "tf-json");
    mkdirSync(dir);
    copyFileSync(fixture("config", "safe.tf.json"), join(dir, "a.tf.json"));
    copyFileSync(fixture("config", "unsafe.tf.json"), join(dir, "b.tf.json"));
    const { code, files, findings } = await findingsOf(dir);
    expect(code).toBe(1);
    expect(files).toEqual([join(dir, "a.tf.json"), join(dir, "b.tf.json")]);
    expect(new Set(findings.map((f) => f.file))).toEqual(new Set([join(dir, "b.tf.json")]));
  });
});

describe("plans from terraform show -json", () => {
  test("unsafe plan: rendered trusts judged once each (through the role), modules and instance keys in the address", async () => {
    const { code, findings } = await findingsOf(fixture("plan", "unsafe.plan.json"));
    expect(code).toBe(1);
    expect(rulesByAddress(findings)).toEqual({
      "aws_iam_role.aud_only": ["IRSA002"],
      "aws_iam_role.from_document": ["IRSA001"],
      "aws_iam_role.not_principal": ["IRSA012"],
      'module.team.aws_iam_role.wildcard_namespace["ci"]': ["IRSA005"],
      "aws_iam_role.unknown_trust": ["IRSA011"],
    });
    const unknown = findings.find((f) => f.ruleId === "IRSA011")!;
    expect(unknown).toMatchObject({
      severity: "warning",
      message: expect.stringMatching(/unknown in the plan \(after_unknown: assume_role_policy\)/),
    });
  });

  test("without the configuration section, the same policy (in IAM's normalized form) still ties a document to its role", async () => {
    const plan = JSON.parse(readFileSync(fixture("plan", "unsafe.plan.json"), "utf8"));
    delete plan.configuration;
    const file = join(work, "no-configuration.plan.json");
    writeFileSync(file, JSON.stringify(plan, null, 2));
    const addresses = (await findingsOf(file)).findings.map((f) => f.address);
    expect(addresses).toContain("aws_iam_role.from_document");
    expect(addresses).not.toContain("data.aws_iam_policy_document.no_condition");
  });

  test("safe plan: nothing (empty not_principals and not_actions in rendered values mean unset)", async () => {
    expect((await findingsOf(fixture("plan", "safe.plan.json"))).findings).toEqual([]);
  });

  test("a trust known only at apply is a warning; with nothing else to judge, the run exits 2 (never clean)", async () => {
    const { code, findings } = await findingsOf(fixture("plan", "deferred.plan.json"));
    expect(findings.map((f) => [f.address, f.ruleId, f.severity])).toEqual([["aws_iam_role.unknown_trust", "IRSA011", "warning"]]);
    expect(code).toBe(2);
  });

  test("a large plan: every one of 3000 roles judged, in well under the test's timeout", async () => {
    const plan = JSON.parse(readFileSync(fixture("plan", "unsafe.plan.json"), "utf8"));
    const template = plan.planned_values.root_module.resources[0];
    const resources = Array.from({ length: 3000 }, (_, i) => ({ ...template, address: `aws_iam_role.r${i}`, name: `r${i}` }));
    plan.planned_values.root_module = { resources };
    plan.resource_changes = [];
    plan.prior_state.values.root_module.resources = [];
    const file = join(work, "large.plan.json");
    writeFileSync(file, JSON.stringify(plan));
    const { findings } = await findingsOf(file);
    expect(findings).toHaveLength(3000);
    expect(findings[2999]).toMatchObject({ address: "aws_iam_role.r2999", ruleId: "IRSA002", line: 1 });
  });
});

describe("our examples' cdktf.out", () => {
  const outdir = join(work, "cdktf.out");
  beforeAll(() => {
    const app = Testing.app({ outdir });
    for (const build of [s3Echoer, paymentsDynamodb, existingServiceAccount, multiCluster, airGapped]) build(app);
    app.synth();
  });

  test("every stack the manifest lists is checked, and none has a finding", async () => {
    const { code, files, findings } = await findingsOf(outdir);
    expect(files.map((f) => f.slice(outdir.length + 1)).sort()).toEqual(
      ["air-gapped", "existing-service-account", "multi-cluster", "payments-dynamodb", "s3-echoer"].map((s) =>
        join("stacks", s, "cdk.tf.json"),
      ),
    );
    expect({ code, findings }).toEqual({ code: 0, findings: [] });
  });

  test("without manifest.json, stacks/*/cdk.tf.json; a stack made unsafe is found at its line", async () => {
    const copy = join(work, "no-manifest");
    cpSync(join(outdir, "stacks"), join(copy, "stacks"), { recursive: true });
    const file = join(copy, "stacks", "s3-echoer", "cdk.tf.json");
    const stack = JSON.parse(readFileSync(file, "utf8"));
    const [docName, doc] = Object.entries<any>(stack.data.aws_iam_policy_document).find(([, d]) => d.statement[0].principals)!;
    doc.statement[0].condition = doc.statement[0].condition.filter((c: any) => !c.variable.endsWith(":sub"));
    const text = JSON.stringify(stack, null, 2);
    writeFileSync(file, text);
    const { code, files, findings } = await findingsOf(copy);
    expect(files).toHaveLength(5);
    expect(code).toBe(1);
    expect(findings.map((f) => [f.address, f.ruleId])).toEqual([[`data.aws_iam_policy_document.${docName}`, "IRSA002"]]);
    const line = text
      .split("\n")
      .findIndex((l, i) => l.includes(`"${docName}": {`) && i > text.split("\n").findIndex((x) => x.includes('"data": {')));
    expect(findings[0].line).toBe(line + 1);
  });
});

test("text output: one line per finding with file:line, then the counts; the real process exits 1", async () => {
  const stdout = await new Promise<string>((resolve) =>
    execFile(
      process.execPath,
      ["-r", "sucrase/register/ts", join(ROOT, "lib", "cli", "main.ts"), "check", fixture("plan", "unsafe.plan.json")],
      { cwd: ROOT },
      (error, out) => {
        expect(error?.code).toBe(1);
        resolve(out);
      },
    ),
  );
  const lines = stdout.trim().split("\n");
  expect(lines[0]).toMatch(/^\S+unsafe\.plan\.json:\d+ aws_iam_role\.aud_only: error IRSA002 \(missing-sub\): statement 0 /);
  expect(lines.at(-1)).toBe(
    "4 errors, 1 warning in 1 file checked; 4 trust policies, 0 OIDC providers, 0 annotations judged; 1 unreadable",
  );
}, 20000);

afterAll(() => rmSync(work, { recursive: true, force: true }));
