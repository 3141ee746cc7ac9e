import { TrustRule } from "../../trust-rule";
import { readableWebIdentityStatements } from "../../web-identity";

export const noCondition: TrustRule = {
  id: "IRSA001",
  name: "no-condition",
  severity: "error",
  summary: "A web-identity statement has no condition at all.",
  help:
    "Without conditions every identity of the issuer (every service account of the cluster) can assume the role. " +
    "Add the <host>:sub and <host>:aud conditions to the statement.",
  check: (statements) =>
    readableWebIdentityStatements(statements)
      .filter((w) => w.statement.conditions.length === 0)
      .map((w) => `${w.label} allows sts:AssumeRoleWithWebIdentity with no condition: every identity of that issuer can assume the role`),
};
