/**
 * `tsc --noEmit` over the whole project (lib, app, tests, examples, bench). jest only transpiles
 * (ts-jest isolatedModules), so this is where type errors fail the suite; as a test it runs in
 * parallel with the others.
 */
import { spawnSync } from "child_process";
import { join } from "path";

test("the project type-checks (strict)", () => {
  const root = join(__dirname, "..");
  const tsc = spawnSync(process.execPath, [join(root, "node_modules", "typescript", "bin", "tsc"), "--noEmit", "-p", root], { encoding: "utf8" });
  expect(tsc.stdout + tsc.stderr).toBe("");
  expect(tsc.status).toBe(0);
}, 60000);
