import { TrustRule } from "../../trust-rule";

export const malformedPolicy: TrustRule = {
  id: "IRSA014",
  name: "malformed-policy",
  severity: "error",
  summary: "The trust policy is not a valid IAM policy (a null statement, an Effect other than Allow or Deny, no Principal).",
  help:
    "IAM rejects it at apply (or, worse, reads it differently). Fix the JSON: a Statement list of objects with " +
    "Effect, Action and Principal.",
  check: (policy) => (policy.kind === "malformed" ? [`the trust policy ${policy.reason}`] : []),
};
