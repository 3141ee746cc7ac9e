/**
 * The `thumbprint` command against local issuers over real TLS: a root CA, an intermediate and a
 * leaf for 127.0.0.1 made in the test, served with and without the root. The answer must equal a
 * fingerprint computed independently from the certificate file of the top-most certificate served.
 */
import { execFile } from "child_process";
import { X509Certificate } from "crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "fs";
import * as https from "https";
import * as net from "net";
import { tmpdir } from "os";
import { join } from "path";
import { CHECK_USAGE } from "../../lib/cli/check-command";
import { main } from "../../lib/cli/main";
import { makePki } from "../support/pki";

const ROOT = join(__dirname, "..", "..");
const dir = mkdtempSync(join(tmpdir(), "irsa-thumbprint-"));
const pki = makePki();
const files = {
  root: join(dir, "root.pem"),
  intermediate: join(dir, "intermediate.pem"),
};
writeFileSync(files.root, pki.root.certPem);
writeFileSync(files.intermediate, pki.intermediate.certPem);

/** SHA-1 of the DER in a certificate file, computed without the command's code. */
const fingerprintOf = (file: string) => new X509Certificate(readFileSync(file)).fingerprint.replace(/:/g, "").toLowerCase();

interface Issuer {
  url: string;
  close: () => void;
}

/** An HTTPS OIDC issuer at https://127.0.0.1:<port>/id/EXAMPLE sending `chain`. */
function startIssuer(chain: string[], discoveryIssuer?: (url: string) => string): Promise<Issuer> {
  return new Promise((resolve) => {
    let url = "";
    const server = https.createServer({ key: pki.leaf.keyPem, cert: chain.join("") }, (req, res) => {
      res.setHeader("content-type", "application/json");
      if (req.url === "/id/EXAMPLE/.well-known/openid-configuration") {
        res.end(JSON.stringify({ issuer: discoveryIssuer ? discoveryIssuer(url) : url, jwks_uri: `${url}/keys` }));
      } else if (req.url === "/id/EXAMPLE/keys") {
        res.end(JSON.stringify({ keys: [{ kty: "RSA", kid: "k1" }] }));
      } else {
        res.statusCode = 404;
        res.end("{}");
      }
    });
    server.listen(0, "127.0.0.1", () => {
      url = `https://127.0.0.1:${(server.address() as net.AddressInfo).port}/id/EXAMPLE`;
      resolve({ url, close: () => server.close() });
    });
  });
}

function run(args: string[], env: { [key: string]: string } = {}): Promise<{ code: number; stdout: string; stderr: string; ms: number }> {
  const start = Date.now();
  return new Promise((resolve) => {
    const cleanEnv = { ...process.env };
    delete cleanEnv.NODE_EXTRA_CA_CERTS;
    execFile(
      process.execPath,
      ["-r", "sucrase/register/ts", join(ROOT, "lib", "cli", "main.ts"), ...args],
      { cwd: ROOT, env: { ...cleanEnv, ...env } },
      (error, stdout, stderr) => {
        resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr, ms: Date.now() - start });
      },
    );
  });
}

/**
 * The command in this process. Its own verification reads NODE_EXTRA_CA_CERTS from `env`; only the
 * trap test needs a fresh process, where Node itself has loaded the root into its default store.
 */
async function runHere(
  args: string[],
  env: { [key: string]: string } = {},
): Promise<{ code: number; stdout: string; stderr: string; ms: number }> {
  const start = Date.now();
  let stdout = "";
  let stderr = "";
  const code = await main(
    args,
    (line) => (stdout += `${line}\n`),
    (line) => (stderr += `${line}\n`),
    env,
  );
  return { code, stdout, stderr, ms: Date.now() - start };
}

let withoutRoot: Issuer;
let withRoot: Issuer;
let wrongIssuer: Issuer;
let silent: net.Server;
let silentPort: number;
let closedPort: number;

beforeAll(async () => {
  withoutRoot = await startIssuer([pki.leaf.certPem, pki.intermediate.certPem]);
  withRoot = await startIssuer([pki.leaf.certPem, pki.intermediate.certPem, pki.root.certPem]);
  wrongIssuer = await startIssuer([pki.leaf.certPem, pki.intermediate.certPem], () => "https://oidc.example.com/id/OTHER");
  // Accepts TCP and never answers the TLS handshake.
  silent = net.createServer(() => undefined).listen(0, "127.0.0.1");
  await new Promise((r) => silent.once("listening", r));
  silentPort = (silent.address() as net.AddressInfo).port;
  const probe = net.createServer().listen(0, "127.0.0.1");
  await new Promise((r) => probe.once("listening", r));
  closedPort = (probe.address() as net.AddressInfo).port;
  await new Promise((r) => probe.close(r));
}, 30000);

afterAll(() => {
  for (const s of [withoutRoot, withRoot, wrongIssuer]) s?.close();
  silent?.close();
});

describe("cdktf-eks-irsa thumbprint", () => {
  test("the process exit code and streams match main(): a usage error from the real binary", async () => {
    const r = await run([]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: no command given\nusage: cdktf-eks-irsa thumbprint/);
  });

  test("chain without the root: the intermediate's SHA-1, even when the root is trusted locally", async () => {
    // With the root in NODE_EXTRA_CA_CERTS, Node would complete the chain with it; the command
    // must still print the top-most certificate the server sent.
    const r = await run(["thumbprint", withoutRoot.url], { NODE_EXTRA_CA_CERTS: files.root });
    expect(r).toMatchObject({ code: 0, stderr: "" });
    expect(r.stdout).toBe(`${fingerprintOf(files.intermediate)}\n`);
    expect(r.stdout.trim()).toMatch(/^[0-9a-f]{40}$/);
    expect(r.stdout.trim()).not.toBe(fingerprintOf(files.root));
  });

  test("chain with the root: the root's SHA-1, as tls_certificate's certificates[0] would be", async () => {
    const r = await runHere(["thumbprint", withRoot.url], { NODE_EXTRA_CA_CERTS: files.root });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${fingerprintOf(files.root)}\n`);
  });

  test("--json: the sent chain in tls_certificate order, verification, and discovery", async () => {
    const r = await runHere(["thumbprint", withoutRoot.url, "--json"], { NODE_EXTRA_CA_CERTS: files.root });
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report).toMatchObject({
      issuerUrl: withoutRoot.url,
      thumbprint: fingerprintOf(files.intermediate),
      verified: true,
      warnings: [],
    });
    expect(report.certificates.map((c: { subject: string }) => c.subject)).toEqual([
      "CN=Test Intermediate CA, O=cdktf-eks-irsa tests",
      "CN=127.0.0.1, O=cdktf-eks-irsa tests",
    ]);
    expect(report.certificates[0]).toMatchObject({
      issuer: "CN=Test Root CA, O=cdktf-eks-irsa tests",
      selfSigned: false,
      sha1: fingerprintOf(files.intermediate),
    });
    expect(new Date(report.certificates[0].notAfter).getTime()).toBeGreaterThan(Date.now());
    expect(report.discovery).toEqual({
      url: `${withoutRoot.url}/.well-known/openid-configuration`,
      issuer: withoutRoot.url,
      jwksUri: `${withoutRoot.url}/keys`,
      jwksKeys: 1,
    });
  });

  test("--json with the root sent: the root first and self-signed", async () => {
    const report = JSON.parse((await runHere(["thumbprint", withRoot.url, "--json"], { NODE_EXTRA_CA_CERTS: files.root })).stdout);
    expect(report.certificates).toHaveLength(3);
    expect(report.certificates[0]).toMatchObject({ subject: "CN=Test Root CA, O=cdktf-eks-irsa tests", selfSigned: true });
  });

  test("an untrusted chain (as behind an intercepting proxy) is a warning, not a failure", async () => {
    const plain = await runHere(["thumbprint", withoutRoot.url]);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toBe(`${fingerprintOf(files.intermediate)}\n`);
    expect(plain.stderr).toMatch(
      /^warning: the chain does not verify against the trust store \(.+\): a TLS-intercepting proxy may be in the way/,
    );
    const report = JSON.parse((await runHere(["thumbprint", withoutRoot.url, "--json"])).stdout);
    expect(report.verified).toBe(false);
    expect(report.verifyError).toBe("UNABLE_TO_GET_ISSUER_CERT_LOCALLY");
    expect(report.warnings).toHaveLength(1);
  });

  test("a discovery document naming another issuer fails with one line", async () => {
    const r = await runHere(["thumbprint", wrongIssuer.url], { NODE_EXTRA_CA_CERTS: files.root });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe(
      `error: discovery document ${wrongIssuer.url}/.well-known/openid-configuration names the issuer ` +
        `"https://oidc.example.com/id/OTHER", not "${wrongIssuer.url}"; tokens would not match the provider\n`,
    );
    const skipped = await runHere(["thumbprint", wrongIssuer.url, "--no-discovery"], { NODE_EXTRA_CA_CERTS: files.root });
    expect(skipped.code).toBe(0);
  });

  test.each([
    ["a non-https URL", () => ["http://127.0.0.1/id/X"], /^error: "http:\/\/127\.0\.0\.1\/id\/X" is not an https URL/],
    [
      "a host that does not resolve",
      () => ["https://issuer.does-not-exist.invalid/id/X"],
      /^error: cannot resolve host "issuer\.does-not-exist\.invalid"/,
    ],
    ["a closed port", () => [`https://127.0.0.1:${closedPort}/id/X`], /^error: connection refused by 127\.0\.0\.1:\d+/],
    [
      "a server that never answers",
      () => [`https://127.0.0.1:${silentPort}/id/X`, "--timeout", "700"],
      /^error: no answer from 127\.0\.0\.1:\d+ within 700 ms/,
    ],
  ])("%s fails cleanly with one line and exit 1", async (_what, args, message) => {
    const r = await runHere(["thumbprint", ...args()]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr.split("\n").filter(Boolean)).toHaveLength(1);
    expect(r.stderr).toMatch(message);
    expect(r.ms).toBeLessThan(10_000);
  });

  test.each([
    [[], "no command given"],
    [["thumbprints", "https://x"], 'unknown command "thumbprints"'],
    [["thumbprint"], "thumbprint needs the issuer URL"],
    [["thumbprint", "https://x", "--jsn"], 'unknown option "--jsn"'],
    [["thumbprint", "https://x", "--timeout", "60000"], "--timeout takes whole milliseconds from 1 to 10000"],
  ])("usage error %j exits 2 with a usage line", async (args, message) => {
    const r = await runHere(args as string[]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `error: ${message}\nusage: cdktf-eks-irsa thumbprint <issuer-url> [--json] [--timeout <ms, at most 10000>] [--no-discovery]\n` +
        `       ${CHECK_USAGE}\n`,
    );
  });
});
