import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { IamRolePolicyAttachment } from "@cdktf/provider-aws/lib/iam-role-policy-attachment";
import { ITerraformDependable, Token } from "cdktf";
import { Construct } from "constructs";
import { createHash } from "crypto";
import { inlinePolicyName, policyArn, policyJson } from "../validation/iam-rules";
import { Validator } from "../validation/validator";

/**
 * The permissions of one role: managed policy attachments and inline policies, each a resource of
 * its own, keyed so that reordering the lists keeps every address.
 */
export class RolePolicies {
  private readonly attachments = new Map<string, IamRolePolicyAttachment>();
  private readonly inline = new Map<string, IamRolePolicy>();
  private tokenPolicyCount = 0;

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
    if (this.attachments.has(arn)) this.validator.reject(path, arn, "is attached twice");
    // Literal ARNs are keyed by their hash so that reordering the list keeps every address.
    const id = Token.isUnresolved(arn) ? `managed-policy-ref-${this.tokenPolicyCount++}` : `managed-policy-${shortHash(arn)}`;
    const attachment = new IamRolePolicyAttachment(this.scope, id, { role: this.roleName, policyArn: arn });
    this.attachments.set(arn, attachment);
    return attachment;
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
    return [...this.attachments.values(), ...this.inline.values()];
  }
}

/** First 8 hex characters of the SHA-256 of a text: a short, stable key. */
export function shortHash(text: string): string {
  return createHash("sha256").update(text).digest("hex").slice(0, 8);
}
