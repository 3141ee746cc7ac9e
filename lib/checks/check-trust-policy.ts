import { TRUST_RULES } from "./rules";
import { TrustFinding } from "./trust-rule";
import { TrustStatement } from "./trust-statement";

/** Every finding of every rule for the statements of one trust policy. */
export function checkTrustStatements(statements: readonly TrustStatement[]): TrustFinding[] {
  return TRUST_RULES.flatMap((rule) =>
    rule.check(statements).map((message) => ({ ruleId: rule.id, ruleName: rule.name, severity: rule.severity, message })),
  );
}
