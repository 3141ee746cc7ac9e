import { ConfigRule } from "../../trust-rule";

export const oidcProviderEmptyClientId: ConfigRule = {
  id: "IRSA030",
  name: "oidc-provider-empty-client-id",
  severity: "error",
  summary: 'An OIDC provider\'s client_id_list is empty, missing, or contains "".',
  help:
    "IAM accepts a web identity token only when its aud is in the provider's client ID list; an empty entry matches no token and " +
    "IAM rejects it (each client ID is 1..255 characters). For EKS, list sts.amazonaws.com (and any audience that service " +
    "accounts ask for with eks.amazonaws.com/audience).",
  checkConfig: ({ oidcProviders }) =>
    oidcProviders.flatMap(({ address, clientIds }) => {
      if (clientIds.kind === "absent") return [{ address, message: "has no client_id_list: no token's audience can match" }];
      if (clientIds.kind === "expression") return [];
      if (clientIds.items.length === 0) return [{ address, message: "has an empty client_id_list: no token's audience can match" }];
      return clientIds.items.includes("")
        ? [{ address, message: 'has "" in client_id_list: an empty client ID matches no token (IAM requires 1..255 characters)' }]
        : [];
    }),
};
