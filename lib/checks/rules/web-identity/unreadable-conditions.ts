import { TrustRule } from "../../trust-rule";
import { webIdentityStatements } from "../../web-identity";

export const unreadableConditions: TrustRule = {
  id: "IRSA011",
  name: "unreadable-conditions",
  severity: "warning",
  summary: "A web-identity statement's conditions are a Terraform expression and cannot be checked at synth.",
  help:
    "The checks cannot tell whether sub and aud are pinned. Write the conditions as literal blocks, or check the " +
    "plan with `cdktf-eks-irsa check`.",
  check: (statements) =>
    webIdentityStatements(statements)
      .filter((w) => w.statement.conditions === undefined)
      .map((w) => `${w.label} has conditions given as a token; they cannot be checked at synth`),
};
