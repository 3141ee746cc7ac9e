import { isExpression } from "../../../config-model/terraform-expression";
import { ConfigRule } from "../../trust-rule";

export const oidcProviderUrlNotHttps: ConfigRule = {
  id: "IRSA034",
  name: "oidc-provider-url-not-https",
  severity: "error",
  summary: "An OIDC provider's url is not an https URL.",
  help:
    "IAM requires the provider URL to begin with https:// and to equal the token's iss claim. Use the cluster's issuer as EKS " +
    "reports it (https://oidc.eks.<region>.amazonaws.com/id/<id>).",
  checkConfig: ({ oidcProviders }) =>
    oidcProviders.flatMap(({ address, url, syntax }) => {
      if (url === undefined || isExpression(url, syntax) || /^https:\/\//i.test(url)) return [];
      // A plan or state may hold the URL as IAM stores it, without the scheme: only another scheme is wrong there.
      if (syntax === "iam" && !/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) return [];
      return [{ address, message: `url ${JSON.stringify(url)} is not https: IAM accepts only https:// issuer URLs` }];
    }),
};
