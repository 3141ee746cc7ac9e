import { DataAwsIamPolicyDocumentStatement } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { TerraformProvider, Token } from "cdktf";
import { TrustedSubject } from "../kubernetes/trusted-subject";
import { ServiceAccountMode, ServiceAccountRef, parseServiceAccountMode, POD_IDENTITY_MODES } from "../kubernetes/service-account";
import { clusterList } from "../kubernetes/cluster-list";
import { ServiceAccountBindingSpec } from "../kubernetes/service-account-binding";
import { ServiceAccountRules } from "../kubernetes/service-account-list";
import { defaultNamePrefix } from "../role/default-name-prefix";
import { roleSpec, RoleSpec } from "../role/role-spec";
import { RolePlacement } from "../role/workload-role";
import { eksClusterName, iamRoleArn } from "../validation/eks-rules";
import { Validator } from "../validation/validator";
import { AssociationSpec } from "./pod-identity-associations";
import { PodIdentityRoleProps } from "./pod-identity-role-props";
import { podIdentitySubjectsOf, PodIdentityTrustSpec, podIdentityTrustStatements } from "./pod-identity-trust";
import { sessionPoliciesSpec } from "./session-policies";
import { TARGET_ROLE_POLICY_NAME, targetRolePolicy } from "./target-role-policy";

/** {@link PodIdentityRoleProps}, validated and defaulted. */
export interface PodIdentityRoleSpec {
  /** How the role is named in messages, e.g. `PodIdentityRole "app"`. */
  readonly owner: string;
  readonly trust: PodIdentityTrustSpec;
  /** The trust policy's statements (`pods.eks.amazonaws.com`, narrowed by session tags unless they are disabled). */
  readonly trustStatements: DataAwsIamPolicyDocumentStatement[];
  readonly trustedSubjects: TrustedSubject[];
  readonly associations: AssociationSpec;
  /** The role, its permissions included (the target-role inline policy when `targetRoleArn` is set). */
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
  const trust: PodIdentityTrustSpec = { clusters, sessionTags, aws };
  return {
    owner,
    trust,
    trustStatements: podIdentityTrustStatements(trust),
    trustedSubjects: podIdentitySubjectsOf(trust),
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

/** Pod Identity associations name one exact service account each: no patterns. */
export const POD_IDENTITY_SERVICE_ACCOUNTS: ServiceAccountRules = {
  allowPatterns: false,
  exactNameReason: "contains a wildcard; an association names one exact service account",
  expandsInto: "one association per account",
};

function podIdentityClusters(validator: Validator, props: PodIdentityRoleProps, mode: ServiceAccountMode): Cluster[] {
  const first = {
    clusterName: props.clusterName,
    serviceAccounts: props.serviceAccounts as ServiceAccountRef[],
    kubernetesProvider: props.kubernetesProvider,
  };
  return clusterList<Omit<Cluster, "path">>(validator, first, props.additionalClusters, {
    entryShape: "{ clusterName, serviceAccounts }",
    identity: { property: "clusterName", noun: "cluster" },
    identify: (cluster) => {
      const at = `${cluster.path}clusterName`;
      validator.check(at, validator.requireString(at, cluster.clusterName), eksClusterName);
      return cluster.clusterName;
    },
    serviceAccounts: POD_IDENTITY_SERVICE_ACCOUNTS,
    providerRequiredReason:
      mode === ServiceAccountMode.CREATE
        ? 'is required when serviceAccountMode is "create": the service account must be created in that cluster'
        : undefined,
  });
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
