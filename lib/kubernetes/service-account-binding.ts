import { Annotations as KubernetesAnnotations } from "@cdktf/provider-kubernetes/lib/annotations";
import { ServiceAccountV1 } from "@cdktf/provider-kubernetes/lib/service-account-v1";
import { TerraformProvider, Token } from "cdktf";
import { Construct } from "constructs";
import { siblingId } from "../construct-ids/sibling-id";
import { ServiceAccountMode, ServiceAccountRef } from "./service-account";
import { claimServiceAccount, ServiceAccountClaimKind } from "./service-account-owners";

/** The service accounts of one cluster, and the kubernetes provider that reaches that cluster. */
export interface ClusterServiceAccounts {
  /** Prefix of the construct ids of this cluster's objects ("" for the first cluster). */
  readonly idPrefix: string;
  readonly kubernetesProvider?: TerraformProvider;
  readonly serviceAccounts: readonly ServiceAccountRef[];
  /**
   * The cluster's key in the stack's registry of role annotations (the OIDC provider ARN), or
   * undefined when the binding writes no role annotation (Pod Identity's created accounts).
   */
  readonly annotationClaimKey?: string;
}

/** How a role binds to its service accounts. */
export interface ServiceAccountBindingSpec {
  readonly mode: ServiceAccountMode;
  readonly clusters: readonly ClusterServiceAccounts[];
  /** Server-side apply `force` ("annotate" mode). */
  readonly force: boolean;
  /** Server-side apply field manager ("annotate" mode). */
  readonly fieldManager: string;
  /** A short stable key for a value holding tokens (see role/stable-key.ts). */
  readonly stableKey: (text: string) => string;
}

/** The Kubernetes objects a binding wrote. */
export interface BoundServiceAccounts {
  /** `kubernetes_annotations`, one per service account ("annotate" mode). */
  readonly annotations: KubernetesAnnotations[];
  /** `kubernetes_service_account_v1`, one per service account ("create" mode). */
  readonly created: ServiceAccountV1[];
}

/** Annotates ("annotate") or creates ("create") every service account; "none" writes nothing. */
export function bindServiceAccounts(
  scope: Construct,
  spec: ServiceAccountBindingSpec,
  annotations: { [key: string]: string },
): BoundServiceAccounts {
  const bound: BoundServiceAccounts = { annotations: [], created: [] };
  if (spec.mode === ServiceAccountMode.NONE) return bound;
  for (const cluster of spec.clusters) {
    cluster.serviceAccounts.forEach((sa) => {
      const provider = cluster.kubernetesProvider;
      // namespace is always explicit: the provider would default it to "default".
      const metadata = { name: sa.name, namespace: sa.namespace };
      if (cluster.annotationClaimKey !== undefined) {
        const kind = ServiceAccountClaimKind.ANNOTATION;
        claimServiceAccount(scope, { clusterKey: cluster.annotationClaimKey, namespace: sa.namespace, name: sa.name, kind, owner: scope });
      }
      if (spec.mode === ServiceAccountMode.CREATE) {
        const id = objectId(scope, cluster.idPrefix, "service-account", objectKey(sa, spec.stableKey));
        // Pod Identity needs no annotation: leave the map out rather than write an empty one.
        const withAnnotations = Object.keys(annotations).length > 0 ? { ...metadata, annotations } : metadata;
        bound.created.push(new ServiceAccountV1(scope, id, { provider, metadata: withAnnotations }));
      } else {
        const id = objectId(scope, cluster.idPrefix, "annotations", objectKey(sa, spec.stableKey));
        bound.annotations.push(
          new KubernetesAnnotations(scope, id, {
            provider,
            apiVersion: "v1",
            kind: "ServiceAccount",
            metadata,
            annotations,
            force: spec.force,
            fieldManager: spec.fieldManager,
          }),
        );
      }
    });
  }
  return bound;
}

/**
 * `<cluster prefix><kind>-<key>`, as always; a cluster prefix that itself ends like another cluster's
 * (`a-` + `service-account-b.x` and `a-service-account-` + `b.x`) leaves the later one
 * `<cluster prefix>#<kind>#<key>` (see role/sibling-id.ts).
 */
function objectId(scope: Construct, clusterPrefix: string, kind: string, key: string): string {
  return siblingId(scope, `${clusterPrefix}${kind}-${key}`, clusterPrefix, [kind, key]);
}

/** Keyed by namespace and name (not position), so that reordering the list keeps every address. */
function objectKey(sa: ServiceAccountRef, stableKey: (text: string) => string): string {
  // A namespace has no '.', so "<namespace>.<name>" is unambiguous.
  const literal = !Token.isUnresolved(sa.namespace) && !Token.isUnresolved(sa.name);
  return literal ? `${sa.namespace}.${sa.name}` : stableKey(`${sa.namespace}/${sa.name}`);
}
