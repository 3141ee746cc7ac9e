import { Token } from "cdktf";
import { issuerHostFromArn } from "../../../oidc/issuer-host";
import { TrustRule } from "../../trust-rule";
import { claimConditions } from "../../web-identity";

export const foreignConditionKey: TrustRule = {
  id: "IRSA009",
  name: "foreign-condition-key",
  severity: "error",
  summary: "A sub or aud key belongs to another issuer than the statement's Federated principal.",
  help:
    "IAM puts only the principal's own <host>:sub and <host>:aud in the request, so the condition never matches (or " +
    "the statement is a copy-paste of another cluster's). Use the host of the statement's provider.",
  check: (statements) =>
    claimConditions(statements).flatMap(({ w, c, claim }) => {
      const provider = w.statement.federated.length === 1 ? w.statement.federated[0] : undefined;
      if (provider === undefined || Token.isUnresolved(provider) || Token.isUnresolved(c.key)) return [];
      const host = issuerHostFromArn(provider);
      const keyHost = c.key.slice(0, c.key.lastIndexOf(":"));
      return keyHost.toLowerCase() === host.toLowerCase()
        ? []
        : [
            `${w.label} has the condition key ${c.key}, which does not belong to ${provider} (expected ` +
              `${host}:${claim}); the statement can never match`,
          ];
    }),
};
