/**
 * A parser for Terraform's template and expression syntax (HCL native syntax), written from the
 * Terraform language documentation: `${...}` interpolations with `$${` and `%%{` escapes, quoted
 * strings with backslash escapes, identifiers that may contain `-`, references with `.attr`,
 * `[index]` and legacy `.0` steps, function calls (with `...` expansion), tuples, objects, and the
 * operators by their documented precedence. Template directives (`%{if}`, `%{for}`) are not
 * supported: synthesized configuration does not use them.
 */
import { Expr, Step, TemplatePart, TerraformSyntaxError } from "./syntax";

/** Operators from lowest to highest precedence, as the Terraform documentation lists them. */
const BINARY_LEVELS: readonly (readonly string[])[] = [["||"], ["&&"], ["==", "!="], ["<=", ">=", "<", ">"], ["+", "-"], ["*", "/", "%"]];

const IDENT_START = /[A-Za-z_]/;
const IDENT_CHAR = /[A-Za-z0-9_-]/;

/** Templates already parsed (their parts are never changed by readers), or the message they failed with. */
const parsedTemplates = new Map<string, readonly TemplatePart[] | string>();
/** The cache is emptied when it holds this many: memory stays bounded on any input. */
const PARSED_TEMPLATES_LIMIT = 10_000;

/** Parses a template, e.g. a string value of a `.tf.json` file: literal text and `${...}` interpolations. */
export function parseTemplate(text: string): TemplatePart[] {
  // Without `$` or `%` there is nothing to interpret (no interpolation, directive or escape): the text is the template.
  if (text.indexOf("$") < 0 && text.indexOf("%") < 0) return text === "" ? [] : [text];
  let parsed = parsedTemplates.get(text);
  if (parsed === undefined) {
    try {
      parsed = new Parser(text).templateUntil(undefined, false);
    } catch (e) {
      if (!(e instanceof TerraformSyntaxError)) throw e;
      parsed = e.message;
    }
    if (parsedTemplates.size >= PARSED_TEMPLATES_LIMIT) parsedTemplates.clear();
    parsedTemplates.set(text, parsed);
  }
  if (typeof parsed === "string") throw new TerraformSyntaxError(parsed);
  return [...parsed];
}

/** Parses one expression, e.g. a reference given as an option (`data.aws_eks_cluster.c.identity[0].oidc[0].issuer`). */
export function parseExpression(text: string): Expr {
  const p = new Parser(text);
  const expr = p.expression();
  p.space();
  if (!p.atEnd()) p.fail("unexpected text after the expression");
  return expr;
}

class Parser {
  private pos = 0;

  constructor(private readonly text: string) {}

  atEnd = (): boolean => this.pos >= this.text.length;

  fail(why: string): never {
    throw new TerraformSyntaxError(`${why} at offset ${this.pos} of ${JSON.stringify(this.text)}`);
  }

  space(): void {
    while (!this.atEnd() && /\s/.test(this.text[this.pos])) this.pos++;
  }

  private peek(token: string): boolean {
    return this.text.startsWith(token, this.pos);
  }

  private eat(token: string): boolean {
    this.space();
    if (!this.peek(token)) return false;
    this.pos += token.length;
    return true;
  }

  private expect(token: string): void {
    if (!this.eat(token)) this.fail(`expected "${token}"`);
  }

  /** Template text up to the closing quote (quoted strings) or the end (top level). */
  templateUntil(quote: '"' | undefined, escapes: boolean): TemplatePart[] {
    const parts: TemplatePart[] = [];
    let literal = "";
    for (;;) {
      if (this.atEnd()) {
        if (quote !== undefined) this.fail("unterminated string");
        break;
      }
      const ch = this.text[this.pos];
      if (quote !== undefined && ch === quote) {
        this.pos++;
        break;
      }
      if (this.peek("$${") || this.peek("%%{")) {
        literal += `${ch}{`;
        this.pos += 3;
      } else if (this.peek("%{")) {
        this.fail("template directives (%{...}) are not supported");
      } else if (this.peek("${")) {
        if (literal !== "") parts.push(literal);
        literal = "";
        parts.push(this.interpolation());
      } else if (escapes && ch === "\\") {
        literal += this.escape();
      } else {
        literal += ch;
        this.pos++;
      }
    }
    if (literal !== "") parts.push(literal);
    return parts;
  }

  private interpolation(): TemplatePart {
    const start = this.pos;
    this.pos += 2;
    this.eat("~");
    const expr = this.expression();
    this.eat("~");
    this.expect("}");
    return { expr, source: this.text.slice(start, this.pos) };
  }

  private escape(): string {
    const next = this.text[this.pos + 1];
    const simple: { [c: string]: string } = { n: "\n", r: "\r", t: "\t", '"': '"', "\\": "\\" };
    if (simple[next] !== undefined) {
      this.pos += 2;
      return simple[next];
    }
    const unicode = /^\\(?:u([0-9a-fA-F]{4})|U([0-9a-fA-F]{8}))/.exec(this.text.slice(this.pos, this.pos + 10));
    if (unicode === null) this.fail("invalid escape sequence");
    this.pos += unicode[0].length;
    return String.fromCodePoint(parseInt(unicode[1] ?? unicode[2], 16));
  }

  expression(): Expr {
    const test = this.binary(0);
    if (!this.eat("?")) return test;
    const then = this.expression();
    this.expect(":");
    return { kind: "conditional", test, then, otherwise: this.expression() };
  }

  private binary(level: number): Expr {
    if (level === BINARY_LEVELS.length) return this.unary();
    let left = this.binary(level + 1);
    for (;;) {
      this.space();
      // Two-character operators come first in their level, so "<=" is not read as "<".
      const op = BINARY_LEVELS[level].find((o) => this.peek(o));
      if (op === undefined) return left;
      this.pos += op.length;
      left = { kind: "binary", op, left, right: this.binary(level + 1) };
    }
  }

  private unary(): Expr {
    if (this.eat("!")) return { kind: "unary", op: "!", operand: this.unary() };
    if (this.eat("-")) return { kind: "unary", op: "-", operand: this.unary() };
    return this.postfix(this.primary());
  }

  private postfix(expr: Expr): Expr {
    let result = expr;
    for (;;) {
      const step = this.step();
      if (step === undefined) return result;
      result = result.kind === "ref" ? { ...result, steps: [...result.steps, step] } : { kind: "access", target: result, step };
    }
  }

  private step(): Step | undefined {
    this.space();
    if (this.peek("[")) {
      this.pos++;
      const index = this.expression();
      this.expect("]");
      return { index };
    }
    if (this.peek(".") && !this.peek("...")) {
      this.pos++;
      const legacyIndex = /^\d+/.exec(this.text.slice(this.pos));
      if (legacyIndex) {
        this.pos += legacyIndex[0].length;
        return { index: { kind: "literal", value: Number(legacyIndex[0]) } };
      }
      return { attr: this.identifier() };
    }
    return undefined;
  }

  private identifier(): string {
    this.space();
    if (this.atEnd() || !IDENT_START.test(this.text[this.pos])) this.fail("expected a name");
    const start = this.pos;
    while (!this.atEnd() && IDENT_CHAR.test(this.text[this.pos])) this.pos++;
    return this.text.slice(start, this.pos);
  }

  private primary(): Expr {
    this.space();
    if (this.atEnd()) this.fail("expected an expression");
    const ch = this.text[this.pos];
    if (ch === '"') {
      this.pos++;
      const parts = this.templateUntil('"', true);
      return parts.every((p) => typeof p === "string") ? { kind: "literal", value: parts.join("") } : { kind: "template", parts };
    }
    if (/[0-9]/.test(ch)) return this.number();
    if (ch === "(") {
      this.pos++;
      const inner = this.expression();
      this.expect(")");
      return inner;
    }
    if (ch === "[") return this.tuple();
    if (ch === "{") return this.object();
    const name = this.identifier();
    if (name === "true" || name === "false") return { kind: "literal", value: name === "true" };
    if (name === "null") return { kind: "literal", value: null };
    if (this.eat("(")) return this.call(name);
    return { kind: "ref", root: name, steps: [] };
  }

  private number(): Expr {
    const m = /^\d+(\.\d+)?([eE][+-]?\d+)?/.exec(this.text.slice(this.pos));
    if (m === null) this.fail("expected a number");
    this.pos += m[0].length;
    return { kind: "literal", value: Number(m[0]) };
  }

  private call(name: string): Expr {
    const args: Expr[] = [];
    let expandLast = false;
    while (!this.eat(")")) {
      if (args.length > 0) this.expect(",");
      if (this.eat(")")) break;
      args.push(this.expression());
      if (this.eat("...")) expandLast = true;
    }
    return { kind: "call", name, args, expandLast };
  }

  private tuple(): Expr {
    this.pos++;
    const items: Expr[] = [];
    while (!this.eat("]")) {
      items.push(this.expression());
      if (!this.eat(",")) {
        this.expect("]");
        break;
      }
    }
    return { kind: "tuple", items };
  }

  private object(): Expr {
    this.pos++;
    const entries: [Expr, Expr][] = [];
    while (!this.eat("}")) {
      const key = this.expression();
      const bareName = key.kind === "ref" && key.steps.length === 0 ? key.root : undefined;
      if (!this.eat("=") && !this.eat(":")) this.fail('expected "=" or ":" in an object');
      entries.push([bareName === undefined ? key : { kind: "literal", value: bareName }, this.expression()]);
      this.eat(",");
    }
    return { kind: "object", entries };
  }
}
