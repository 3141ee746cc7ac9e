/**
 * The `thumbprint` command against local issuers over real TLS (1.2 and 1.3): a root CA, an
 * intermediate, a leaf for 127.0.0.1 and an unrelated CA made in the test, served in various orders.
 * The answer must equal a fingerprint computed independently (node-forge) from the certificate file
 * of the last certificate served; misbehaving servers must fail with one line.
 */
import { execFile } from "child_process";
import { X509Certificate } from "crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { main } from "../../lib/cli/main";
import {
  closeAll,
  closedPort,
  Issuer,
  negotiated,
  startIssuer,
  startPlainHttp,
  startRawIssuer,
  startTcp,
  trickle,
} from "../support/issuers";
import { makePki } from "../support/pki";
import * as forge from "node-forge";

const ROOT = join(__dirname, "..", "..");
const dir = mkdtempSync(join(tmpdir(), "irsa-thumbprint-"));
let pki: Awaited<ReturnType<typeof makePki>>;
const files = {
  root: join(dir, "root.pem"),
  intermediate: join(dir, "intermediate.pem"),
  leaf: join(dir, "leaf.pem"),
  unrelated: join(dir, "unrelated.pem"),
};

/** SHA-1 of the DER in a certificate file, computed with node-forge, without the command's code. */
function fingerprintOf(file: string): string {
  const der = forge.asn1.toDer(forge.pki.certificateToAsn1(forge.pki.certificateFromPem(readFileSync(file, "utf8")))).getBytes();
  return forge.md.sha1.create().update(der).digest().toHex();
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
let silentPort: number;
let refusedPort: number;

beforeAll(async () => {
  pki = await makePki();
  for (const name of ["root", "intermediate", "leaf", "unrelated"] as const) writeFileSync(files[name], pki[name].certPem);
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
      `error: ${message}\nusage: cdktf-eks-irsa thumbprint <issuer-url> [--json] [--timeout <ms, at most 10000>] [--no-discovery]\n`,
    );
  });
});

/** Exit 1, nothing on stdout, exactly one `error: ...` line on stderr matching `message`. */
function expectFailure(r: { code: number; stdout: string; stderr: string }, message: RegExp): void {
  expect(r).toMatchObject({ code: 1, stdout: "" });
  expect(r.stderr).toMatch(/^error: [^\n]+\n$/);
  expect(r.stderr).toMatch(message);
}

describe("--timeout bounds the whole command", () => {
  const TIMEOUT = 400;
  const MARGIN = 400;
  const slowly = (text: string) => Buffer.from(text.repeat(20), "latin1");

  test("a TLS handshake trickled one byte every 100 ms", async () => {
    // A TLS record header, then more of a handshake that never completes.
    const port = await startTcp((socket) => trickle(socket, Buffer.concat([Buffer.from([0x16, 0x03, 0x03, 0x10, 0x00]), slowly("\0")])));
    const r = await runHere(["thumbprint", `https://127.0.0.1:${port}/id/X`, "--timeout", `${TIMEOUT}`]);
    expectFailure(r, /^error: 127\.0\.0\.1:\d+ was too slow: the TLS handshake did not finish within 400 ms\n/);
    expect(r.ms).toBeLessThan(TIMEOUT + MARGIN);
  }, 4000);

  test.each([
    ["its headers", "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 40\r\n\r\n"],
    ["its body", ""],
  ])(
    "a discovery document trickling %s one byte every 100 ms",
    async (_what, headers) => {
      const issuer = await startRawIssuer(pki.leaf.keyPem, [pki.leaf.certPem, pki.intermediate.certPem], (socket) => {
        if (headers) return trickle(socket, Buffer.from(headers + "{}".repeat(20)));
        socket.write("HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 400\r\n\r\n{");
        trickle(socket, slowly(" "));
      });
      const r = await runHere(["thumbprint", issuer.url, "--timeout", `${TIMEOUT}`]);
      expectFailure(
        r,
        /^error: https:\/\/127\.0\.0\.1:\d+\/id\/EXAMPLE\/\.well-known\/openid-configuration was too slow: .* within 400 ms\n/,
      );
      expect(r.ms).toBeLessThan(TIMEOUT + MARGIN);
    },
    4000,
  );
});

describe("the discovery document and the JWKS: at most 1 MiB, complete, JSON", () => {
  const MiB = 1024 * 1024;
  const DISCOVERY = "/id/EXAMPLE/.well-known/openid-configuration";
  const discovery = (url: string, pad = 0) => JSON.stringify({ issuer: url, jwks_uri: `${url}/keys`, pad: "x".repeat(pad) });
  const jwks = (pad = 0) => JSON.stringify({ keys: [{ kty: "RSA", kid: "k1", pad: "x".repeat(pad) }] });
  const head = "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\n";
  const sized = (body: string) => `${head}content-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
  const chunks = (body: string) => body.match(/[\s\S]{1,65536}/g)!.map((c) => `${Buffer.byteLength(c).toString(16)}\r\n${c}\r\n`);
  const chunked = (body: string) => `${head}transfer-encoding: chunked\r\n\r\n${chunks(body).join("")}0\r\n\r\n`;
  /** A discovery document of exactly `size` bytes. */
  const ofSize = (url: string, size: number) => discovery(url, size - discovery(url).length);

  /** An issuer whose discovery document and JWKS are the raw HTTP answers `answers` makes. */
  async function issuerAnswering(answers: (url: string) => { discovery: string; keys?: string }) {
    return startRawIssuer(pki.leaf.keyPem, [pki.leaf.certPem, pki.intermediate.certPem], (socket, path, url) => {
      const answer = path === DISCOVERY ? answers(url).discovery : path === "/id/EXAMPLE/keys" ? answers(url).keys : undefined;
      socket.end(answer ?? "HTTP/1.1 404 Not Found\r\ncontent-length: 0\r\n\r\n");
    });
  }

  test.each([
    ["exactly 1 MiB, announced", (url: string) => ({ discovery: sized(ofSize(url, MiB)), keys: sized(jwks()) })],
    ["exactly 1 MiB, chunked", (url: string) => ({ discovery: chunked(ofSize(url, MiB)), keys: chunked(jwks()) })],
  ])("a discovery document of %s is read", async (_what, answers) => {
    const issuer = await issuerAnswering(answers);
    const r = await runHere(["thumbprint", issuer.url, "--timeout", "3000"], { NODE_EXTRA_CA_CERTS: files.root });
    expect(r).toMatchObject({ code: 0, stdout: `${fingerprintOf(files.intermediate)}\n`, stderr: "" });
  });

  const tooLarge = /is larger than 1 MiB \(1048576 bytes\), the most this command reads\n/;
  const cutOff = /was cut off: the connection closed after \d+ (of the \d+ announced )?bytes of the body\n/;
  test.each([
    ["a discovery document over 1 MiB, announced", (url: string) => ({ discovery: sized(ofSize(url, MiB + 1)) }), tooLarge],
    ["a discovery document over 1 MiB, chunked", (url: string) => ({ discovery: chunked(ofSize(url, MiB + 1)) }), tooLarge],
    ["a JWKS over 1 MiB", (url: string) => ({ discovery: sized(discovery(url)), keys: chunked(jwks(MiB)) }), tooLarge],
    ["a discovery document cut before its content-length", (url: string) => ({ discovery: sized(discovery(url)).slice(0, -10) }), cutOff],
    [
      "a discovery document cut before its last chunk",
      (url: string) => ({ discovery: chunked(discovery(url)).replace(/0\r\n\r\n$/, "") }),
      cutOff,
    ],
    [
      "a JWKS cut before its last chunk",
      (url: string) => ({ discovery: sized(discovery(url)), keys: chunked(jwks()).slice(0, -5) }),
      cutOff,
    ],
    ["a discovery document that is not JSON", () => ({ discovery: sized("<html>It works!</html>") }), /is not JSON\n/],
    [
      "a discovery document of truncated JSON with a matching content-length",
      (url: string) => ({ discovery: sized(discovery(url).slice(0, -4)) }),
      /is not JSON\n/,
    ],
    [
      "a JWKS that is not JSON",
      (url: string) => ({ discovery: sized(discovery(url)), keys: sized("keys") }),
      /^error: jwks_uri .* is not JSON\n/,
    ],
  ])(
    "%s fails with one line and exit 1",
    async (_what, answers, message) => {
      const issuer = await issuerAnswering(answers);
      const r = await runHere(["thumbprint", issuer.url, "--timeout", "3000"], { NODE_EXTRA_CA_CERTS: files.root });
      expectFailure(r, message);
    },
    4000,
  );
});

describe("the certificates exactly as sent: tls_certificate pins the last one", () => {
  type Name = "leaf" | "intermediate" | "root" | "unrelated";
  const CHAINS: [string, Name[], RegExp | undefined][] = [
    ["leaf, intermediate", ["leaf", "intermediate"], undefined],
    ["leaf, intermediate, root", ["leaf", "intermediate", "root"], undefined],
    [
      "leaf, root, intermediate (out of order)",
      ["leaf", "root", "intermediate"],
      /^the server sends its chain out of order \(127\.0\.0\.1, then Test Root CA, then Test Intermediate CA\): tls_certificate pins/,
    ],
    [
      "leaf, intermediate, an unrelated CA",
      ["leaf", "intermediate", "unrelated"],
      new RegExp(
        "^the server sends Test Unrelated CA \\(certificate 3 of 3\\), which issued none of the other certificates it sends: .*; " +
          "tls_certificate pins the last certificate sent, Test Unrelated CA, not a CA of the chain$",
      ),
    ],
  ];
  const VERSIONS: [string, object][] = [
    ["TLS 1.3, TLS_AES_256_GCM_SHA384", {}],
    ["TLS 1.3, TLS_AES_128_GCM_SHA256", { ciphers: "TLS_AES_128_GCM_SHA256" }],
    ["TLS 1.3, TLS_CHACHA20_POLY1305_SHA256", { ciphers: "TLS_CHACHA20_POLY1305_SHA256" }],
    // The client's key share is X25519 only, so the server asks again for P-384 before its ServerHello.
    ["TLS 1.3 after a HelloRetryRequest", { ecdhCurve: "P-384" }],
    ["TLS 1.2", { maxVersion: "TLSv1.2" }],
  ];
  // Every cipher suite for the chains that warn; TLS 1.3 with the default suite and TLS 1.2 for the others.
  const cases = CHAINS.flatMap(([chainName, chain, warning]) =>
    VERSIONS.filter(([tlsName]) => warning || !/_128_|CHACHA|Retry/.test(tlsName)).map(
      ([tlsName, tls]) => [chainName, tlsName, chain, tls, warning] as const,
    ),
  );

  test.each(cases)("%s over %s: --json lists every sent certificate and pins the last", async (_c, tlsName, chain, tls, warning) => {
    const issuer = await startIssuer(
      pki.leaf.keyPem,
      chain.map((name) => pki[name].certPem),
      { tls },
    );
    const { protocol, cipher } = await negotiated(issuer.port);
    const suite = /, (TLS_\w+)$/.exec(tlsName)?.[1];
    expect(protocol).toBe(tlsName.startsWith("TLS 1.3") ? "TLSv1.3" : "TLSv1.2");
    if (suite) expect(cipher).toBe(suite);
    const r = await runHere(["thumbprint", issuer.url, "--json", "--no-discovery"], { NODE_EXTRA_CA_CERTS: files.root });
    expect(r).toMatchObject({ code: 0, stderr: "" });
    const report = JSON.parse(r.stdout);
    const expected = [...chain].reverse().map((name) => fingerprintOf(files[name]));
    expect(report.thumbprint).toBe(expected[0]);
    expect(report.certificates.map((c: { sha1: string }) => c.sha1)).toEqual(expected);
    expect(report.certificates.map((c: { index: number; sentIndex: number; pinned: boolean }) => [c.index, c.sentIndex, c.pinned])).toEqual(
      expected.map((_, i) => [i, chain.length - 1 - i, i === 0]),
    );
    expect(report.protocol).toBe(protocol);
    expect(report.verified).toBe(true);
    expect(report.sentInOrder).toBe(warning === undefined);
    expect(report.warnings).toHaveLength(warning === undefined ? 0 : 1);
    if (warning) expect(report.warnings[0]).toMatch(warning);
  });

  test.each(VERSIONS.filter(([tlsName]) => /1\.2|AES_256/.test(tlsName)))(
    "a Certificate message of more than one 16 KiB record over %s, ending in 19 copies of an unrelated CA",
    async (_tlsName, tls) => {
      const chain: Name[] = ["leaf", "intermediate", "root", ...Array<Name>(19).fill("unrelated")];
      expect(chain.reduce((size, name) => size + new X509Certificate(pki[name].certPem).raw.length, 0)).toBeGreaterThan(16_384);
      const issuer = await startIssuer(
        pki.leaf.keyPem,
        chain.map((name) => pki[name].certPem),
        { tls },
      );
      const r = await runHere(["thumbprint", issuer.url, "--json", "--no-discovery"], { NODE_EXTRA_CA_CERTS: files.root });
      const report = JSON.parse(r.stdout);
      expect(report.thumbprint).toBe(fingerprintOf(files.unrelated));
      expect(report.certificates.map((c: { sha1: string }) => c.sha1)).toEqual(
        [...chain].reverse().map((name) => fingerprintOf(files[name])),
      );
      expect(report.warnings).toEqual([
        expect.stringMatching(/^the server sends Test Unrelated CA \(certificate 4 of 22\), which .*, not a CA of the chain$/),
      ]);
    },
  );

  test.each(CHAINS.filter(([, , warning]) => warning))("%s: the pin on stdout, a warning on stderr", async (_c, chain, warning) => {
    const issuer = await startIssuer(
      pki.leaf.keyPem,
      chain.map((name) => pki[name].certPem),
    );
    const r = await runHere(["thumbprint", issuer.url], { NODE_EXTRA_CA_CERTS: files.root });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${fingerprintOf(files[chain[chain.length - 1]])}\n`);
    expect(r.stderr.split("\n").filter(Boolean)).toHaveLength(1);
    expect(r.stderr.replace(/^warning: /, "").trimEnd()).toMatch(warning!);
  });
});

describe("a port that does not answer with TLS: one line, exit 1", () => {
  const url = (port: number) => `https://127.0.0.1:${port}/id/X`;
  const notTls = /^error: 127\.0\.0\.1:\d+ answered without TLS \(plain HTTP\?\)\n$/;
  const closed = /^error: 127\.0\.0\.1:\d+ closed the connection without answering the TLS handshake\n$/;

  test("a plain HTTP server, from the real binary: no stack trace", async () => {
    const r = await run(["thumbprint", url(await startPlainHttp()), "--timeout", "3000"]);
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
    const r = await runHere(["thumbprint", url(await start()), "--timeout", "400"]);
    expectFailure(r, message);
  });
});
