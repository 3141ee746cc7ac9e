/**
 * `npm run lint` as a test, so that `npm run test:all` (CI) runs it in parallel with the rest: ESLint
 * (typescript-eslint) and Prettier's check (lines of at most 140 columns), both at once, each with
 * its content-keyed cache in node_modules/.cache (a fresh clone checks every file; later runs only
 * the files that changed). The commands are read from package.json (./lint-commands.ts), so the
 * test and `npm run lint` share their caches and run in either order.
 */
import { execFile } from "child_process";
import { rmSync, statSync } from "fs";
import { join } from "path";
import { lintCommands, LintCommand } from "./lint-commands";
import { BUILD_TIMEOUT_MS } from "../support/build-timeout";

const ROOT = join(__dirname, "..", "..");

function run(command: LintCommand): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((resolve) =>
    execFile(process.execPath, [command.script, ...command.args], { cwd: ROOT, encoding: "utf8" }, (error, stdout, stderr) =>
      resolve({ status: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    ),
  );
}

const commands = lintCommands();
// Older versions of this test left ESLint's cache as a FILE where npm run lint keeps a folder; it is
// only a cache, so it goes.
const staleCache = join(ROOT, "node_modules", ".cache", "eslint");
if (statSync(staleCache, { throwIfNoEntry: false })?.isFile()) rmSync(staleCache);
const byTool = (tool: string) => {
  const found = commands.find((c) => c.tool === tool);
  if (found === undefined) throw new Error(`npm run lint has no ${tool} command`);
  return found;
};
const eslint = run(byTool("eslint"));
const prettier = run(byTool("prettier"));

test("the lint test runs npm run lint's two commands, with its caches: ESLint's cache is a folder", () => {
  expect(commands.map((c) => c.tool)).toEqual(["eslint", "prettier"]);
  const cache = (c: LintCommand) => c.args[c.args.indexOf("--cache-location") + 1];
  // A trailing slash makes ESLint keep a folder (one file per working directory inside).
  expect(cache(byTool("eslint"))).toBe("node_modules/.cache/eslint/");
  expect(cache(byTool("prettier"))).toBe("node_modules/.cache/prettier/cache.json");
});

test(
  "eslint finds nothing",
  async () => {
    const result = await eslint;
    expect(result.stdout + result.stderr).toBe("");
    expect(result.status).toBe(0);
  },
  BUILD_TIMEOUT_MS,
);

test(
  "prettier finds every file formatted",
  async () => {
    const result = await prettier;
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
  },
  BUILD_TIMEOUT_MS,
);
