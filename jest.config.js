/** Type-checking is done once by `tsc --noEmit` in `npm test`; jest only transpiles (isolatedModules). */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/__tests__"],
  testMatch: ["**/*.test.ts"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { isolatedModules: true, diagnostics: false }],
  },
  setupFilesAfterEnv: ["<rootDir>/setup.js"],
  // Two workers on two cores: several suites wait on child processes (cdktf CLI, npm pack, tsc).
  maxWorkers: 2,
  reporters: ["default", "<rootDir>/jest-summary-reporter.js"],
};
