/**
 * One jsii build per test run, shared by the build tests that need the compiled package (the npm
 * package test and the jsii/Python test run in different jest workers). The first caller runs
 * `npm run build` (scripts/build.js: a clean dist/, then jsii); the others wait for it. The build is
 * reused while its inputs (lib/, package.json, tsconfig.jsii.json, scripts/build.js) are unchanged:
 * a stamp in dist/ records their hash, so a changed or deleted source file means a fresh build.
 */
import { createHash } from "crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "fs";
import { dirname, join, relative } from "path";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { build } = require("../../scripts/build.js") as { build: (root: string, stdio: string) => { status: number; output: string } };

export const ROOT = join(__dirname, "..", "..");
const STAMP = join(ROOT, "dist", ".build-inputs");
// In node_modules/.cache, where ESLint and Prettier do not look: in the project root, the lint test
// walking the folder beside a running build crashed on the lock vanishing under it (ENOENT).
export const LOCK = join(ROOT, "node_modules", ".cache", "irsa-build.lock");

function inputsHash(): string {
  const hash = createHash("sha256");
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true })
      .sort((a, b) => a.name.localeCompare(b.name))
      .flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
  for (const file of [
    ...files(join(ROOT, "lib")),
    ...["package.json", "tsconfig.jsii.json", "scripts/build.js"].map((f) => join(ROOT, f)),
  ]) {
    hash.update(relative(ROOT, file)).update("\0").update(readFileSync(file)).update("\0");
  }
  return hash.digest("hex");
}

function isBuilt(hash: string): boolean {
  return existsSync(join(ROOT, ".jsii")) && existsSync(STAMP) && readFileSync(STAMP, "utf8") === hash;
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Builds the package (dist/ and .jsii) unless this run or an earlier one already built these inputs; returns jsii's output. */
export function buildOnce(): string {
  const hash = inputsHash();
  const deadline = Date.now() + 240_000;
  mkdirSync(dirname(LOCK), { recursive: true });
  for (;;) {
    if (isBuilt(hash)) return "(built earlier from the same inputs)";
    try {
      mkdirSync(LOCK); // atomic: one builder at a time
    } catch {
      // Another worker is building; a lock older than the deadline is left over from a killed run.
      // (It may also have gone since mkdir failed: then the next round takes it.)
      const since = statSync(LOCK, { throwIfNoEntry: false })?.mtimeMs ?? Date.now();
      if (Date.now() - since > 240_000) rmSync(LOCK, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`waited 240 s for ${LOCK}`);
      sleep(500);
      continue;
    }
    try {
      if (isBuilt(hash)) return "(built by another worker)";
      const { status, output } = build(ROOT, "pipe");
      if (status !== 0) throw new Error(`npm run build (jsii) failed:\n${output}`);
      writeFileSync(STAMP, hash);
      return output;
    } finally {
      rmSync(LOCK, { recursive: true, force: true });
    }
  }
}
