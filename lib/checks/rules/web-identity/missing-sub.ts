import { TrustRule } from "../../trust-rule";
import { missingClaimMessages } from "../../web-identity";

export const missingSub: TrustRule = {
  id: "IRSA002",
  name: "missing-sub",
  severity: "error",
  summary: "A web-identity statement has no <host>:sub condition.",
  help:
    "Without sub, every service account of the cluster can assume the role. Put <host>:sub = " +
    "system:serviceaccount:<namespace>:<name> in the same statement as aud.",
  check: (statements) => missingClaimMessages(statements, "sub", "every service account of the cluster can assume the role"),
};
