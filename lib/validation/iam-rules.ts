/** Rules for IAM role inputs and policies; limits from the IAM API reference (CreateRole, PutRolePolicy) and "IAM and AWS STS quotas". */
import { Rule } from "./rule";

export const roleName: Rule<string> = (name) =>
  /^[\w+=,.@-]{1,64}$/.test(name) ? undefined : "is not a valid IAM role name (1 to 64 characters of letters, digits and _+=,.@-)";

export const roleNamePrefix: Rule<string> = (prefix) =>
  /^[\w+=,.@-]{1,38}$/.test(prefix)
    ? undefined
    : "is not a valid IAM role name prefix (1 to 38 characters of letters, digits and _+=,.@-; Terraform appends 26)";

export const iamPath: Rule<string> = (path) => {
  if (path.length > 512) return "is longer than 512 characters (IAM path limit)";
  return /^(\/|\/[\u0021-\u007E]+\/)$/.test(path)
    ? undefined
    : 'is not a valid IAM path ("/" or printable ASCII between a leading and a trailing "/")';
};

export const maxSessionDuration: Rule<number> = (seconds) =>
  Number.isInteger(seconds) && seconds >= 3600 && seconds <= 43200
    ? undefined
    : "is not a whole number of seconds from 3600 (1 hour) to 43200 (12 hours)";

export const roleDescription: Rule<string> = (text) => {
  if (text.length > 1000) return "is longer than 1000 characters (IAM role description limit)";
  // eslint-disable-next-line no-control-regex -- IAM accepts tab, LF and CR in a description
  return /^[\u0009\u000A\u000D\u0020-\u007E\u00A1-\u00FF]*$/.test(text)
    ? undefined
    : "contains characters IAM does not accept in a description (printable Latin-1 only)";
};

export const policyArn: Rule<string> = (arn) =>
  /^arn:[\w-]+:iam::(aws|\d{12}):policy\/[\u0021-\u007E]+$/.test(arn) && arn.length <= 2048
    ? undefined
    : "is not an IAM managed policy ARN (arn:<partition>:iam::<account or aws>:policy/<path and name>)";

export const permissionsBoundaryArn: Rule<string> = (arn) => {
  if (arn.length < 20 || arn.length > 2048) return "must be 20 to 2048 characters long (IAM limit)";
  return policyArn(arn);
};

export const inlinePolicyName: Rule<string> = (name) =>
  /^[\w+=,.@-]{1,128}$/.test(name) ? undefined : "is not a valid inline policy name (1 to 128 characters of letters, digits and _+=,.@-)";

export const policyJson: Rule<string> = (json) => {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch (e) {
    return `is not valid JSON (${(e as Error).message})`;
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
    return "is not a JSON object (an IAM policy document is an object with Version and Statement)";
  }
  const doc = parsed as { [key: string]: unknown };
  if (doc.Version === undefined) {
    return 'has no Version; without "2012-10-17" IAM reads it as the 2008 language, where policy variables are plain text';
  }
  if (doc.Version !== "2012-10-17" && doc.Version !== "2008-10-17")
    return `has Version ${JSON.stringify(doc.Version)}; IAM knows "2012-10-17" (and the old "2008-10-17")`;
  if (!("Statement" in doc)) return "has no Statement (not an IAM policy document)";
  const statements = Array.isArray(doc.Statement) ? doc.Statement : [doc.Statement];
  if (statements.length === 0) return "has an empty Statement list; IAM rejects a policy that grants nothing";
  for (const [i, s] of statements.entries()) {
    const reason = statementReason(s);
    if (reason !== undefined) return `has Statement[${i}] ${reason}`;
  }
  return undefined;
};

/** Why one statement of a permissions policy is not valid, or undefined. */
function statementReason(s: unknown): string | undefined {
  if (s === null || typeof s !== "object" || Array.isArray(s)) return "that is not an object";
  const st = s as { [key: string]: unknown };
  if (st.Effect !== "Allow" && st.Effect !== "Deny")
    return `with Effect ${JSON.stringify(st.Effect)}; IAM accepts exactly "Allow" or "Deny"`;
  if (st.Action === undefined && st.NotAction === undefined) return "without Action or NotAction";
  if (st.Resource === undefined && st.NotResource === undefined) return "without Resource or NotResource";
  if (st.Principal !== undefined || st.NotPrincipal !== undefined) return "with a Principal, which a role's own policy cannot name";
  return undefined;
}
