/** `check` on input it cannot check: exit 2 and one line naming the input; usage errors. */
import { execFile } from "child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { run } from "../support/check-run";

const FIXTURES = join(__dirname, "..", "fixtures");
const work = mkdtempSync(join(tmpdir(), "irsa-check-input-"));

describe("input that cannot be checked: exit 2 and one line naming it", () => {
  const write = (name: string, text: string) => {
    const file = join(work, name);
    writeFileSync(file, text);
    return file;
  };

  test.each([
    ["a missing path", () => join(work, "nope.json"), /^error: \S+nope\.json: no such file or folder\n$/],
    ["text that is not JSON", () => write("broken.tf.json", "{ resource"), /^error: \S+broken\.tf\.json:1:3: not valid JSON \(.+\)\n$/],
    [
      "JSON that is not Terraform",
      () => write("package.json", '{"name":"x"}'),
      /: neither a Terraform JSON configuration nor the output of terraform show -json, aws iam .+ or kubectl get \S+ -o json\n$/,
    ],
    [
      "a plan of an unknown major format",
      () => write("v2.json", '{"format_version":"2.0","planned_values":{}}'),
      /format_version "2\.0" is not supported/,
    ],
    [
      "HCL with nothing to judge",
      () => write("cdk.tf", 'resource "x" "y" {}'),
      /^error: nothing to judge in \S+cdk\.tf: no IAM role trust/,
    ],
    [
      "HCL that does not parse: line and column",
      () => write("bad.tf", 'resource "x" "y" {\n  a = \n}\n'),
      /^error: \S+bad\.tf:2:\d+: not valid HCL \(/,
    ],
    [
      "a folder with nothing to check",
      () => mkdtempSync(join(work, "empty-")),
      /no manifest\.json, stacks\/\*\/cdk\.tf\.json, \*\.tf or \*\.tf\.json in this folder or below it/,
    ],
  ])("%s", async (_what, path, message) => {
    const r = await run(["check", path()]);
    expect(r).toEqual({ code: 2, stdout: "", stderr: expect.stringMatching(message) });
    expect(r.stderr.split("\n")).toHaveLength(2);
  });

  test.each([
    ["JSON", "deep.tf.json", (n: number) => `{"resource": {"aws_iam_role": {"r": {"tags": ${"[".repeat(n)}${"]".repeat(n)}}}}}`],
    ["HCL", "deep.tf", (n: number) => `locals {\n  x = ${"[".repeat(n)}${"]".repeat(n)}\n}\n`],
    ["HCL nested blocks", "blocks.tf", (n: number) => `resource "a" "b" {\n${"x {\n".repeat(n)}${"}\n".repeat(n)}}\n`],
  ])("100,000-deep %s: exit 2 with one line, never a stack overflow", async (_what, name, text) => {
    const file = write(name, text(100_000));
    const r = await run(["check", file]);
    expect(r).toEqual({ code: 2, stdout: "", stderr: expect.stringMatching(/^error: \S+:\d+:\d+: nested more than 200 levels deep/) });
    expect(r.stderr.split("\n")).toHaveLength(2);
  });

  test("no PATH and no ./cdktf.out", async () => {
    const before = process.cwd();
    process.chdir(mkdtempSync(join(work, "cwd-")));
    try {
      const r = await run(["check"]);
      expect(r).toEqual({
        code: 2,
        stdout: "",
        stderr: expect.stringMatching(/^error: no PATH given and no \.\/cdktf\.out: run cdktf synth first/),
      });
    } finally {
      process.chdir(before);
    }
  });

  test("check --help prints the usage and exits 0", async () => {
    const r = await run(["check", "--help"]);
    expect(r).toEqual({ code: 0, stdout: expect.stringMatching(/^usage: cdktf-eks-irsa check \[PATH\.\.\.\]/), stderr: "" });
    expect(r.stdout).toMatch(/kubectl get serviceaccounts -A -o json/);
  });

  test("a bad option is a usage error", async () => {
    const r = await run(["check", "--format", "xml", join(FIXTURES, "config", "safe.tf.json")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: --format takes text, json, sarif\nusage: /);
  });
});

test("the real process writes its whole report to a pipe before it exits (and a closed pipe is no EPIPE stack)", async () => {
  const unsafe = JSON.parse(readFileSync(join(FIXTURES, "config", "unsafe.tf.json"), "utf8"));
  const role = unsafe.resource.aws_iam_role.aud_only;
  const file = join(work, "many.tf.json");
  writeFileSync(
    file,
    JSON.stringify({ resource: { aws_iam_role: Object.fromEntries(Array.from({ length: 1000 }, (_v, i) => [`r${i}`, role])) } }),
  );
  const main = join(__dirname, "..", "..", "lib", "cli", "main.ts");
  const runShell = (pipe: string) =>
    new Promise<{ stdout: string; stderr: string }>((resolve) =>
      execFile(
        "sh",
        ["-c", `"${process.execPath}" -r sucrase/register/ts "${main}" check "${file}" | ${pipe}`],
        { cwd: join(__dirname, "..", "..") },
        (_e, stdout, stderr) => resolve({ stdout, stderr }),
      ),
    );
  // 1,000 findings are some 150 KB: more than a pipe holds (64 KiB), so the process must wait for the reader.
  const counted = await runShell("wc -lc");
  expect(counted.stderr).toBe("");
  const [lines, bytes] = counted.stdout.trim().split(/\s+/).map(Number);
  expect(lines).toBe(1001);
  expect(bytes).toBeGreaterThan(2 * 65536);
  const first = await runShell("head -1");
  expect(first.stdout).toMatch(/^\S+many\.tf\.json:\d+ aws_iam_role\.r0: error IRSA002/);
  expect(first.stderr).toBe("");
}, 60000);

afterAll(() => rmSync(work, { recursive: true, force: true }));
