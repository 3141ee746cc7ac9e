import { TrustRule } from "../../trust-rule";
import { audienceClaimOf, missingClaimMessages } from "../../web-identity";

export const missingAud: TrustRule = {
  id: "IRSA003",
  name: "missing-aud",
  severity: "error",
  summary: "A web-identity statement has no audience condition (<host>:aud, or :app_id for Facebook and Amazon).",
  help:
    "Without an audience, tokens minted for any client of the issuer are accepted (for Cognito and Google: any identity pool or app). " +
    "Put <host>:aud = sts.amazonaws.com (IRSA) or your client ID in the same statement as sub.",
  check: (policy) => missingClaimMessages(policy, audienceClaimOf, () => "tokens for any audience are accepted"),
};
