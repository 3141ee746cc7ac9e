/**
 * The order jest hands suites to its workers (jest-sequencer.js): the jsii suite (it runs the build)
 * first, the other build suites and the type check next, the package suite (it reuses the build) after them, the unit
 * suites last; jest's own order (here: largest file first, as on a fresh clone) within each group.
 */
import { join } from "path";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const LongSuitesFirst = require("../../jest-sequencer.js");

const ROOT = join(__dirname, "..", "..");

/** Suites as jest describes them, with a file size each and no timing cache (a fresh clone). */
function suites(sizes: { [file: string]: number }) {
  const context = {
    config: { rootDir: ROOT, cache: false, cacheDirectory: ROOT, id: "sequencer-test" },
    hasteFS: { getSize: (path: string) => sizes[path.slice(ROOT.length + 1)] },
  };
  return Object.keys(sizes).map((file) => ({ path: join(ROOT, file), context }));
}

test("jsii first, the other build suites and the type check, the package suite, then the unit suites; largest first in each group", () => {
  const tests = suites({
    "__tests__/irsa/irsa-role.test.ts": 26_000,
    "__tests__/build/package.test.ts": 12_000,
    "__tests__/addresses.test.ts": 900,
    "__tests__/build/lint.test.ts": 2_000,
    "__tests__/build/jsii.test.ts": 5_000,
    "__tests__/project/typecheck.test.ts": 2_500,
    "__tests__/project/layering.test.ts": 2_400,
    "examples/testing/irsa.test.ts": 3_000,
  });
  const order = new LongSuitesFirst().sort(tests).map((t: { path: string }) => t.path.slice(ROOT.length + 1));
  expect(order).toEqual([
    "__tests__/build/jsii.test.ts",
    "__tests__/project/typecheck.test.ts",
    "__tests__/build/lint.test.ts",
    "__tests__/build/package.test.ts",
    "__tests__/irsa/irsa-role.test.ts",
    "examples/testing/irsa.test.ts",
    "__tests__/project/layering.test.ts",
    "__tests__/addresses.test.ts",
  ]);
});

test("jest.config.js uses it", () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  expect(require("../../jest.config.js").testSequencer).toBe("<rootDir>/jest-sequencer.js");
});
