/**
 * The order jest hands suites to its two workers. The long suites go first: the build suites and
 * the type check are each one long child process (tsc, ESLint and Prettier, TypeDoc, the cdktf
 * CLI), and starting them early lets the many short unit suites fill the cores at the end instead
 * of leaving one worker alone with a long tail. Under `npm test` the type check is the only one.
 * The jsii suite goes first of all because it runs the jsii build that the package suite reuses
 * (`__tests__/build/jsii-build.ts`); the package suite follows the other build suites, so that it
 * finds the build done instead of holding a worker while it waits. Within each group, jest's own
 * order (failed first, then slowest by the last run's times, else largest file).
 */
const path = require("path");
const Sequencer = require("@jest/test-sequencer").default;

const BUILDS_PACKAGE = path.join("__tests__", "build", "jsii.test.ts");
const NEEDS_PACKAGE = path.join("__tests__", "build", "package.test.ts");
const TYPE_CHECK = path.join("__tests__", "project", "typecheck.test.ts");
const BUILD = path.join("__tests__", "build") + path.sep;

/** 0: builds the package; 1: other build suites and the type check; 2: needs the package; 3: the rest. */
function group(test) {
  const file = path.relative(test.context.config.rootDir, test.path);
  if (file === BUILDS_PACKAGE) return 0;
  if (file === NEEDS_PACKAGE) return 2;
  return file.startsWith(BUILD) || file === TYPE_CHECK ? 1 : 3;
}

class LongSuitesFirst extends Sequencer {
  sort(tests) {
    const ordered = super.sort(tests);
    return ordered
      .map((test, index) => ({ test, index, group: group(test) }))
      .sort((a, b) => a.group - b.group || a.index - b.index)
      .map(({ test }) => test);
  }
}

module.exports = LongSuitesFirst;
