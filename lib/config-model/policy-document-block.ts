/**
 * Reads the own statements of a synthesized `data "aws_iam_policy_document"` block (snake_case, as
 * cdktf writes it) into the statement model. Merging with source and override documents is done by
 * the caller, which knows the other documents of the configuration.
 */
import { nestedBlocks } from "./nested-blocks";
import { isExpression } from "./terraform-expression";
import { TrustCondition, TrustPolicy, TrustPrincipal, TrustStatement, ValueSyntax } from "./trust-statement";

type Json = { [key: string]: unknown };

class Unreadable extends Error {}

/** The provider treats an empty list as an unset block or argument. */
const isUnset = (value: unknown): boolean => value === undefined || value === null || (Array.isArray(value) && value.length === 0);

const isObject = (value: unknown): value is Json => value !== null && typeof value === "object" && !Array.isArray(value);

/** A list attribute: a literal list of strings, or a Terraform expression standing for one. */
function list(value: unknown, what: string, syntax: ValueSyntax): string[] {
  if (value === undefined || value === null) return [];
  if (typeof value === "string" && isExpression(value, syntax)) throw new Unreadable(`${what} is a Terraform expression`);
  const items = Array.isArray(value) ? value : [value];
  return items.map((v) => String(v));
}

function principalBlocks(value: unknown, what: string, syntax: ValueSyntax): TrustPrincipal[] {
  const blocks = nestedBlocks(value);
  if (blocks === undefined) throw new Unreadable(`${what} is a Terraform expression`);
  return blocks.map((p, i) => ({ type: String(p.type), identifiers: list(p.identifiers, `${what}[${i}].identifiers`, syntax) }));
}

function conditionBlocks(value: unknown, syntax: ValueSyntax): TrustCondition[] | undefined {
  const blocks = nestedBlocks(value);
  if (blocks === undefined) return undefined;
  try {
    return blocks.map((c) => ({ operator: String(c.test), key: String(c.variable), values: list(c.values, "values", syntax) }));
  } catch (e) {
    if (e instanceof Unreadable) return undefined;
    throw e;
  }
}

function statement(raw: unknown, index: number, syntax: ValueSyntax): TrustStatement {
  const at = `statement[${index}]`;
  if (!isObject(raw)) throw new Unreadable(`${at} is a Terraform expression`);
  if (raw.effect !== undefined && (typeof raw.effect !== "string" || isExpression(raw.effect, syntax))) {
    throw new Unreadable(`${at}.effect is a Terraform expression`);
  }
  return {
    sid: typeof raw.sid === "string" && raw.sid !== "" ? raw.sid : undefined,
    effect: raw.effect ?? "Allow",
    actions: list(raw.actions, `${at}.actions`, syntax),
    notActions: isUnset(raw.not_actions) ? undefined : list(raw.not_actions, `${at}.not_actions`, syntax),
    principals: principalBlocks(raw.principals, `${at}.principals`, syntax),
    notPrincipals: isUnset(raw.not_principals) ? undefined : principalBlocks(raw.not_principals, `${at}.not_principals`, syntax),
    conditions: conditionBlocks(raw.condition, syntax),
  };
}

/** The document's own statements, or why they cannot be read (an expression or a dynamic block). */
export function ownStatementsOfDocument(block: Json, syntax: ValueSyntax): TrustPolicy {
  if (block.dynamic !== undefined) return { kind: "unreadable", reason: "builds its statements with a dynamic block" };
  const blocks = nestedBlocks(block.statement);
  if (blocks === undefined) return { kind: "unreadable", reason: "statement is a Terraform expression" };
  try {
    return { kind: "statements", statements: blocks.map((raw, i) => statement(raw, i, syntax)), syntax };
  } catch (e) {
    if (e instanceof Unreadable) return { kind: "unreadable", reason: e.message };
    throw e;
  }
}
