/**
 * Terraform's regular expressions are RE2 (Go's regexp). This turns the RE2 spellings that differ
 * from JavaScript into JavaScript ones, and expands Go replacement templates (`$1`, `${1}`,
 * `$name`, `${name}`, `$$`), so that `replace`, `regex` and `regexall` behave as documented.
 */

/** A JavaScript RegExp for an RE2 pattern (named groups, leading flag groups, `\A` and `\z`). */
export function re2(pattern: string, global: boolean): RegExp {
  let source = pattern;
  let flags = global ? "g" : "";
  const leading = /^\(\?([imsU]+)\)/.exec(source);
  if (leading) {
    if (leading[1].includes("U")) throw new Error(`regular expression ${JSON.stringify(pattern)}: the U flag is not supported here`);
    flags += leading[1];
    source = source.slice(leading[0].length);
  }
  source = source
    .replace(/\(\?P</g, "(?<")
    .replace(/\\A/g, "^")
    .replace(/\\z/g, "$(?![\\s\\S])");
  try {
    return new RegExp(source, flags);
  } catch (e) {
    throw new Error(`regular expression ${JSON.stringify(pattern)} is not valid: ${(e as Error).message}`);
  }
}

/** The capture groups of one match, by number and by name. */
export interface Captures {
  readonly numbered: readonly (string | undefined)[];
  readonly named: { readonly [name: string]: string | undefined };
}

export function capturesOf(match: RegExpExecArray): Captures {
  return { numbered: [...match], named: match.groups ?? {} };
}

/** Go's Regexp.Expand: `$name` takes the longest run of letters, digits and `_`; an unknown group is empty. */
export function expandReplacement(template: string, captures: Captures): string {
  return template.replace(/\$(\$|\{([A-Za-z0-9_]+)\}|([A-Za-z0-9_]+))/g, (whole, all: string, braced?: string, bare?: string) => {
    if (all === "$") return "$";
    const name = braced ?? bare;
    if (name === undefined) return whole;
    if (/^\d+$/.test(name)) return captures.numbered[Number(name)] ?? "";
    return captures.named[name] ?? "";
  });
}

/** `replace` with a `/regex/` substring: every match replaced, the replacement expanded per match. */
export function replaceAll(text: string, pattern: string, replacement: string): string {
  const re = re2(pattern, true);
  let result = "";
  let last = 0;
  for (const match of text.matchAll(re)) {
    const index = match.index ?? 0;
    result += text.slice(last, index) + expandReplacement(replacement, capturesOf(match as RegExpExecArray));
    last = index + match[0].length;
  }
  return result + text.slice(last);
}
