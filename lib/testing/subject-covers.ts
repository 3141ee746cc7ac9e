/**
 * Patterns that cover every value a trust statement admits for one condition key, used to list
 * who can assume a role. Every pattern is written in IAM's own pattern syntax: `*` any run of
 * characters, `?` one character, and `${*}`, `${?}`, `${$}` for the characters themselves, so a
 * literal `*` in a StringEquals value is `${*}`, never mistaken for "anything".
 *
 * A statement covers a key by its positive string conditions on it (StringEquals, StringLike,
 * StringEqualsIgnoreCase, with or without a set operator or IfExists: the key is always present in
 * the requests listed); `*` when it has none. A Deny statement that applies to the same principal
 * and action and whose only condition is a negated string operator on the key (`StringNotEquals
 * <key>: [values]`) pins the key to those values for every Allow statement. Covers only ever
 * over-approximate: a policy variable in a value (e.g. the tautology `${<host>:sub}`) widens it to `*`.
 */
import { substitute } from "../evaluation/iam-pattern";
import { iamGlobMatches, POLICY_VERSION } from "../facts/iam";

type Json = { [key: string]: any };

const POSITIVE = ["StringEquals", "StringLike", "StringEqualsIgnoreCase"];
const NEGATED: { [operator: string]: string } = {
  StringNotEquals: "StringEquals",
  StringNotLike: "StringLike",
  StringNotEqualsIgnoreCase: "StringEqualsIgnoreCase",
};

export const toList = (value: unknown): string[] => (value === undefined ? [] : Array.isArray(value) ? value.map(String) : [String(value)]);

/** `ForAnyValue:StringLikeIfExists` -> `StringLike`. */
const baseOperator = (operator: string) => operator.replace(/^(ForAnyValue|ForAllValues):/, "").replace(/IfExists$/, "");

/** A literal text as a pattern that matches exactly it. */
function literalPattern(text: string, ignoreCase: boolean): string {
  return [...text]
    .map((ch) => {
      if (ignoreCase && ch.toLowerCase() !== ch.toUpperCase()) return "?";
      if (ch === "*" || ch === "?" || ch === "$") return `\${${ch}}`;
      return ch;
    })
    .join("");
}

/** The pattern that covers what one condition value admits under a positive string operator. */
export function coverOfValue(operator: string, value: string, variables: boolean): string {
  const like = operator === "StringLike";
  const ignoreCase = operator === "StringEqualsIgnoreCase";
  const text = (t: string) =>
    like
      ? literalPattern(t, false)
          .replace(/\$\{\*\}/g, "*")
          .replace(/\$\{\?\}/g, "?")
      : literalPattern(t, ignoreCase);
  if (!variables) return text(value);
  // Variables: ${*} ${?} ${$} are characters; any other variable can hold anything.
  const pieces = substitute(value, (key) => `\u0000${key}`);
  if (pieces === undefined) return "*";
  return pieces.map((p) => (!p.literal ? text(p.text) : p.text.startsWith("\u0000") ? "*" : literalPattern(p.text, ignoreCase))).join("");
}

/** Whether a statement's Action/NotAction covers the action. */
export function coversAction(statement: Json, action: string): boolean {
  if (statement.NotAction !== undefined) return !toList(statement.NotAction).some((a) => iamGlobMatches(a, action, true));
  return toList(statement.Action).some((a) => iamGlobMatches(a, action, true));
}

/** Whether a statement's Principal/NotPrincipal names (or leaves in) the principal. */
export function coversPrincipal(statement: Json, type: string, id: string): boolean {
  const names = (p: unknown) =>
    p === "*" || toList((p as Json)?.[type]).some((i) => i === "*" || i === id) || toList((p as Json)?.AWS).includes("*");
  if (statement.NotPrincipal !== undefined) return !names(statement.NotPrincipal);
  return names(statement.Principal);
}

function conditionEntries(statement: Json): { operator: string; key: string; values: string[] }[] {
  return Object.entries<Json>(statement.Condition ?? {}).flatMap(([operator, keys]) =>
    Object.entries(keys ?? {}).map(([key, values]) => ({ operator, key, values: toList(values) })),
  );
}

/** The covers of one statement's positive string conditions on the key, or undefined when it has none. */
function statementCover(statement: Json, key: string, variables: boolean): string[] | undefined {
  const positive = conditionEntries(statement).filter(
    (c) => c.key.toLowerCase() === key.toLowerCase() && POSITIVE.includes(baseOperator(c.operator)),
  );
  if (positive.length === 0) return undefined;
  // Each positive condition alone bounds the key; the one without wildcards is the tightest guess.
  const chosen = positive.find((c) => baseOperator(c.operator) === "StringEquals") ?? positive[0];
  return [...new Set(chosen.values.map((v) => coverOfValue(baseOperator(chosen.operator), v, variables)))];
}

/** The key's values a Deny pins: its only condition is a negated string operator on the key. */
function denyPin(statement: Json, key: string, variables: boolean): string[] | undefined {
  const entries = conditionEntries(statement);
  if (entries.length !== 1) return undefined;
  const [{ operator, key: k, values }] = entries;
  const positive = NEGATED[operator.replace(/IfExists$/, "")];
  if (positive === undefined || k.toLowerCase() !== key.toLowerCase()) return undefined;
  return [...new Set(values.map((v) => coverOfValue(positive, v, variables)))];
}

/** Who the covers are computed for: the request's action and principal. */
export interface CoverRequest {
  readonly action: string;
  readonly principalType: string;
  readonly principalId: string;
}

/** The patterns that cover every value of the key that the Allow statement admits, Deny pins applied. */
export function keyCover(policy: Json, allow: Json, key: string, request: CoverRequest): string[] {
  const variables = policy.Version === POLICY_VERSION;
  const own = statementCover(allow, key, variables);
  if (own !== undefined) return own;
  for (const deny of statementsOf(policy).filter((s) => s?.Effect === "Deny")) {
    if (!coversAction(deny, request.action) || !coversPrincipal(deny, request.principalType, request.principalId)) continue;
    const pinned = denyPin(deny, key, variables);
    if (pinned !== undefined) return pinned;
  }
  return ["*"];
}

/** Every string any condition of the policy compares the keys with: the raw material of witnesses. */
export function vocabulary(policy: Json, keys: string[]): string[] {
  const wanted = keys.map((k) => k.toLowerCase());
  return [
    ...new Set(
      statementsOf(policy)
        .flatMap((s) => conditionEntries(s))
        .filter((c) => wanted.includes(c.key.toLowerCase()))
        .flatMap((c) => c.values),
    ),
  ];
}

export const statementsOf = (policy: Json): Json[] => (Array.isArray(policy.Statement) ? policy.Statement : [policy.Statement]);
