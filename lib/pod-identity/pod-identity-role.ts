import { EksPodIdentityAssociation } from "@cdktf/provider-aws/lib/eks-pod-identity-association";
import { ServiceAccountV1 } from "@cdktf/provider-kubernetes/lib/service-account-v1";
import { ITerraformDependable } from "cdktf";
import { Construct } from "constructs";
import { withAddonServiceAccount } from "../addons/default-service-account";
import { bindServiceAccounts } from "../kubernetes/service-account-binding";
import { TrustedSubject } from "../kubernetes/trusted-subject";
import { placementOf, WorkloadRole } from "../role/workload-role";
import { associate } from "./pod-identity-associations";
import { PodIdentityRoleProps } from "./pod-identity-role-props";
import { podIdentityRoleSpec } from "./pod-identity-role-spec";
import { POD_IDENTITY_SERVICE } from "./pod-identity-trust";

/**
 * An IAM role that Kubernetes service accounts on EKS use through EKS Pod Identity: the trust of
 * `pods.eks.amazonaws.com` narrowed to the listed clusters and service accounts by session tags,
 * the role, its permissions, and one `aws_eks_pod_identity_association` per service account.
 */
export class PodIdentityRole extends WorkloadRole {
  /** The service principal EKS Pod Identity assumes roles as: `pods.eks.amazonaws.com`. */
  public static readonly POD_IDENTITY_SERVICE: string = POD_IDENTITY_SERVICE;

  /** The `aws_eks_pod_identity_association` resources, one per (cluster, service account). */
  public readonly associations: EksPodIdentityAssociation[];
  /** The ServiceAccounts this role created ("create" mode only). */
  public readonly createdServiceAccounts: ServiceAccountV1[];
  /** Every (cluster, service account) the trust admits. */
  public readonly trustedSubjects: TrustedSubject[];

  constructor(scope: Construct, id: string, props: PodIdentityRoleProps) {
    const spec = podIdentityRoleSpec(withAddonServiceAccount(props), placementOf(scope, id));
    super(scope, id);
    this._buildWorkloadRole({ owner: spec.owner, trustStatements: spec.trustStatements, role: spec.role });
    this.associations = props._associationsByAddon === true ? [] : associate(this, this.roleArn, spec.associations);
    this.createdServiceAccounts = bindServiceAccounts(this, spec.binding, {}).created;
    this.trustedSubjects = spec.trustedSubjects;
  }

  /** Everything a workload must `depends_on`: the role, its policies, the associations and created service accounts. */
  public get dependables(): ITerraformDependable[] {
    return [...this.roleDependables, ...this.associations, ...this.createdServiceAccounts];
  }
}
