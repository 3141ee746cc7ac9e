import { isExpression } from "../../../config-model/terraform-expression";
import { ConfigRule } from "../../trust-rule";

const THUMBPRINT = /^[0-9a-f]{40}$/i;
const MAX_THUMBPRINTS = 5;

export const oidcProviderThumbprintFormat: ConfigRule = {
  id: "IRSA033",
  name: "oidc-provider-thumbprint-format",
  severity: "error",
  summary: "An OIDC provider's thumbprint_list has a literal value that is not 40 hex characters, or more than 5 values.",
  help:
    "A thumbprint is the SHA-1 of the certificate as 40 hex characters (no colons); IAM takes at most 5. No list at all is fine: " +
    "IAM then pins the top intermediate itself (and validates EKS issuers against its own trusted CAs).",
  checkConfig: ({ oidcProviders }) =>
    oidcProviders.flatMap(({ address, thumbprints, syntax }) => {
      if (thumbprints.kind !== "items") return [];
      const bad = thumbprints.items
        .filter((t) => !isExpression(t, syntax) && !THUMBPRINT.test(t))
        .map((t) => ({ address, message: `thumbprint_list has ${JSON.stringify(t)}, which is not 40 hex characters` }));
      const tooMany =
        thumbprints.items.length > MAX_THUMBPRINTS
          ? [{ address, message: `thumbprint_list has ${thumbprints.items.length} values; IAM takes at most ${MAX_THUMBPRINTS}` }]
          : [];
      return [...bad, ...tooMany];
    }),
};
