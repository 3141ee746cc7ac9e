/** The `cdktf-eks-irsa` command's own surface: help and unknown commands. */
import { spawnSync } from "child_process";
import { join } from "path";
import { run } from "../support/check-run";

/** Runs a script in a fresh Node process at the project root (TypeScript through sucrase) and parses the JSON it prints. */
function inFreshProcess(script: string) {
  const r = spawnSync(process.execPath, ["-r", "sucrase/register/ts", "-e", script], {
    cwd: join(__dirname, "..", ".."),
    encoding: "utf8",
  });
  expect(r.stderr).toBe("");
  return JSON.parse(r.stdout);
}

test.each([["--help"], ["-h"], ["help"]])("%s prints the usage on stdout and exits 0", async (flag) => {
  const r = await run([flag]);
  expect(r).toEqual({ code: 0, stdout: expect.stringMatching(/^usage: cdktf-eks-irsa thumbprint <issuer-url>/), stderr: "" });
  expect(r.stdout).toMatch(/\n {7}cdktf-eks-irsa check \[PATH\.\.\.\] \[--format text\|json\|sarif\]/);
});

test("an unknown command exits 2 with the usage on stderr", async () => {
  const r = await run(["thumbprints"]);
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(/^error: unknown command "thumbprints"\nusage: /);
});

test("help and thumbprint load no other command: not the check engine, cdktf or the HCL parser", () => {
  const script = `
    const { main } = require("./lib/cli/main.ts");
    const quiet = () => undefined;
    Promise.all([main(["--help"], quiet, quiet, {}), main(["thumbprint"], quiet, quiet, {})]).then((codes) => {
      const loaded = Object.keys(require.cache).map((f) => require("path").relative(process.cwd(), f));
      console.log(JSON.stringify({ codes, loaded }));
    });`;
  const { codes, loaded } = inFreshProcess(script);
  expect(codes).toEqual([0, 2]);
  expect(loaded).toContain(join("lib", "cli", "thumbprint-command.ts"));
  expect(loaded.filter((f: string) => /check-command|lib[/\\]cli[/\\]check[/\\]|node_modules[/\\](cdktf|@cdktf)[/\\]/.test(f))).toEqual([]);
});

test("check through the lazy dispatch, in a fresh process: HCL is judged (exit 1), input it cannot read is named (exit 2)", () => {
  const script = `
    const { main } = require("./lib/cli/main.ts");
    const run = async (args) => {
      const out = [];
      const err = [];
      const code = await main(args, (l) => out.push(l), (l) => err.push(l), {});
      return { code, out, err };
    };
    (async () => console.log(JSON.stringify([await run(["check", "__tests__/fixtures/hcl/seeds"]), await run(["check", "LICENSE"])])))();`;
  const [hcl, unreadable] = inFreshProcess(script);
  expect(hcl.code).toBe(1);
  expect(hcl.out.at(-1)).toBe(
    "3 errors, 0 warnings in 1 file checked; 1 trust policy, 1 OIDC provider, 0 annotations judged; 0 unreadable",
  );
  const ruleIds = hcl.out.slice(0, -1).map((line: string) => /error (IRSA\d+)/.exec(line)?.[1]);
  expect(ruleIds).toEqual(["IRSA003", "IRSA030", "IRSA032"]);
  expect(unreadable).toEqual({ code: 2, out: [], err: [expect.stringMatching(/^error: LICENSE: not valid JSON \(/)] });
});
