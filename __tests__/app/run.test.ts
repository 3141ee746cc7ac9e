/**
 * main.ts as a process: one error line and exit 1 for the user's mistakes, --help exits 0, and
 * `synth` then `synth --hcl` leaves only the last format in the stack folder.
 */
import { spawnSync } from "child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { runApp } from "../../app/run";

const ROOT = join(__dirname, "..", "..");
const dir = mkdtempSync(join(tmpdir(), "irsa-run-"));

function run(args: string[], env: { [key: string]: string } = {}) {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith("CDKTF_") && key !== "SYNTH_HCL_OUTPUT"));
  return spawnSync(process.execPath, ["-r", "sucrase/register/ts", "main.ts", ...args], {
    cwd: ROOT,
    env: { ...clean, ...env },
    encoding: "utf8",
  });
}

test("a bad config: one line naming the source and the field, exit 1, no stack trace", () => {
  const file = join(dir, "bad.json");
  writeFileSync(file, JSON.stringify({ extends: "cdktf.json", serviceAccounts: [{ namespace: "default", name: "Bad_Name" }] }));
  const result = run([], { IRSA_CONFIG: file, CDKTF_OUTDIR: join(dir, "out-bad") });
  expect(result.status).toBe(1);
  expect(result.stderr.trim().split("\n")).toEqual([
    `Error: config file "${file}": serviceAccounts[0].name "Bad_Name" is not a valid Kubernetes service account name (RFC 1123 ` +
      "subdomain: dot-separated labels of lowercase alphanumerics and '-', each starting and ending alphanumeric, at most 253 characters)",
  ]);
});

/** runApp in this process (main.ts is a three-line wrapper around it). */
function runHere(args: string[], env: { [key: string]: string }) {
  let stdout = "";
  const stderr: string[] = [];
  const status = runApp(args, env, { out: (text) => (stdout += text), err: (line) => stderr.push(line) });
  return { status, stdout, stderr };
}

test("--help prints the help and exits 0", () => {
  const result = runHere(["--help"], {});
  expect(result.status).toBe(0);
  expect(result.stdout).toContain("cdktf-eks-irsa: IAM roles for Kubernetes service accounts on EKS");
});

test("synth then synth --hcl: only cdk.tf remains (Terraform would reject both as duplicates), and back", () => {
  const out = join(dir, "formats");
  expect(runHere([], { CDKTF_OUTDIR: out })).toEqual({ status: 0, stdout: "", stderr: [] });
  const stack = join(out, "stacks", "eks-irsa");
  expect(readdirSync(stack).filter((f) => f.startsWith("cdk."))).toEqual(["cdk.tf.json"]);
  process.env.SYNTH_HCL_OUTPUT = "true";
  try {
    expect(runHere([], { CDKTF_OUTDIR: out }).status).toBe(0);
  } finally {
    delete process.env.SYNTH_HCL_OUTPUT;
  }
  expect(readdirSync(stack).filter((f) => f.startsWith("cdk."))).toEqual(["cdk.tf"]);
  expect(readFileSync(join(stack, "cdk.tf"), "utf8")).toMatch(/^terraform \{/m);
  expect(runHere([], { CDKTF_OUTDIR: out }).status).toBe(0);
  expect(existsSync(join(stack, "cdk.tf"))).toBe(false);
  expect(existsSync(join(stack, "cdk.tf.json"))).toBe(true);
});
