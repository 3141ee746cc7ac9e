/**
 * `tsc --noEmit` over the whole project (lib, app, tests, examples, bench). jest only transpiles
 * (sucrase, jest-transform.js), so this is where type errors fail the suite; as a test it runs in
 * parallel with the others. Incremental, with its build info in node_modules/.cache: a fresh clone
 * checks everything, later runs what changed and what depends on it.
 */
import { spawnSync } from "child_process";
import { readFileSync } from "fs";
import { join } from "path";
import { filesUnder } from "../support/files";
import { BUILD_TIMEOUT_MS } from "../support/build-timeout";

test(
  "the project type-checks (strict)",
  () => {
    const root = join(__dirname, "..", "..");
    const tsc = spawnSync(
      process.execPath,
      [
        join(root, "node_modules", "typescript", "bin", "tsc"),
        "--noEmit",
        "--incremental",
        "--tsBuildInfoFile",
        join(root, "node_modules", ".cache", "tsc", "typecheck.tsbuildinfo"),
        "-p",
        root,
      ],
      {
        encoding: "utf8",
      },
    );
    expect(tsc.stdout + tsc.stderr).toBe("");
    expect(tsc.status).toBe(0);
  },
  BUILD_TIMEOUT_MS,
);

test("no source file imports a prebuilt provider from its package root (seconds and ~1 GB per process)", () => {
  const root = join(__dirname, "..", "..");
  const rootImport = /(from\s+|require\(\s*)["']@cdktf\/provider-(aws|kubernetes|tls)["']/;
  const files = ["main.ts", ...["lib", "app", "__tests__", "examples", "bench"].flatMap((dir) => filesUnder(root, dir, /\.(ts|js)$/))];
  expect(files.length).toBeGreaterThan(30);
  expect(files.filter((f) => rootImport.test(readFileSync(join(root, f), "utf8")))).toEqual([]);
});
