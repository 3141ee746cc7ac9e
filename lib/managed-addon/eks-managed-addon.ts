import type { EksAddon } from "@cdktf/provider-aws/lib/eks-addon";
import { Construct } from "constructs";
import { ValidationError } from "../validation/validator";
import { AwsPartition } from "../addons/partition";
import { IrsaRole } from "../irsa/irsa-role";
import { PodIdentityServiceAccountMode, ServiceAccountMode, ServiceAccountRef } from "../kubernetes/service-account";
import { claimServiceAccount, ServiceAccountClaimKind } from "../kubernetes/service-account-owners";
import { PodIdentityRole } from "../pod-identity/pod-identity-role";
import { WorkloadRole } from "../role/workload-role";
import { AddonIdentity } from "./addon-identity";
import { AddonRoleSpec, eksManagedAddonSpec } from "./eks-managed-addon-spec";
import { EksManagedAddonProps } from "./eks-managed-addon-props";

type EksAddonModule = typeof import("@cdktf/provider-aws/lib/eks-addon");

/**
 * An EKS managed add-on (`aws_eks_addon`) and the IAM role it uses, in one construct. With Pod
 * Identity (the default) the add-on's `pod_identity_association` block binds the role, and no
 * separate `aws_eks_pod_identity_association` is made for that service account (EKS accepts one
 * per cluster, namespace and account); with IRSA the add-on gets `service_account_role_arn`. EKS
 * creates the service account: no annotation and no ServiceAccount resource are made. Add-ons
 * that need no role (the Pod Identity Agent, CoreDNS, kube-proxy, ...) get none.
 */
export class EksManagedAddon extends Construct {
  /** The `aws_eks_addon`. */
  public readonly addon: EksAddon;
  /** The add-on's role (a PodIdentityRole or an IrsaRole), or undefined when the add-on needs none. */
  public readonly role?: WorkloadRole;
  /** The role's ARN (token), or undefined when the add-on needs no role. */
  public readonly roleArn?: string;
  /** The service account the role trusts, or undefined when the add-on needs no role. */
  public readonly serviceAccount?: ServiceAccountRef;

  constructor(scope: Construct, id: string, props: EksManagedAddonProps) {
    const spec = eksManagedAddonSpec(props, id);
    super(scope, id);
    if (spec.role !== undefined) {
      this.role = roleOrCleanError(scope, id, () => addonRole(this, spec.clusterName, spec.role!));
      this.roleArn = this.role.roleArn;
      this.serviceAccount = spec.role.serviceAccount;
      claimAddonServiceAccount(this, spec.clusterName, spec.role);
    }
    // Loaded on first use, as the other provider modules that most stacks never need.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { EksAddon } = require("@cdktf/provider-aws/lib/eks-addon") as EksAddonModule;
    const identity = spec.role?.identity;
    this.addon = new EksAddon(this, "addon", {
      clusterName: spec.clusterName,
      addonName: spec.addonName,
      addonVersion: spec.addonVersion,
      configurationValues: spec.configurationValues,
      resolveConflictsOnCreate: spec.resolveConflictsOnCreate,
      resolveConflictsOnUpdate: spec.resolveConflictsOnUpdate,
      tags: spec.addonTags,
      serviceAccountRoleArn: identity === AddonIdentity.IRSA ? this.roleArn : undefined,
      podIdentityAssociation:
        identity === AddonIdentity.POD_IDENTITY ? [{ roleArn: this.roleArn!, serviceAccount: this.serviceAccount!.name }] : undefined,
      // The role's permissions must exist before the add-on's pods ask for credentials.
      dependsOn: this.role === undefined ? undefined : this.role.dependables,
    });
  }
}

/**
 * The add-on binds its role to its service account as an association (Pod Identity) or as the
 * annotation EKS writes (IRSA): no other construct of the stack may bind that account too.
 */
function claimAddonServiceAccount(addon: Construct, clusterName: string, spec: AddonRoleSpec): void {
  const irsa = spec.identity === AddonIdentity.IRSA;
  claimServiceAccount(addon, {
    clusterKey: irsa ? spec.oidcProvider!.arn : clusterName,
    namespace: spec.serviceAccount.namespace,
    name: spec.serviceAccount.name,
    kind: irsa ? ServiceAccountClaimKind.ANNOTATION : ServiceAccountClaimKind.POD_IDENTITY_ASSOCIATION,
    owner: addon,
  });
}

/** The role: Pod Identity trust narrowed as PodIdentityRole's (no association of its own), or an IrsaRole with no annotation. */
function addonRole(scope: Construct, clusterName: string, spec: AddonRoleSpec): WorkloadRole {
  const catalogueArns = spec.managedPolicyNames.map((name) => `arn:${AwsPartition.of(scope)}:iam::aws:policy/${name}`);
  const options = {
    ...spec.options,
    managedPolicyArns:
      catalogueArns.length > 0 ? [...catalogueArns, ...(spec.options.managedPolicyArns ?? [])] : spec.options.managedPolicyArns,
    serviceAccounts: [spec.serviceAccount],
  };
  if (spec.identity === AddonIdentity.IRSA) {
    return new IrsaRole(scope, "role", { ...options, serviceAccountMode: ServiceAccountMode.NONE, oidcProvider: spec.oidcProvider! });
  }
  return new PodIdentityRole(scope, "role", {
    ...options,
    serviceAccountMode: PodIdentityServiceAccountMode.NONE,
    clusterName,
    _associationsByAddon: true,
  });
}

/**
 * Builds the role; a role option the role construct rejects (e.g. a bad roleName) is reported as
 * this construct's error, and the half-built add-on leaves the tree so that nothing of it synthesizes.
 */
function roleOrCleanError(scope: Construct, id: string, build: () => WorkloadRole): WorkloadRole {
  try {
    return build();
  } catch (e) {
    scope.node.tryRemoveChild(id);
    if (e instanceof ValidationError) throw new ValidationError(`EksManagedAddon "${id}": ${e.message.replace(/^\w+ "role": /, "")}`);
    throw e;
  }
}
