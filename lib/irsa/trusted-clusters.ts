import { TerraformProvider, Token } from "cdktf";
import { clusterList, PlacedCluster } from "../kubernetes/cluster-list";
import { ServiceAccountMode, ServiceAccountRef } from "../kubernetes/service-account";
import { IOidcProvider } from "../oidc/oidc-provider";
import { issuerHost, oidcProviderArn } from "../validation/eks-rules";
import { hasIamWildcard } from "../facts/iam";
import { Validator } from "../validation/validator";
import { IrsaRoleProps } from "./irsa-role-props";

/** One cluster a role trusts: its provider, its service accounts, and how to reach it. */
export interface TrustedCluster {
  readonly oidcProvider: IOidcProvider;
  readonly serviceAccounts: readonly ServiceAccountRef[];
  readonly kubernetesProvider?: TerraformProvider;
  /** Where the cluster sits in the props, for messages: "" or "additionalClusters[0]." */
  readonly path: string;
  /** Migration to EKS Pod Identity: the cluster's EKS name. */
  readonly podIdentityClusterName?: string;
}

interface TrustSettings {
  readonly allowWildcards: boolean;
  readonly mode: ServiceAccountMode;
  readonly audience: string;
}

/** Providers already checked: many roles share one, and its checks do not depend on the role. */
const checkedProviders = new WeakSet<object>();

/** The first cluster and the additional ones, validated. */
export function trustedClusters(validator: Validator, props: IrsaRoleProps, settings: TrustSettings): TrustedCluster[] {
  const first = {
    oidcProvider: props.oidcProvider,
    serviceAccounts: props.serviceAccounts as ServiceAccountRef[],
    kubernetesProvider: props.kubernetesProvider,
    podIdentityClusterName: props.podIdentityClusterName,
  };
  return clusterList<Omit<TrustedCluster, "path">>(validator, first, props.additionalClusters, {
    entryShape: "{ oidcProvider, serviceAccounts, kubernetesProvider }",
    identity: { property: "oidcProvider", noun: "provider" },
    identify: (cluster) => {
      checkProvider(validator, cluster, settings.audience);
      return cluster.oidcProvider.arn;
    },
    serviceAccounts: {
      allowPatterns: settings.allowWildcards,
      expandsInto: "one sub value and one annotation per account",
      checkAccount: (at, sa) => checkAccount(validator, at, sa, settings),
    },
    providerRequiredReason:
      settings.mode === ServiceAccountMode.NONE
        ? undefined
        : `is required when serviceAccountMode is "${settings.mode}": the annotation must go to that cluster, not the default ` +
          `provider's (or set serviceAccountMode "none")`,
  });
}

function checkProvider(validator: Validator, cluster: PlacedCluster<Omit<TrustedCluster, "path">>, audience: string): void {
  const provider = cluster.oidcProvider;
  const at = `${cluster.path}oidcProvider`;
  if (provider === undefined || provider === null || typeof provider !== "object") {
    validator.reject(at, provider, "is required (an EksOidcProvider or EksOidcProvider.fromArn(...))");
  }
  if (!checkedProviders.has(provider)) {
    validator.requireString(`${at}.arn`, provider.arn);
    validator.requireString(`${at}.issuerHost`, provider.issuerHost);
    validator.check(`${at}.arn`, provider.arn, oidcProviderArn);
    validator.check(`${at}.issuerHost`, provider.issuerHost, issuerHost);
    checkedProviders.add(provider);
  }
  const clientIds: unknown = provider.clientIds;
  if (clientIds === undefined || Token.isUnresolved(clientIds)) return;
  if (!Array.isArray(clientIds) || clientIds.some((c) => typeof c !== "string")) {
    // A string would be searched for the audience as a substring.
    validator.reject(`${at}.clientIds`, clientIds, "must be a list of strings (the provider's client IDs) or left out");
  }
  if (!Token.isUnresolved(audience) && !clientIds.includes(audience)) {
    validator.reject("audience", audience, `is not a client ID of ${at} (${clientIds.join(", ")}); add it to the provider's clientIds`);
  }
}

/** IRSA's own rules for one account: a namespace pattern stays literal, and a pattern name is never annotated or created. */
function checkAccount(validator: Validator, at: string, sa: ServiceAccountRef, settings: TrustSettings): void {
  if (settings.allowWildcards && Token.isUnresolved(sa.namespace)) {
    validator.rejectProperty(
      `${at}.namespace`,
      "is a token, and allowWildcards matches sub with StringLike: a namespace known only at apply could be a pattern " +
        "that trusts many namespaces; give it literally",
    );
  }
  if (settings.mode !== ServiceAccountMode.NONE && !Token.isUnresolved(sa.name) && hasIamWildcard(sa.name)) {
    validator.reject(
      `${at}.name`,
      sa.name,
      `contains a wildcard and cannot be ${settings.mode}d; set serviceAccountMode "none" and annotate the matching ` +
        `service accounts yourself`,
    );
  }
}
