import { TrustRule } from "../../trust-rule";
import { readableWebIdentityStatements } from "../../web-identity";

export const severalFederatedPrincipals: TrustRule = {
  id: "IRSA010",
  name: "several-federated-principals",
  severity: "error",
  summary: "One web-identity statement names several Federated principals.",
  help:
    "Conditions are ANDed, and each provider has its own condition keys, so one statement cannot pin sub and aud " +
    "for several providers. Write one statement per OIDC provider.",
  check: (policy) =>
    readableWebIdentityStatements(policy)
      .filter(
        (w) => new Set(w.statement.principals.filter((p) => p.type.toLowerCase() === "federated").flatMap((p) => p.identifiers)).size > 1,
      )
      .map((w) => `${w.label} names several Federated principals; conditions are ANDed, so use one statement per OIDC provider`),
};
