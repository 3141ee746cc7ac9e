import { IAM_WILDCARD } from "../../../facts/iam";
import { isExpression } from "../../../config-model/terraform-expression";
import { TrustRule } from "../../trust-rule";
import { claimConditions, isStringLike } from "../../web-identity";

export const literalWildcard: TrustRule = {
  id: "IRSA007",
  name: "literal-wildcard",
  severity: "warning",
  summary: "A sub value has a wildcard under an operator that matches it literally.",
  help:
    "StringEquals takes '*' and '?' as characters, so the statement matches no real identity. " + "Use StringLike, or remove the wildcard.",
  check: (policy) =>
    claimConditions(policy)
      .filter(({ claim, c }) => claim === "sub" && !isStringLike(c.operator))
      .flatMap(({ w, c }) =>
        c.values
          .filter((v) => !isExpression(v, w.syntax) && IAM_WILDCARD.test(v))
          .map(
            (v) => `${w.label} ${c.key} value "${v}" has a wildcard but ${c.operator} matches it literally; use StringLike or remove it`,
          ),
      ),
};
