/**
 * Who binds a role to each Kubernetes service account, per stack: two roles on one account is a
 * wrong result that synth used to pass. Two `eks.amazonaws.com/role-arn` annotations on one
 * account flip on every apply (whichever applies last wins); EKS accepts one Pod Identity
 * association per cluster, namespace and service account and rejects the second at apply. Every
 * construct that binds an account claims it here first; the second claim is one clear error
 * naming both owners.
 *
 * Used by IrsaRole (annotations, created service accounts, migration associations) and
 * PodIdentityRole (associations). An EKS managed add-on's `pod_identity_association` block claims
 * `POD_IDENTITY_ASSOCIATION` with the cluster name, like an association.
 */
import { TerraformStack, Token } from "cdktf";
import { IConstruct } from "constructs";
import { stableText } from "../construct-ids/stable-key";
import { ValidationError } from "../validation/validator";

/** How a construct binds a role to a service account. */
export enum ServiceAccountClaimKind {
  /** The `eks.amazonaws.com/role-arn` annotation (IRSA: annotating or creating the account). Cluster key: the OIDC provider's ARN. */
  ANNOTATION = "annotation",
  /** An EKS Pod Identity association (the resource, or an add-on's `pod_identity_association` block). Cluster key: the cluster name. */
  POD_IDENTITY_ASSOCIATION = "pod-identity-association",
}

/** One binding of a role to a service account. */
export interface ServiceAccountClaim {
  /**
   * The cluster, as the kind knows it: the OIDC provider ARN for annotations, the EKS cluster name
   * for associations. Tokens are compared by their token string (the same reference, the same key).
   */
  readonly clusterKey: string;
  readonly namespace: string;
  readonly name: string;
  readonly kind: ServiceAccountClaimKind;
  /** The construct that binds it (its path names it in the error). */
  readonly owner: IConstruct;
}

const WHY: { [kind in ServiceAccountClaimKind]: string } = {
  [ServiceAccountClaimKind.ANNOTATION]:
    "both would write the eks.amazonaws.com/role-arn annotation, which would flip between the roles on every apply",
  [ServiceAccountClaimKind.POD_IDENTITY_ASSOCIATION]:
    "EKS accepts one Pod Identity association per cluster, namespace and service account and rejects the second at apply",
};

const claims = new WeakMap<TerraformStack, Map<string, ServiceAccountClaim>>();

/**
 * Records that `claim.owner` binds a role to the service account; throws a {@link ValidationError}
 * naming both owners when another construct of the stack already did (the same owner may claim an
 * account once per kind and cluster; its own lists reject duplicates).
 */
export function claimServiceAccount(scope: IConstruct, claim: ServiceAccountClaim): void {
  const stack = TerraformStack.of(scope);
  let owners = claims.get(stack);
  if (owners === undefined) claims.set(stack, (owners = new Map()));
  const key = JSON.stringify([claim.kind, claim.clusterKey, claim.namespace, claim.name]);
  const earlier = owners.get(key);
  if (earlier === undefined) {
    owners.set(key, claim);
    return;
  }
  if (earlier.owner === claim.owner) return;
  const cluster = claim.kind === ServiceAccountClaimKind.ANNOTATION ? "the cluster of OIDC provider" : "cluster";
  throw new ValidationError(
    `Two roles for one service account: ${earlier.owner.node.path} and ${claim.owner.node.path} both bind ` +
      `${claim.namespace}/${claim.name} in ${cluster} ${display(scope, claim.clusterKey)} (${claim.kind}); ${WHY[claim.kind]}. ` +
      "Give the account one role (list it once), or use another service account",
  );
}

/** A cluster key as the configuration will show it (`${aws_iam_openid_connect_provider.x.arn}` for a reference). */
function display(scope: IConstruct, value: string): string {
  return Token.isUnresolved(value) ? stableText(scope, value) : value;
}
