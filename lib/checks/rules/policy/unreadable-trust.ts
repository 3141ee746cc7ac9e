import { TrustRule } from "../../trust-rule";
import { webIdentityStatements } from "../../web-identity";

export const unreadableTrust: TrustRule = {
  id: "IRSA011",
  name: "unreadable-trust",
  severity: "warning",
  summary:
    "A trust policy, or a web-identity statement's conditions, " +
    "is a Terraform expression (jsonencode, a variable, a local, a dynamic block, a document known at apply) " +
    "and cannot be checked before apply; it is named, never skipped.",
  help:
    "jsonencode, variables, locals, dynamic blocks and documents known only at apply hide whether sub and aud are pinned. " +
    "Write the trust as literal blocks, or run `cdktf-eks-irsa check` on the plan (`terraform show -json`).",
  check: (policy) => {
    if (policy.kind === "unreadable") return [`the trust policy ${policy.reason}; it cannot be checked before apply`];
    return webIdentityStatements(policy)
      .filter((w) => w.statement.conditions === undefined)
      .map((w) => `${w.label} has conditions given as a Terraform expression; they cannot be checked before apply`);
  },
};
