/** `check --format text` (the default): one line per finding, then a summary of what was found and what was judged. */
import { CheckReport } from "./run-checks";

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** `3 trust policies, 1 OIDC provider, 2 annotations judged; 1 unreadable`: what the verdict covers. */
export function judgedText(report: Pick<CheckReport, "judged" | "unreadable">): string {
  const { trustPolicies, oidcProviders, annotations } = report.judged;
  const policies = `${trustPolicies} trust polic${trustPolicies === 1 ? "y" : "ies"}`;
  const others = `${plural(oidcProviders, "OIDC provider")}, ${plural(annotations, "annotation")}`;
  return `${policies}, ${others} judged; ${report.unreadable} unreadable`;
}

export function formatText(report: CheckReport): string[] {
  const { findings, files } = report;
  const lines = findings.map((f) => {
    const where = f.region === undefined ? f.file : `${f.file}:${f.region.startLine}`;
    return `${where} ${f.address}: ${f.severity} ${f.ruleId} (${f.ruleName}): ${f.message}`;
  });
  const errors = findings.filter((f) => f.severity === "error").length;
  const warnings = findings.length - errors;
  lines.push(
    `${plural(errors, "error")}, ${plural(warnings, "warning")} in ${plural(files.length, "file")} checked; ${judgedText(report)}`,
  );
  return lines;
}
