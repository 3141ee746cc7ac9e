import { DataAwsIamPolicyDocument, DataAwsIamPolicyDocumentStatement } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { IamRolePolicyAttachment } from "@cdktf/provider-aws/lib/iam-role-policy-attachment";
import { ITerraformDependable } from "cdktf";
import { Construct, IConstruct } from "constructs";
import { runAppLevelTrustChecks } from "../checks/app-level-checks";
import { Validator } from "../validation/validator";
import { childPathInStack } from "./default-name-prefix";
import { RolePolicies } from "./role-policies";
import { iamRoleConfig, RoleSpec } from "./role-spec";
import { stableKey } from "./stable-key";
import { warnIfTrustPolicyTooLarge } from "./trust-policy-size";

/** Where a role is created, as its spec function needs it: id, path below the stack, stable keys. */
export interface RolePlacement {
  readonly id: string;
  readonly pathInStack: string;
  /** A short key for a value that stays the same when lists are reordered (see stable-key.ts). */
  readonly stableKey: (value: string) => string;
}

/** The placement of a construct `id` about to be created in `scope` (for specs computed before `super`). */
export function placementOf(scope: IConstruct, id: string): RolePlacement {
  return { id, pathInStack: childPathInStack(scope, id), stableKey: (value) => stableKey(scope, value) };
}

/** What every workload role builds the same way: its trust document, the role, and its permissions. */
export interface WorkloadRoleCore {
  /** How the construct is named in messages, e.g. `IrsaRole "app"`. */
  readonly owner: string;
  readonly trustStatements: DataAwsIamPolicyDocumentStatement[];
  readonly role: RoleSpec;
}

/**
 * An IAM role that Kubernetes workloads assume: the trust policy document, the `aws_iam_role` and
 * its permissions (managed, inline and add-on policies). {@link IrsaRole} and
 * {@link PodIdentityRole} add how the workloads reach it.
 */
export abstract class WorkloadRole extends Construct {
  /** The `aws_iam_role`. */
  public readonly role: IamRole;
  /** The role's ARN (token). */
  public readonly roleArn: string;
  /** The role's name (token). */
  public readonly roleName: string;
  /** The trust policy document (`data "aws_iam_policy_document"`). */
  public readonly trustPolicy: DataAwsIamPolicyDocument;

  private readonly policies: RolePolicies;

  /** @internal */
  protected constructor(scope: Construct, id: string, core: WorkloadRoleCore) {
    super(scope, id);
    runAppLevelTrustChecks(this);
    this.trustPolicy = new DataAwsIamPolicyDocument(this, "trust", { statement: core.trustStatements });
    warnIfTrustPolicyTooLarge(this, core.owner, core.trustStatements);
    this.role = new IamRole(this, "role", iamRoleConfig(core.role, this.trustPolicy.json));
    // Each attribute read mints a token (and cdktf captures a stack trace for it): read them once.
    this.roleArn = this.role.arn;
    this.roleName = this.role.name;

    this.policies = new RolePolicies(this, new Validator(core.owner), this.roleName);
    for (const arn of core.role.managedPolicyArns) this.policies.attachManagedPolicy(arn);
    for (const [name, json] of core.role.inlinePolicies) this.policies.addInlinePolicy(name, json);
    this.policies.attachAddonPolicies(core.role.addonPolicies);
  }

  /** Everything a workload must `depends_on` before its pods start. */
  public abstract get dependables(): ITerraformDependable[];

  /** Attaches a managed policy (`aws_iam_role_policy_attachment`). */
  public attachManagedPolicy(policyArn: string): IamRolePolicyAttachment {
    return this.policies.attachManagedPolicy(policyArn);
  }

  /** Adds an inline policy (`aws_iam_role_policy`) from a policy document in JSON. */
  public addInlinePolicy(name: string, policyJson: string): IamRolePolicy {
    return this.policies.addInlinePolicy(name, policyJson);
  }

  /** The role and its permission resources. */
  protected get roleDependables(): ITerraformDependable[] {
    return [this.role, ...this.policies.dependables];
  }
}
