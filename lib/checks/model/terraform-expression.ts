/**
 * Terraform expressions in synthesized values: `${...}` is an interpolation (unknown until apply);
 * `$${...}` is an escaped literal, and `&{...}` is the policy document's spelling of an IAM policy
 * variable. Both end up as `${...}` in the policy IAM reads.
 */
import { Token } from "cdktf";

import { ValueSyntax } from "./trust-statement";

/** True when the value holds a Terraform interpolation or a cdktf token: its text is not final. */
export function isExpression(value: string, syntax: ValueSyntax = "terraform"): boolean {
  return syntax === "terraform" && (Token.isUnresolved(value) || /(^|[^$])\$\{/.test(value));
}

/** The IAM policy variables (`${aws:username}`, `${<host>:sub}`) a value will carry once Terraform has rendered it. */
export function policyVariablesIn(value: string, syntax: ValueSyntax): string[] {
  const pattern = syntax === "iam" ? /\$\{([^}]+)\}/g : /(?:\$\$|&)\{([^}]+)\}/g;
  return [...value.matchAll(pattern)].map((m) => m[1]);
}

/**
 * The attributes of `aws_iam_policy_document` that hold the rendered policy: `json`, and
 * `minified_json` (the same policy without whitespace). The one list the checks and the testing
 * helper read document references with.
 */
const DOCUMENT_ATTRIBUTES = ["json", "minified_json"];

const DOCUMENT_REFERENCE = new RegExp(
  `^\\$\\{data\\.aws_iam_policy_document\\.([\\w-]+(?:\\[(?:"(?:[^"\\\\]|\\\\.)*"|\\d+)\\])?)\\.(?:${DOCUMENT_ATTRIBUTES.join("|")})\\}$`,
);

/**
 * `${data.aws_iam_policy_document.<name>.json}` (or `.minified_json`) exactly: the name of the
 * referenced document, with its instance key when it has one (`irsa["orders"]`, `irsa[0]`, as
 * for_each and count name instances).
 */
export function policyDocumentReference(value: string): string | undefined {
  return DOCUMENT_REFERENCE.exec(value)?.[1];
}
