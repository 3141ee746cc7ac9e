import { TerraformProvider, Token } from "cdktf";
import { ServiceAccountMode, ServiceAccountRef } from "../kubernetes/service-account";
import { ServiceAccountBindingSpec } from "../kubernetes/service-account-binding";
import { parseServiceAccountMode, POD_IDENTITY_MODES } from "../kubernetes/service-account-mode";
import { defaultNamePrefix } from "../role/default-name-prefix";
import { roleSpec, RoleSpec } from "../role/role-spec";
import { RolePlacement } from "../role/workload-role";
import { eksClusterName, iamRoleArn } from "../validation/eks-rules";
import { Validator } from "../validation/validator";
import { AssociationSpec } from "./pod-identity-associations";
import { PodIdentityRoleProps } from "./pod-identity-role-props";
import { PodIdentityTrustSpec } from "./pod-identity-trust";
import { checkServiceAccountList } from "./service-account-list";
import { sessionPoliciesSpec } from "./session-policies";
import { TARGET_ROLE_POLICY_NAME, targetRolePolicy } from "./target-role-policy";

/** {@link PodIdentityRoleProps}, validated and defaulted. */
export interface PodIdentityRoleSpec {
  readonly owner: string;
  readonly trust: PodIdentityTrustSpec;
  readonly associations: AssociationSpec;
  readonly role: RoleSpec;
  readonly binding: ServiceAccountBindingSpec;
}

interface Cluster {
  readonly clusterName: string;
  readonly serviceAccounts: readonly ServiceAccountRef[];
  readonly kubernetesProvider?: TerraformProvider;
  readonly path: string;
}

/** Turns the props into a spec, or throws a ValidationError naming the property, the value and the rule. */
export function podIdentityRoleSpec(props: PodIdentityRoleProps, { id, pathInStack, stableKey, aws }: RolePlacement): PodIdentityRoleSpec {
  const owner = `PodIdentityRole "${id}"`;
  const validator: Validator = new Validator(owner);
  if (props === undefined || props === null) validator.rejectProperty("props", "are required (at least clusterName and serviceAccounts)");
  const mode = parseServiceAccountMode(
    validator,
    "serviceAccountMode",
    props.serviceAccountMode,
    ServiceAccountMode.NONE,
    POD_IDENTITY_MODES,
  );
  validator.checkBoolean("disableSessionTags", props.disableSessionTags);
  validator.checkString("targetRoleArn", props.targetRoleArn, iamRoleArn);
  const clusters = podIdentityClusters(validator, props, mode);
  const role = withTargetRolePolicy(validator, roleSpec(validator, props, defaultNamePrefix(pathInStack)), props.targetRoleArn);
  const sessionTags = !(props.disableSessionTags ?? false);
  const accounts = clusters.flatMap((c) => c.serviceAccounts);
  const sessionPolicies = sessionPoliciesSpec(validator, props.sessionPolicies, props.disableSessionTags, accounts);
  return {
    owner,
    trust: { clusters, sessionTags, aws },
    associations: {
      clusters,
      targetRoleArn: props.targetRoleArn,
      disableSessionTags: props.disableSessionTags,
      tags: props.tags,
      idPrefix: "association",
      stableKey,
      sessionPolicies,
      owner,
    },
    role,
    binding: {
      mode,
      clusters: clusters.map((c) => ({ ...c, idPrefix: `${clusterKey(c.clusterName, stableKey)}-` })),
      force: false,
      fieldManager: "",
      stableKey,
    },
  };
}

/** A cluster's key in construct ids: its name when literal (valid id characters), else a hash of the reference. */
export function clusterKey(clusterName: string, stableKey: (value: string) => string): string {
  return Token.isUnresolved(clusterName) ? stableKey(clusterName) : clusterName;
}

function podIdentityClusters(validator: Validator, props: PodIdentityRoleProps, mode: ServiceAccountMode): Cluster[] {
  const extra = validator.optionalList("additionalClusters", props.additionalClusters) ?? [];
  const clusters: Cluster[] = [
    {
      clusterName: props.clusterName,
      serviceAccounts: props.serviceAccounts as ServiceAccountRef[],
      kubernetesProvider: props.kubernetesProvider,
      path: "",
    },
    ...extra.map((c, i) => {
      if (c === null || typeof c !== "object") validator.reject(`additionalClusters[${i}]`, c, "must be { clusterName, serviceAccounts }");
      return { ...c, path: `additionalClusters[${i}].` };
    }),
  ];
  const seen = new Map<string, string>();
  for (const cluster of clusters) {
    validator.check(
      `${cluster.path}clusterName`,
      validator.requireString(`${cluster.path}clusterName`, cluster.clusterName),
      eksClusterName,
    );
    const earlier = seen.get(cluster.clusterName);
    if (earlier !== undefined) {
      validator.reject(
        `${cluster.path}clusterName`,
        cluster.clusterName,
        `is the same cluster as ${earlier}clusterName; list its service accounts once`,
      );
    }
    seen.set(cluster.clusterName, cluster.path);
    checkServiceAccountList(validator, `${cluster.path}serviceAccounts`, cluster.serviceAccounts);
    const provider = cluster.kubernetesProvider;
    if (provider !== undefined && !TerraformProvider.isTerraformProvider(provider)) {
      validator.reject(`${cluster.path}kubernetesProvider`, provider, "must be a kubernetes provider construct (KubernetesProvider)");
    }
    if (cluster.path !== "" && mode === ServiceAccountMode.CREATE && provider === undefined) {
      validator.rejectProperty(
        `${cluster.path}kubernetesProvider`,
        'is required when serviceAccountMode is "create": the service account must be created in that cluster',
      );
    }
  }
  return clusters;
}

/** With a target role, the role's inline policies include the one that lets it assume that role. */
function withTargetRolePolicy(validator: Validator, role: RoleSpec, targetRoleArn: string | undefined): RoleSpec {
  if (targetRoleArn === undefined) return role;
  if (role.inlinePolicies.some(([name]) => name === TARGET_ROLE_POLICY_NAME)) {
    validator.reject(
      `inlinePolicies[${JSON.stringify(TARGET_ROLE_POLICY_NAME)}]`,
      TARGET_ROLE_POLICY_NAME,
      "is the name of the inline policy that targetRoleArn adds (sts:AssumeRole and sts:TagSession on the target role); " +
        "give your policy another name",
    );
  }
  return { ...role, inlinePolicies: [...role.inlinePolicies, [TARGET_ROLE_POLICY_NAME, targetRolePolicy(targetRoleArn)]] };
}
