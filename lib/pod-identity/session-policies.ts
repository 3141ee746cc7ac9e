/**
 * Session policies on Pod Identity associations: an IAM policy that EKS passes when it assumes the
 * role, so the pods get the intersection of the role's permissions and that policy (EKS API,
 * `CreatePodIdentityAssociation` / `UpdatePodIdentityAssociation` `policy`: "When using this
 * policy, disableSessionTags must be set to true"; with a target role the policy limits the target
 * role's permissions). Terraform: `aws_eks_pod_identity_association.policy`, hashicorp/aws >= 6.57.1
 * (provider PR #48869). The prebuilt `@cdktf/provider-aws` 21.22.1 pins 6.25.0 and has no `policy`
 * argument, so the attribute is set with `addOverride` and the stack's version constraint is raised.
 */
import { Annotations, TerraformStack, Token } from "cdktf";
import { IConstruct } from "constructs";
import { ServiceAccountRef } from "../kubernetes/service-account";
import { policyJson, checkPlainMap } from "../validation/iam-rules";
import { Validator } from "../validation/validator";

/** The first hashicorp/aws release whose `aws_eks_pod_identity_association` has `policy`. */
export const SESSION_POLICY_MIN_AWS_PROVIDER = "6.57.1";

/** The constraint a stack gets once a session policy is used: 6.57.1 or later within major version 6 (the prebuilt bindings' major). */
export const SESSION_POLICY_AWS_PROVIDER_CONSTRAINT = `>= ${SESSION_POLICY_MIN_AWS_PROVIDER}, < 7.0.0`;

/**
 * The session policy's size limit. EKS hands the policy to STS as the session policy of its
 * AssumeRole call; STS documents the `Policy` parameter as at most 2,048 characters of plain text
 * (AWS STS API reference, AssumeRole, "Policy ... Length Constraints: Minimum length of 1. Maximum
 * length of 2048"), and the packed form has a separate limit that session tags would share, which
 * is why EKS requires them off. The EKS API reference gives no separate length for `policy`.
 */
export const SESSION_POLICY_MAX_BYTES = 2048;

/** Session policies by "<namespace>/<name>" (literal keys; values may be tokens). */
export type SessionPolicies = ReadonlyMap<string, string>;

/** Validates `sessionPolicies` against the role's service accounts and `disableSessionTags`. */
export function sessionPoliciesSpec(
  validator: Validator,
  sessionPolicies: { [serviceAccount: string]: string } | undefined,
  disableSessionTags: boolean | undefined,
  accounts: readonly ServiceAccountRef[],
): SessionPolicies {
  const policies = new Map<string, string>();
  if (sessionPolicies === undefined) return policies;
  if (
    sessionPolicies === null ||
    typeof sessionPolicies !== "object" ||
    Array.isArray(sessionPolicies) ||
    Token.isUnresolved(sessionPolicies)
  ) {
    validator.reject("sessionPolicies", sessionPolicies, 'must be a map of "<namespace>/<name>" to a policy JSON string');
  }
  checkPlainMap(validator, "sessionPolicies", sessionPolicies);
  const entries = Object.entries(sessionPolicies);
  if (entries.length === 0) return policies;
  if (disableSessionTags !== true) {
    validator.rejectProperty(
      "sessionPolicies",
      "needs disableSessionTags: true: EKS accepts a session policy only on an association without session tags " +
        "(the trust then cannot be narrowed by cluster, namespace or service account tags)",
    );
  }
  const known = new Set(
    accounts.filter((sa) => !Token.isUnresolved(sa.namespace) && !Token.isUnresolved(sa.name)).map((sa) => `${sa.namespace}/${sa.name}`),
  );
  for (const [key, json] of entries) {
    const path = `sessionPolicies[${JSON.stringify(key)}]`;
    if (!known.has(key)) {
      const listed = [...known].map((k) => `"${k}"`).join(", ");
      validator.reject(`sessionPolicies key`, key, `is not one of the role's service accounts ("<namespace>/<name>": ${listed})`);
    }
    validator.requireString(path, json);
    validator.check(path, json, policyJson, sessionPolicySize);
    policies.set(key, json);
  }
  return policies;
}

/** A literal session policy's size against STS's limit. */
function sessionPolicySize(json: string): string | undefined {
  const bytes = Buffer.byteLength(json, "utf8");
  return bytes > SESSION_POLICY_MAX_BYTES
    ? `is ${bytes} bytes; a session policy may have at most ${SESSION_POLICY_MAX_BYTES} (STS AssumeRole Policy; whitespace counts)`
    : undefined;
}

/** The stacks whose aws provider constraint is already raised. */
const raised = new WeakSet<TerraformStack>();

/**
 * Sets `policy` on an association (escape hatch: the prebuilt provider has no such argument) and
 * raises the stack's `required_providers.aws.version` to {@link SESSION_POLICY_AWS_PROVIDER_CONSTRAINT},
 * with a warning that says so.
 */
export function setSessionPolicy(
  association: IConstruct & { addOverride(path: string, value: unknown): void },
  json: string,
  owner: string,
): void {
  association.addOverride("policy", json);
  const stack = TerraformStack.of(association);
  if (raised.has(stack)) return;
  raised.add(stack);
  stack.addOverride("terraform.required_providers.aws.version", SESSION_POLICY_AWS_PROVIDER_CONSTRAINT);
  Annotations.of(association.node.scope ?? association).addWarning(
    `${owner}: sessionPolicies set the "policy" attribute of aws_eks_pod_identity_association, which needs hashicorp/aws >= ` +
      `${SESSION_POLICY_MIN_AWS_PROVIDER}; the stack's required_providers.aws.version is raised from the prebuilt provider's ` +
      `pin to "${SESSION_POLICY_AWS_PROVIDER_CONSTRAINT}" (run terraform init -upgrade)`,
  );
}
