/**
 * Facts of IAM that the constructs, the checks and the testing helper share. This folder imports
 * nothing from the rest of lib/, so every layer (lib/testing included) can read it.
 */

/** `*` or `?`: the wildcards of IAM's `StringLike` and ARN patterns. */
export const IAM_WILDCARD = /[*?]/;

/** Whether a value holds an IAM wildcard (`*` or `?`). */
export const hasIamWildcard = (value: string): boolean => IAM_WILDCARD.test(value);

/** Escapes the RegExp metacharacters of a literal text. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}

/** The RegExp source of an IAM glob: `*` any run of characters, `?` one character, everything else literal. */
export function iamGlobSource(pattern: string): string {
  return pattern.replace(/[.*+?^${}()|[\]\\/]/g, (ch) => (ch === "*" ? ".*" : ch === "?" ? "." : `\\${ch}`));
}

/** Compiled globs: the same few patterns are matched against every statement of a large plan. */
const GLOB_CACHE = new Map<string, RegExp>();
const GLOB_CACHE_LIMIT = 10_000;

/** A RegExp for an IAM glob, matching the whole text (newlines included); case-insensitive for actions. */
export function iamGlobRegExp(pattern: string, ignoreCase = false): RegExp {
  const key = `${ignoreCase ? "i" : "s"}:${pattern}`;
  let regExp = GLOB_CACHE.get(key);
  if (regExp === undefined) {
    if (GLOB_CACHE.size >= GLOB_CACHE_LIMIT) GLOB_CACHE.clear();
    regExp = new RegExp(`^${iamGlobSource(pattern)}$`, ignoreCase ? "is" : "s");
    GLOB_CACHE.set(key, regExp);
  }
  return regExp;
}

/** True when an IAM glob (no policy variables) matches the text. */
export function iamGlobMatches(pattern: string, text: string, ignoreCase = false): boolean {
  return iamGlobRegExp(pattern, ignoreCase).test(text);
}

/** The current policy language version; without it (or with `2008-10-17`) IAM treats policy variables as plain text. */
export const POLICY_VERSION = "2012-10-17";

/** The policy language before policy variables. */
export const LEGACY_POLICY_VERSION = "2008-10-17";

/** The STS actions of role trust policies. */
export const STS_ACTIONS = {
  assumeRole: "sts:AssumeRole",
  assumeRoleWithWebIdentity: "sts:AssumeRoleWithWebIdentity",
  tagSession: "sts:TagSession",
} as const;
