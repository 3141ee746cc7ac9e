/** The TLS connections to the issuer: the chain it sends, and whether that chain verifies. */
import { isIP } from "net";
import * as tls from "tls";
import { Deadline } from "./deadline";
import { ThumbprintError } from "./errors";
import { Endpoint, endpointOf } from "./issuer-url";

function networkError(e: NodeJS.ErrnoException, { host, target }: Endpoint, deadline: Deadline): ThumbprintError {
  switch (e.code) {
    case "ENOTFOUND":
    case "EAI_AGAIN":
    case "EAI_FAIL":
      return new ThumbprintError(`cannot resolve host "${host}" (${e.code})`);
    case "ECONNREFUSED":
      return new ThumbprintError(`connection refused by ${target} (nothing listens there)`);
    case "ETIMEDOUT":
      return new ThumbprintError(`no answer from ${target} within ${deadline.ms} ms`);
    default:
      return new ThumbprintError(`TLS connection to ${target} failed: ${e.message}`);
  }
}

/** Opens a TLS connection and hands the socket to `use` once the handshake is done. */
function withTls<T>(url: URL, ca: string[], deadline: Deadline, use: (socket: tls.TLSSocket) => T): Promise<T> {
  const endpoint = endpointOf(url);
  const { host, port, target } = endpoint;
  deadline.begin(target, "the TLS handshake");
  return new Promise<T>((resolve, reject) => {
    const socket = tls.connect({ host, port, servername: isIP(host) ? undefined : host, ca, rejectUnauthorized: false });
    const onAbort = () => {
      socket.destroy();
      reject(deadline.signal.reason);
    };
    if (deadline.signal.aborted) return onAbort();
    deadline.signal.addEventListener("abort", onAbort, { once: true });
    socket.once("secureConnect", () => {
      deadline.signal.removeEventListener("abort", onAbort);
      try {
        resolve(use(socket));
      } catch (e) {
        reject(e);
      } finally {
        socket.destroy();
      }
    });
    socket.once("error", (e) => {
      deadline.signal.removeEventListener("abort", onAbort);
      reject(networkError(e, endpoint, deadline));
    });
  });
}

/**
 * The chain exactly as the server sent it, leaf first. Node completes `getPeerCertificate(true)`
 * with an issuer from the trust store when the server omits its root; a trust store that holds no
 * certificate at all leaves only the sent certificates to link.
 */
export function sentChain(url: URL, deadline: Deadline): Promise<Buffer[]> {
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

export function verifyAgainst(url: URL, ca: string[], deadline: Deadline): Promise<{ verified: boolean; error?: string }> {
  return withTls(url, ca, deadline, (socket) => {
    if (!socket.authorized) return { verified: false, error: String(socket.authorizationError) };
    const identity = tls.checkServerIdentity(endpointOf(url).host, socket.getPeerCertificate());
    return identity ? { verified: false, error: identity.message } : { verified: true };
  });
}
