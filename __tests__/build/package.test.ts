/**
 * The npm package as a consumer gets it: `npm pack`, the tarball installed into a fresh project
 * beside its peers, a consumer program type-checked in strict mode against the shipped
 * declarations, then synthesized with plain node.
 *
 * The tarball's one dependency (@cdktf/hcl2json, for the `check` command) is bundled in it, as jsii
 * requires of a dependency that is not a jsii library, so installing it is unpacking it into
 * node_modules/cdktf-eks-irsa; the peers are this project's copies (linked, so the test needs no
 * network). IRSA_REAL_INSTALL=1 runs a real `npm install` of the tarball and its peers instead.
 * The build is the jsii build (jsii-build.ts), shared with the jsii test.
 */
import { execFileSync, spawnSync } from "child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { buildOnce } from "./jsii-build";
import { BUILD_TIMEOUT_MS } from "../support/build-timeout";

const ROOT = join(__dirname, "..", "..");
const PKG = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
const PEERS = Object.keys(PKG.peerDependencies);
const work = mkdtempSync(join(tmpdir(), "irsa-consumer-"));
let tarball: string;
let files: string[];

const CONSUMER = `
import { App, Aspects, TerraformStack } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { KubernetesProvider } from "@cdktf/provider-kubernetes/lib/provider";
import { TlsProvider } from "@cdktf/provider-tls/lib/provider";
import { EksOidcProvider, IOidcProvider, IrsaRole, IrsaTrustChecks, ServiceAccountMode } from "cdktf-eks-irsa";

const app = new App(); // reads CDKTF_OUTDIR
const stack = new TerraformStack(app, "consumer");
new AwsProvider(stack, "aws", { region: "us-west-2" });
new TlsProvider(stack, "tls");
new KubernetesProvider(stack, "kubernetes", {});
const oidc: IOidcProvider = new EksOidcProvider(stack, "oidc", { issuerUrl: "https://oidc.eks.us-west-2.amazonaws.com/id/EXAMPLE" });
const role = new IrsaRole(stack, "s3-echoer", {
  oidcProvider: oidc,
  serviceAccounts: [{ namespace: "default", name: "s3-echoer" }],
  managedPolicyArns: ["arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"],
  serviceAccountMode: ServiceAccountMode.ANNOTATE,
});
const arn: string = role.roleArn;
void arn;
Aspects.of(stack).add(new IrsaTrustChecks());
app.synth();
`;

/** The second door: cdktf-eks-irsa/testing, type-checked (via typesVersions) and run like a user's test. */
const CONSUMER_TEST = `
import { TerraformStack, Testing } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { EksOidcProvider, IrsaRole, ServiceAccountMode } from "cdktf-eks-irsa";
import { IrsaAssertions, TrustedSubject } from "cdktf-eks-irsa/testing";

const stack = new TerraformStack(Testing.app(), "consumer-test");
new AwsProvider(stack, "aws", { region: "us-west-2" });
const issuerHost = "oidc.eks.us-west-2.amazonaws.com/id/EXAMPLE";
const oidcProvider = new EksOidcProvider(stack, "oidc", { issuerUrl: \`https://\${issuerHost}\`, fetchThumbprint: false });
const serviceAccounts = [{ namespace: "default", name: "app" }];
const role = new IrsaRole(stack, "app", { oidcProvider, serviceAccounts, serviceAccountMode: ServiceAccountMode.NONE });
const assertions = IrsaAssertions.fromSynth(Testing.synth(stack));
const who: TrustedSubject[] = assertions.whoCanAssume(role);
console.log(JSON.stringify({ who, app: assertions.canAssume(role, { issuerHost, namespace: "default", name: "app" }) }));
`;

beforeAll(() => {
  // What `prepack` does (`npm run build`: a clean dist/, then jsii), once for this test and the jsii test.
  buildOnce();
  const packed = execFileSync("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", work], {
    cwd: ROOT,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
  const info = JSON.parse(packed.slice(packed.indexOf("[")))[0];
  tarball = join(work, info.filename);
  files = info.files.map((f: { path: string }) => f.path);

  const consumer = join(work, "consumer");
  mkdirSync(consumer);
  writeFileSync(
    join(consumer, "package.json"),
    JSON.stringify({ name: "consumer", private: true, dependencies: { "cdktf-eks-irsa": `file:${tarball}` } }),
  );
  if (process.env.IRSA_REAL_INSTALL === "1") {
    const peers = PEERS.map((p) => `${p}@${PKG.devDependencies[p]}`);
    execFileSync("npm", ["install", "--no-audit", "--no-fund", tarball, ...peers, `typescript@${PKG.devDependencies.typescript}`], {
      cwd: consumer,
      stdio: "pipe",
    });
  } else {
    const modules = join(consumer, "node_modules");
    mkdirSync(join(modules, "cdktf-eks-irsa"), { recursive: true });
    execFileSync("tar", ["xzf", tarball, "-C", join(modules, "cdktf-eks-irsa"), "--strip-components=1"]);
    mkdirSync(join(modules, "@cdktf"));
    for (const dep of [...PEERS, ...Object.keys(PKG.dependencies ?? {}), "typescript"])
      symlinkSync(join(ROOT, "node_modules", dep), join(modules, dep), "dir");
  }
  writeFileSync(join(consumer, "main.ts"), CONSUMER);
  writeFileSync(join(consumer, "consumer.test.ts"), CONSUMER_TEST);
  // The README's library example, compiled with the consumer so that it cannot rot.
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");
  const usage = /## Library usage\s+```ts\n([\s\S]+?)```/.exec(readme);
  if (!usage) throw new Error("README.md has no ```ts block under '## Library usage'");
  writeFileSync(join(consumer, "readme.ts"), `${usage[1]}export {};\n`);
  writeFileSync(
    join(consumer, "bad.ts"),
    `import { IrsaRole } from "cdktf-eks-irsa";\nexport const props: ConstructorParameters<typeof IrsaRole>[2] = { ` +
      `oidcProvider: { arn: "a", issuerHost: "h" }, serviceAccounts: [{ namespace: "a" }] };\n`,
  );
  writeFileSync(
    join(consumer, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: {
        target: "ES2020",
        module: "commonjs",
        strict: true,
        noImplicitAny: true,
        noUnusedLocals: true,
        exactOptionalPropertyTypes: false,
        skipLibCheck: false,
        types: [],
      },
      files: ["main.ts", "bad.ts", "readme.ts", "consumer.test.ts"],
    }),
  );
}, BUILD_TIMEOUT_MS);

test("the tarball holds the compiled library only", () => {
  expect(files).toContain("package.json");
  expect(files).toContain("README.md");
  expect(files).toContain("LICENSE");
  expect(files).toContain("dist/index.js");
  expect(files).toContain("dist/testing/index.js");
  expect(files).toContain("dist/testing/index.d.ts");
  expect(files).toContain("dist/index.d.ts");
  expect(files).toContain(".jsii");
  expect(files).toContain("node_modules/@cdktf/hcl2json/package.json");
  const bundled = /^node_modules\/(@cdktf\/hcl2json|graceful-fs)\//;
  const unexpected = files.filter(
    (f) => !/^dist\/.*\.(js|d\.ts)$/.test(f) && !bundled.test(f) && ![".jsii", "package.json", "README.md", "LICENSE"].includes(f),
  );
  expect(unexpected).toEqual([]);
  expect(files.some((f) => /__tests__|__snapshots__|cdktf\.out|^main\.|^app\/|bench\/|examples\//.test(f))).toBe(false);
});

test("npm pack builds first, from a clean dist/ (no stale files from an earlier build are shipped)", () => {
  expect(PKG.scripts.prepack).toBe("npm run build");
  expect(PKG.scripts.build).toBe("node scripts/build.js");
  const script = readFileSync(join(ROOT, "scripts", "build.js"), "utf8");
  expect(script).toMatch(/rmSync\(join\(root, "dist"\)/);
  expect(script).toMatch(/require\.resolve\("jsii\/bin\/jsii"\)/);
});

test("LICENSE is the license package.json names (Apache-2.0)", () => {
  expect(PKG.license).toBe("Apache-2.0");
  const license = readFileSync(join(ROOT, "LICENSE"), "utf8");
  expect(license).toMatch(/^\s*Apache License\s+Version 2\.0, January 2004/);
  expect(license).toContain("TERMS AND CONDITIONS FOR USE, REPRODUCTION, AND DISTRIBUTION");
});

test("package.json: entry points, peers with ranges, one runtime dependency (HashiCorp's HCL parser)", () => {
  expect(PKG).toMatchObject({
    name: "cdktf-eks-irsa",
    main: "dist/index.js",
    types: "dist/index.d.ts",
    license: "Apache-2.0",
    engines: { node: ">=20" },
  });
  expect(PKG.exports["."]).toEqual({ types: "./dist/index.d.ts", default: "./dist/index.js" });
  expect(PKG.exports["./testing"]).toEqual({ types: "./dist/testing/index.d.ts", default: "./dist/testing/index.js" });
  // TypeScript's node10 resolution ignores "exports"; typesVersions points it at the same declarations.
  expect(PKG.typesVersions).toEqual({ "*": { testing: ["dist/testing/index.d.ts"] } });
  // One runtime dependency, bundled: jsii accepts only jsii libraries as plain dependencies.
  expect(PKG.dependencies).toEqual({ "@cdktf/hcl2json": expect.stringMatching(/^\^0\.21\./) });
  expect(PKG.bundledDependencies).toEqual(["@cdktf/hcl2json"]);
  expect(Object.keys(PKG.peerDependencies).sort()).toEqual([
    "@cdktf/provider-aws",
    "@cdktf/provider-kubernetes",
    "@cdktf/provider-tls",
    "cdktf",
    "constructs",
  ]);
  for (const [name, range] of Object.entries<string>(PKG.peerDependencies)) {
    expect(range).toMatch(/^\^\d+\.\d+\.\d+$/);
    expect(PKG.devDependencies[name]).toMatch(/^\d+\.\d+\.\d+$/);
    // jsii: a peer's devDependency sits at the peer range's lower bound (tested against the oldest peer we accept).
    expect(range).toBe(`^${PKG.devDependencies[name]}`);
  }
});

test("the bin runs with plain node from the installed package", () => {
  expect(PKG.bin).toEqual({ "cdktf-eks-irsa": "dist/cli/main.js" });
  const cli = join(work, "consumer", "node_modules", "cdktf-eks-irsa", "dist", "cli", "main.js");
  expect(readFileSync(cli, "utf8").startsWith("#!/usr/bin/env node\n")).toBe(true);
  const r = spawnSync(process.execPath, [cli, "thumbprint", "http://not-https.example"], { encoding: "utf8" });
  expect({ status: r.status, stderr: r.stderr }).toEqual({
    status: 1,
    stderr: 'error: "http://not-https.example" is not an https URL; OIDC issuers are https\n',
  });
});

test("no shipped file imports a prebuilt provider from its package root", () => {
  const dir = join(work, "consumer", "node_modules", "cdktf-eks-irsa", "dist");
  const filesIn = (folder: string): string[] =>
    readdirSync(folder, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesIn(join(folder, e.name)) : [join(folder, e.name)]));
  const shipped = filesIn(dir);
  expect(shipped.length).toBeGreaterThan(20);
  for (const file of shipped) {
    const text = readFileSync(file, "utf8");
    expect({ file, rootImport: /(require\(|from )["']@cdktf\/provider-(aws|kubernetes|tls)["']/.test(text) }).toEqual({
      file,
      rootImport: false,
    });
  }
});

test(
  "a consumer program type-checks strictly against the shipped declarations and synthesizes with plain node",
  () => {
    const consumer = join(work, "consumer");
    // One strict compile: main.ts and the README example must be clean, bad.ts must be rejected by
    // our declarations (a service account without a name). tsc still emits main.js (noEmitOnError off).
    const tsc = spawnSync(process.execPath, [join(consumer, "node_modules", "typescript", "bin", "tsc"), "-p", consumer], {
      cwd: consumer,
      encoding: "utf8",
    });
    const errors = tsc.stdout.split("\n").filter((line) => /error TS\d+/.test(line));
    expect(errors).toEqual([expect.stringMatching(/^bad\.ts\(2,\d+\): error TS2741: Property 'name' is missing/)]);

    const test = JSON.parse(execFileSync(process.execPath, [join(consumer, "consumer.test.js")], { cwd: consumer, encoding: "utf8" }));
    expect(test).toEqual({ who: [expect.objectContaining({ namespace: "default", serviceAccountName: "app" })], app: true });

    const out = join(work, "out");
    execFileSync(process.execPath, [join(consumer, "main.js")], {
      cwd: consumer,
      stdio: "pipe",
      env: { ...process.env, CDKTF_OUTDIR: out },
    });
    const json = JSON.parse(readFileSync(join(out, "stacks", "consumer", "cdk.tf.json"), "utf8"));
    expect(Object.keys(json.data).sort()).toEqual(["aws_iam_policy_document", "tls_certificate"]);
    expect(Object.keys(json.resource).sort()).toEqual([
      "aws_iam_openid_connect_provider",
      "aws_iam_role",
      "aws_iam_role_policy_attachment",
      "kubernetes_annotations",
    ]);
  },
  BUILD_TIMEOUT_MS,
);
