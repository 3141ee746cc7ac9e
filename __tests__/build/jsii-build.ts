/**
 * One jsii build per test run, shared by the build tests that need the compiled package (the npm
 * package test and the jsii/Python test run in different jest workers). The first caller runs
 * `npm run build` (scripts/build.js: a clean dist/, then jsii); the others wait for it. The build is
 * reused while its inputs (lib/, package.json, tsconfig.jsii.json, scripts/build.js) are unchanged:
 * a stamp in dist/ records their hash, so a changed or deleted source file means a fresh build.
 * The lock holds its builder's pid: a waiter waits while that process runs, and takes over a lock
 * whose builder is gone.
 */
import { createHash } from "crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "fs";
import { dirname, join, relative } from "path";
import { BUILD_TIMEOUT_MS } from "../support/build-timeout";

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

/** The pid of the lock's builder, or undefined when it has not written it (yet). */
function ownerOf(lock: string): number | undefined {
  const text = existsSync(join(lock, "pid")) ? readFileSync(join(lock, "pid"), "utf8") : "";
  return /^\d+$/.test(text) ? Number(text) : undefined;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Removes the lock when its builder is gone (a killed run): its process has ended, or it never
 * wrote its pid within a minute. Moved aside first (atomic), and put back if what was moved turns
 * out to be a newer, live builder's lock, so two waiters cannot remove each other's locks.
 */
export function removeIfAbandoned(lock = LOCK): void {
  const owner = ownerOf(lock);
  const age = () => Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
  if (owner === undefined ? age() < 60_000 : isRunning(owner)) return;
  const aside = `${lock}.${process.pid}`;
  try {
    renameSync(lock, aside);
  } catch {
    return; // another waiter moved it first
  }
  if (ownerOf(aside) === owner) rmSync(aside, { recursive: true, force: true });
  else renameSync(aside, lock);
}

/** Builds the package (dist/ and .jsii) unless this run or an earlier one already built these inputs; returns jsii's output. */
export function buildOnce(): string {
  const hash = inputsHash();
  const deadline = Date.now() + BUILD_TIMEOUT_MS;
  mkdirSync(dirname(LOCK), { recursive: true });
  for (;;) {
    if (isBuilt(hash)) return "(built earlier from the same inputs)";
    try {
      mkdirSync(LOCK); // atomic: one builder at a time
    } catch {
      // Another worker is building: wait for it, however long a busy machine makes the build.
      removeIfAbandoned();
      if (Date.now() > deadline) throw new Error(`waited ${BUILD_TIMEOUT_MS / 1000} s for ${LOCK}`);
      sleep(500);
      continue;
    }
    try {
      writeFileSync(join(LOCK, "pid"), String(process.pid));
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
