/**
 * Unit and build tests. jest only transpiles (sucrase, jest-transform.js); the type
 * check is one of the build tests (`__tests__/build/typecheck.test.ts`), so it runs in parallel.
 * `npm run test:unit` leaves out __tests__/build/ (tsc, eslint, npm pack, TypeDoc, the real cdktf CLI).
 */
module.exports = {
  testEnvironment: "node",
  // examples/testing/ shows users how to test their stacks; it runs with the suite.
  roots: ["<rootDir>/__tests__", "<rootDir>/examples"],
  testMatch: ["**/*.test.ts"],
  transform: {
    "^.+\\.tsx?$": "<rootDir>/jest-transform.js",
  },
  setupFilesAfterEnv: ["<rootDir>/setup.js"],
  testSequencer: "<rootDir>/jest-sequencer.js",
  // Two workers on two cores: several suites wait on child processes (cdktf CLI, npm pack, tsc).
  maxWorkers: 2,
  reporters: ["default", "<rootDir>/jest-summary-reporter.js"],
};
