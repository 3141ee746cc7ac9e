/**
 * The syntax tree of Terraform templates and expressions, as far as synthesized configuration
 * uses them: literals, quoted templates, references, function calls, index and attribute access,
 * tuples, objects, operators and conditionals.
 */

/** A Terraform value: what an expression evaluates to (JSON-shaped; sets are lists). */
export type TfValue = string | number | boolean | null | TfValue[] | { [key: string]: TfValue };

/** One step of a reference: an attribute name or an index expression. */
export type Step = { readonly attr: string } | { readonly index: Expr };

export type Expr =
  | { readonly kind: "literal"; readonly value: TfValue }
  | { readonly kind: "template"; readonly parts: readonly TemplatePart[] }
  | { readonly kind: "ref"; readonly root: string; readonly steps: readonly Step[] }
  | { readonly kind: "call"; readonly name: string; readonly args: readonly Expr[]; readonly expandLast: boolean }
  | { readonly kind: "access"; readonly target: Expr; readonly step: Step }
  | { readonly kind: "tuple"; readonly items: readonly Expr[] }
  | { readonly kind: "object"; readonly entries: readonly (readonly [Expr, Expr])[] }
  | { readonly kind: "unary"; readonly op: string; readonly operand: Expr }
  | { readonly kind: "binary"; readonly op: string; readonly left: Expr; readonly right: Expr }
  | { readonly kind: "conditional"; readonly test: Expr; readonly then: Expr; readonly otherwise: Expr };

/** Literal text, or an interpolation with the source text it was written as. */
export type TemplatePart = string | { readonly expr: Expr; readonly source: string };

/** The source text could not be parsed as a Terraform template or expression. */
export class TerraformSyntaxError extends Error {}
