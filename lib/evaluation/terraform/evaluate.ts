/**
 * Evaluates parsed Terraform templates and expressions. References are looked up by the caller
 * (who knows the configuration); functions come from ./functions. A template that is exactly one
 * interpolation yields that value unconverted, as Terraform does; otherwise every part is
 * converted to a string.
 */
import { callFunction } from "./functions";
import { Expr, Step, TemplatePart, TfValue } from "./syntax";
import { asBool, asNumber, asString } from "./values";

/** A reference as a path: `data.aws_eks_cluster.c.identity[0]` -> ["data", "aws_eks_cluster", "c", "identity", 0]. */
export type ReferencePath = readonly (string | number)[];

/** Looks up the value of a reference; throws when it is not known. */
export type ReferenceLookup = (path: ReferencePath) => TfValue;

/** The canonical text of a reference path: `.name` for names, `[0]` for numbers, `["key"]` otherwise. */
export function referenceText(path: ReferencePath): string {
  return path
    .map((step, i) => {
      if (typeof step === "number") return `[${step}]`;
      if (i === 0) return step;
      return /^[A-Za-z_][A-Za-z0-9_-]*$/.test(step) ? `.${step}` : `[${JSON.stringify(step)}]`;
    })
    .join("");
}

export function evaluateTemplate(parts: readonly TemplatePart[], lookup: ReferenceLookup): TfValue {
  if (parts.length === 1 && typeof parts[0] !== "string") return evaluate(parts[0].expr, lookup);
  return parts.map((part) => (typeof part === "string" ? part : asString(evaluate(part.expr, lookup), part.source))).join("");
}

export function evaluate(expr: Expr, lookup: ReferenceLookup): TfValue {
  switch (expr.kind) {
    case "literal":
      return expr.value;
    case "template":
      return evaluateTemplate(expr.parts, lookup);
    case "ref":
      return lookup([expr.root, ...expr.steps.map((s) => stepKey(s, lookup))]);
    case "access":
      return access(evaluate(expr.target, lookup), stepKey(expr.step, lookup));
    case "call": {
      const args = expr.args.map((a) => evaluate(a, lookup));
      if (expr.expandLast) {
        const last = args.pop();
        if (!Array.isArray(last)) throw new Error(`${expr.name}(...): only a list can be expanded with "..."`);
        args.push(...last);
      }
      return callFunction(expr.name, args);
    }
    case "tuple":
      return expr.items.map((i) => evaluate(i, lookup));
    case "object":
      return Object.fromEntries(expr.entries.map(([k, v]) => [asString(evaluate(k, lookup), "object key"), evaluate(v, lookup)]));
    case "unary": {
      const value = evaluate(expr.operand, lookup);
      return expr.op === "!" ? !asBool(value, "!") : -asNumber(value, "-");
    }
    case "binary":
      return binary(expr.op, expr.left, expr.right, lookup);
    case "conditional":
      return asBool(evaluate(expr.test, lookup), "condition") ? evaluate(expr.then, lookup) : evaluate(expr.otherwise, lookup);
  }
}

function stepKey(step: Step, lookup: ReferenceLookup): string | number {
  if ("attr" in step) return step.attr;
  const key = evaluate(step.index, lookup);
  if (typeof key === "number" || typeof key === "string") return key;
  throw new Error(`an index must be a number or a string, not ${JSON.stringify(key)}`);
}

/** `value[key]` or `value.key` on an evaluated value. */
export function access(value: TfValue, key: string | number): TfValue {
  if (Array.isArray(value)) {
    const index = asNumber(key, "index");
    if (!Number.isInteger(index) || index < 0 || index >= value.length) {
      throw new Error(`index ${key} is out of range for a list of ${value.length}`);
    }
    return value[index];
  }
  if (value !== null && typeof value === "object" && String(key) in value) return value[String(key)];
  throw new Error(`${JSON.stringify(value)} has no element ${JSON.stringify(key)}`);
}

function binary(op: string, leftExpr: Expr, rightExpr: Expr, lookup: ReferenceLookup): TfValue {
  const left = evaluate(leftExpr, lookup);
  // && and || need both operands known in Terraform too; there is no short circuit.
  const right = evaluate(rightExpr, lookup);
  const n = (v: TfValue) => asNumber(v, op);
  switch (op) {
    case "==":
      return JSON.stringify(left) === JSON.stringify(right);
    case "!=":
      return JSON.stringify(left) !== JSON.stringify(right);
    case "&&":
      return asBool(left, op) && asBool(right, op);
    case "||":
      return asBool(left, op) || asBool(right, op);
    case "<":
      return n(left) < n(right);
    case ">":
      return n(left) > n(right);
    case "<=":
      return n(left) <= n(right);
    case ">=":
      return n(left) >= n(right);
    case "+":
      return n(left) + n(right);
    case "-":
      return n(left) - n(right);
    case "*":
      return n(left) * n(right);
    case "/":
      return n(left) / n(right);
    default:
      return n(left) % n(right);
  }
}
