/**
 * The resources of a role's add-on policies: per customer managed document one `aws_iam_policy` and
 * one `aws_iam_role_policy_attachment`, per AWS managed policy one attachment. Construct IDs are keyed
 * by policy name (`addon-external-dns-policy`, `addon-external-dns-attachment`,
 * `addon-vpc-cni-AmazonEKS_CNI_Policy-attachment`), never by position, so reordering or adding
 * add-ons keeps every address.
 */
import type { IamPolicy } from "@cdktf/provider-aws/lib/iam-policy";
import { IamRolePolicyAttachment } from "@cdktf/provider-aws/lib/iam-role-policy-attachment";
import { Token } from "cdktf";
import { Construct } from "constructs";
import { Validator } from "../validation/validator";
import { AddonPolicy } from "./addon-policy";
import { AwsPartition, stackContext } from "./partition";

/** What was created for the add-on policies of one role. */
export interface AddonAttachments {
  readonly policies: IamPolicy[];
  readonly attachments: IamRolePolicyAttachment[];
}

/**
 * Creates the policies and attachments of `addonPolicies` for the role named `roleName` (a token).
 * `validator` names the role in messages; `path` is the property the list came from.
 */
export function attachAddonPolicies(
  scope: Construct,
  roleName: string,
  addonPolicies: readonly AddonPolicy[] | undefined,
  validator: Validator,
  path = "addonPolicies",
): AddonAttachments {
  const created: AddonAttachments = { policies: [], attachments: [] };
  const list = validator.optionalList(path, addonPolicies as AddonPolicy[] | undefined) ?? [];
  if (Token.isUnresolved(list)) validator.rejectProperty(path, "must be a literal list of AddonPolicies values");
  const seen = new Set<string>();
  list.forEach((addon, i) => {
    if (!AddonPolicy.isAddonPolicy(addon)) {
      validator.reject(`${path}[${i}]`, addon, "must be an add-on policy made by AddonPolicies (e.g. AddonPolicies.vpcCni())");
    }
    if (seen.has(addon.name)) validator.reject(`${path}[${i}]`, addon.name, "is listed twice (one policy per add-on and role)");
    seen.add(addon.name);
  });
  if (list.length === 0) return created;
  // Loaded on first use: a role without add-on policies should not pay the module's start-up time.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { IamPolicy } = require("@cdktf/provider-aws/lib/iam-policy") as typeof import("@cdktf/provider-aws/lib/iam-policy");
  const context = stackContext(scope);
  for (const addon of list) {
    for (const [name, json] of Object.entries(addon.policyDocuments(context))) {
      const policy = new IamPolicy(scope, `addon-${name}-policy`, {
        namePrefix: `${name}-`,
        description: `Permissions of the ${addon.name} add-on (cdktf-eks-irsa)`,
        policy: json,
      });
      created.policies.push(policy);
      created.attachments.push(new IamRolePolicyAttachment(scope, `addon-${name}-attachment`, { role: roleName, policyArn: policy.arn }));
    }
    for (const managed of addon.managedPolicyNames) {
      const policyArn = `arn:${AwsPartition.of(scope)}:iam::aws:policy/${managed}`;
      created.attachments.push(
        new IamRolePolicyAttachment(scope, `addon-${addon.name}-${managed}-attachment`, { role: roleName, policyArn }),
      );
    }
  }
  return created;
}
