import { isDualStackIssuer, tokenIssuerHostFor } from "../../dual-stack-issuer";
import { ConfigRule } from "../../trust-rule";

export const oidcProviderDualStackUrl: ConfigRule = {
  id: "IRSA035",
  name: "oidc-provider-dual-stack-url",
  severity: "error",
  summary: "An OIDC provider's url is EKS's dual-stack issuer (https://oidc-eks.<region>.api.aws/id/...), which no token carries.",
  help:
    "Service account tokens carry iss = https://oidc.eks.<region>.amazonaws.com/id/<id> even when the cluster also serves the " +
    "dual-stack issuer, so a provider on oidc-eks.<region>.api.aws never matches a token. Create the provider for the " +
    "oidc.eks.<region>.amazonaws.com issuer.",
  checkConfig: ({ oidcProviders }) =>
    oidcProviders.flatMap(({ address, url }) =>
      url !== undefined && isDualStackIssuer(url)
        ? [
            {
              address,
              message: `url ${url} is the dual-stack issuer; tokens carry https://${tokenIssuerHostFor(url)}, so it never matches`,
            },
          ]
        : [],
    ),
};
