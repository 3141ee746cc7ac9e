import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { IamRolePolicyAttachment } from "@cdktf/provider-aws/lib/iam-role-policy-attachment";
import { Annotations, ITerraformDependable } from "cdktf";
import { Construct } from "constructs";
import { inlinePolicyName, policyArn, policyJson } from "../validation/iam-rules";
import { AddonPolicy } from "../addons/addon-policy";
import { attachAddonPolicies } from "../addons/attach-addon-policies";
import { Validator } from "../validation/validator";
import { stableKey } from "../construct-ids/stable-key";

/** IAM's managed policies per role: 10 by default, at most 20 with a raised quota. */
const DEFAULT_MANAGED_POLICY_QUOTA = 10;
const MAX_MANAGED_POLICIES = 20;

/**
 * The permissions of one role: managed policy attachments and inline policies, each a resource of
 * its own, keyed so that reordering the lists keeps every address.
 */
export class RolePolicies {
  /** By key: the ARN's hash, or the hash of the expression a token ARN stands for. */
  private readonly attachments = new Map<string, IamRolePolicyAttachment>();
  private readonly inline = new Map<string, IamRolePolicy>();
  private readonly addonAttachments: IamRolePolicyAttachment[] = [];

  constructor(
    private readonly scope: Construct,
    private readonly validator: Validator,
    private readonly roleName: string,
  ) {}

  /** Attaches a managed policy (`aws_iam_role_policy_attachment`). */
  attachManagedPolicy(arn: string): IamRolePolicyAttachment {
    const path = `managedPolicyArns[${this.attachments.size}]`;
    this.validator.requireString(path, arn);
    this.validator.check(path, arn, policyArn);
    // Keyed by the ARN (or the reference a token stands for), never by position, so that reordering
    // or removing a policy keeps every other address.
    const key = stableKey(this.scope, arn);
    if (this.attachments.has(key)) this.validator.reject(path, arn, "is attached twice");
    this.countManagedPolicy(path, arn, 1);
    const attachment = new IamRolePolicyAttachment(this.scope, `managed-policy-${key}`, { role: this.roleName, policyArn: arn });
    this.attachments.set(key, attachment);
    return attachment;
  }

  /** Attaches the add-on policies (one customer managed policy each, or AWS managed ones); they count toward the quota. */
  attachAddonPolicies(addonPolicies: readonly AddonPolicy[] | undefined): void {
    const { attachments } = attachAddonPolicies(this.scope, this.roleName, addonPolicies, this.validator);
    if (attachments.length === 0) return;
    this.countManagedPolicy("addonPolicies", `${attachments.length} attachments`, attachments.length);
    this.addonAttachments.push(...attachments);
  }

  private countManagedPolicy(path: string, value: string, adding: number): void {
    const before = this.attachments.size + this.addonAttachments.length;
    const count = before + adding;
    if (count > MAX_MANAGED_POLICIES) {
      const what = adding === 1 ? `is managed policy number ${count}` : `brings the role to ${count} managed policies`;
      this.validator.reject(path, value, `${what}; IAM allows at most ${MAX_MANAGED_POLICIES} per role (10 by default)`);
    }
    if (before <= DEFAULT_MANAGED_POLICY_QUOTA && count > DEFAULT_MANAGED_POLICY_QUOTA) {
      Annotations.of(this.scope).addWarning(
        `${this.validator.owner}: more than ${DEFAULT_MANAGED_POLICY_QUOTA} managed policies; IAM's default quota is ` +
          `${DEFAULT_MANAGED_POLICY_QUOTA} per role: raise "Managed policies per role" (up to ${MAX_MANAGED_POLICIES}) before you apply`,
      );
    }
  }

  /** Adds an inline policy (`aws_iam_role_policy`) from a policy document in JSON. */
  addInlinePolicy(name: string, json: string): IamRolePolicy {
    const path = `inlinePolicies[${JSON.stringify(name)}]`;
    this.validator.check("inlinePolicies name", name, inlinePolicyName);
    this.validator.requireString(path, json);
    this.validator.check(path, json, policyJson);
    if (this.inline.has(name)) this.validator.reject("inlinePolicies name", name, "is used twice");
    const policy = new IamRolePolicy(this.scope, `inline-policy-${name}`, { name, role: this.roleName, policy: json });
    this.inline.set(name, policy);
    return policy;
  }

  /** The attachments and inline policies, for `depends_on`. */
  get dependables(): ITerraformDependable[] {
    return [...this.attachments.values(), ...this.addonAttachments, ...this.inline.values()];
  }
}
