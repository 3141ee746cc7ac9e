/**
 * Two projects, one worker pool:
 *   suite  (`npm test`, within 45 s on 2 cores from a fresh clone): the unit suites, examples/testing
 *          (it shows users how to test their stacks), the type check (`__tests__/project/typecheck.test.ts`:
 *          jest only transpiles, with sucrase, jest-transform.js) and the project's structure tests.
 *   build  (`npm run test:build`): what needs the build tool chain, in `__tests__/build/`: the jsii
 *          build and its Python bindings, the npm package as a consumer installs it, ESLint and
 *          Prettier, TypeDoc's docs, the real cdktf CLI.
 * `npm run test:all` (plain `jest`) runs both in one pool; CI (`.ci/run`) runs that.
 */
const shared = {
  rootDir: __dirname,
  // jest's node environment; its worker processes leave through process.exit() (see the module).
  testEnvironment: "<rootDir>/__tests__/support/jest-environment.js",
  testMatch: ["**/*.test.ts"],
  transform: {
    "^.+\\.tsx?$": "<rootDir>/jest-transform.js",
  },
  setupFilesAfterEnv: ["<rootDir>/setup.js"],
  // cdktf loads archiver (~200 modules) for TerraformAsset, which no suite makes; jest would load it
  // again for every suite. The stand-in loads the real module on first use.
  moduleNameMapper: { "^archiver$": "<rootDir>/__tests__/support/lazy-archiver.js" },
};

module.exports = {
  projects: [
    {
      ...shared,
      displayName: "suite",
      roots: ["<rootDir>/__tests__", "<rootDir>/examples"],
      testPathIgnorePatterns: ["/node_modules/", "<rootDir>/__tests__/build/"],
    },
    { ...shared, displayName: "build", roots: ["<rootDir>/__tests__/build"] },
  ],
  testSequencer: "<rootDir>/jest-sequencer.js",
  // Two workers on two cores: several suites wait on child processes (cdktf CLI, npm pack, tsc).
  maxWorkers: 2,
  reporters: ["default", "<rootDir>/jest-summary-reporter.js"],
};
