/**
 * The README's `cdktf init` path (issue 19, item 6), checked offline: the template shipped in the
 * installed cdktf-cli still leaves TypeScript unpinned and has no cdktf-cli (the reasons for the
 * README's pins), and the README's pins agree with the peer ranges of the installed ts-jest, jest,
 * ts-node and of this package. IRSA_REAL_INSTALL=1 also resolves the README's lines against the npm
 * registry (`npm install --dry-run` in the template's package.json).
 */
import { execFileSync } from "child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const semver = require("semver") as {
  minVersion(range: string): { version: string } | null;
  satisfies(version: string, range: string): boolean;
  major(version: string): number;
};

const ROOT = join(__dirname, "..", "..");
const TEMPLATE = join(ROOT, "node_modules", "cdktf-cli", "bundle", "templates", "typescript");
const json = (file: string) => JSON.parse(readFileSync(file, "utf8"));
const PKG = json(join(ROOT, "package.json"));
const peersOf = (name: string): { [peer: string]: string } => json(join(ROOT, "node_modules", name, "package.json")).peerDependencies ?? {};

/** The README's `cdktf init` block: its lines, and every `name@range` it installs. */
function readmeSteps(): { lines: string[]; pins: Map<string, string> } {
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");
  const block = /### Starting from `cdktf init`[\s\S]*?```sh\n([\s\S]+?)```/.exec(readme);
  if (!block) throw new Error("README.md has no ```sh block under '### Starting from `cdktf init`'");
  const lines = block[1].trim().split("\n");
  const pins = new Map<string, string>();
  for (const line of lines.filter((l) => l.startsWith("npm install"))) {
    for (const word of line.split(/\s+/).slice(2)) {
      const at = word.lastIndexOf("@");
      if (at > 0) pins.set(word.slice(0, at), word.slice(at + 1));
      else if (!word.startsWith("-")) pins.set(word, "*");
    }
  }
  return { lines, pins };
}

test("the template still leaves typescript and ts-jest unpinned and has no cdktf-cli (why the README pins them)", () => {
  const hook = readFileSync(join(TEMPLATE, ".hooks.sscaff.js"), "utf8");
  expect(hook).toMatch(/installDeps\(\s*\["@types\/node", "typescript", "jest", "@types\/jest", "ts-jest", "ts-node"\]/);
  const template = json(join(TEMPLATE, "package.json"));
  expect(template.dependencies?.["cdktf-cli"]).toBeUndefined();
  expect(template.devDependencies?.["cdktf-cli"]).toBeUndefined();
  expect(template.scripts.synth).toBe("cdktf synth");
  // cdktf.json is a template (not JSON yet): its app runs ts-node, which needs TypeScript's JS API.
  expect(readFileSync(join(TEMPLATE, "cdktf.json"), "utf8")).toContain('"app": "npx ts-node main.ts"');
  // ts-jest 29 refuses TypeScript 7 (what `typescript@latest` is).
  expect(semver.satisfies("7.0.0", peersOf("ts-jest").typescript)).toBe(false);
});

test("the README's pins fit together and fit this package's peers", () => {
  const { lines, pins } = readmeSteps();
  expect(lines[0]).toMatch(/^npx cdktf-cli@0\.21\.\d+ init --template typescript /);
  expect(lines[lines.length - 1]).toBe("npx cdktf synth");
  const min = (name: string): string => {
    const range = pins.get(name);
    if (range === undefined) throw new Error(`the README does not install ${name}`);
    return semver.minVersion(range)!.version;
  };

  // The test tools: TypeScript 5.9 (what we build with) inside ts-jest's and ts-node's ranges, jest inside ts-jest's.
  expect(min("typescript")).toBe(PKG.devDependencies.typescript);
  expect(semver.satisfies(min("typescript"), "~5.9.0")).toBe(true);
  expect(semver.satisfies(min("typescript"), peersOf("ts-jest").typescript)).toBe(true);
  expect(semver.satisfies(min("typescript"), peersOf("ts-node").typescript)).toBe(true);
  expect(semver.satisfies(min("jest"), peersOf("ts-jest").jest)).toBe(true);
  expect(semver.major(min("@types/jest"))).toBe(semver.major(min("jest")));
  expect(min("ts-jest")).toBe(PKG.devDependencies["ts-jest"]);

  // The CLI, on the cdktf line the library builds on.
  expect(pins.get("cdktf-cli")).toBe(PKG.devDependencies["cdktf-cli"]);
  expect(semver.satisfies(min("cdktf-cli"), PKG.peerDependencies.cdktf)).toBe(true);

  // The library and every peer, at versions our peer ranges accept (the same lines as the install section).
  expect(pins.get("cdktf-eks-irsa")).toBe("*");
  for (const [peer, range] of Object.entries<string>(PKG.peerDependencies)) {
    expect({ peer, ok: semver.satisfies(min(peer), range) }).toEqual({ peer, ok: true });
  }
});

const realInstall = process.env.IRSA_REAL_INSTALL === "1" ? test : test.skip;
if (process.env.IRSA_REAL_INSTALL !== "1")
  console.log("SKIPPED: the registry resolution of the cdktf init steps (set IRSA_REAL_INSTALL=1)");

realInstall(
  "the README's install lines resolve from the registry in the template's package.json",
  () => {
    const dir = mkdtempSync(join(tmpdir(), "irsa-init-"));
    writeFileSync(join(dir, "package.json"), readFileSync(join(TEMPLATE, "package.json"), "utf8").replace("{{ $base }}", "my-app"));
    for (const line of readmeSteps().lines.filter((l) => l.startsWith("npm install"))) {
      // cdktf-eks-irsa itself is not on the registry yet: the rest of the line must resolve.
      const args = line
        .split(/\s+/)
        .slice(2)
        .filter((w) => w !== "cdktf-eks-irsa");
      execFileSync("npm", ["install", "--dry-run", "--no-audit", "--no-fund", ...args], { cwd: dir, stdio: "pipe" });
    }
  },
  600000,
);
