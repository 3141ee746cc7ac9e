import { isExpression } from "../../../config-model/terraform-expression";
import { TrustRule } from "../../trust-rule";
import { claimConditions } from "../../web-identity";

export const foreignConditionKey: TrustRule = {
  id: "IRSA009",
  name: "foreign-condition-key",
  severity: "error",
  summary: "A sub or aud key belongs to another issuer than the statement's Federated principal.",
  help:
    "IAM puts only the principal's own <host>:sub and <host>:aud in the request, so the condition never matches " +
    "(or the statement is a copy of another cluster's). Use the host of the statement's provider.",
  check: (policy) =>
    claimConditions(policy).flatMap(({ w, c, claim }) => {
      const host = w.issuers.length === 1 ? w.issuers[0].host : undefined;
      if (host === undefined || isExpression(c.key, w.syntax)) return [];
      const keyHost = c.key.slice(0, c.key.lastIndexOf(":"));
      if (keyHost.toLowerCase() === host.toLowerCase()) return [];
      const principal = w.statement.principals.flatMap((p) => p.identifiers).join(", ");
      return [
        `${w.label} has the condition key ${c.key}, which does not belong to ${principal} (expected ${host}:${claim}); ` +
          "the statement can never match",
      ];
    }),
};
