/**
 * IAM string patterns: policy variables (`${aws:PrincipalTag/team}`, `${*}`, defaults such as
 * `${aws:username, 'nobody'}`) and the `*` / `?` wildcards of Action, Resource and the *Like operators.
 */
import { escapeRegExp, iamGlobSource } from "../facts/iam";

/** Looks up the value of a policy variable (a condition key, matched without regard to case). */
export type VariableLookup = (key: string) => string | undefined;

/** A piece of a pattern: text written in the policy (wildcards active) or a variable's value (literal). */
export interface PatternPiece {
  readonly text: string;
  readonly literal: boolean;
}

const VARIABLE = /\$\{([^}]*)\}/g;

/**
 * Splits a policy value on its `${...}` variables and substitutes them. Returns `undefined` when a
 * variable has no value and no default: IAM then treats the element as matching nothing. Without a
 * lookup (policy Version 2008-10-17) `${...}` is plain text.
 */
export function substitute(template: string, lookup: VariableLookup | undefined): PatternPiece[] | undefined {
  if (lookup === undefined) return [{ text: template, literal: false }];
  const pieces: PatternPiece[] = [];
  let last = 0;
  for (const match of template.matchAll(VARIABLE)) {
    const index = match.index ?? 0;
    pieces.push({ text: template.slice(last, index), literal: false });
    const value = variableValue(match[1], lookup);
    if (value === undefined) return undefined;
    pieces.push({ text: value, literal: true });
    last = index + match[0].length;
  }
  pieces.push({ text: template.slice(last), literal: false });
  return pieces.filter((p) => p.text !== "");
}

function variableValue(body: string, lookup: VariableLookup): string | undefined {
  const trimmed = body.trim();
  // ${*}, ${?} and ${$} stand for the characters themselves.
  if (trimmed === "*" || trimmed === "?" || trimmed === "$") return trimmed;
  const m = /^([^,]+?)\s*(?:,\s*'([^']*)')?$/.exec(trimmed);
  if (m === null) return undefined;
  return lookup(m[1]) ?? m[2];
}

/** The text of a substituted pattern, wildcards kept as written (for the *Equals operators). */
export function piecesText(pieces: readonly PatternPiece[]): string {
  return pieces.map((p) => p.text).join("");
}

/** A regular expression for a substituted pattern: `*` any run of characters, `?` one character. */
export function piecesRegExp(pieces: readonly PatternPiece[], ignoreCase = false): RegExp {
  const source = pieces.map((p) => (p.literal ? escapeRegExp(p.text) : iamGlobSource(p.text))).join("");
  return new RegExp(`^${source}$`, ignoreCase ? "is" : "s");
}

const ARN_PARTS = 6;

/** An ARN split into its six colon-separated components (the last keeps its colons), or undefined. */
export function splitArn(arn: string): string[] | undefined {
  const parts = arn.split(":");
  if (parts.length < ARN_PARTS || parts[0] !== "arn") return undefined;
  return [...parts.slice(0, ARN_PARTS - 1), parts.slice(ARN_PARTS - 1).join(":")];
}

/** Splits a substituted pattern into six ARN components on the colons written in the policy. */
function splitArnPattern(pieces: readonly PatternPiece[]): PatternPiece[][] | undefined {
  const parts: PatternPiece[][] = [[]];
  for (const piece of pieces) {
    if (piece.literal) {
      parts[parts.length - 1].push(piece);
      continue;
    }
    const chunks = piece.text.split(":");
    chunks.forEach((chunk, i) => {
      if (i > 0) {
        if (parts.length < ARN_PARTS) parts.push([]);
        else parts[parts.length - 1].push({ text: ":", literal: true });
      }
      if (chunk !== "") parts[parts.length - 1].push({ text: chunk, literal: false });
    });
  }
  if (parts[0].length !== 1 || parts[0][0].text !== "arn" || parts[0][0].literal) return undefined;
  // A short ARN (e.g. partition, service and region only) stands for one whose missing components are `*`.
  while (parts.length < ARN_PARTS) parts.push([{ text: "*", literal: false }]);
  return parts;
}

/**
 * ARN matching as IAM does it for Resource and the Arn* operators: component by component, so that
 * a wildcard never spans a colon of the first five components; a short ARN pattern matches as if its
 * missing components were `*`. A pattern or value that is not an ARN is matched as a whole.
 */
export function arnMatches(pieces: readonly PatternPiece[], value: string): boolean {
  const patternParts = splitArnPattern(pieces);
  const valueParts = splitArn(value);
  if (patternParts === undefined || valueParts === undefined) return piecesRegExp(pieces).test(value);
  return patternParts.every((part, i) => piecesRegExp(part).test(valueParts[i]));
}
