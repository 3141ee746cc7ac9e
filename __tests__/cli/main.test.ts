/** The `cdktf-eks-irsa` command's own surface: help and unknown commands. */
import { spawnSync } from "child_process";
import { join } from "path";
import { main } from "../../lib/cli/main";

async function run(args: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await main(
    args,
    (line) => (stdout += `${line}\n`),
    (line) => (stderr += `${line}\n`),
    {},
  );
  return { code, stdout, stderr };
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
  const r = spawnSync(process.execPath, ["-r", "sucrase/register/ts", "-e", script], {
    cwd: join(__dirname, "..", ".."),
    encoding: "utf8",
  });
  expect(r.stderr).toBe("");
  const { codes, loaded } = JSON.parse(r.stdout);
  expect(codes).toEqual([0, 2]);
  expect(loaded).toContain(join("lib", "cli", "thumbprint-command.ts"));
  expect(loaded.filter((f: string) => /check-command|lib[/\\]cli[/\\]check[/\\]|node_modules[/\\](cdktf|@cdktf)[/\\]/.test(f))).toEqual([]);
});
