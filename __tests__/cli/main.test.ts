/** The `cdktf-eks-irsa` command's own surface: help and unknown commands. */
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
