/** `check --format text` (the default): one line per finding, then a summary line. */
import { CheckFinding } from "./run-checks";

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

export function formatText(findings: readonly CheckFinding[], files: readonly string[]): string[] {
  const lines = findings.map((f) => {
    const where = f.region === undefined ? f.file : `${f.file}:${f.region.startLine}`;
    return `${where} ${f.address}: ${f.severity} ${f.ruleId} (${f.ruleName}): ${f.message}`;
  });
  const errors = findings.filter((f) => f.severity === "error").length;
  const warnings = findings.length - errors;
  lines.push(`${plural(errors, "error")}, ${plural(warnings, "warning")} in ${plural(files.length, "file")} checked`);
  return lines;
}
