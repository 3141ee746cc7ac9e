/**
 * The jsii build (issue 19): the `.jsii` assembly holds the whole public API, the shipped
 * declarations hold no internals, and jsii-pacmak's Python bindings generate and compile, so a
 * jsii error fails the suite. The README's Python snippet is checked against the generated module
 * (python-snippet-check.py). Shares its build with the package test (jsii-build.ts).
 */
import { spawnSync } from "child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join, relative, sep } from "path";
import { buildOnce, LOCK, removeIfAbandoned, ROOT } from "./jsii-build";
import { onPath } from "../support/on-path";

const PKG = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
const MODULE = PKG.jsii.targets.python.module;
let assembly: any;

const filesIn = (folder: string): string[] =>
  readdirSync(folder, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesIn(join(folder, e.name)) : [join(folder, e.name)]));

/** The names lib/index.ts exports. */
function publicNames(): string[] {
  const index = readFileSync(join(ROOT, "lib", "index.ts"), "utf8");
  return [...index.matchAll(/^export \{([^}]+)\} from/gm)].flatMap((m) =>
    m[1]
      .split(",")
      .map((n) => n.trim())
      .filter(Boolean),
  );
}

beforeAll(() => {
  buildOnce();
  assembly = JSON.parse(readFileSync(join(ROOT, ".jsii"), "utf8"));
}, 300000);

test("package.json: a jsii section with a Python target, Construct Hub metadata", () => {
  expect(PKG.jsii).toMatchObject({
    tsconfig: "tsconfig.jsii.json",
    validateTsconfig: "minimal",
    targets: { python: { module: "cdktf_eks_irsa", distName: "cdktf-eks-irsa" } },
  });
  expect(PKG.keywords).toContain("cdktf");
  expect(PKG.files).toContain(".jsii");
  const tsconfig = JSON.parse(readFileSync(join(ROOT, "tsconfig.jsii.json"), "utf8"));
  expect(tsconfig.compilerOptions).toMatchObject({ stripInternal: true, rootDir: "lib", outDir: "dist" });
  expect(assembly).toMatchObject({ name: "cdktf-eks-irsa", targets: { python: { module: "cdktf_eks_irsa" } } });
});

test("the build's lock is in node_modules/.cache, which ESLint and Prettier never walk (the lint test runs beside the build)", () => {
  // In the project root, ESLint's walk crashed with ENOENT when the lock went away under it.
  expect(relative(ROOT, LOCK).split(sep).slice(0, 2)).toEqual(["node_modules", ".cache"]);
  const prettierIgnore = readFileSync(join(ROOT, ".prettierignore"), "utf8").split("\n");
  expect(prettierIgnore).toContain("node_modules/");
});

test("a waiter takes over the lock of a builder that is gone, never of one that runs", () => {
  const dir = mkdtempSync(join(tmpdir(), "irsa-lock-"));
  const lockOf = (name: string, pid?: number) => {
    const lock = join(dir, name);
    mkdirSync(lock);
    if (pid !== undefined) writeFileSync(join(lock, "pid"), String(pid));
    return lock;
  };
  const ended = spawnSync(process.execPath, ["-e", ""]).pid; // a process that has exited
  const dead = lockOf("dead", ended);
  const live = lockOf("live", process.pid);
  const starting = lockOf("starting"); // mkdir done, pid not written yet
  for (const lock of [dead, live, starting]) removeIfAbandoned(lock);
  expect([dead, live, starting].map((lock) => existsSync(lock))).toEqual([false, true, true]);
  expect(readdirSync(dir).sort()).toEqual(["live", "starting"]);
});

test("every public construct, props struct and enum is in the assembly", () => {
  const types = assembly.types as { [fqn: string]: { kind: string; name: string } };
  const kinds = Object.fromEntries(Object.values(types).map((t) => [t.name, t.kind]));
  expect(kinds).toMatchObject({
    EksOidcProvider: "class",
    EksOidcProviderProps: "interface",
    IOidcProvider: "interface",
    IrsaRole: "class",
    IrsaRoleProps: "interface",
    PodIdentityRole: "class",
    PodIdentityRoleProps: "interface",
    AddonPolicies: "class",
    AddonPolicy: "class",
    IrsaTrustChecks: "class",
    IrsaTrustChecksProps: "interface",
    EksKubernetesProvider: "class",
    EksKubernetesProviderProps: "interface",
    ServiceAccountMode: "enum",
    PodIdentityServiceAccountMode: "enum",
    ValidationErrors: "class",
  });
  // Everything lib/index.ts exports: a type of the assembly, or a constant that is also a static member.
  const statics = new Set(
    Object.values<any>(types).flatMap((t) => (t.properties ?? []).filter((p: any) => p.static && p.const).map((p: any) => p.name)),
  );
  const missing = publicNames().filter((name) => !(name in kinds) && !(/^[A-Z_]+$/.test(name) && statics.has(name)));
  expect(missing).toEqual([]);
});

test("modes are enums in the assembly, and the props use them", () => {
  const enumOf = (name: string) => assembly.types[`cdktf-eks-irsa.${name}`].members.map((m: any) => m.name);
  expect(enumOf("ServiceAccountMode")).toEqual(["ANNOTATE", "CREATE", "NONE"]);
  expect(enumOf("PodIdentityServiceAccountMode")).toEqual(["CREATE", "NONE"]);
  const propType = (struct: string, prop: string) =>
    assembly.types[`cdktf-eks-irsa.${struct}`].properties.find((p: any) => p.name === prop).type.fqn;
  expect(propType("IrsaRoleProps", "serviceAccountMode")).toBe("cdktf-eks-irsa.ServiceAccountMode");
  expect(propType("PodIdentityRoleProps", "serviceAccountMode")).toBe("cdktf-eks-irsa.PodIdentityServiceAccountMode");
});

test("the shipped declarations hold no @internal name and no internal door", () => {
  const declarations = filesIn(join(ROOT, "dist")).filter((f) => f.endsWith(".d.ts"));
  expect(declarations.length).toBeGreaterThan(20);
  const withInternal = declarations.filter((f) => readFileSync(f, "utf8").includes("@internal"));
  expect(withInternal).toEqual([]);
  const index = readFileSync(join(ROOT, "dist", "index.d.ts"), "utf8");
  expect(index).not.toMatch(/internalValidation|internalAddons|from "\.\/internal"/);
});

// The bindings are generated with Node alone; compiling them and checking the README's snippet
// needs python3, which the README's two commands do not require: without it, that part is skipped.
const python3 = onPath("python3");
if (!python3) console.warn("SKIPPED: no python3 on PATH: the generated Python bindings and the README's Python snippet are not compiled");
const withPython = python3 ? test : test.skip;
let bindings: { sources: string[]; init: string; out: string };

test("jsii-pacmak generates the Python bindings", () => {
  const out = mkdtempSync(join(tmpdir(), "irsa-pacmak-"));
  // pacmak packs the package with `npm pack`; its prepack (a second build) is not needed.
  const env = { ...process.env, npm_config_ignore_scripts: "true", JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION: "20" };
  const pacmak = spawnSync(
    process.execPath,
    [join(ROOT, "node_modules", "jsii-pacmak", "bin", "jsii-pacmak"), "--code-only", "--targets", "python", "--outdir", out, ROOT],
    { cwd: ROOT, env, encoding: "utf8" },
  );
  expect({ status: pacmak.status, stderr: pacmak.status === 0 ? "" : pacmak.stderr }).toEqual({ status: 0, stderr: "" });
  const sources = filesIn(join(out, "python")).filter((f) => f.endsWith(".py"));
  const init = join(out, "python", "src", MODULE, "__init__.py");
  expect(sources).toContain(init);
  expect(readFileSync(init, "utf8")).toMatch(/^class IrsaRole\(/m);
  bindings = { sources, init, out };
}, 300000);

withPython(
  "the Python bindings compile, and the README's Python snippet matches them",
  () => {
    if (bindings === undefined) throw new Error("no bindings: the generation test failed");
    const { sources, init, out } = bindings;
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    const snippet = /### Python \(and the other jsii languages\)[\s\S]*?```python\n([\s\S]+?)```/.exec(readme);
    if (!snippet) throw new Error("README.md has no ```python block under '### Python (and the other jsii languages)'");
    const snippetFile = join(out, "readme_snippet.py");
    writeFileSync(snippetFile, snippet[1]);

    const compile = spawnSync(python3!, ["-m", "py_compile", ...sources, snippetFile], { encoding: "utf8" });
    expect({ status: compile.status, stderr: compile.stderr }).toEqual({ status: 0, stderr: "" });
    const check = spawnSync(python3!, [join(__dirname, "python-snippet-check.py"), snippetFile, init, MODULE], { encoding: "utf8" });
    expect({ status: check.status, out: check.stdout.trim() }).toEqual({ status: 0, out: expect.stringMatching(/^ok: /) });
  },
  300000,
);
