/** Input validation: the rule type, the error, how values are shown in messages, the Validator, and list rules. */
import { Token } from "cdktf";

/**
 * A validation rule: a small pure function that takes a literal value and returns why it is wrong
 * (a phrase that follows the value in the error message), or `undefined` when it is valid. The
 * {@link Validator} skips rules for token values.
 */
export type Rule<T> = (value: T) => string | undefined;

/**
 * Bad input. The message names the construct, the property, the offending value and the rule, e.g.
 * `IrsaRole "app": serviceAccounts[1].namespace "Prod" is not a valid Kubernetes namespace (...)`.
 * Catch it to tell bad input apart from a bug.
 */
export class ValidationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ValidationError";
  }
}

// How an offending value is shown in an error message: quoted, shortened when long, never throwing.
const MAX_SHOWN = 80;

export function formatValue(value: unknown): string {
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

/**
 * Checks the input of one construct and throws a {@link ValidationError} at the first problem.
 * Literal checks are skipped for tokens: their values are known only at plan time.
 */
export class Validator {
  /** @param owner how the construct is named in messages, e.g. `IrsaRole "app"` */
  constructor(public readonly owner: string) {}

  /**
   * Rejects a value: `<owner>: <path> <value> <reason>`. A property left out (`undefined`) is said
   * to be missing: `<owner>: <path> is missing; it must be a string`, not `<path> undefined must be ...`.
   */
  reject(path: string, value: unknown, reason: string): never {
    if (value === undefined && /^(must|is required)\b/.test(reason)) {
      throw new ValidationError(`${this.owner}: ${path} is missing; it ${reason}`);
    }
    throw new ValidationError(`${this.owner}: ${path} ${formatValue(value)} ${reason}`);
  }

  /** Rejects a property without showing one value (a missing property, a count, a combination). */
  rejectProperty(path: string, reason: string): never {
    throw new ValidationError(`${this.owner}: ${path} ${reason}`);
  }

  /** Applies the rules to a literal value; skips `undefined` and tokens. */
  check<T>(path: string, value: T | undefined, ...rules: Rule<T>[]): void {
    if (value === undefined || Token.isUnresolved(value)) return;
    for (const rule of rules) {
      const reason = rule(value);
      if (reason !== undefined) this.reject(path, value, reason);
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
    if (typeof value !== "number" || Number.isNaN(value)) this.reject(path, value, "must be a number");
    this.check(path, value, ...rules);
  }

  /** Checks an optional boolean prop. */
  checkBoolean(path: string, value: unknown): void {
    if (value !== undefined && typeof value !== "boolean") this.reject(path, value, "must be true or false");
  }

  /** A value meant to be a string (JavaScript callers and JSON configs can pass anything). */
  requireString(path: string, value: unknown): string {
    if (typeof value !== "string") this.reject(path, value, "must be a string");
    return value;
  }

  /** An optional list prop: `undefined`, a list, or a token standing for a list. */
  optionalList<T>(path: string, value: T[] | undefined): T[] | undefined {
    if (value === undefined || Token.isUnresolved(value)) return value;
    if (!Array.isArray(value)) this.reject(path, value, "must be a list");
    return value;
  }
}

// Rules for lists: length bounds and duplicates.
export function listLength(min: number, max: number, what: string): Rule<readonly unknown[]> {
  return (list) =>
    list.length < min || list.length > max ? `has ${list.length} ${what}; IAM allows ${min === max ? min : `${min} to ${max}`}` : undefined;
}

/** Index of the first element equal to an earlier one (by `keyOf`; `undefined` keys never match), or -1. */
export function firstDuplicate<T>(list: readonly T[], keyOf: (item: T) => string | undefined): number {
  const seen = new Set<string>();
  for (let i = 0; i < list.length; i++) {
    const key = keyOf(list[i]);
    if (key === undefined) continue;
    if (seen.has(key)) return i;
    seen.add(key);
  }
  return -1;
}
