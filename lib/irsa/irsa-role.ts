import { DataAwsIamPolicyDocument } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { EksPodIdentityAssociation } from "@cdktf/provider-aws/lib/eks-pod-identity-association";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { IamRolePolicyAttachment } from "@cdktf/provider-aws/lib/iam-role-policy-attachment";
import { Annotations as KubernetesAnnotations } from "@cdktf/provider-kubernetes/lib/annotations";
import { ServiceAccountV1 } from "@cdktf/provider-kubernetes/lib/service-account-v1";
import { ITerraformDependable } from "cdktf";
import { Construct } from "constructs";
import { withAddonServiceAccount } from "../addons/default-service-account";
import { bindServiceAccounts } from "../kubernetes/service-account-binding";
import { pathInStack } from "../role/default-name-prefix";
import { RolePolicies } from "../role/role-policies";
import { stableKey } from "../role/stable-key";
import { iamRoleConfig } from "../role/role-spec";
import { Validator } from "../validation/validator";
import { IrsaRoleProps } from "./irsa-role-props";
import { irsaRoleSpec, roleAnnotations } from "./irsa-role-spec";
import { warnIfTrustPolicyTooLarge } from "../role/trust-policy-size";
import { associate } from "../pod-identity/pod-identity-associations";
import { TrustedSubject } from "../kubernetes/trusted-subject";

/**
 * An IAM role that Kubernetes service accounts on EKS assume through IRSA: the trust policy (one
 * statement per cluster, with `sub` and `aud`), the role, its permissions, and the
 * `eks.amazonaws.com/role-arn` annotation on each service account.
 */
export class IrsaRole extends Construct {
  /** The `aws_iam_role`. */
  public readonly role: IamRole;
  /** The role's ARN (token). */
  public readonly roleArn: string;
  /** The role's name (token). */
  public readonly roleName: string;
  /** The trust policy document (`data "aws_iam_policy_document"`). */
  public readonly trustPolicy: DataAwsIamPolicyDocument;
  /** The `kubernetes_annotations` resources ("annotate" mode), one per service account. */
  public readonly annotations: KubernetesAnnotations[];
  /** The ServiceAccounts this role created (`kubernetes_service_account_v1`, "create" mode only), one per service account. */
  public readonly createdServiceAccounts: ServiceAccountV1[];
  /** Every service account the trust policy admits: issuer host, subject and audience, or Pod Identity cluster. */
  public readonly trustedSubjects: TrustedSubject[];
  /** The `aws_eks_pod_identity_association` resources while migrating to EKS Pod Identity (`podIdentityClusterName`). */
  public readonly podIdentityAssociations: EksPodIdentityAssociation[];

  private readonly policies: RolePolicies;

  constructor(scope: Construct, id: string, props: IrsaRoleProps) {
    super(scope, id);
    const spec = irsaRoleSpec(withAddonServiceAccount(props), {
      id,
      pathInStack: pathInStack(this),
      stableKey: (value) => stableKey(this, value),
    });

    this.trustPolicy = new DataAwsIamPolicyDocument(this, "trust", { statement: spec.trustStatements });
    warnIfTrustPolicyTooLarge(this, spec.owner, spec.trustStatements);
    this.role = new IamRole(this, "role", iamRoleConfig(spec.role, this.trustPolicy.json));
    // Each attribute read mints a token (and cdktf captures a stack trace for it): read them once.
    this.roleArn = this.role.arn;
    this.roleName = this.role.name;

    this.policies = new RolePolicies(this, new Validator(spec.owner), this.roleName);
    for (const arn of spec.role.managedPolicyArns) this.policies.attachManagedPolicy(arn);
    for (const [name, json] of spec.role.inlinePolicies) this.policies.addInlinePolicy(name, json);
    this.policies.attachAddonPolicies(spec.role.addonPolicies);

    const bound = bindServiceAccounts(this, spec.binding, roleAnnotations(spec, this.roleArn));
    this.annotations = bound.annotations;
    this.createdServiceAccounts = bound.created;
    this.podIdentityAssociations = associate(this, this.roleArn, spec.migration.associations);
    this.trustedSubjects = spec.trustedSubjects;
  }

  /**
   * Everything a workload must `depends_on` before its pods start: the role, its policies, and the
   * annotated or created service accounts (pods read the annotation only when they start).
   */
  public get dependables(): ITerraformDependable[] {
    return [this.role, ...this.policies.dependables, ...this.annotations, ...this.createdServiceAccounts, ...this.podIdentityAssociations];
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
