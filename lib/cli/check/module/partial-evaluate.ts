/**
 * Evaluates what a module's author wrote as far as it is known before plan, with the project's
 * Terraform expression parser and functions (lib/evaluation/terraform). References are looked up by
 * the caller's scope (locals, variables, `each`, `count`, `path`); anything else (resources, data
 * sources, unsupported functions) stays a {@link Pending} expression, to be read by the trust
 * readers as a Terraform expression (and judged as unreadable where it matters).
 */
import { access, evaluate } from "../../../evaluation/terraform/evaluate";
import { callFunction } from "../../../evaluation/terraform/functions";
import { parseTemplate } from "../../../evaluation/terraform/parser";
import { Expr, Step, TemplatePart } from "../../../evaluation/terraform/syntax";
import { asString } from "../../../evaluation/terraform/values";
import { expressionText } from "./expression-text";
import { escapeTemplate, hasPending, jsonencodeTemplate, known, Pending, PValue } from "./partial-value";

/** Where references and module-folder functions are answered. */
export interface EvaluationScope {
  /** The value of a reference root and its first steps (`local.x`, `var.y`, `each.value`); undefined when not known before plan. */
  lookup(root: string, steps: readonly (string | number)[]): { value: PValue; used: number } | undefined;
  /** `file()` and `templatefile()`: the text of a file in the module folder, or undefined. */
  readFile(path: string): string | undefined;
}

/** A reference as written, its index steps computed: `data.aws_iam_policy_document.irsa["orders"].json`. */
function referenceText(root: string, written: readonly Step[], keys: readonly (string | number)[]): string {
  return root + written.map((step, i) => ("attr" in step ? `.${step.attr}` : `[${JSON.stringify(keys[i])}]`)).join("");
}

const pendingOf = (expr: Expr) => new Pending(`\${${expressionText(expr)}}`);

export class PartialEvaluator {
  /** How many references or calls were computed: zero means the value is as written. */
  resolved = 0;

  constructor(private readonly scope: EvaluationScope) {}

  /** A Terraform JSON string value (a template); text that is not a valid template stays as written. */
  template(text: string): PValue {
    let parts: TemplatePart[];
    try {
      parts = parseTemplate(text);
    } catch {
      return new Pending(text);
    }
    return this.parts(parts);
  }

  parts(parts: readonly TemplatePart[]): PValue {
    if (parts.length === 1 && typeof parts[0] !== "string") return this.expr(parts[0].expr);
    const values = parts.map((p) => (typeof p === "string" ? p : this.expr(p.expr)));
    if (!values.some(hasPending)) {
      try {
        return values.map((v, i) => asString(known(v), `interpolation ${i}`)).join("");
      } catch {
        return new Pending(parts.map((p) => (typeof p === "string" ? escapeTemplate(p) : p.source)).join(""));
      }
    }
    return new Pending(
      values
        .map((v, i) => {
          if (v instanceof Pending) return v.template;
          if (typeof v === "string") return escapeTemplate(v);
          const part = parts[i];
          return typeof part === "string" ? escapeTemplate(part) : part.source;
        })
        .join(""),
    );
  }

  expr(expr: Expr): PValue {
    try {
      return this.evaluate(expr);
    } catch {
      return pendingOf(expr);
    }
  }

  private evaluate(expr: Expr): PValue {
    switch (expr.kind) {
      case "literal":
        return expr.value;
      case "template":
        return this.parts(expr.parts);
      case "ref":
        return this.reference(expr);
      case "access": {
        const target = this.evaluate(expr.target);
        const key = this.stepKey(expr.step);
        if (hasPending(target) || key instanceof Pending) return pendingOf(expr);
        return access(known(target), key) as PValue;
      }
      case "call":
        return this.call(expr);
      case "tuple":
        return expr.items.map((i) => this.evaluate(i));
      case "object": {
        const out: { [key: string]: PValue } = {};
        // Keys are kept as template text (a known key escaped), so that a key known only later ("${local.issuer}:sub") keeps its meaning.
        for (const [k, v] of expr.entries) {
          const key = this.evaluate(k);
          if (key instanceof Pending) out[key.template] = this.evaluate(v);
          else if (typeof key === "string" || typeof key === "number") out[escapeTemplate(String(key))] = this.evaluate(v);
          else return pendingOf(expr);
        }
        return out;
      }
      case "conditional": {
        const test = this.evaluate(expr.test);
        if (typeof test !== "boolean" && test !== "true" && test !== "false") return pendingOf(expr);
        return test === true || test === "true" ? this.evaluate(expr.then) : this.evaluate(expr.otherwise);
      }
      default:
        // Operators: computed by the project's evaluator when every operand is known.
        return this.viaFunction(expr);
    }
  }

  private stepKey(step: Step): string | number | Pending {
    if ("attr" in step) return step.attr;
    const key = this.evaluate(step.index);
    if (typeof key === "string" || typeof key === "number") return key;
    return key instanceof Pending ? key : new Pending("?");
  }

  private reference(expr: Extract<Expr, { kind: "ref" }>): PValue {
    const steps: (string | number)[] = [];
    for (const step of expr.steps) {
      const key = this.stepKey(step);
      if (key instanceof Pending) return pendingOf(expr);
      steps.push(key);
    }
    const found = this.scope.lookup(expr.root, steps);
    if (found === undefined) return new Pending(`\${${referenceText(expr.root, expr.steps, steps)}}`);
    this.resolved++;
    let value = found.value;
    for (const step of steps.slice(found.used)) {
      if (hasPending(value)) return pendingOf(expr);
      value = access(known(value), step) as PValue;
    }
    return value;
  }

  private call(expr: Extract<Expr, { kind: "call" }>): PValue {
    const args = expr.args.map((a) => this.evaluate(a));
    if (expr.name === "jsonencode" && args.length === 1 && hasPending(args[0])) {
      this.resolved++;
      return new Pending(jsonencodeTemplate(args[0]));
    }
    if (args.some(hasPending)) return pendingOf(expr);
    if (expr.name === "file" || expr.name === "templatefile") return this.fileCall(expr, args);
    let values = args.map(known);
    if (expr.expandLast) {
      const last = values[values.length - 1];
      if (!Array.isArray(last)) return pendingOf(expr);
      values = [...values.slice(0, -1), ...last];
    }
    this.resolved++;
    return callFunction(expr.name, values) as PValue;
  }

  private fileCall(expr: Extract<Expr, { kind: "call" }>, args: PValue[]): PValue {
    const text = typeof args[0] === "string" ? this.scope.readFile(args[0]) : undefined;
    if (text === undefined) return pendingOf(expr);
    this.resolved++;
    if (expr.name === "file") return text;
    const vars = args[1];
    if (vars === null || typeof vars !== "object" || Array.isArray(vars) || vars instanceof Pending) return pendingOf(expr);
    let parts: TemplatePart[];
    try {
      parts = parseTemplate(text);
    } catch {
      return pendingOf(expr); // template directives (%{for}, %{if}) are not interpreted
    }
    const inner = new PartialEvaluator({
      lookup: (root) => (Object.prototype.hasOwnProperty.call(vars, root) ? { value: vars[root], used: 0 } : undefined),
      readFile: (path) => this.scope.readFile(path),
    });
    return inner.parts(parts);
  }

  /** Operators, through the project's evaluator (which knows their conversions). */
  private viaFunction(expr: Expr): PValue {
    const operands = expr.kind === "unary" ? [expr.operand] : expr.kind === "binary" ? [expr.left, expr.right] : [];
    const values = operands.map((o) => this.evaluate(o));
    if (values.some(hasPending)) return pendingOf(expr);
    const literal = (v: PValue): Expr => ({ kind: "literal", value: known(v) });
    const rebuilt: Expr =
      expr.kind === "unary"
        ? { ...expr, operand: literal(values[0]) }
        : expr.kind === "binary"
          ? { ...expr, left: literal(values[0]), right: literal(values[1]) }
          : expr;
    this.resolved++;
    return evaluate(rebuilt, () => {
      throw new Error("no references here");
    }) as PValue;
  }
}
