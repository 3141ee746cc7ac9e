/** `check --format json`: the files read, every finding with its location, and the counts (found, judged, unreadable). */
import { CheckReport } from "./run-checks";

export function formatJson(report: CheckReport): string {
  const { findings, files } = report;
  const errors = findings.filter((f) => f.severity === "error").length;
  const json = {
    files,
    findings: findings.map((f) => ({
      ruleId: f.ruleId,
      ruleName: f.ruleName,
      severity: f.severity,
      address: f.address,
      file: f.file,
      line: f.region?.startLine ?? null,
      message: f.message,
      ...(f.constructPath === undefined ? {} : { constructPath: f.constructPath }),
    })),
    summary: { errors, warnings: findings.length - errors, judged: report.judged, unreadable: report.unreadable },
  };
  return JSON.stringify(json, null, 2);
}
