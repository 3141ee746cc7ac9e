import { isExpression } from "../../../config-model/terraform-expression";
import { TrustRule } from "../../trust-rule";
import { claimConditions, isKubernetesStatement, isStringLike, splitServiceAccountSubject } from "../../web-identity";

export const expressionNamespacePattern: TrustRule = {
  id: "IRSA016",
  name: "expression-namespace-pattern",
  severity: "warning",
  summary: "A Kubernetes sub matched with StringLike has a namespace that is a Terraform expression.",
  help:
    "If the expression resolves to a pattern, the role trusts every matching namespace. Give the namespace " +
    "literally, or match with StringEquals.",
  check: (policy) =>
    claimConditions(policy)
      .filter(({ claim, c, w }) => claim === "sub" && isStringLike(c.operator) && isKubernetesStatement(w))
      .flatMap(({ w, c }) =>
        c.values.flatMap((v) => {
          const subject = splitServiceAccountSubject(v);
          return subject !== undefined && isExpression(subject.namespace, w.syntax)
            ? [`${w.label} ${c.key} value "${v}" is matched with ${c.operator} and its namespace is only known at apply`]
            : [];
        }),
      ),
};
