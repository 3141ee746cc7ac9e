import { createHash, X509Certificate } from "crypto";
import { existsSync, readFileSync } from "fs";
import * as https from "https";
import { isIP } from "net";
import * as tls from "tls";

/**
 * What `tls_certificate` would pin for an OIDC issuer, found the way the data source finds it: the
 * chain the server *sends*, reversed, so that `certificates[0]` is the top-most sent certificate.
 * (hashicorp/tls reverses the chain it reads; see the README, "Air-gapped or TLS-intercepting runners").
 */

/** The longest any inspection may take, whatever the caller asks. */
export const MAX_TIMEOUT_MS = 10_000;

/** A failure to report in one line (bad URL, DNS, refused, timeout, discovery mismatch). */
export class ThumbprintError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ThumbprintError";
  }
}

export interface CertificateInfo {
  readonly subject: string;
  readonly issuer: string;
  /** SHA-1 of the whole DER certificate, 40 lowercase hex characters. */
  readonly sha1: string;
  readonly notAfter: string;
  readonly selfSigned: boolean;
}

export interface DiscoveryReport {
  readonly url: string;
  readonly issuer: string;
  readonly jwksUri: string;
  readonly jwksKeys: number;
}

export interface IssuerReport {
  readonly issuerUrl: string;
  /** `certificates[0].sha1_fingerprint` of `data "tls_certificate"`: the thumbprint to pin. */
  readonly thumbprint: string;
  /** The sent chain in `tls_certificate` order: the top-most sent certificate first, the leaf last. */
  readonly certificates: CertificateInfo[];
  /** Whether the sent chain verifies against the trust store (bundled, system, NODE_EXTRA_CA_CERTS). */
  readonly verified: boolean;
  readonly verifyError?: string;
  readonly warnings: string[];
  readonly discovery?: DiscoveryReport;
}

export interface InspectOptions {
  /** Bound for the whole inspection, at most MAX_TIMEOUT_MS. */
  readonly timeoutMs?: number;
  /** Fetch and check the OIDC discovery document and its JWKS. */
  readonly discovery?: boolean;
  /** Environment, for NODE_EXTRA_CA_CERTS. */
  readonly env?: { [key: string]: string | undefined };
}

/** Checks the issuer URL: https, a host, no query or fragment. */
export function parseIssuerUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new ThumbprintError(`"${text}" is not a URL (expected https://<issuer host>/<path>)`);
  }
  if (url.protocol !== "https:") throw new ThumbprintError(`"${text}" is not an https URL; OIDC issuers are https`);
  if (url.search || url.hash) throw new ThumbprintError(`"${text}" has a query or fragment; an issuer URL has neither`);
  if (url.username || url.password) throw new ThumbprintError(`"${text}" carries credentials; an issuer URL has none`);
  return url;
}

export function describeCertificate(der: Buffer): CertificateInfo {
  const x = new X509Certificate(der);
  const oneLine = (dn: string) => dn.split("\n").filter(Boolean).join(", ");
  let selfSigned = false;
  try {
    selfSigned = x.checkIssued(x) && x.verify(x.publicKey);
  } catch {
    selfSigned = false;
  }
  return {
    subject: oneLine(x.subject),
    issuer: oneLine(x.issuer),
    sha1: createHash("sha1").update(der).digest("hex"),
    notAfter: new Date(x.validTo).toISOString(),
    selfSigned,
  };
}

/** The PEM certificates this machine trusts: Node's bundle, the system bundle, NODE_EXTRA_CA_CERTS. */
export function trustStore(env: { [key: string]: string | undefined }): string[] {
  const bundles = ["/etc/ssl/certs/ca-certificates.crt", "/etc/pki/tls/certs/ca-bundle.crt", "/etc/ssl/cert.pem"];
  const pems: string[] = [...tls.rootCertificates];
  const system = bundles.find((file) => existsSync(file));
  if (system) pems.push(...splitPem(readFileSync(system, "utf8")));
  if (env.NODE_EXTRA_CA_CERTS && existsSync(env.NODE_EXTRA_CA_CERTS)) pems.push(...splitPem(readFileSync(env.NODE_EXTRA_CA_CERTS, "utf8")));
  return pems;
}

function splitPem(text: string): string[] {
  return text.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
}

class Deadline {
  private readonly end: number;
  constructor(public readonly ms: number) {
    this.end = Date.now() + ms;
  }
  remaining(): number {
    return Math.max(1, this.end - Date.now());
  }
}

function networkError(e: NodeJS.ErrnoException, host: string, port: number, deadline: Deadline): ThumbprintError {
  switch (e.code) {
    case "ENOTFOUND":
    case "EAI_AGAIN":
    case "EAI_FAIL":
      return new ThumbprintError(`cannot resolve host "${host}" (${e.code})`);
    case "ECONNREFUSED":
      return new ThumbprintError(`connection refused by ${host}:${port} (nothing listens there)`);
    case "ETIMEDOUT":
      return new ThumbprintError(`no answer from ${host}:${port} within ${deadline.ms} ms`);
    default:
      return new ThumbprintError(`TLS connection to ${host}:${port} failed: ${e.message}`);
  }
}

/** Opens a TLS connection and hands the socket to `use` once the handshake is done. */
function withTls<T>(url: URL, ca: string[], deadline: Deadline, use: (socket: tls.TLSSocket) => T): Promise<T> {
  const host = url.hostname.replace(/^\[|\]$/g, "");
  const port = Number(url.port || 443);
  return new Promise<T>((resolve, reject) => {
    const socket = tls.connect({ host, port, servername: isIP(host) ? undefined : host, ca, rejectUnauthorized: false });
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new ThumbprintError(`no answer from ${host}:${port} within ${deadline.ms} ms`));
    }, deadline.remaining());
    socket.once("secureConnect", () => {
      clearTimeout(timer);
      try {
        resolve(use(socket));
      } catch (e) {
        reject(e);
      } finally {
        socket.destroy();
      }
    });
    socket.once("error", (e) => {
      clearTimeout(timer);
      reject(networkError(e, host, port, deadline));
    });
  });
}

/**
 * The chain exactly as the server sent it, leaf first. Node completes `getPeerCertificate(true)`
 * with an issuer from the trust store when the server omits its root; a trust store that holds no
 * certificate at all leaves only the sent certificates to link.
 */
function sentChain(url: URL, deadline: Deadline): Promise<Buffer[]> {
  return withTls(url, [], deadline, (socket) => {
    const chain: Buffer[] = [];
    const seen = new Set<string>();
    let cert: tls.DetailedPeerCertificate | undefined = socket.getPeerCertificate(true);
    while (cert && cert.raw && !seen.has(cert.fingerprint256)) {
      seen.add(cert.fingerprint256);
      chain.push(cert.raw);
      cert = cert.issuerCertificate;
    }
    if (chain.length === 0) throw new ThumbprintError(`${url.host} sent no certificate`);
    return chain;
  });
}

function verifyAgainst(url: URL, ca: string[], deadline: Deadline): Promise<{ verified: boolean; error?: string }> {
  return withTls(url, ca, deadline, (socket) => {
    if (!socket.authorized) return { verified: false, error: String(socket.authorizationError) };
    const identity = tls.checkServerIdentity(url.hostname.replace(/^\[|\]$/g, ""), socket.getPeerCertificate());
    return identity ? { verified: false, error: identity.message } : { verified: true };
  });
}

function getJson(url: string, deadline: Deadline): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    // The chain is verified (or reported unverified) separately; here only the documents matter.
    const request = https.get(url, { rejectUnauthorized: false, timeout: deadline.remaining() }, (response) => {
      let text = "";
      response.setEncoding("utf8");
      response.on("data", (chunk) => (text += chunk));
      response.on("end", () => {
        try {
          resolve({ status: response.statusCode ?? 0, body: JSON.parse(text) });
        } catch {
          resolve({ status: response.statusCode ?? 0, body: undefined });
        }
      });
    });
    request.on("timeout", () => request.destroy(new ThumbprintError(`no answer from ${url} within ${deadline.ms} ms`)));
    request.on("error", (e) => reject(e instanceof ThumbprintError ? e : new ThumbprintError(`GET ${url} failed: ${e.message}`)));
  });
}

/** Fetches `<issuer>/.well-known/openid-configuration` and its JWKS, and checks them. */
async function checkDiscovery(issuerUrl: string, deadline: Deadline): Promise<DiscoveryReport> {
  const url = `${issuerUrl}/.well-known/openid-configuration`;
  const doc = await getJson(url, deadline);
  const body = doc.body as { issuer?: unknown; jwks_uri?: unknown } | undefined;
  if (doc.status !== 200 || body === undefined || body === null || typeof body !== "object") {
    throw new ThumbprintError(`discovery document ${url} answered HTTP ${doc.status}${body === undefined ? " without JSON" : ""}`);
  }
  if (body.issuer !== issuerUrl) {
    throw new ThumbprintError(
      `discovery document ${url} names the issuer ${JSON.stringify(body.issuer)}, not "${issuerUrl}"; tokens would not match the provider`,
    );
  }
  if (typeof body.jwks_uri !== "string" || !body.jwks_uri.startsWith("https://")) {
    throw new ThumbprintError(`discovery document ${url} has jwks_uri ${JSON.stringify(body.jwks_uri)}, not an https URL`);
  }
  const jwks = await getJson(body.jwks_uri, deadline);
  const keys = (jwks.body as { keys?: unknown } | undefined)?.keys;
  if (jwks.status !== 200 || !Array.isArray(keys)) {
    throw new ThumbprintError(`jwks_uri ${body.jwks_uri} answered HTTP ${jwks.status} without a JSON key set`);
  }
  return { url, issuer: body.issuer, jwksUri: body.jwks_uri, jwksKeys: keys.length };
}

/** Everything the `thumbprint` command reports about an issuer. */
export async function inspectIssuer(issuerUrl: string, options: InspectOptions = {}): Promise<IssuerReport> {
  const url = parseIssuerUrl(issuerUrl);
  const deadline = new Deadline(Math.min(options.timeoutMs ?? MAX_TIMEOUT_MS, MAX_TIMEOUT_MS));
  const sent = await sentChain(url, deadline);
  // tls_certificate reverses the sent chain: certificates[0] is the top-most sent certificate.
  const certificates = sent.map(describeCertificate).reverse();
  const { verified, error } = await verifyAgainst(url, trustStore(options.env ?? process.env), deadline);
  const warnings: string[] = [];
  if (!verified) {
    warnings.push(
      `the chain does not verify against the trust store (${error}): a TLS-intercepting proxy may be in the way, ` +
        "and the thumbprint would then be the proxy's; compare it from a machine with a direct connection",
    );
  }
  if (certificates.length === 1)
    warnings.push("the server sent a single certificate: the pinned thumbprint is the leaf's, which changes at every renewal");
  const report: IssuerReport = { issuerUrl, thumbprint: certificates[0].sha1, certificates, verified, verifyError: error, warnings };
  return options.discovery === false ? report : { ...report, discovery: await checkDiscovery(issuerUrl, deadline) };
}
