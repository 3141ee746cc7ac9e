import { TrustRule } from "../../trust-rule";
import { missingClaimMessages } from "../../web-identity";

export const missingAud: TrustRule = {
  id: "IRSA003",
  name: "missing-aud",
  severity: "error",
  summary: "A web-identity statement has no <host>:aud condition.",
  help: "Without aud, tokens minted for any audience are accepted. Put <host>:aud = sts.amazonaws.com in the same statement as sub.",
  check: (statements) => missingClaimMessages(statements, "aud", "tokens for any audience are accepted"),
};
