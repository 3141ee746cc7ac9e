/**
 * The `thumbprint` command against local issuers over real TLS: the pin for a chain sent with and
 * without its root, --json, verification against the trust store, the discovery check, usage errors;
 * and failures in one line: a bad URL or host, a closed port, a port that does not answer with TLS,
 * and --timeout bounding the whole run against servers that never answer or trickle.
 */
import { CHECK_USAGE } from "../../lib/cli/usage";
import { closeAll, closedPort, Issuer, startIssuer, startPlainHttp, startRawIssuer, startTcp, trickle } from "../support/issuers";
import { expectFailure, fingerprintOf, Pki, run, runHere, writePki } from "../support/thumbprint";
import { MAX_TIMEOUT_MS } from "../../lib/cli/thumbprint/deadline";

// Load-independent: a machine under load makes these runs slow, never wrong. Time limits here are failure
// bounds only (jest's timeout; the command's own --timeout at its maximum where the test is not about time).
jest.setTimeout(30_000);
const GENEROUS = String(MAX_TIMEOUT_MS);

let pki: Pki;
let files: Awaited<ReturnType<typeof writePki>>["files"];
let withoutRoot: Issuer;
let withRoot: Issuer;
let wrongIssuer: Issuer;
let silentPort: number;
let refusedPort: number;

beforeAll(async () => {
  ({ pki, files } = await writePki());
  withoutRoot = await startIssuer(pki.leaf.keyPem, [pki.leaf.certPem, pki.intermediate.certPem]);
  withRoot = await startIssuer(pki.leaf.keyPem, [pki.leaf.certPem, pki.intermediate.certPem, pki.root.certPem]);
  wrongIssuer = await startIssuer(pki.leaf.keyPem, [pki.leaf.certPem, pki.intermediate.certPem], {
    discoveryIssuer: () => "https://oidc.example.com/id/OTHER",
  });
  // Accepts TCP and never answers the TLS handshake.
  silentPort = await startTcp(() => undefined);
  refusedPort = await closedPort();
}, 30000);

afterAll(closeAll);

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
    ["a closed port", () => [`https://127.0.0.1:${refusedPort}/id/X`], /^error: connection refused by 127\.0\.0\.1:\d+/],
    [
      "a server that never answers",
      () => [`https://127.0.0.1:${silentPort}/id/X`, "--timeout", "400"],
      /^error: no answer from 127\.0\.0\.1:\d+ within 400 ms/,
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

describe("a port that does not answer with TLS: one line, exit 1", () => {
  const url = (port: number) => `https://127.0.0.1:${port}/id/X`;
  const notTls = /^error: 127\.0\.0\.1:\d+ answered without TLS \(plain HTTP\?\)\n$/;
  const closed = /^error: 127\.0\.0\.1:\d+ closed the connection without answering the TLS handshake\n$/;

  test("a plain HTTP server, from the real binary: no stack trace", async () => {
    const r = await run(["thumbprint", url(await startPlainHttp()), "--timeout", GENEROUS]);
    expectFailure(r, notTls);
  });

  test.each([
    ["a plain HTTP server", () => startPlainHttp(), notTls],
    ["a server that speaks first, not TLS (an SSH banner)", () => startTcp((s) => s.write("SSH-2.0-OpenSSH_9.6\r\n")), notTls],
    ["a server that accepts and closes at once", () => startTcp((s) => s.destroy()), closed],
    ["a server that reads the ClientHello and closes", () => startTcp((s) => s.once("data", () => s.end())), closed],
    [
      "a server that sends half a TLS record and closes",
      () => startTcp((s) => s.once("data", () => s.end(Buffer.from([0x16, 0x03, 0x03, 0x00, 0x40, 0x02])))),
      /^error: 127\.0\.0\.1:\d+ closed the connection in the middle of the TLS handshake\n$/,
    ],
    [
      "a server that refuses the handshake with an alert",
      () => startTcp((s) => s.once("data", () => s.end(Buffer.from([0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 0x28])))),
      /^error: 127\.0\.0\.1:\d+ refused the TLS handshake: alert handshake_failure \(40\)\n$/,
    ],
    [
      "a server that answers with a malformed TLS record",
      () => startTcp((s) => s.once("data", () => s.write(Buffer.from([0x16, 0x03, 0x03, 0x00, 0x04, 0xff, 0xff, 0xff, 0xff])))),
      /^error: TLS handshake with 127\.0\.0\.1:\d+ failed: unexpected message\n$/,
    ],
  ])("%s", async (_what, start, message) => {
    const r = await runHere(["thumbprint", url(await start()), "--timeout", GENEROUS]);
    expectFailure(r, message);
  });
});

describe("--timeout bounds the whole command", () => {
  // The servers trickle one byte every 100 ms for hours: the command can only end, with the
  // deadline's message, if --timeout bounds the whole run (a per-read timeout would wait forever).
  // No elapsed-time assertion: under load the only limit is jest's timeout, a failure bound.
  const TIMEOUT = 400;
  const forever = (text: string) => Buffer.from(text.repeat(100_000), "latin1");

  test("a TLS handshake trickled one byte every 100 ms", async () => {
    // A TLS record header, then more of a handshake that never completes.
    const port = await startTcp((socket) => trickle(socket, Buffer.concat([Buffer.from([0x16, 0x03, 0x03, 0x10, 0x00]), forever("\0")])));
    const r = await runHere(["thumbprint", `https://127.0.0.1:${port}/id/X`, "--timeout", `${TIMEOUT}`]);
    expectFailure(r, /^error: 127\.0\.0\.1:\d+ was too slow: the TLS handshake did not finish within 400 ms\n/);
  }, 30_000);

  test.each([
    ["its headers", "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\nx-padding: "],
    ["its body", ""],
  ])(
    "a discovery document trickling %s one byte every 100 ms",
    async (_what, headers) => {
      const issuer = await startRawIssuer(pki.leaf.keyPem, [pki.leaf.certPem, pki.intermediate.certPem], (socket) => {
        if (headers) return trickle(socket, Buffer.concat([Buffer.from(headers), forever("x")]));
        socket.write("HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 400000\r\n\r\n{");
        trickle(socket, forever(" "));
      });
      const r = await runHere(["thumbprint", issuer.url, "--timeout", `${TIMEOUT}`]);
      expectFailure(
        r,
        /^error: https:\/\/127\.0\.0\.1:\d+\/id\/EXAMPLE\/\.well-known\/openid-configuration was too slow: .* within 400 ms\n/,
      );
    },
    30_000,
  );
});
