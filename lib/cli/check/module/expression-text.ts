/** Writes a parsed Terraform expression back as source text, for values that stay expressions (`${...}`). */
import { Expr, Step, TemplatePart } from "../../../evaluation/terraform/syntax";

const escapeLiteral = (text: string) =>
  text
    .replace(/\\/g, "\\\\")
    .replace(/"/g, '\\"')
    .replace(/\n/g, "\\n")
    .replace(/\$\{/g, () => "$${");

function stepText(step: Step): string {
  return "attr" in step ? `.${step.attr}` : `[${expressionText(step.index)}]`;
}

function templateText(parts: readonly TemplatePart[]): string {
  return `"${parts.map((p) => (typeof p === "string" ? escapeLiteral(p) : p.source)).join("")}"`;
}

export function expressionText(expr: Expr): string {
  switch (expr.kind) {
    case "literal":
      return typeof expr.value === "string" ? `"${escapeLiteral(expr.value)}"` : JSON.stringify(expr.value);
    case "template":
      return templateText(expr.parts);
    case "ref":
      return `${expr.root}${expr.steps.map(stepText).join("")}`;
    case "access":
      return `${expressionText(expr.target)}${stepText(expr.step)}`;
    case "call":
      return `${expr.name}(${expr.args.map(expressionText).join(", ")}${expr.expandLast ? "..." : ""})`;
    case "tuple":
      return `[${expr.items.map(expressionText).join(", ")}]`;
    case "object":
      return `{ ${expr.entries.map(([k, v]) => `${expressionText(k)} = ${expressionText(v)}`).join(", ")} }`;
    case "unary":
      return `${expr.op}${expressionText(expr.operand)}`;
    case "binary":
      return `(${expressionText(expr.left)} ${expr.op} ${expressionText(expr.right)})`;
    case "conditional":
      return `(${expressionText(expr.test)} ? ${expressionText(expr.then)} : ${expressionText(expr.otherwise)})`;
  }
}
