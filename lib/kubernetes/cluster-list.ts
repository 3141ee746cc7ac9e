/**
 * The clusters a role trusts, as IrsaRole and PodIdentityRole take them: the first from the props'
 * top level, the others from `additionalClusters`, each with its service accounts and the
 * kubernetes provider that reaches it. Validated once for both: each entry is an object, no
 * cluster is listed twice, each cluster's service accounts are valid, and its provider is a
 * provider construct (required where the role writes to that cluster). What identifies a cluster
 * (an OIDC provider, a cluster name) comes in as {@link ClusterRules}.
 */
import { TerraformProvider } from "cdktf";
import { Validator } from "../validation/validator";
import { ServiceAccountRef } from "./service-account";
import { checkServiceAccountList, ServiceAccountRules } from "./service-account-list";

/** What every cluster entry has. */
export interface ClusterEntry {
  readonly serviceAccounts: readonly ServiceAccountRef[];
  readonly kubernetesProvider?: TerraformProvider;
}

/** A cluster entry with where it sits in the props, for messages: "" or "additionalClusters[0].". */
export type PlacedCluster<C extends ClusterEntry> = C & { readonly path: string };

/** How one construct's clusters differ from another's. */
export interface ClusterRules<C extends ClusterEntry> {
  /** The shape of an entry of `additionalClusters`, for the message that refuses a non-object. */
  readonly entryShape: string;
  /** The property that identifies a cluster ("oidcProvider", "clusterName") and what it names ("provider", "cluster"). */
  readonly identity: { readonly property: string; readonly noun: string };
  /** Checks what identifies the cluster and returns its key (no two clusters share one). */
  readonly identify: (cluster: PlacedCluster<C>) => string;
  readonly serviceAccounts: ServiceAccountRules;
  /** Why an additional cluster needs its own kubernetes provider, or undefined when it does not. */
  readonly providerRequiredReason?: string;
}

/** The first cluster and the additional ones, validated in order. */
export function clusterList<C extends ClusterEntry>(
  validator: Validator,
  first: C,
  additional: readonly C[] | undefined,
  rules: ClusterRules<C>,
): PlacedCluster<C>[] {
  const extra = validator.optionalList("additionalClusters", additional as C[] | undefined) ?? [];
  const clusters: PlacedCluster<C>[] = [
    { ...first, path: "" },
    ...extra.map((c, i) => {
      if (c === null || typeof c !== "object") validator.reject(`additionalClusters[${i}]`, c, `must be ${rules.entryShape}`);
      return { ...c, path: `additionalClusters[${i}].` };
    }),
  ];
  const seen = new Map<string, string>();
  const { property, noun } = rules.identity;
  for (const cluster of clusters) {
    const key = rules.identify(cluster);
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      validator.reject(`${cluster.path}${property}`, key, `is the same ${noun} as ${earlier}${property}; list its service accounts once`);
    }
    seen.set(key, cluster.path);
    checkServiceAccountList(validator, `${cluster.path}serviceAccounts`, cluster.serviceAccounts, rules.serviceAccounts);
    checkKubernetesProvider(validator, cluster, rules.providerRequiredReason);
  }
  return clusters;
}

function checkKubernetesProvider(validator: Validator, cluster: PlacedCluster<ClusterEntry>, requiredReason: string | undefined): void {
  const path = `${cluster.path}kubernetesProvider`;
  const provider = cluster.kubernetesProvider;
  if (provider !== undefined && !TerraformProvider.isTerraformProvider(provider)) {
    validator.reject(path, provider, "must be a kubernetes provider construct (KubernetesProvider)");
  }
  if (cluster.path !== "" && requiredReason !== undefined && provider === undefined) validator.rejectProperty(path, requiredReason);
}
