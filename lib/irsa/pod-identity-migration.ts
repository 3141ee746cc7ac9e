/**
 * Moving an IrsaRole to EKS Pod Identity without replacing it, in three applies: (1) trust both and
 * associate (pods keep IRSA while annotated, since the SDKs try the web identity token first); (2)
 * remove the annotation and restart the pods; (3) drop the web-identity statements.
 */
import { AddonPolicyContext } from "../addons/partition";
import { ServiceAccountMode } from "../kubernetes/service-account";
import { AssociationSpec } from "../pod-identity/pod-identity-associations";
import { PodIdentityTrustSpec } from "../pod-identity/pod-identity-trust";
import { eksClusterName } from "../validation/eks-rules";
import { Validator } from "../validation/validator";
import { IrsaRoleProps } from "./irsa-role-props";
import { TrustedCluster } from "./trusted-clusters";

export interface MigrationSpec {
  /** Whether the web-identity statements stay. */
  readonly webIdentityTrust: boolean;
  /** The clusters that also trust Pod Identity (empty before step 1). */
  readonly podIdentity: PodIdentityTrustSpec;
  readonly associations: AssociationSpec;
}

export function migrationSpec(
  validator: Validator,
  props: IrsaRoleProps,
  clusters: readonly TrustedCluster[],
  settings: {
    readonly mode: ServiceAccountMode;
    readonly allowWildcards: boolean;
    readonly stableKey: (text: string) => string;
    readonly aws: AddonPolicyContext;
  },
): MigrationSpec {
  validator.checkBoolean("webIdentityTrust", props.webIdentityTrust);
  const webIdentityTrust = props.webIdentityTrust ?? true;
  const migrating = clusters.filter((c) => c.podIdentityClusterName !== undefined);
  for (const c of migrating) {
    const path = `${c.path}podIdentityClusterName`;
    validator.check(path, validator.requireString(path, c.podIdentityClusterName), eksClusterName);
    if (settings.allowWildcards) {
      validator.reject(
        path,
        c.podIdentityClusterName,
        "cannot be used with allowWildcards: an association names one exact service account",
      );
    }
  }
  if (!webIdentityTrust) {
    const left = clusters.find((c) => c.podIdentityClusterName === undefined);
    if (left !== undefined) {
      validator.rejectProperty(
        "webIdentityTrust",
        `false would leave ${left.path === "" ? "the first cluster" : left.path.slice(0, -1)} without any trust: ` +
          "set its podIdentityClusterName first (migration step 1)",
      );
    }
    if (settings.mode !== ServiceAccountMode.NONE) {
      validator.rejectProperty(
        "webIdentityTrust",
        `false needs serviceAccountMode "none" (step 2): with the "${settings.mode}" annotation pods would still ask for the ` +
          "web identity the role no longer trusts",
      );
    }
  }
  const podIdentityClusters = migrating.map((c) => ({ clusterName: c.podIdentityClusterName!, serviceAccounts: c.serviceAccounts }));
  return {
    webIdentityTrust,
    podIdentity: { clusters: podIdentityClusters, sessionTags: true, aws: settings.aws },
    associations: { clusters: podIdentityClusters, idPrefix: "pod-identity", stableKey: settings.stableKey },
  };
}
