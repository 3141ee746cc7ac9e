/**
 * Reading the text of one input safely: JSON and HCL parse errors as one line with line and
 * column, and input nested deeper than any real configuration refused before a parser or a reader
 * recurses into it (100,000-deep input is exit 2, never a stack overflow).
 */
import type { HclParse } from "./hcl-workers";
import { InputError } from "./input-error";

/** No real Terraform configuration, plan or export nests anywhere near this deep. */
export const MAX_NESTING = 200;

/** 1-based line and column of a character offset. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf("\n"); i >= 0 && i < offset; i = text.indexOf("\n", i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: offset - start + 1 };
}

/**
 * The deepest nesting of brackets and braces (and `(`) outside string literals, stopping as soon as
 * it passes the limit. Strings are skipped by their quotes; HCL heredocs hold no brackets that count.
 */
export function nestingExceeds(text: string, limit = MAX_NESTING): { line: number; column: number } | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 92 /* \ */) i++;
      else if (ch === 34 /* " */) inString = false;
      // `${` inside a string opens an expression that may nest too.
      else if (ch === 123 /* { */ && text.charCodeAt(i - 1) === 36) depth++;
      continue;
    }
    if (ch === 34) inString = true;
    else if (ch === 91 || ch === 123 || ch === 40) {
      if (++depth > limit) return lineAndColumn(text, i);
    } else if (ch === 93 || ch === 125 || ch === 41) depth = Math.max(0, depth - 1);
  }
  return undefined;
}

function refuseDeepNesting(path: string, text: string): void {
  const at = nestingExceeds(text);
  if (at !== undefined)
    throw new InputError(`${path}:${at.line}:${at.column}: nested more than ${MAX_NESTING} levels deep; not a configuration this reads`);
}

/** JSON text, parsed; a syntax error names its line and column. */
export function parseJsonText(path: string, text: string): unknown {
  refuseDeepNesting(path, text);
  try {
    return JSON.parse(text);
  } catch (e) {
    const message = (e as Error).message;
    const position = /at position (\d+)/.exec(message);
    const reason = message.replace(/\s*in JSON at position \d+.*$/, "").replace(/\s*\(line \d+ column \d+\)$/, "");
    if (position === null) throw new InputError(`${path}: not valid JSON (${reason})`);
    const { line, column } = lineAndColumn(text, Number(position[1]));
    throw new InputError(`${path}:${line}:${column}: not valid JSON (${reason})`);
  }
}

/** The parser on this thread, loaded on first use (it is large, and most inputs are not HCL). */
const parseHere: HclParse = (path, text) => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { parse } = require("@cdktf/hcl2json") as typeof import("@cdktf/hcl2json");
  return parse(path, text);
};

/**
 * HCL text, parsed by HashiCorp's parser (`@cdktf/hcl2json`), on this thread or by `parse` (a
 * worker thread, see hcl-workers.ts); a syntax error names its line and column.
 */
export async function parseHclText(path: string, text: string, parse: HclParse = parseHere): Promise<{ [key: string]: unknown }> {
  refuseDeepNesting(path, text);
  try {
    return (await parse(path, text)) as { [key: string]: unknown };
  } catch (e) {
    const message = String((e as Error)?.message ?? e);
    // "parse config: [main.tf:2,7-3,1: Invalid expression; Expected the start of an expression, ...]"
    const m = /:(\d+),(\d+)(?:-\d+(?:,\d+)?)?: ([^\]]*)/.exec(message);
    if (m === null) throw new InputError(`${path}: not valid HCL (${message.replace(/\s+/g, " ").trim()})`);
    throw new InputError(`${path}:${m[1]}:${m[2]}: not valid HCL (${m[3].replace(/\s+/g, " ").trim()})`);
  }
}
