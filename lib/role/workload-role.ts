import { DataAwsIamPolicyDocument, DataAwsIamPolicyDocumentStatement } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { IamRolePolicyAttachment } from "@cdktf/provider-aws/lib/iam-role-policy-attachment";
import { ITerraformDependable } from "cdktf";
import { Construct, IConstruct } from "constructs";
import { AddonPolicyContext, stackContext } from "../addons/partition";
import { Validator } from "../validation/validator";
import { childPathInStack } from "./default-name-prefix";
import { RolePolicies } from "./role-policies";
import { iamRoleConfig, RoleSpec } from "./role-spec";
import { stableKey } from "../construct-ids/stable-key";
import { warnIfTrustPolicyTooLarge } from "./trust-policy-size";

/** Where a role is created, as its spec function needs it: id, path below the stack, stable keys. */
export interface RolePlacement {
  readonly id: string;
  readonly pathInStack: string;
  /** A short key for a value that stays the same when lists are reordered (see stable-key.ts). */
  readonly stableKey: (value: string) => string;
  /** The stack's partition, region and account (shared data sources, created when first read). */
  readonly aws: AddonPolicyContext;
}

/** The placement of a construct `id` about to be created in `scope` (for specs computed before `super`). */
export function placementOf(scope: IConstruct, id: string): RolePlacement {
  return { id, pathInStack: childPathInStack(scope, id), stableKey: (value) => stableKey(scope, value), aws: stackContext(scope) };
}

/** What every workload role builds the same way: its trust document, the role, and its permissions. */
export interface WorkloadRoleCore {
  /** How the construct is named in messages, e.g. `IrsaRole "app"`. */
  readonly owner: string;
  readonly trustStatements: DataAwsIamPolicyDocumentStatement[];
  readonly role: RoleSpec;
}

/** What `_buildWorkloadRole` created. */
interface BuiltWorkloadRole {
  readonly trustPolicy: DataAwsIamPolicyDocument;
  readonly role: IamRole;
  readonly roleArn: string;
  readonly roleName: string;
  readonly policies: RolePolicies;
}

/**
 * An IAM role that Kubernetes workloads assume: the trust policy document, the `aws_iam_role` and
 * its permissions (managed, inline and add-on policies). {@link IrsaRole} and
 * {@link PodIdentityRole} add how the workloads reach it.
 */
export abstract class WorkloadRole extends Construct {
  private built?: BuiltWorkloadRole;

  /**
   * Only {@link IrsaRole} and {@link PodIdentityRole} extend this class: each calls `_buildWorkloadRole`
   * right after `super` (jsii cannot carry the internal spec in a constructor parameter).
   */
  protected constructor(scope: Construct, id: string) {
    super(scope, id);
  }

  /** The `aws_iam_role`. */
  public get role(): IamRole {
    return this.parts.role;
  }

  /** The role's ARN (token). */
  public get roleArn(): string {
    return this.parts.roleArn;
  }

  /** The role's name (token). */
  public get roleName(): string {
    return this.parts.roleName;
  }

  /** The trust policy document (`data "aws_iam_policy_document"`). */
  public get trustPolicy(): DataAwsIamPolicyDocument {
    return this.parts.trustPolicy;
  }

  /** @internal Builds the trust document, the role and its permissions; called once, by the subclass constructor. */
  protected _buildWorkloadRole(core: WorkloadRoleCore): void {
    const trustPolicy = new DataAwsIamPolicyDocument(this, "trust", { statement: core.trustStatements });
    warnIfTrustPolicyTooLarge(this, core.owner, core.trustStatements);
    const role = new IamRole(this, "role", iamRoleConfig(core.role, trustPolicy.json));
    // Each attribute read mints a token (and cdktf captures a stack trace for it): read them once.
    const roleArn = role.arn;
    const roleName = role.name;
    const policies = new RolePolicies(this, new Validator(core.owner), roleName);
    this.built = { trustPolicy, role, roleArn, roleName, policies };
    for (const arn of core.role.managedPolicyArns) policies.attachManagedPolicy(arn);
    for (const [name, json] of core.role.inlinePolicies) policies.addInlinePolicy(name, json);
    policies.attachAddonPolicies(core.role.addonPolicies);
  }

  private get parts(): BuiltWorkloadRole {
    if (this.built === undefined)
      throw new Error(`${this.node.path}: a WorkloadRole subclass must call _buildWorkloadRole in its constructor`);
    return this.built;
  }

  /** Everything a workload must `depends_on` before its pods start. */
  public abstract get dependables(): ITerraformDependable[];

  /** Attaches a managed policy (`aws_iam_role_policy_attachment`). */
  public attachManagedPolicy(policyArn: string): IamRolePolicyAttachment {
    return this.parts.policies.attachManagedPolicy(policyArn);
  }

  /** Adds an inline policy (`aws_iam_role_policy`) from a policy document in JSON. */
  public addInlinePolicy(name: string, policyJson: string): IamRolePolicy {
    return this.parts.policies.addInlinePolicy(name, policyJson);
  }

  /** The role and its permission resources. */
  protected get roleDependables(): ITerraformDependable[] {
    return [this.role, ...this.parts.policies.dependables];
  }
}
