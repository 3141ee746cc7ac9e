import { IAM_WILDCARD } from "../../../facts/iam";
import { isExpression } from "../../../config-model/terraform-expression";
import { TrustRule } from "../../trust-rule";
import { claimConditions, isStringLike } from "../../web-identity";

export const wildcardAudience: TrustRule = {
  id: "IRSA008",
  name: "wildcard-audience",
  severity: "error",
  summary: "The audience is matched with a wildcard.",
  help: "A pattern accepts tokens minted for other clients. Match the audience exactly with StringEquals (sts.amazonaws.com for IRSA).",
  check: (policy) =>
    claimConditions(policy)
      .filter(({ claim, c }) => claim !== "sub" && isStringLike(c.operator))
      .filter(({ w, c }) => c.values.some((v) => !isExpression(v, w.syntax) && IAM_WILDCARD.test(v)))
      .map(({ w, c }) => `${w.label} matches ${c.key} with a wildcard; the audience must be exact`),
};
