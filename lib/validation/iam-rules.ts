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
  if (!("Statement" in parsed)) return "has no Statement (not an IAM policy document)";
  return undefined;
};
