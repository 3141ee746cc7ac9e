import { Token } from "cdktf";
import { Rule, tagKey as tagKeyRule, tagValue as tagValueRule } from "./rules";

const MAX_SHOWN = 80;

/** Renders an offending value for a message: quoted, and shortened when long. Never throws. */
export function showValue(value: unknown): string {
  const text = describe(value);
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN - 5)}...${text.slice(-4)}` : text;
}

function describe(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (value === undefined || typeof value === "function" || typeof value === "symbol" || typeof value === "bigint") {
    return typeof value === "function" ? "a function" : String(value);
  }
  try {
    const json = JSON.stringify(value);
    if (json !== undefined) return json;
  } catch {
    // circular (e.g. a construct) or a throwing toJSON: fall through
  }
  const name = (value as { constructor?: { name?: unknown } }).constructor?.name;
  return typeof name === "string" && name !== "" ? `a ${name}` : Object.prototype.toString.call(value);
}

/** Bad input: the message names the construct, the property, the value and the rule. */
export class ValidationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ValidationError";
  }
}

/**
 * Reports invalid input of one construct. Messages follow DESIGN.md:
 * `IrsaRole "app": serviceAccounts[1].namespace "Prod" is not a valid Kubernetes namespace (...)`.
 */
export class Validator {
  /** @param owner how the construct is named in messages, e.g. `IrsaRole "app"` */
  constructor(public readonly owner: string) {}

  fail(path: string, value: unknown, reason: string): never {
    throw new ValidationError(`${this.owner}: ${path} ${showValue(value)} ${reason}`);
  }

  /** Fails with a message that has no single offending value (e.g. a missing property). */
  failPlain(path: string, reason: string): never {
    throw new ValidationError(`${this.owner}: ${path} ${reason}`);
  }

  /** Applies the rules to a literal value; skips `undefined` and tokens. */
  check<T>(path: string, value: T | undefined, ...rules: Rule<T>[]): void {
    if (value === undefined || Token.isUnresolved(value)) return;
    for (const rule of rules) {
      const reason = rule(value);
      if (reason !== undefined) this.fail(path, value, reason);
    }
  }

  /** Checks an optional string prop: a string when given, then the rules (tokens skip them). */
  checkString(path: string, value: unknown, ...rules: Rule<string>[]): void {
    if (value === undefined) return;
    this.check(path, this.requireString(path, value), ...rules);
  }

  /** Checks an optional number prop: a finite number when given, then the rules. */
  checkNumber(path: string, value: unknown, ...rules: Rule<number>[]): void {
    if (value === undefined) return;
    if (typeof value !== "number" || Number.isNaN(value)) this.fail(path, value, "must be a number");
    this.check(path, value, ...rules);
  }

  /** Checks an optional boolean prop. */
  checkBoolean(path: string, value: unknown): void {
    if (value !== undefined && typeof value !== "boolean") this.fail(path, value, "must be true or false");
  }

  /** Checks that a value meant to be a string is one (JavaScript callers and JSON configs). */
  requireString(path: string, value: unknown): string {
    if (typeof value !== "string") this.fail(path, value, "must be a string");
    return value;
  }

  /** Checks a list value that must be an array (tokens of list type pass). */
  requireArray<T>(path: string, value: T[] | undefined): T[] | undefined {
    if (value === undefined || Token.isUnresolved(value)) return value;
    if (!Array.isArray(value)) this.fail(path, value, "must be a list");
    return value;
  }
}

/** Checks an IAM tag map: at most 50, key and value rules, no two keys equal ignoring case. */
export function checkTags(v: Validator, path: string, tags: { [key: string]: string } | undefined): void {
  if (tags === undefined || Token.isUnresolved(tags)) return;
  if (tags === null || typeof tags !== "object" || Array.isArray(tags)) v.fail(path, tags, "must be a map of strings");
  const keys = Object.keys(tags);
  if (keys.length > 50) v.failPlain(path, `has ${keys.length} tags; IAM allows at most 50`);
  const seen = new Map<string, string>();
  for (const key of keys) {
    if (!Token.isUnresolved(key)) {
      v.check(`${path} key`, key, tagKeyRule);
      const folded = key.toLowerCase();
      const earlier = seen.get(folded);
      if (earlier !== undefined) {
        v.fail(`${path} key`, key, `differs from the key "${earlier}" only by case; IAM role tag keys are case-insensitive`);
      }
      seen.set(folded, key);
    }
    const value = tags[key];
    if (typeof value !== "string") v.fail(`${path}[${JSON.stringify(key)}]`, value, "must be a string");
    v.check(`${path}[${JSON.stringify(key)}]`, value, tagValueRule);
  }
}
