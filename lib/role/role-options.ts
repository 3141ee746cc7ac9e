import { AddonPolicy } from "../addons/addon-policy";

/** Properties of the IAM role itself, shared by every role construct of this library. */
export interface RoleOptions {
  /**
   * Exact name of the role. Exclusive with `roleNamePrefix`.
   * @default - a name prefix made from the construct's path below its stack (`team-a/app` gives `team-a-app-`)
   */
  readonly roleName?: string;
  /**
   * Name prefix of the role (at most 38 characters); Terraform appends a unique suffix.
   * @default - made from the construct's path below its stack, so that reordering or adding service accounts never renames the role
   */
  readonly roleNamePrefix?: string;
  /**
   * IAM path of the role.
   * @default "/"
   */
  readonly path?: string;
  /**
   * Description of the role.
   * @default - none
   */
  readonly description?: string;
  /**
   * Maximum session duration in seconds, 3600 to 43200.
   * @default 3600
   */
  readonly maxSessionDuration?: number;
  /**
   * ARN of a managed policy that bounds the role's permissions.
   * @default - no permissions boundary
   */
  readonly permissionsBoundaryArn?: string;
  /**
   * Tags of the role.
   * @default - no tags
   */
  readonly tags?: { [key: string]: string };
  /**
   * Managed policies to attach (one `aws_iam_role_policy_attachment` each).
   * @default - none
   */
  readonly managedPolicyArns?: string[];
  /**
   * Inline policies by name, each a policy document in JSON (one `aws_iam_role_policy` each).
   * @default - none
   */
  readonly inlinePolicies?: { [name: string]: string };
  /**
   * Least-privilege permissions of cluster add-ons, from {@link AddonPolicies} (one customer managed
   * policy and attachment each, or the AWS managed policies the add-on's docs prescribe). With exactly
   * one add-on policy and no `serviceAccounts`, the role trusts that add-on's default service account.
   * @default - none
   */
  readonly addonPolicies?: AddonPolicy[];
}
