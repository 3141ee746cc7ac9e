/** Runs the `cdktf-eks-irsa` command (`check`, `--help`, ...) in this process and reads its output. */
import { main } from "../../lib/cli/main";

export interface Finding {
  ruleId: string;
  severity: string;
  address: string;
  file: string;
  line: number | null;
  message: string;
}

/** The exit code and what the command wrote. */
export async function run(args: string[], env: { [key: string]: string } = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await main(
    args,
    (line) => (stdout += `${line}\n`),
    (line) => (stderr += `${line}\n`),
    env,
  );
  return { code, stdout, stderr };
}

/** `check --format json` over the paths: the exit code, the findings and the files read. */
export async function findingsOf(...paths: string[]): Promise<{ code: number; findings: Finding[]; files: string[] }> {
  const r = await run(["check", "--format", "json", ...paths]);
  expect(r.stderr).toBe("");
  const report = JSON.parse(r.stdout);
  return { code: r.code, findings: report.findings, files: report.files };
}
