import { TrustRule } from "../../trust-rule";
import { missingClaimMessages, needsSubject } from "../../web-identity";

export const missingSub: TrustRule = {
  id: "IRSA002",
  name: "missing-sub",
  severity: "error",
  summary:
    "A web-identity statement of an OIDC provider has no <host>:sub " +
    "condition (one in another statement does not count: statements are OR'ed).",
  help:
    "Without sub, every identity of the issuer (every service account of the cluster) can assume the role. " +
    "Put <host>:sub = system:serviceaccount:<namespace>:<name> in the same statement as aud.",
  check: (policy) =>
    missingClaimMessages(
      policy,
      (w) => (needsSubject(w) ? "sub" : undefined),
      () => "every identity of that issuer (every service account of the cluster) can assume the role",
    ),
};
