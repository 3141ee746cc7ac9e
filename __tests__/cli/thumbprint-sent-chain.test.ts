/**
 * The `thumbprint` command reads the certificates exactly as the server sends them and prints what
 * tls_certificate pins: the last one sent. Chains in order, out of order and with an unrelated CA,
 * over TLS 1.3 (each cipher suite, a HelloRetryRequest) and TLS 1.2, are checked against SHA-1s
 * computed by node-forge from the PEM files.
 */
import { X509Certificate } from "crypto";
import { closeAll, negotiated, startIssuer } from "../support/issuers";
import { CertificateName, fingerprintOf, Pki, runHere, writePki } from "../support/thumbprint";

// Load-independent: a machine under load makes these runs slow, never wrong. Time limits here are failure
// bounds only (jest's timeout; the command's own --timeout at its maximum where the test is not about time).
jest.setTimeout(30_000);

let pki: Pki;
let files: Awaited<ReturnType<typeof writePki>>["files"];

beforeAll(async () => ({ pki, files } = await writePki()), 30000);
afterAll(closeAll);

describe("the certificates exactly as sent: tls_certificate pins the last one", () => {
  const CHAINS: [string, CertificateName[], RegExp | undefined][] = [
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
      const chain: CertificateName[] = ["leaf", "intermediate", "root", ...Array<CertificateName>(19).fill("unrelated")];
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
