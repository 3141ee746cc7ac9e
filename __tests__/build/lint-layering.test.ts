/**
 * Layering that stays enforced (issue 19): one internal door (lib/internal.ts) for the app, kept by
 * ESLint's `no-restricted-imports` in eslint.config.mjs, which also keeps the examples on the public
 * API. ESLint itself runs in the lint test beside this one.
 */
import { spawnSync } from "child_process";
import { join } from "path";
import { BUILD_TIMEOUT_MS } from "../support/build-timeout";

const ROOT = join(__dirname, "..", "..");

const FORBIDDEN: [string, string][] = [
  ["app/x.ts", 'import { x } from "../lib/irsa/irsa-role";'],
  ["app/x.ts", 'import { x } from "../lib/validation/validator";'],
  ["examples/x/main.ts", 'import { x } from "../../lib/internal";'],
  ["examples/x/main.ts", 'import { x } from "../../lib/kubernetes/annotations";'],
  ["examples/testing/x/y.test.ts", 'import { x } from "../../../lib/irsa/irsa-role";'],
];
const ALLOWED: [string, string][] = [
  ["app/x.ts", 'import { x } from "../lib";'],
  ["app/x.ts", 'import { x } from "../lib/internal";'],
  ["app/x.ts", 'import { x } from "@cdktf/provider-aws/lib/iam-role";'],
  ["examples/x/main.ts", 'import { x } from "../../lib";'],
  ["examples/x/main.ts", 'import { x } from "../../lib/testing";'],
];

test(
  "ESLint keeps app/ and examples/ on the public API (and app/ on the internal door)",
  () => {
    // ESLint's API loads eslint.config.mjs with a dynamic import, which jest's VM cannot do: one node process lints every case.
    const script = `
    const { ESLint } = require("eslint");
    const cases = JSON.parse(process.argv[1]);
    const eslint = new ESLint({ cwd: process.cwd() });
    Promise.all(cases.map(async ([file, source]) => {
      const filePath = require("path").join(process.cwd(), file);
      const [result] = await eslint.lintText(source + "\\nexport const used = x;\\n", { filePath });
      return result.messages.filter((m) => m.ruleId === "no-restricted-imports").length;
    })).then((counts) => console.log(JSON.stringify(counts)));`;
    const cases = [...FORBIDDEN, ...ALLOWED];
    const run = spawnSync(process.execPath, ["-e", script, JSON.stringify(cases)], { cwd: ROOT, encoding: "utf8" });
    expect(run.stderr).toBe("");
    const counts: number[] = JSON.parse(run.stdout);
    expect(cases.map(([file, source], i) => `${counts[i]} ${file}: ${source}`)).toEqual([
      ...FORBIDDEN.map(([file, source]) => `1 ${file}: ${source}`),
      ...ALLOWED.map(([file, source]) => `0 ${file}: ${source}`),
    ]);
  },
  BUILD_TIMEOUT_MS,
);
