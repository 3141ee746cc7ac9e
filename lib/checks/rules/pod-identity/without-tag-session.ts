import { TrustRule } from "../../trust-rule";
import { covers, podIdentityStatements } from "../../web-identity";

export const podIdentityWithoutTagSession: TrustRule = {
  id: "IRSA020",
  name: "pod-identity-without-tag-session",
  severity: "error",
  summary: "A pods.eks.amazonaws.com trust allows sts:AssumeRole but not sts:TagSession.",
  help:
    "EKS Pod Identity passes session tags on every AssumeRole, which needs sts:TagSession too: without it associations " +
    "fail. Allow both actions in the same statement, as the EKS user guide's trust policy does.",
  check: (policy) =>
    policy.kind !== "statements"
      ? []
      : podIdentityStatements(policy)
          .filter(
            ({ statement }) => covers(statement, "sts:AssumeRole", policy.syntax) && !covers(statement, "sts:TagSession", policy.syntax),
          )
          .filter(
            ({ statement }) =>
              !podIdentityStatements(policy).some((o) => o.statement !== statement && covers(o.statement, "sts:TagSession", policy.syntax)),
          )
          .map(({ label }) => `${label} allows sts:AssumeRole without sts:TagSession; EKS Pod Identity cannot assume the role`),
};
