/** `check --format json`: the files read, every finding with its location, and the counts. */
import { CheckFinding } from "./run-checks";

export function formatJson(findings: readonly CheckFinding[], files: readonly string[]): string {
  const errors = findings.filter((f) => f.severity === "error").length;
  const report = {
    files,
    findings: findings.map((f) => ({
      ruleId: f.ruleId,
      ruleName: f.ruleName,
      severity: f.severity,
      address: f.address,
      file: f.file,
      line: f.region?.startLine ?? null,
      message: f.message,
    })),
    summary: { errors, warnings: findings.length - errors },
  };
  return JSON.stringify(report, null, 2);
}
