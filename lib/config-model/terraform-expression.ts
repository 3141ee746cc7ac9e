/**
 * Terraform expressions in synthesized values: `${...}` is an interpolation (unknown until apply);
 * `$${...}` is an escaped literal, and `&{...}` is the policy document's spelling of an IAM policy
 * variable. Both end up as `${...}` in the policy IAM reads.
 */
import { Token } from "cdktf";
import { POLICY_DOCUMENT_ATTRIBUTES } from "../facts/terraform";

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

const ATTRIBUTE = `(?:${POLICY_DOCUMENT_ATTRIBUTES.join("|")})`;
const DOCUMENT_REFERENCE = new RegExp(
  `^\\$\\{data\\.aws_iam_policy_document\\.([\\w-]+(?:\\[(?:"(?:[^"\\\\]|\\\\.)*"|\\d+)\\])?)\\.${ATTRIBUTE}\\}$`,
);

/**
 * `${data.aws_iam_policy_document.<name>.json}` (or `.minified_json`) exactly: the name of the
 * referenced document, with its instance key when it has one (`irsa["orders"]`, `irsa[0]`, as
 * for_each and count name instances).
 */
export function policyDocumentReference(value: string): string | undefined {
  return DOCUMENT_REFERENCE.exec(value)?.[1];
}
