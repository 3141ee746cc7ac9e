import { TrustRule } from "../../trust-rule";
import { covers, hasWildcardPrincipal, statementsOf } from "../../web-identity";

const ASSUME_ACTIONS = ["sts:AssumeRole", "sts:AssumeRoleWithWebIdentity", "sts:AssumeRoleWithSAML"];

export const wildcardPrincipal: TrustRule = {
  id: "IRSA012",
  name: "wildcard-principal",
  severity: "error",
  summary: 'A trust statement lets everyone assume the role: Principal "*" (or AWS/Federated "*", or NotPrincipal) with no condition.',
  help: "Name the principal: the OIDC provider ARN for IRSA, pods.eks.amazonaws.com for EKS Pod Identity.",
  check: (policy) =>
    statementsOf(policy).flatMap((s, index) => {
      if (s.effect !== "Allow" || !hasWildcardPrincipal(s) || (s.conditions !== undefined && s.conditions.length > 0)) return [];
      if (policy.kind !== "statements" || !ASSUME_ACTIONS.some((a) => covers(s, a, policy.syntax))) return [];
      return [
        `statement ${index} lets every principal assume the role (${s.notPrincipals ? "NotPrincipal" : 'Principal "*"'}, no condition)`,
      ];
    }),
};
