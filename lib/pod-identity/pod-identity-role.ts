import { DataAwsIamPolicyDocument } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { EksPodIdentityAssociation } from "@cdktf/provider-aws/lib/eks-pod-identity-association";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { IamRolePolicyAttachment } from "@cdktf/provider-aws/lib/iam-role-policy-attachment";
import { ServiceAccountV1 } from "@cdktf/provider-kubernetes/lib/service-account-v1";
import { ITerraformDependable } from "cdktf";
import { Construct } from "constructs";
import { withAddonServiceAccount } from "../addons/default-service-account";
import { bindServiceAccounts } from "../kubernetes/service-account-binding";
import { TrustedSubject } from "../kubernetes/trusted-subject";
import { pathInStack } from "../role/default-name-prefix";
import { RolePolicies } from "../role/role-policies";
import { iamRoleConfig } from "../role/role-spec";
import { stableKey } from "../role/stable-key";
import { warnIfTrustPolicyTooLarge } from "../role/trust-policy-size";
import { Validator } from "../validation/validator";
import { associate } from "./pod-identity-associations";
import { PodIdentityRoleProps } from "./pod-identity-role-props";
import { podIdentityRoleSpec } from "./pod-identity-role-spec";
import { podIdentitySubjectsOf, podIdentityTrustStatements } from "./pod-identity-trust";
import { targetRolePolicy } from "./target-role-policy";

/**
 * An IAM role that Kubernetes service accounts on EKS use through EKS Pod Identity: the trust of
 * `pods.eks.amazonaws.com` narrowed to the listed clusters and service accounts by session tags,
 * the role, its permissions, and one `aws_eks_pod_identity_association` per service account.
 */
export class PodIdentityRole extends Construct {
  /** The `aws_iam_role`. */
  public readonly role: IamRole;
  /** The role's ARN (token). */
  public readonly roleArn: string;
  /** The role's name (token). */
  public readonly roleName: string;
  /** The trust policy document (`data "aws_iam_policy_document"`). */
  public readonly trustPolicy: DataAwsIamPolicyDocument;
  /** The `aws_eks_pod_identity_association` resources, one per (cluster, service account). */
  public readonly associations: EksPodIdentityAssociation[];
  /** The ServiceAccounts this role created ("create" mode only). */
  public readonly createdServiceAccounts: ServiceAccountV1[];
  /** Every (cluster, service account) the trust admits. */
  public readonly trustedSubjects: TrustedSubject[];

  private readonly policies: RolePolicies;

  constructor(scope: Construct, id: string, props: PodIdentityRoleProps) {
    super(scope, id);
    const spec = podIdentityRoleSpec(withAddonServiceAccount(props), {
      id,
      pathInStack: pathInStack(this),
      stableKey: (value) => stableKey(this, value),
    });

    const statements = podIdentityTrustStatements(spec.trust);
    this.trustPolicy = new DataAwsIamPolicyDocument(this, "trust", { statement: statements });
    warnIfTrustPolicyTooLarge(this, spec.owner, statements);
    this.role = new IamRole(this, "role", iamRoleConfig(spec.role, this.trustPolicy.json));
    this.roleArn = this.role.arn;
    this.roleName = this.role.name;

    this.policies = new RolePolicies(this, new Validator(spec.owner), this.roleName);
    for (const arn of spec.role.managedPolicyArns) this.policies.attachManagedPolicy(arn);
    for (const [name, json] of spec.role.inlinePolicies) this.policies.addInlinePolicy(name, json);
    this.policies.attachAddonPolicies(spec.role.addonPolicies);
    if (spec.associations.targetRoleArn !== undefined)
      this.policies.addInlinePolicy("assume-target-role", targetRolePolicy(spec.associations.targetRoleArn));

    this.associations = associate(this, this.roleArn, spec.associations);
    this.createdServiceAccounts = bindServiceAccounts(this, spec.binding, {}).created;
    this.trustedSubjects = podIdentitySubjectsOf(spec.trust);
  }

  /** Everything a workload must `depends_on`: the role, its policies, the associations and created service accounts. */
  public get dependables(): ITerraformDependable[] {
    return [this.role, ...this.policies.dependables, ...this.associations, ...this.createdServiceAccounts];
  }

  /** Attaches a managed policy (`aws_iam_role_policy_attachment`). */
  public attachManagedPolicy(policyArn: string): IamRolePolicyAttachment {
    return this.policies.attachManagedPolicy(policyArn);
  }

  /** Adds an inline policy (`aws_iam_role_policy`) from a policy document in JSON. */
  public addInlinePolicy(name: string, policyJson: string): IamRolePolicy {
    return this.policies.addInlinePolicy(name, policyJson);
  }
}
