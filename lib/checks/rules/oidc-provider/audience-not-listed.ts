import { hostOfProviderArn } from "../../../evaluation/assume-requests";
import { hostOfUrl, OidcProviderBlock } from "../../../config-model/oidc-providers-of-config";
import { addressText } from "../../../config-model/terraform-config";
import { isExpression } from "../../../config-model/terraform-expression";
import { federatedOf } from "../../../config-model/trust-statement";
import { ConfigRule } from "../../trust-rule";
import { claimOf, isStringLike, readableWebIdentityStatements } from "../../web-identity";

/** Whether a Federated principal of a trust is this provider: by reference, by the ARN a plan states, or by issuer host. */
function isProvider(principal: string, provider: OidcProviderBlock): boolean {
  if (principal === `\${${provider.address.type}.${provider.address.name}.arn}`) return true;
  if (provider.arn !== undefined && principal === provider.arn) return true;
  const host = hostOfUrl(provider.url, provider.syntax);
  return host !== undefined && hostOfProviderArn(principal)?.toLowerCase() === host.toLowerCase();
}

export const oidcProviderAudienceNotListed: ConfigRule = {
  id: "IRSA031",
  name: "oidc-provider-audience-not-listed",
  severity: "error",
  summary: "A trust of the configuration requires an audience that its OIDC provider's client_id_list does not list.",
  help:
    "STS accepts a token only when its aud is one of the provider's client IDs, so a trust that pins aud = sts.amazonaws.com " +
    "on a provider without sts.amazonaws.com in client_id_list can never be assumed. Add the audience to client_id_list.",
  checkConfig: ({ oidcProviders, trusts }) =>
    oidcProviders.flatMap((provider) => {
      const { clientIds, address, syntax } = provider;
      if (clientIds.kind !== "items" || clientIds.items.some((id) => isExpression(id, syntax))) return [];
      return trusts.flatMap((trust) =>
        readableWebIdentityStatements(trust.policy)
          .filter((w) => federatedOf(w.statement).some((p) => isProvider(p, provider)))
          .flatMap((w) => {
            const audiences = w.conditions
              .filter((c) => claimOf(c) === "aud" && !isStringLike(c.operator) && /^StringEquals$/i.test(c.operator))
              .flatMap((c) => c.values.filter((v) => !isExpression(v, w.syntax)));
            if (audiences.length === 0 || audiences.some((a) => clientIds.items.includes(a))) return [];
            return [
              {
                address,
                message:
                  `client_id_list [${clientIds.items.map((i) => JSON.stringify(i)).join(", ")}] lacks ${audiences.join(", ")}, which ` +
                  `${addressText(trust.address)} ${w.label} requires as aud: that trust can never be assumed`,
              },
            ];
          }),
      );
    }),
};
