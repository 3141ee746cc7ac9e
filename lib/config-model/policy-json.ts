/** Reads a policy given as JSON text (a literal `assume_role_policy`, a plan's value) into the statement model. */
import { isExpression } from "./terraform-expression";
import { TrustCondition, TrustPolicy, TrustPrincipal, TrustStatement, ValueSyntax } from "./trust-statement";

type Json = { [key: string]: unknown };

class Malformed extends Error {}

const isObject = (value: unknown): value is Json => value !== null && typeof value === "object" && !Array.isArray(value);

/** A string or a list of strings (IAM accepts both), as a list. */
function stringList(value: unknown, what: string): string[] {
  const list = Array.isArray(value) ? value : [value];
  if (list.some((v) => typeof v !== "string")) throw new Malformed(`${what} must be a string or a list of strings`);
  return list as string[];
}

function principals(value: unknown, what: string): TrustPrincipal[] {
  if (value === "*") return [{ type: "*", identifiers: ["*"] }];
  if (!isObject(value)) throw new Malformed(`${what} must be "*" or an object such as { "Federated": ... }`);
  return Object.entries(value).map(([type, ids]) => ({ type, identifiers: stringList(ids, `${what}.${type}`) }));
}

function conditions(value: unknown, what: string): TrustCondition[] {
  if (value === undefined) return [];
  if (!isObject(value)) throw new Malformed(`${what} must be an object of operators`);
  return Object.entries(value).flatMap(([operator, keys]) => {
    if (!isObject(keys)) throw new Malformed(`${what}.${operator} must be an object of condition keys`);
    return Object.entries(keys).map(([key, values]) => ({ operator, key, values: stringList(values, `${what}.${operator}["${key}"]`) }));
  });
}

function statement(raw: unknown, index: number, requirePrincipal: boolean): TrustStatement {
  const at = `Statement[${index}]`;
  if (!isObject(raw)) throw new Malformed(`${at} is ${raw === null ? "null" : "not an object"}`);
  if (raw.Effect !== "Allow" && raw.Effect !== "Deny") {
    throw new Malformed(`${at}.Effect is ${JSON.stringify(raw.Effect)}; IAM accepts exactly "Allow" or "Deny"`);
  }
  if (raw.Action === undefined && raw.NotAction === undefined) throw new Malformed(`${at} has neither Action nor NotAction`);
  if (requirePrincipal && raw.Principal === undefined && raw.NotPrincipal === undefined) {
    throw new Malformed(`${at} has no Principal (a trust policy statement names who may assume the role)`);
  }
  return {
    sid: typeof raw.Sid === "string" ? raw.Sid : undefined,
    effect: raw.Effect,
    actions: raw.Action === undefined ? [] : stringList(raw.Action, `${at}.Action`),
    notActions: raw.NotAction === undefined ? undefined : stringList(raw.NotAction, `${at}.NotAction`),
    principals: raw.Principal === undefined ? [] : principals(raw.Principal, `${at}.Principal`),
    notPrincipals: raw.NotPrincipal === undefined ? undefined : principals(raw.NotPrincipal, `${at}.NotPrincipal`),
    conditions: conditions(raw.Condition, `${at}.Condition`),
  };
}

/**
 * The statements of a JSON policy, or why it cannot be read (a Terraform expression) or is not a
 * valid policy. A trust policy's statements must name principals; a source document's need not.
 */
export function policyFromJson(text: string, syntax: ValueSyntax, requirePrincipal = true): TrustPolicy {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    return isExpression(text, syntax)
      ? { kind: "unreadable", reason: "is a Terraform expression (jsonencode, a variable, a local or a function), not literal JSON" }
      : { kind: "malformed", reason: `is not valid JSON (${(e as Error).message})` };
  }
  try {
    if (!isObject(doc)) throw new Malformed("is not a JSON object");
    if (doc.Statement === undefined || doc.Statement === null) throw new Malformed("has no Statement");
    const raw = Array.isArray(doc.Statement) ? doc.Statement : [doc.Statement];
    if (raw.length === 0) throw new Malformed("has an empty Statement list");
    return { kind: "statements", statements: raw.map((s, i) => statement(s, i, requirePrincipal)), syntax };
  } catch (e) {
    if (e instanceof Malformed) return { kind: "malformed", reason: e.message };
    throw e;
  }
}
