import { TrustRule } from "../../trust-rule";
import { hasWildcardPrincipal, readableWebIdentityStatements } from "../../web-identity";

export const noCondition: TrustRule = {
  id: "IRSA001",
  name: "no-condition",
  severity: "error",
  summary: "A web-identity statement has no condition at all.",
  help:
    "Without conditions every identity of the issuer (every service account of the cluster, every repository of GitHub) " +
    "can assume the role. Add the <host>:sub and <host>:aud conditions to the statement.",
  check: (policy) =>
    readableWebIdentityStatements(policy)
      .filter((w) => w.conditions.length === 0 && !hasWildcardPrincipal(w.statement))
      .map((w) => `${w.label} allows sts:AssumeRoleWithWebIdentity with no condition: every identity of that issuer can assume the role`),
};
