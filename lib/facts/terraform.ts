/**
 * Facts of Terraform and cdktf that the constructs, the checks and the testing helper share
 * (dependency-free, like the rest of lib/facts/).
 */

/**
 * The attributes of `aws_iam_policy_document` that hold the rendered policy: `json`, and
 * `minified_json` (the same policy without whitespace). The one list the checks and the testing
 * helper read document references with.
 */
export const POLICY_DOCUMENT_ATTRIBUTES: readonly string[] = ["json", "minified_json"];

/** A cdktf string token as it appears in unresolved text: `${TfToken[TOKEN.<n>]}`. */
export const CDKTF_STRING_TOKEN = /\$\{TfToken\[[^\]]+\]\}/g;

/**
 * The length a value known only at apply (an ARN, an issuer host, a cluster name) is counted at
 * when a size is estimated before apply: in a trust policy (IAM's 2048-character quota), and in a
 * permissions policy document (the add-on policies' size check). The two estimates were made
 * separately and differ; they live side by side here so that a change to one is a visible choice.
 */
export const ESTIMATED_TOKEN_LENGTH = { trustPolicy: 100, permissionsPolicy: 64 } as const;
