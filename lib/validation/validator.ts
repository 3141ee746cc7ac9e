import { Token } from "cdktf";
import { formatValue } from "./format-value";
import { Rule } from "./rule";
import { ValidationError } from "./validation-error";

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
