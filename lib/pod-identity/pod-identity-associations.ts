/** `aws_eks_pod_identity_association`: one per (cluster, service account), keyed by cluster and account, never by position. */
import type { EksPodIdentityAssociation } from "@cdktf/provider-aws/lib/eks-pod-identity-association";
import { Token } from "cdktf";
import { Construct } from "constructs";
import { ServiceAccountRef } from "../kubernetes/service-account";
import { claimServiceAccount, ServiceAccountClaimKind } from "../kubernetes/service-account-owners";
import { siblingId } from "../construct-ids/sibling-id";
import { SessionPolicies, setSessionPolicy } from "./session-policies";

type PodIdentityModule = typeof import("@cdktf/provider-aws/lib/eks-pod-identity-association");

export interface AssociationSpec {
  readonly clusters: ReadonlyArray<{ readonly clusterName: string; readonly serviceAccounts: readonly ServiceAccountRef[] }>;
  readonly targetRoleArn?: string;
  readonly disableSessionTags?: boolean;
  readonly tags?: { [key: string]: string };
  /** Construct id prefix: "association" (PodIdentityRole) or "pod-identity" (a migrating IrsaRole). */
  readonly idPrefix: string;
  /** A short stable key for a value holding tokens (see role/stable-key.ts). */
  readonly stableKey: (text: string) => string;
  /** Session policies by "<namespace>/<name>" (PodIdentityRole `sessionPolicies`). */
  readonly sessionPolicies?: SessionPolicies;
  /** How the owning construct is named in messages (for the session-policy warning). */
  readonly owner?: string;
}

/** Creates the associations of a role, keyed by cluster and service account. */
export function associate(scope: Construct, roleArn: string, spec: AssociationSpec): EksPodIdentityAssociation[] {
  if (spec.clusters.length === 0) return [];
  // Loaded on first use: most IrsaRoles never migrate, and every provider module costs start-up time.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { EksPodIdentityAssociation } = require("@cdktf/provider-aws/lib/eks-pod-identity-association") as PodIdentityModule;
  const clusterKey = (name: string) => (Token.isUnresolved(name) ? spec.stableKey(name) : name);
  return spec.clusters.flatMap(({ clusterName, serviceAccounts }) =>
    serviceAccounts.map((sa) => {
      const [cluster, account] = [clusterKey(clusterName), accountKey(sa, spec.stableKey)];
      // `<prefix>-<cluster>-<namespace>.<name>` is ambiguous ('-' in cluster names and namespaces):
      // the later of two entries that spell the same id gets `<prefix>#<cluster>#<namespace>.<name>`.
      const id = siblingId(scope, `${spec.idPrefix}-${cluster}-${account}`, spec.idPrefix, [cluster, account]);
      claimServiceAccount(scope, {
        clusterKey: clusterName,
        namespace: sa.namespace,
        name: sa.name,
        kind: ServiceAccountClaimKind.POD_IDENTITY_ASSOCIATION,
        owner: scope,
      });
      const association = new EksPodIdentityAssociation(scope, id, {
        clusterName,
        namespace: sa.namespace,
        serviceAccount: sa.name,
        roleArn,
        targetRoleArn: spec.targetRoleArn,
        disableSessionTags: spec.disableSessionTags,
        tags: spec.tags,
      });
      const policy = spec.sessionPolicies?.get(`${sa.namespace}/${sa.name}`);
      if (policy !== undefined) setSessionPolicy(association, policy, spec.owner ?? scope.node.id);
      return association;
    }),
  );
}

/** "<namespace>.<name>" (a namespace has no '.'), or the key of the reference for tokens. */
export function accountKey(sa: ServiceAccountRef, keyOf: (text: string) => string): string {
  return Token.isUnresolved(sa.namespace) || Token.isUnresolved(sa.name)
    ? keyOf(`${sa.namespace}/${sa.name}`)
    : `${sa.namespace}.${sa.name}`;
}
