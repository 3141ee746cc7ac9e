/** Rules for IAM inputs: role names and settings, policies, tags, and the plain JavaScript maps that carry them. */
import { Rule, Validator } from "./validator";
import { Token } from "cdktf";
import { LEGACY_POLICY_VERSION, POLICY_VERSION } from "../facts/iam";

// Rules for IAM role inputs and policies; limits from the IAM API reference (CreateRole, PutRolePolicy) and "IAM and AWS STS quotas".
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
  if (doc.Version !== POLICY_VERSION && doc.Version !== LEGACY_POLICY_VERSION)
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

// Maps given as JavaScript objects (tags, inline policies, JSON configs): keys that would be lost on the way.
/**
 * Rejects a `__proto__` key: assigning it (as cdktf and most JavaScript code do when copying a map)
 * sets the prototype instead of a property, so the entry would vanish without a word. An object
 * literal's `__proto__:` is not a key at all; it shows as a changed prototype.
 */
export function checkPlainMap(validator: Validator, path: string, map: object): void {
  if (Object.prototype.hasOwnProperty.call(map, "__proto__")) {
    validator.reject(`${path} key`, "__proto__", "cannot be a key: JavaScript and cdktf drop it silently when they copy the map");
  }
  const prototype = Object.getPrototypeOf(map);
  if (prototype !== Object.prototype && prototype !== null) {
    validator.rejectProperty(path, "must be a plain object; its prototype was replaced (was `__proto__` written as a key?)");
  }
}

// IAM tags (roles and OIDC providers share the rules): at most 50, key and value rules, case-insensitive keys.
const TAG_CHARS = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;

export const tagKey: Rule<string> = (key) => {
  if (key.length < 1 || key.length > 128) return "is not 1 to 128 characters long (IAM tag key limit)";
  if (!TAG_CHARS.test(key)) return "contains characters IAM does not accept in a tag (letters, digits, spaces and _.:/=+-@)";
  if (key.toLowerCase().startsWith("aws:")) return 'starts with "aws:", which is reserved for AWS';
  return undefined;
};

export const tagValue: Rule<string> = (value) => {
  if (value.length > 256) return "is longer than 256 characters (IAM tag value limit)";
  if (!TAG_CHARS.test(value)) return "contains characters IAM does not accept in a tag (letters, digits, spaces and _.:/=+-@)";
  return undefined;
};

/** Checks an IAM tag map: at most 50, key and value rules, no two keys equal ignoring case. */
export function checkTags(validator: Validator, path: string, tags: { [key: string]: string } | undefined): void {
  if (tags === undefined || Token.isUnresolved(tags)) return;
  if (tags === null || typeof tags !== "object" || Array.isArray(tags)) validator.reject(path, tags, "must be a map of strings");
  checkPlainMap(validator, path, tags);
  const keys = Object.keys(tags);
  if (keys.length > 50) validator.rejectProperty(path, `has ${keys.length} tags; IAM allows at most 50`);
  const seen = new Map<string, string>();
  for (const key of keys) {
    if (!Token.isUnresolved(key)) {
      validator.check(`${path} key`, key, tagKey);
      const folded = key.toLowerCase();
      const earlier = seen.get(folded);
      if (earlier !== undefined) {
        validator.reject(`${path} key`, key, `differs from the key "${earlier}" only by case; IAM role tag keys are case-insensitive`);
      }
      seen.set(folded, key);
    }
    const value = tags[key];
    if (typeof value !== "string") validator.reject(`${path}[${JSON.stringify(key)}]`, value, "must be a string");
    validator.check(`${path}[${JSON.stringify(key)}]`, value, tagValue);
  }
}
