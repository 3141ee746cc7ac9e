/**
 * The test commands and what each runs: the README's two first commands, `.ci/run` running exactly
 * the README's test command, and that command covering every test file of both jest projects
 * (`suite` for `npm test`, `build` for `npm run test:build`; jest.config.js), each file in exactly one;
 * and no script named in the README or the help text that package.json does not have.
 */
import { readFileSync } from "fs";
import { join, relative } from "path";
import { filesUnder } from "../support/files";

const ROOT = join(__dirname, "..", "..");
const PKG = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
// eslint-disable-next-line @typescript-eslint/no-require-imports
const CONFIG = require("../../jest.config.js");
const TEST_FILE = /\.test\.ts$/;

/** The command lines of the README's first ```sh block, without their comments. */
function readmeCommands(): string[] {
  const block = /```sh\n([\s\S]+?)```/.exec(readFileSync(join(ROOT, "README.md"), "utf8"));
  if (!block) throw new Error("README.md has no ```sh block");
  return block[1]
    .trim()
    .split("\n")
    .map((line) => line.replace(/\s+#.*$/, "").trim());
}

/** The files a project of jest.config.js runs: under its roots, matching none of its ignore patterns. */
function filesOf(displayName: string): string[] {
  const project = CONFIG.projects.find((p: { displayName: string }) => p.displayName === displayName);
  if (!project) throw new Error(`jest.config.js has no project ${displayName}`);
  expect(project.testMatch).toEqual(["**/*.test.ts"]);
  const expand = (pattern: string) => pattern.replace("<rootDir>", ROOT);
  const ignored = (project.testPathIgnorePatterns ?? []).map((p: string) => new RegExp(expand(p)));
  return project.roots
    .flatMap((root: string) => filesUnder(ROOT, relative(ROOT, expand(root)), TEST_FILE))
    .filter((file: string) => !ignored.some((re: RegExp) => re.test(join(ROOT, file))));
}

test("the README starts with the install-and-synth command and the test command", () => {
  expect(readmeCommands()).toEqual(["npm ci && npm run synth", "npm run test:all"]);
});

test(".ci/run installs cleanly and then runs exactly the README's test command", () => {
  const lines = readFileSync(join(ROOT, ".ci", "run"), "utf8")
    .split("\n")
    .filter((l) => /^npm /.test(l));
  expect(lines).toEqual(["npm ci --no-audit --no-fund", readmeCommands()[1]]);
});

test("npm test runs the suite project, test:build the build project, test:all (CI) both", () => {
  expect(PKG.scripts).toMatchObject({
    test: "jest --selectProjects suite",
    "test:build": "jest --selectProjects build",
    "test:all": "jest",
  });
  expect(CONFIG.projects.map((p: { displayName: string }) => p.displayName)).toEqual(["suite", "build"]);
});

test("every `npm run <script>` the README and the help text name is a script of package.json", () => {
  const named = ["README.md", "help"].flatMap((file) =>
    [...readFileSync(join(ROOT, file), "utf8").matchAll(/npm run ([\w:-]+)/g)].map((m) => `${file}: ${m[1]}`),
  );
  expect(named.length).toBeGreaterThan(10);
  expect(named.filter((entry) => !(entry.split(": ")[1] in PKG.scripts))).toEqual([]);
  expect(named).toEqual(expect.arrayContaining(["help: test:build", "help: test:all", "README.md: test:all"]));
});

test("every test file is in exactly one project; the build project is __tests__/build/, the type check is in npm test", () => {
  const all = ["__tests__", "examples"].flatMap((dir) => filesUnder(ROOT, dir, TEST_FILE)).sort();
  const suite = filesOf("suite");
  const build = filesOf("build");
  expect([...suite, ...build].sort()).toEqual(all);
  expect(build.sort()).toEqual(all.filter((f) => f.startsWith(join("__tests__", "build"))));
  expect(build.map((f) => f.split("/").pop()).sort()).toEqual([
    "cdktf-cli.test.ts",
    "docs.test.ts",
    "jsii.test.ts",
    "lint-layering.test.ts",
    "lint.test.ts",
    "package.test.ts",
  ]);
  expect(suite).toContain(join("__tests__", "project", "typecheck.test.ts"));
  expect(suite).toContain(join("examples", "testing", "irsa.test.ts"));
});
