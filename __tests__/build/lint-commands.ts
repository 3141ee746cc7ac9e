/**
 * The commands of `npm run lint`, read from package.json, so that the lint test runs exactly what
 * `npm run lint` runs: same binaries, same arguments, same cache locations. (The test used to spell
 * the ESLint cache as a file where `npm run lint` keeps a folder, so whichever ran second crashed
 * with EEXIST or wrote beside the other's cache.)
 */
import { readFileSync } from "fs";
import { join } from "path";

const ROOT = join(__dirname, "..", "..");

/** One command of the script: the package binary's JavaScript entry and its arguments. */
export interface LintCommand {
  readonly tool: string;
  readonly script: string;
  readonly args: string[];
}

/** Splits one shell command into words: whitespace separates, double quotes group (no escapes inside). */
export function shellWords(command: string): string[] {
  const words: string[] = [];
  for (const m of command.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)) words.push(m[1] ?? m[2] ?? m[3]);
  return words;
}

/** The script of a package binary, from its package.json `bin`. */
function binScript(tool: string): string {
  const dir = join(ROOT, "node_modules", tool);
  const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
  const bin = typeof pkg.bin === "string" ? pkg.bin : pkg.bin[tool];
  return join(dir, bin);
}

/** The `&&`-separated commands of a package.json script. */
export function scriptCommands(script: string): LintCommand[] {
  return script.split("&&").map((part) => {
    const [tool, ...args] = shellWords(part.trim());
    return { tool, script: binScript(tool), args };
  });
}

/** The commands of `npm run lint`. */
export function lintCommands(): LintCommand[] {
  const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
  return scriptCommands(pkg.scripts.lint);
}
