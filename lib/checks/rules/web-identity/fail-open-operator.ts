import { TrustRule } from "../../trust-rule";
import { claimConditions } from "../../web-identity";

/** Operators that pass when the key is missing or that negate: never acceptable on sub or aud. */
export function failOpenReason(operator: string): string | undefined {
  if (/^ForAllValues:/i.test(operator)) return "ForAllValues passes when the claim is missing";
  if (/IfExists$/i.test(operator)) return "...IfExists passes when the claim is missing";
  if (/(^|:)StringNot/i.test(operator)) return "StringNot... admits every value but the listed ones";
  if (/^Null$/i.test(operator)) return "Null checks only that the claim exists";
  return undefined;
}

export const failOpenOperator: TrustRule = {
  id: "IRSA004",
  name: "fail-open-operator",
  severity: "error",
  summary:
    "sub or aud is tested with an operator that passes when the claim is missing, " +
    "or that negates (`ForAllValues:*`, `*IfExists`, `StringNot*`, `Null`).",
  help:
    "ForAllValues:*, *IfExists, StringNot* and Null do not pin the claim to a value. " +
    "Use StringEquals (or StringLike for a name pattern).",
  check: (policy) =>
    claimConditions(policy).flatMap(({ w, c }) => {
      const reason = failOpenReason(c.operator);
      return reason ? [`${w.label} uses ${c.operator} on ${c.key} (${reason}); use StringEquals or StringLike`] : [];
    }),
};
