/**
 * Values of a partial evaluation: what Terraform knows before plan (literals, locals, variables,
 * `each`, `file()`...) is computed; what it knows only at plan or apply (a resource's `arn`, a data
 * source's `url`) stays a {@link Pending} value that carries its Terraform template text, e.g.
 * `${aws_iam_openid_connect_provider.this.arn}`. Lists and objects may hold pending leaves.
 */
import { TfValue } from "../../../evaluation/terraform/syntax";

/** A value known only later, as Terraform template text (`${...}` interpolations, `$${` for a literal `${`). */
export class Pending {
  constructor(readonly template: string) {}
}

export type PValue = string | number | boolean | null | Pending | PValue[] | { [key: string]: PValue };

/** A literal string as Terraform template text: `${` and `%{` escaped. */
export const escapeTemplate = (text: string): string => text.replace(/([$%])\{/g, (_m, sigil: string) => `${sigil}${sigil}{`);

export function hasPending(value: PValue): boolean {
  if (value instanceof Pending) return true;
  if (Array.isArray(value)) return value.some(hasPending);
  if (value !== null && typeof value === "object") return Object.values(value).some(hasPending);
  return false;
}

/** A fully known value as a plain Terraform value (call only when `hasPending` is false). */
export const known = (value: PValue): TfValue => value as TfValue;

/** The value as Terraform JSON syntax: strings escaped, pending leaves as their template text. */
export function toTerraformJson(value: PValue): unknown {
  if (value instanceof Pending) return value.template;
  if (typeof value === "string") return escapeTemplate(value);
  if (Array.isArray(value)) return value.map(toTerraformJson);
  // Object keys are already template text (see PartialEvaluator).
  if (value !== null && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toTerraformJson(v)]));
  return value;
}

/**
 * `jsonencode` of a value with pending leaves: the JSON text, as a template in which each pending
 * leaf is its interpolation inside a JSON string (keys in lexical order, as Terraform writes them).
 */
export function jsonencodeTemplate(value: PValue): string {
  if (value instanceof Pending) return JSON.stringify(value.template);
  if (typeof value === "string") return escapeTemplate(JSON.stringify(value));
  if (Array.isArray(value)) return `[${value.map(jsonencodeTemplate).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${jsonencodeTemplate(value[k])}`).join(",")}}`;
  }
  return JSON.stringify(value);
}
