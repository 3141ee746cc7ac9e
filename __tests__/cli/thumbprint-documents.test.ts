/**
 * The `thumbprint` command's discovery check reads documents defensively: the discovery document and
 * the JWKS are read up to 1 MiB, must arrive whole (not cut before their content-length or last
 * chunk), and must be JSON; anything else fails in one line with exit 1.
 */
import { closeAll, startRawIssuer } from "../support/issuers";
import { expectFailure, fingerprintOf, Pki, runHere, writePki } from "../support/thumbprint";
import { MAX_TIMEOUT_MS } from "../../lib/cli/thumbprint/deadline";

// Load-independent: a machine under load makes these runs slow, never wrong. Time limits here are failure
// bounds only (jest's timeout; the command's own --timeout at its maximum where the test is not about time).
jest.setTimeout(30_000);
const GENEROUS = String(MAX_TIMEOUT_MS);

let pki: Pki;
let files: Awaited<ReturnType<typeof writePki>>["files"];

beforeAll(async () => ({ pki, files } = await writePki()), 30000);
afterAll(closeAll);

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
    const r = await runHere(["thumbprint", issuer.url, "--timeout", GENEROUS], { NODE_EXTRA_CA_CERTS: files.root });
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
      "a JWKS with no keys (IAM could verify no token)",
      (url: string) => ({ discovery: sized(discovery(url)), keys: sized(JSON.stringify({ keys: [] })) }),
      /^error: jwks_uri .* has no keys \(0 entries, none with a "kty"\): IAM could verify no token of this issuer\n/,
    ],
    [
      "a JWKS whose entries are no keys",
      (url: string) => ({ discovery: sized(discovery(url)), keys: sized(JSON.stringify({ keys: [{}, "k1"] })) }),
      /^error: jwks_uri .* has no keys \(2 entries, none with a "kty"\)/,
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
      const r = await runHere(["thumbprint", issuer.url, "--timeout", GENEROUS], { NODE_EXTRA_CA_CERTS: files.root });
      expectFailure(r, message);
    },
    30_000,
  );
});
