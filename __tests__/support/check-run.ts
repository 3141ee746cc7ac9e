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

/**
 * `check --format json` over the paths: the exit code, the findings and the files read. The only
 * line the command may write to stderr is the one that says nothing could be judged (exit 2).
 */
export async function findingsOf(...paths: string[]): Promise<{ code: number; findings: Finding[]; files: string[] }> {
  const r = await run(["check", "--format", "json", ...paths]);
  if (r.code === 2) expect(r.stderr).toMatch(/^error: nothing judged: [^\n]*\n$/);
  else expect(r.stderr).toBe("");
  const report = JSON.parse(r.stdout);
  return { code: r.code, findings: report.findings, files: report.files };
}
