import { isDualStackIssuer, tokenIssuerHostFor } from "../../dual-stack-issuer";
import { federatedOf } from "../../../config-model/trust-statement";
import { TrustRule } from "../../trust-rule";
import { statementsOf } from "../../web-identity";

export const dualStackIssuer: TrustRule = {
  id: "IRSA017",
  name: "dual-stack-issuer",
  severity: "error",
  summary: "A Federated principal or a condition key names EKS's dual-stack issuer (oidc-eks.<region>.api.aws), which no token carries.",
  help:
    "Service account tokens carry iss = https://oidc.eks.<region>.amazonaws.com/id/<id> even when the cluster also serves the " +
    "dual-stack issuer, so a trust keyed on oidc-eks.<region>.api.aws never matches and pods cannot assume the role. Use the " +
    "oidc.eks.<region>.amazonaws.com host in the provider, the principal and the condition keys.",
  check: (policy) =>
    statementsOf(policy).flatMap((s, index) => {
      const principals = federatedOf(s).filter(isDualStackIssuer);
      const keys = (s.conditions ?? []).map((c) => c.key).filter(isDualStackIssuer);
      return [...principals.map((p) => `Federated ${p}`), ...keys.map((k) => `condition key ${k}`)].map(
        (what) =>
          `statement ${index} has the ${what} on the dual-stack issuer; tokens carry ${tokenIssuerHostFor(what)}, so it never matches`,
      );
    }),
};
