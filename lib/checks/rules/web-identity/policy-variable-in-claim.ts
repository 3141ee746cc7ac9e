import { policyVariablesIn } from "../../../config-model/terraform-expression";
import { TrustRule } from "../../trust-rule";
import { claimConditions } from "../../web-identity";

export const policyVariableInClaim: TrustRule = {
  id: "IRSA013",
  name: "policy-variable-in-claim",
  severity: "error",
  summary: "A sub or aud value contains an IAM policy variable.",
  help:
    "IAM fills policy variables from the request, so `${<host>:sub}` compared with sub matches every token. " +
    "Write the expected value literally.",
  check: (policy) =>
    claimConditions(policy).flatMap(({ w, c }) =>
      c.values.flatMap((v) => {
        const variables = policyVariablesIn(v, w.syntax);
        return variables.length === 0
          ? []
          : [`${w.label} compares ${c.key} with "${v}", which holds the policy variable \${${variables[0]}} filled from the request`];
      }),
    ),
};
