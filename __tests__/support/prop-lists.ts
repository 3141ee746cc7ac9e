/**
 * The props of the public props interfaces, read from the TypeScript declarations in lib/ (parsed
 * with the compiler API, inherited members included), so a new prop is covered by the catch-all
 * input tests without editing them.
 */
import { readdirSync, readFileSync } from "fs";
import { join } from "path";
import * as ts from "typescript";

const LIB = join(__dirname, "..", "..", "lib");

export interface DeclaredProp {
  readonly name: string;
  readonly optional: boolean;
  /** The declared type as written, e.g. `ServiceAccountRef[]`. */
  readonly type: string;
}

interface DeclaredInterface {
  readonly file: string;
  readonly members: DeclaredProp[];
  readonly extends: string[];
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : [],
  );
}

let declared: Map<string, DeclaredInterface> | undefined;

/** Every exported interface of lib/ by name (parsed once). */
function interfaces(): Map<string, DeclaredInterface> {
  if (declared !== undefined) return declared;
  declared = new Map();
  for (const file of sourceFiles(LIB)) {
    const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
    for (const node of source.statements) {
      if (!ts.isInterfaceDeclaration(node) || !node.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) continue;
      const members = node.members.filter(ts.isPropertySignature).map((m) => ({
        name: m.name.getText(source),
        optional: m.questionToken !== undefined,
        type: m.type?.getText(source) ?? "unknown",
      }));
      const bases = (node.heritageClauses ?? []).flatMap((h) => h.types.map((t) => t.expression.getText(source)));
      if (declared.has(node.name.text)) throw new Error(`two exported interfaces named ${node.name.text} in lib/`);
      declared.set(node.name.text, { file, members, extends: bases });
    }
  }
  return declared;
}

/** The props of one exported interface of lib/, its own and inherited (an Error if it is not declared). */
export function propsOf(interfaceName: string): DeclaredProp[] {
  const found = interfaces().get(interfaceName);
  if (found === undefined) throw new Error(`no exported interface ${interfaceName} in lib/`);
  const inherited = found.extends.flatMap((base) => (interfaces().has(base) ? propsOf(base) : []));
  const own = new Set(found.members.map((m) => m.name));
  return [...inherited.filter((p) => !own.has(p.name)), ...found.members];
}

/** The names of the exported interfaces of lib/ that match `pattern`, e.g. every `...PolicyProps`. */
export function interfacesNamed(pattern: RegExp): string[] {
  return [...interfaces().keys()].filter((name) => pattern.test(name)).sort();
}
