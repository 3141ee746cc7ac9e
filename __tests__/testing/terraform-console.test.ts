/**
 * The Terraform interpreter of cdktf-eks-irsa/testing against Terraform itself: every case of
 * terraform-expressions.test.ts is also evaluated by `terraform console` when a `terraform` binary
 * is on PATH (skipped with a printed SKIPPED: line otherwise). The cases go into one configuration
 * in JSON syntax, as cdktf writes them, and one console run evaluates them all: pure functions need
 * no provider and no `terraform init`.
 */
import { spawnSync } from "child_process";
import { mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { isDeepStrictEqual } from "util";
import { ConfigReferences } from "../../lib/evaluation/terraform/config-references";
import { TfValue } from "../../lib/evaluation/terraform/syntax";
import { FUNCTION_CASES, TEMPLATE_CASES } from "./terraform-expression-cases";
import { onPath } from "../support/on-path";

const terraform = onPath("terraform");
if (!terraform) console.warn("SKIPPED: no terraform binary on PATH: the interpreter's cases are not run through `terraform console`");
const withTerraform = terraform ? test : test.skip;

const ERROR = "__error__";
const NO_VALUES = { providerArns: {}, issuerHosts: {}, values: {}, accountId: "111122223333", partition: "aws", region: "us-east-1" };

/** What our interpreter makes of a template, or ERROR when it refuses it. */
function ours(template: string): TfValue | typeof ERROR {
  try {
    return new ConfigReferences({}, NO_VALUES).resolveString(template);
  } catch {
    return ERROR;
  }
}

/**
 * What Terraform makes of each template (ERROR where it fails), from one `terraform console` run.
 * A failing local is not an error the console can catch (it becomes unknown), so a template
 * expected to fail is given as its one expression, inside try(), instead of as a local.
 */
function theirs(cases: readonly [string, TfValue | typeof ERROR][]): (TfValue | typeof ERROR)[] {
  const dir = mkdtempSync(join(tmpdir(), "irsa-console-"));
  try {
    const locals = Object.fromEntries(cases.flatMap(([template, expected], i) => (expected === ERROR ? [] : [[`c${i}`, template]])));
    const entries = cases.map(([template, expected], i) => {
      if (expected !== ERROR) return `c${i} = local.c${i}`;
      const expression = /^\$\{([^$]*)\}$/.exec(template);
      if (expression === null) throw new Error(`a case expected to fail must be one interpolation without nested templates: ${template}`);
      return `c${i} = try(${expression[1]}, "${ERROR}")`;
    });
    writeFileSync(join(dir, "main.tf.json"), JSON.stringify({ locals }));
    writeFileSync(join(dir, "empty.tfrc"), "");
    // The console prints only its last result: one object of every case; base64 so the printed
    // string needs no unquoting.
    const run = spawnSync(terraform!, ["console"], {
      input: `base64encode(jsonencode({ ${entries.join(", ")} }))\n`,
      cwd: dir,
      encoding: "utf8",
      env: { ...process.env, CHECKPOINT_DISABLE: "1", TF_IN_AUTOMATION: "1", TF_CLI_CONFIG_FILE: join(dir, "empty.tfrc") },
      timeout: 60_000,
    });
    if (run.status !== 0) throw new Error(`terraform console failed (${run.status}): ${run.stderr}`);
    const printed = run.stdout.trim().split("\n").pop()!;
    const values = JSON.parse(Buffer.from(JSON.parse(printed), "base64").toString("utf8"));
    return cases.map((_, i) => values[`c${i}`]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Cases where the two differ on purpose or by a known Terraform defect, with the reason. */
const KNOWN_DIFFERENCES: readonly [string, string][] = [
  // go-cty 1.16's element() takes a negative index modulo the length with Go's %, which is
  // negative for -1 on a longer list and panics ("index out of range [-1]"); on a one-element list
  // it is 0, so Terraform 1.11 answers "a". The interpreter refuses every negative index (as the
  // function's documentation says), so a stack never depends on the panic-or-not accident.
  ['${element(["a"], -1)}', 'Terraform: "a"; interpreter: an error (negative index)'],
];

const CASES: readonly [string, TfValue | typeof ERROR][] = [
  ...FUNCTION_CASES,
  ...TEMPLATE_CASES,
  // The expressions this library emits: the issuer host of a provider ARN (lib/oidc/issuer-host.ts).
  [
    '${replace("arn:aws:iam::111122223333:oidc-provider/oidc.eks.us-west-2.amazonaws.com/id/AAAA", "/^[^/]*:oidc-provider[/]/", "")}',
    "oidc.eks.us-west-2.amazonaws.com/id/AAAA",
  ],
  [
    '${replace("arn:aws-cn:iam::111122223333:oidc-provider/issuer.example.com/oidc-provider/c1", "/^[^/]*:oidc-provider[/]/", "")}',
    "issuer.example.com/oidc-provider/c1",
  ],
  // What both refuse.
  ['${element(["a", "b", "c"], -1)}', ERROR],
  ['${regex("x", "abc")}', ERROR],
  ...KNOWN_DIFFERENCES.map(([template]) => [template, ERROR] as [string, typeof ERROR]),
];

withTerraform("terraform console and the interpreter agree on every case (one console run)", () => {
  const terraformValues = theirs(CASES);
  const known = new Set(KNOWN_DIFFERENCES.map(([template]) => template));
  const differ = CASES.flatMap(([template, expected], i) => {
    const [mine, tf] = [ours(template), terraformValues[i]];
    expect({ template, value: mine }).toEqual({ template, value: expected });
    const same = isDeepStrictEqual(mine, tf);
    return same ? [] : [`${template}: terraform ${JSON.stringify(tf)}, interpreter ${JSON.stringify(mine)}`];
  });
  expect(differ.map((d) => d.split(": terraform ")[0])).toEqual([...known]);
  expect(CASES.length).toBeGreaterThan(50);
});
