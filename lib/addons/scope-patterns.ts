/**
 * Whether a wildcard pattern in a scoping ARN can match every resource of its type. The pattern is
 * judged by what it matches, not by how it is spelled: `secret:*`, `secret:*-*` and
 * `secret:*-??????` all match every secret (each Secrets Manager ARN ends in `-` and six random
 * characters). Each resource type is modelled by a few names that are valid for the type and share
 * nothing beyond what the type forces on every name (its suffix, its alphabet); a pattern that
 * matches all of them constrains nothing a name must have, so it matches every name of the type.
 * A pattern that asks for anything real (a prefix, a path, a character) misses at least one of them.
 */
import { hasIamWildcard, iamGlobRegExp } from "../facts/iam";

/** A resource type whose names a scoping pattern may match with `*` and `?`. */
export interface NameShape {
  /** What one resource is, e.g. "secret". */
  readonly kind: string;
  /** How every name of the type looks, for messages. */
  readonly shape: string;
  /** Valid names that share only what every name of the type has. */
  readonly witnesses: readonly string[];
}

/** Secrets Manager secret names in ARNs: `<name>-<6 random letters and digits>`, name of `[A-Za-z0-9/_+=.@-]`. */
export const SECRET_NAME: NameShape = {
  kind: "secret",
  shape: "every secret ARN ends in its name, '-' and six random characters",
  witnesses: ["b-CCCCCC", "DD/ee_ff+gg=hh.ii@jj-kk-LLLLLL", "m1-234567"],
};

/** SSM parameter names in ARNs: `[A-Za-z0-9_.-]` and `/`, 1 to 2048 characters (a leading `/` is not part of the ARN). */
export const PARAMETER_NAME: NameShape = {
  kind: "parameter",
  shape: "a parameter name is letters, digits, '_', '.', '-' and '/'",
  witnesses: ["b", "CC/dd_ee.ff-gg", "1"],
};

/** CloudWatch Logs log group names: `[A-Za-z0-9_./#-]`, 1 to 512 characters. */
export const LOG_GROUP_NAME: NameShape = {
  kind: "log group",
  shape: "a log group name is letters, digits, '_', '.', '/', '#' and '-'",
  witnesses: ["b", "/CC/dd_ee.ff-gg#hh", "1"],
};

/** True when the pattern matches every name of the type. */
export function matchesEveryName(pattern: string, type: NameShape): boolean {
  if (!hasIamWildcard(pattern)) return false;
  const re = iamGlobRegExp(pattern);
  return type.witnesses.every((name) => re.test(name));
}
