import { TerraformProvider, Token } from "cdktf";
import { ServiceAccountMode, ServiceAccountRef } from "../kubernetes/service-account";
import { IOidcProvider } from "../oidc/oidc-provider";
import { kubernetesNamespace, kubernetesServiceAccountName } from "../validation/kubernetes-rules";
import { firstDuplicate } from "../validation/list-rules";
import { issuerHost, oidcProviderArn } from "../validation/oidc-rules";
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
  const extra = validator.optionalList("additionalClusters", props.additionalClusters) ?? [];
  const clusters: TrustedCluster[] = [
    {
      oidcProvider: props.oidcProvider,
      serviceAccounts: props.serviceAccounts as ServiceAccountRef[],
      kubernetesProvider: props.kubernetesProvider,
      podIdentityClusterName: props.podIdentityClusterName,
      path: "",
    },
    ...extra.map((c, i) => {
      if (c === null || typeof c !== "object") {
        validator.reject(`additionalClusters[${i}]`, c, "must be { oidcProvider, serviceAccounts, kubernetesProvider }");
      }
      return { ...c, path: `additionalClusters[${i}].` };
    }),
  ];
  const seenProviders = new Map<string, string>();
  for (const cluster of clusters) {
    checkProvider(validator, cluster, settings.audience);
    const earlier = seenProviders.get(cluster.oidcProvider.arn);
    if (earlier !== undefined) {
      validator.reject(
        `${cluster.path}oidcProvider`,
        cluster.oidcProvider.arn,
        `is the same provider as ${earlier}oidcProvider; list its service accounts once`,
      );
    }
    seenProviders.set(cluster.oidcProvider.arn, cluster.path);
    checkServiceAccounts(validator, cluster, settings);
    checkKubernetesProvider(validator, cluster, settings.mode);
  }
  return clusters;
}

function checkProvider(validator: Validator, cluster: TrustedCluster, audience: string): void {
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

function checkServiceAccounts(validator: Validator, cluster: TrustedCluster, settings: TrustSettings): void {
  const path = `${cluster.path}serviceAccounts`;
  const accounts = validator.optionalList(path, cluster.serviceAccounts as ServiceAccountRef[]);
  if (Token.isUnresolved(accounts)) {
    validator.rejectProperty(path, "must be a literal list: a token cannot be expanded into one sub value and one annotation per account");
  }
  if (accounts === undefined || accounts.length === 0) {
    validator.reject(path, accounts, "must list at least one service account ({ namespace, name })");
  }
  accounts.forEach((sa, i) => {
    const at = `${path}[${i}]`;
    if (sa === null || typeof sa !== "object") validator.reject(at, sa, "must be { namespace, name }");
    validator.check(`${at}.namespace`, validator.requireString(`${at}.namespace`, sa.namespace), kubernetesNamespace);
    validator.check(`${at}.name`, validator.requireString(`${at}.name`, sa.name), kubernetesServiceAccountName(settings.allowWildcards));
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
  });
  const dup = firstDuplicate(accounts, (sa) =>
    Token.isUnresolved(sa.namespace) || Token.isUnresolved(sa.name) ? undefined : `${sa.namespace}/${sa.name}`,
  );
  if (dup >= 0) validator.reject(`${path}[${dup}]`, accounts[dup], "is listed twice");
}

function checkKubernetesProvider(validator: Validator, cluster: TrustedCluster, mode: ServiceAccountMode): void {
  const path = `${cluster.path}kubernetesProvider`;
  const provider = cluster.kubernetesProvider;
  if (provider !== undefined && !TerraformProvider.isTerraformProvider(provider)) {
    validator.reject(path, provider, "must be a kubernetes provider construct (KubernetesProvider)");
  }
  if (cluster.path !== "" && mode !== ServiceAccountMode.NONE && provider === undefined) {
    validator.rejectProperty(
      path,
      `is required when serviceAccountMode is "${mode}": the annotation must go to that cluster, not the default ` +
        `provider's (or set serviceAccountMode "none")`,
    );
  }
}
