/**
 * `check` on HCL as people write it (`__tests__/fixtures/hcl/`): each fixture's findings by address
 * and rule, at the line of the block header; values computed before plan (locals, variables and
 * their files, for_each/count, jsonencode, heredocs, file/templatefile, local modules); what cannot
 * be known is a named IRSA011 warning; registry modules are named; clean trusts stay clean.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { moduleTree } from "../../lib/cli/check/module/module-instances";
import { readModule } from "../../lib/cli/check/module/read-module";
import { findingsOf, Finding, run } from "../support/check-run";

const HCL = join(__dirname, "..", "fixtures", "hcl");
const fixture = (...path: string[]) => join(HCL, ...path);

/** address -> the rule ids found there, sorted. */
function rulesByAddress(findings: Finding[]): { [address: string]: string[] } {
  const byAddress: { [address: string]: string[] } = {};
  for (const f of findings) (byAddress[f.address] ??= []).push(f.ruleId);
  for (const ids of Object.values(byAddress)) ids.sort();
  return byAddress;
}

/** The 1-based line of the first line of a file that contains the text. */
const lineOf = (file: string, text: string) =>
  readFileSync(file, "utf8")
    .split("\n")
    .findIndex((l) => l.includes(text)) + 1;

describe("HCL fixtures: findings by address and rule", () => {
  test.each<[string, number, { [address: string]: string[] }]>([
    // The seeds' payments trust: only a sub condition, its key built with replace(..., "https://", "").
    // The seeds' three bugs: a sub-only trust, client_id_list [""], the unindexed certificates fingerprint.
    [
      "seeds",
      1,
      { "data.aws_iam_policy_document.payments_assume": ["IRSA003"], "aws_iam_openid_connect_provider.this": ["IRSA030", "IRSA032"] },
    ],
    ["jsonencode", 1, { "aws_iam_role.loki": ["IRSA002"] }],
    ["heredoc", 1, { "aws_iam_role.cluster_autoscaler": ["IRSA005"] }],
    // terraform.tfvars sets the namespace, the later *.auto.tfvars overrides it with "*".
    ["variables", 1, { "data.aws_iam_policy_document.app_assume": ["IRSA005"] }],
    [
      "for-each",
      1,
      {
        'data.aws_iam_policy_document.irsa["billing"]': ["IRSA006"],
        "aws_iam_role.worker[0]": ["IRSA003"],
        "aws_iam_role.worker[1]": ["IRSA003"],
      },
    ],
    ["modules", 1, { "module.reports_irsa.aws_iam_role.this": ["IRSA003"], "module.vpc_cni_irsa": ["IRSA011"] }],
    ["templatefile", 1, { "aws_iam_role.legacy": ["IRSA001"] }],
    ["clean", 0, {}],
    [
      "mixed",
      1,
      { "data.aws_iam_policy_document.payments_assume": ["IRSA003"], "aws_iam_openid_connect_provider.this": ["IRSA030", "IRSA032"] },
    ],
    ["unresolved", 2, { "aws_iam_role.from_variable": ["IRSA011"], "data.aws_iam_policy_document.dynamic_statements": ["IRSA011"] }],
  ])("%s", async (name, expectedCode, expected) => {
    const { code, findings } = await findingsOf(fixture(name));
    expect(rulesByAddress(findings)).toEqual(expected);
    expect(code).toBe(expectedCode);
  });
});

test("findings carry the file and the line of the block header", async () => {
  const { findings } = await findingsOf(fixture("for-each"));
  const main = fixture("for-each", "main.tf");
  expect(findings.map((f) => [f.address, f.file, f.line])).toEqual([
    ['data.aws_iam_policy_document.irsa["billing"]', main, lineOf(main, 'data "aws_iam_policy_document" "irsa"')],
    ["aws_iam_role.worker[0]", main, lineOf(main, 'resource "aws_iam_role" "worker"')],
    ["aws_iam_role.worker[1]", main, lineOf(main, 'resource "aws_iam_role" "worker"')],
  ]);
  const modules = await findingsOf(fixture("modules"));
  const child = fixture("modules", "modules", "irsa-role", "main.tf");
  expect(modules.findings.map((f) => [f.address, f.file, f.line])).toEqual([
    ["module.reports_irsa.aws_iam_role.this", child, lineOf(child, 'resource "aws_iam_role" "this"')],
    ["module.vpc_cni_irsa", fixture("modules", "main.tf"), lineOf(fixture("modules", "main.tf"), 'module "vpc_cni_irsa"')],
  ]);
  expect(modules.files).toEqual([fixture("modules", "main.tf"), child, fixture("modules", "modules", "irsa-role", "variables.tf")]);
});

test("a registry module is a warning that names it and says to check the plan", async () => {
  const { findings } = await findingsOf(fixture("modules"));
  expect(findings.find((f) => f.address === "module.vpc_cni_irsa")).toMatchObject({
    severity: "warning",
    message: expect.stringMatching(
      /"terraform-aws-modules\/iam\/aws\/\/modules\/iam-role-for-service-accounts-eks".*check its trusts in the plan/,
    ),
  });
});

test('the seeds\' OIDC provider is read as written (client_id_list [""], the unindexed certificates fingerprint)', async () => {
  const tree = await moduleTree(await readModule(fixture("seeds"), true));
  expect(tree.instances[0].config.resource?.aws_iam_openid_connect_provider?.this).toMatchObject({
    client_id_list: [""],
    thumbprint_list: ["${data.tls_certificate.this.certificates.sha1_fingerprint}"],
    url: "${aws_eks_cluster.this.identity[0].oidc[0].issuer}",
  });
});

test("jsonencode with references becomes JSON text whose unknown parts stay interpolations", async () => {
  const tree = await moduleTree(await readModule(fixture("jsonencode"), true));
  const text = tree.instances[0].config.resource?.aws_iam_role?.external_dns.assume_role_policy as string;
  const policy = JSON.parse(text);
  expect(policy.Statement[0].Principal).toEqual({ Federated: "${aws_iam_openid_connect_provider.eks.arn}" });
  expect(Object.keys(policy.Statement[0].Condition.StringEquals)).toEqual([
    '${replace(aws_iam_openid_connect_provider.eks.url, "https://", "")}:aud',
    '${replace(aws_iam_openid_connect_provider.eks.url, "https://", "")}:sub',
  ]);
});

test("a .tf beside a .tf.json in one folder: both are read, the unsafe trust in main.tf is found", async () => {
  const { files, findings } = await findingsOf(fixture("mixed"));
  expect(files).toEqual([fixture("mixed", "main.tf"), fixture("mixed", "clean.tf.json")]);
  expect([...new Set(findings.map((f) => f.file))]).toEqual([fixture("mixed", "main.tf")]);
});

test("the summary says what was judged and what could not be read", async () => {
  const modules = await run(["check", fixture("modules")]);
  expect(modules.stdout.trim().split("\n").at(-1)).toBe(
    "1 error, 1 warning in 3 files checked; 2 trust policies, 0 OIDC providers, 0 annotations judged; 1 unreadable",
  );
  const json = JSON.parse((await run(["check", "--format", "json", fixture("unresolved")])).stdout);
  expect(json.summary).toEqual({ errors: 0, warnings: 2, judged: { trustPolicies: 0, oidcProviders: 0, annotations: 0 }, unreadable: 2 });
});

test("snapshot: the text report of every HCL fixture", async () => {
  const reports: { [name: string]: string } = {};
  for (const name of [
    "seeds",
    "jsonencode",
    "heredoc",
    "variables",
    "for-each",
    "modules",
    "templatefile",
    "clean",
    "mixed",
    "unresolved",
  ]) {
    const r = await run(["check", join("__tests__", "fixtures", "hcl", name)]);
    reports[name] = `exit ${r.code}\n${r.stdout}${r.stderr}`;
  }
  expect(reports).toMatchSnapshot();
});

test("a repository folder: every root module below it, a local module only through its caller", async () => {
  const { findings, files } = await findingsOf(HCL);
  const addresses = findings.map((f) => `${f.file.slice(HCL.length + 1).split("/")[0]} ${f.address}`);
  expect(addresses).toContain("modules module.reports_irsa.aws_iam_role.this");
  expect(addresses).toContain("seeds data.aws_iam_policy_document.payments_assume");
  // modules/modules/irsa-role is read through its two calls, not again as a root of its own.
  expect(findings.filter((f) => f.file.includes("irsa-role"))).toHaveLength(1);
  expect(new Set(files).size).toBe(files.length);
});

describe("override files (override.tf, *_override.tf): merged last, argument by argument, as Terraform does", () => {
  const HOST = "oidc.eks.us-west-2.amazonaws.com/id/AAAA";
  const trust = (conditions: string) => `jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect = "Allow", Action = "sts:AssumeRoleWithWebIdentity",
      Principal = { Federated = "arn:aws:iam::111122223333:oidc-provider/${HOST}" }
      ${conditions}
    }]
  })`;
  const SAFE = `Condition = { StringEquals = { "${HOST}:sub" = "system:serviceaccount:a:b", "${HOST}:aud" = "sts.amazonaws.com" } }`;
  const folder = (files: { [name: string]: string }) => {
    const dir = mkdtempSync(join(tmpdir(), "irsa-override-"));
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    return dir;
  };

  test("an override file that sorts before the primary file still wins: its unsafe trust is what Terraform applies", async () => {
    const dir = folder({
      "main.tf": `resource "aws_iam_role" "r" {\n  name = "r"\n  assume_role_policy = ${trust(SAFE)}\n}\n`,
      "a_override.tf": `resource "aws_iam_role" "r" {\n  assume_role_policy = ${trust("")}\n}\n`,
    });
    const { code, findings } = await findingsOf(dir);
    expect(findings.map((f) => [f.address, f.ruleId])).toEqual([["aws_iam_role.r", "IRSA001"]]);
    expect(code).toBe(1);
  });

  test("an override that sets another argument keeps the primary file's trust, which is judged", async () => {
    const dir = folder({
      "main.tf": `resource "aws_iam_role" "r" {\n  name = "r"\n  assume_role_policy = ${trust("")}\n}\n`,
      "override.tf.json": JSON.stringify({ resource: { aws_iam_role: { r: { name: "renamed" } } } }),
    });
    const { code, findings } = await findingsOf(dir);
    expect(findings.map((f) => [f.address, f.ruleId])).toEqual([["aws_iam_role.r", "IRSA001"]]);
    expect(code).toBe(1);
  });

  test("a primary .tf.json does not override a .tf (only override files do)", async () => {
    const dir = folder({
      "main.tf": `resource "aws_iam_role" "r" {\n  name = "r"\n  assume_role_policy = ${trust("")}\n}\n`,
      "tags.tf.json": JSON.stringify({ resource: { aws_iam_role: { other: { assume_role_policy: "${var.trust}" } } } }),
    });
    const { findings } = await findingsOf(dir);
    expect(findings.map((f) => [f.address, f.ruleId])).toEqual([
      ["aws_iam_role.r", "IRSA001"],
      ["aws_iam_role.other", "IRSA011"],
    ]);
  });
});
