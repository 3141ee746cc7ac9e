/**
 * `npm run lint` as a test, so that `npm test` runs it in parallel with the rest: ESLint
 * (typescript-eslint) and Prettier's check (lines of at most 140 columns).
 */
import { spawnSync } from "child_process";
import { join } from "path";

const ROOT = join(__dirname, "..", "..");
const bin = (pkg: string, file: string) => join(ROOT, "node_modules", pkg, "bin", file);

test("eslint finds nothing", () => {
  const run = spawnSync(process.execPath, [bin("eslint", "eslint.js"), "--max-warnings", "0", "."], { cwd: ROOT, encoding: "utf8" });
  expect(run.stdout + run.stderr).toBe("");
  expect(run.status).toBe(0);
}, 60000);

test("prettier finds every file formatted", () => {
  const run = spawnSync(process.execPath, [bin("prettier", "prettier.cjs"), "--check", "**/*.{ts,js,mjs,json}"], {
    cwd: ROOT,
    encoding: "utf8",
  });
  expect(run.stderr).toBe("");
  expect(run.status).toBe(0);
}, 60000);
