/**
 * The real cdktf CLI on the default app, the way `npm run synth` runs it (scripts/cdktf.js), with
 * every Node process of the CLI watched for attempts to reach another host; and the HCL the app
 * writes for `synth --hcl`. Where a `terraform` binary is on PATH, `terraform fmt` must parse the HCL
 * and `terraform console` must evaluate the expressions the library and the app emit; where it is
 * not, those tests are skipped and say so.
 */
import { execFile, spawnSync } from "child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { providerMatchesCluster } from "../../app/stack";
import { DEFAULT_APP_TYPES, typesOf } from "../support/synth";
import { BUILD_TIMEOUT_MS } from "../support/build-timeout";
import { onPath } from "../support/on-path";

const ROOT = join(__dirname, "..", "..");
const out = mkdtempSync(join(tmpdir(), "irsa-cli-"));
const NET_LOG = join(out, "network-attempts.log");
// No CHECKPOINT_DISABLE of our own: the npm script's wrapper must set it.
const ENV: NodeJS.ProcessEnv = { ...process.env, CI: "1", FORCE_COLOR: "0", CHECKPOINT_DISABLE: undefined };
const GUARDED = {
  ...ENV,
  NET_GUARD_LOG: NET_LOG,
  NODE_OPTIONS: `--require ${join(__dirname, "..", "support", "net-guard.js")} --max-old-space-size=4096`,
};

const terraform = onPath("terraform");
const withTerraform = terraform ? test : test.skip;
if (!terraform) {
  // Printed so that a run without terraform says which checks it did not make.
  console.warn("SKIPPED: no terraform binary on PATH: `terraform fmt` of the HCL output and `terraform console` checks are skipped");
}

function synthWithCli(): Promise<string> {
  const dir = join(out, "json");
  return new Promise((resolve, reject) =>
    execFile(
      process.execPath,
      [join(ROOT, "scripts", "cdktf.js"), "synth", "--output", dir],
      { cwd: ROOT, env: GUARDED },
      (error, _stdout, stderr) => (error ? reject(new Error(`cdktf synth failed: ${stderr}`)) : resolve(join(dir, "stacks", "eks-irsa"))),
    ),
  );
}

/** HCL as `cdktf synth --hcl` has the app write it (SYNTH_HCL_OUTPUT=true); the CLI only reformats it. */
function synthHcl(): string {
  const dir = join(out, "hcl");
  const run = spawnSync(process.execPath, ["-r", "sucrase/register/ts", "main.ts"], {
    cwd: ROOT,
    env: { ...ENV, CDKTF_OUTDIR: dir, SYNTH_HCL_OUTPUT: "true" },
    encoding: "utf8",
  });
  if (run.status !== 0) throw new Error(`synth --hcl failed: ${run.stderr}`);
  return join(dir, "stacks", "eks-irsa");
}

/** `npm run synth` with a config file the app rejects: all the CLI prints, and its exit code. */
function synthBadConfig(): Promise<{ code: number; output: string }> {
  const file = join(out, "bad.json");
  writeFileSync(file, JSON.stringify({ extends: "cdktf.json", serviceAccounts: [{ namespace: "Prod", name: "api" }] }));
  return new Promise((resolve) =>
    execFile(
      process.execPath,
      [join(ROOT, "scripts", "cdktf.js"), "synth", "--output", join(out, "bad")],
      { cwd: ROOT, env: { ...ENV, IRSA_CONFIG: file } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, output: stdout + stderr }),
    ),
  );
}

let jsonDir: string;
let hclDir: string;
let bad: { code: number; output: string };
beforeAll(async () => {
  // The real CLI twice at once (its own start-up is most of its time), the app's HCL meanwhile.
  const cli = synthWithCli();
  const rejected = synthBadConfig();
  hclDir = synthHcl();
  [jsonDir, bad] = await Promise.all([cli, rejected]);
}, BUILD_TIMEOUT_MS);

test("npm run synth prints the app's error once, and fails", () => {
  expect(bad.code).not.toBe(0);
  const message = 'serviceAccounts[0].namespace "Prod" is not a valid Kubernetes namespace';
  expect(bad.output.split(message).length - 1).toBe(1);
});

test("npm run synth reaches no host: no DNS lookup, no connection (the checkpoint call is opted out)", () => {
  expect(existsSync(NET_LOG) ? readFileSync(NET_LOG, "utf8") : "").toBe("");
});

test("npm run synth writes the default app's JSON offline", () => {
  const json = JSON.parse(readFileSync(join(jsonDir, "cdk.tf.json"), "utf8"));
  expect(typesOf(json)).toEqual(DEFAULT_APP_TYPES);
});

test("synth --hcl: the app writes HCL with the five wrapped types", () => {
  const hcl = readFileSync(join(hclDir, "cdk.tf"), "utf8");
  for (const block of [
    'data "tls_certificate"',
    'resource "aws_iam_openid_connect_provider"',
    'data "aws_iam_policy_document"',
    'resource "aws_iam_role"',
    'resource "kubernetes_annotations"',
  ]) {
    expect(hcl).toContain(block);
  }
  expect(hcl).toMatch(/sha1_fingerprint/);
});

withTerraform("terraform fmt parses the HCL output", () => {
  const fmt = spawnSync(terraform!, ["fmt", "-write=false", "-no-color", join(hclDir, "cdk.tf")], { encoding: "utf8", env: ENV });
  // A syntax error exits 2 with "Error: ..."; warnings about a missing ~/.terraformrc are not ours.
  expect({ status: fmt.status, error: /Error/.test(fmt.stderr) }).toEqual({ status: 0, error: false });
});

withTerraform(
  "terraform console evaluates the issuer host expression the library emits to the bare host, self-hosted paths included",
  () => {
    // The default app's issuer is a token, so its condition keys carry the host expression.
    const json = JSON.parse(readFileSync(join(jsonDir, "cdk.tf.json"), "utf8"));
    const document = Object.values<any>(json.data.aws_iam_policy_document)[0];
    const key: string = document.statement[0].condition.find((c: { variable: string }) => c.variable.endsWith(":sub")).variable;
    const expression = /^\$\{(.+)\}:sub$/.exec(key)![1];
    const hosts = [
      "oidc.eks.us-west-2.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE",
      "issuer.example.com/oidc-provider/c1",
      "example.com/tenants/a:oidc-provider/b",
    ];
    const literal = (host: string) => `"arn:aws:iam::111122223333:oidc-provider/${host}"`;
    const each = hosts.map((host) => expression.replace(/aws_iam_openid_connect_provider\.[\w-]+\.arn/, literal(host)));
    // The console prints only its last result: one jsonencode of all three.
    const run = spawnSync(terraform!, ["console"], {
      input: `jsonencode([${each.join(", ")}])\n`,
      cwd: mkdtempSync(join(tmpdir(), "irsa-console-")),
      encoding: "utf8",
      env: ENV,
    });
    expect(JSON.parse(JSON.parse(run.stdout.trim()))).toEqual(hosts);
  },
);

withTerraform("terraform console: the app's postcondition holds for the provider's own cluster and fails for another", () => {
  const arn = "arn:aws:iam::111122223333:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/ABC";
  const { condition } = providerMatchesCluster(arn, "prod", "ISSUER");
  const evaluate = (issuer: string) => /^\$\{(.+)\}$/.exec(condition)![1].replace("ISSUER", JSON.stringify(issuer));
  const expressions = [
    evaluate("https://oidc.eks.eu-west-1.amazonaws.com/id/ABC"),
    evaluate("https://oidc.eks.eu-west-1.amazonaws.com/id/OTHER"),
  ];
  const run = spawnSync(terraform!, ["console"], {
    input: `jsonencode([${expressions.join(", ")}])\n`,
    cwd: mkdtempSync(join(tmpdir(), "irsa-console-")),
    encoding: "utf8",
    env: ENV,
  });
  expect(JSON.parse(JSON.parse(run.stdout.trim()))).toEqual([true, false]);
});
