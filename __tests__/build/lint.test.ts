/**
 * `npm run lint` as a test, so that `npm test` runs it in parallel with the rest: ESLint
 * (typescript-eslint) and Prettier's check (lines of at most 140 columns), both at once, each with
 * its content-keyed cache in node_modules/.cache (a fresh clone checks every file; later runs only
 * the files that changed).
 */
import { execFile } from "child_process";
import { join } from "path";

const ROOT = join(__dirname, "..", "..");
const bin = (pkg: string, file: string) => join(ROOT, "node_modules", pkg, "bin", file);
const CACHE = join(ROOT, "node_modules", ".cache");

function run(args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((resolve) =>
    execFile(process.execPath, args, { cwd: ROOT, encoding: "utf8" }, (error, stdout, stderr) =>
      resolve({ status: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    ),
  );
}

const eslint = run([
  bin("eslint", "eslint.js"),
  "--max-warnings",
  "0",
  "--cache",
  "--cache-strategy",
  "content",
  "--cache-location",
  join(CACHE, "eslint", ""),
  ".",
]);
const prettier = run([
  bin("prettier", "prettier.cjs"),
  "--check",
  "--cache",
  "--cache-strategy",
  "content",
  "--cache-location",
  join(CACHE, "prettier", "cache.json"),
  "**/*.{ts,js,mjs,json}",
]);

test("eslint finds nothing", async () => {
  const result = await eslint;
  expect(result.stdout + result.stderr).toBe("");
  expect(result.status).toBe(0);
}, 60000);

test("prettier finds every file formatted", async () => {
  const result = await prettier;
  expect(result.stderr).toBe("");
  expect(result.status).toBe(0);
}, 60000);
