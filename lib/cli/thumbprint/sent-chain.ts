/**
 * One TLS connection to the issuer: the certificates exactly as the server sent them, and whether
 * they verify against the trust store.
 *
 * Node only hands out the peer chain re-linked by issuer (getPeerCertificate(true)), which loses the
 * send order and drops certificates that are not part of the chain, while tls_certificate pins the
 * *last* certificate sent, whatever it is. So Node's own TLS client runs over a Duplex that records
 * every byte the server sends, and the Certificate message is read from those bytes: in clear in
 * TLS 1.2; in TLS 1.3 decrypted with the handshake secret Node reports through 'keylog'. The protocol
 * version is left to negotiation, as in hashicorp/tls (Go), so the server sends the same flight.
 */
import { isIP, Socket, connect } from "net";
import { Duplex } from "stream";
import * as tls from "tls";
import { Deadline } from "./deadline";
import { ThumbprintError } from "./errors";
import { Endpoint, endpointOf } from "./issuer-url";
import { serverHandshakeSecret, tls13Certificates } from "./tls13";
import { clearAlert, readRecords, startsLikeTls, tls12Certificates } from "./tls-records";

export interface TlsFacts {
  /** The certificates in the order the server sent them (the leaf first, normally). */
  readonly sent: Buffer[];
  readonly protocol: string;
  /** Whether the chain verifies against the trust store and names the host. */
  readonly verified: boolean;
  readonly verifyError?: string;
}

/** More than any certificate chain needs; OpenSSL's own limit on a Certificate message is 100 KiB. */
const MAX_HANDSHAKE_BYTES = 1024 * 1024;

function networkError(e: NodeJS.ErrnoException, { host, target }: Endpoint, received: number): ThumbprintError {
  switch (e.code) {
    case "ENOTFOUND":
    case "EAI_AGAIN":
    case "EAI_FAIL":
      return new ThumbprintError(`cannot resolve host "${host}" (${e.code})`);
    case "ECONNREFUSED":
      return new ThumbprintError(`connection refused by ${target} (nothing listens there)`);
    case "ECONNRESET":
    case "EPIPE":
      return closedError(target, received);
    default:
      return new ThumbprintError(`connection to ${target} failed: ${e.message}`);
  }
}

function closedError(target: string, received: number): ThumbprintError {
  const when = received === 0 ? "without answering the TLS handshake" : "in the middle of the TLS handshake";
  return new ThumbprintError(`${target} closed the connection ${when}`);
}

/** A stream over `raw` that hands every byte read to `tap` first. */
function tapped(raw: Socket, tap: (chunk: Buffer) => boolean): Duplex {
  const duplex: Duplex = new Duplex({
    read: () => raw.resume(),
    write: (chunk, _encoding, callback) => raw.write(chunk, callback),
    final: (callback) => raw.end(callback),
    destroy: (error, callback) => {
      raw.destroy();
      callback(error);
    },
  });
  raw.on("data", (chunk: Buffer) => {
    if (tap(chunk) && !duplex.push(chunk)) raw.pause();
  });
  raw.on("end", () => duplex.push(null));
  return duplex;
}

/** Connects, completes the handshake, and reads what the server sent. */
export function readSentChain(url: URL, trust: tls.SecureContext, deadline: Deadline): Promise<TlsFacts> {
  const endpoint = endpointOf(url);
  const { host, port, target } = endpoint;
  deadline.begin(target, "the TLS handshake");
  return new Promise((resolve, reject) => {
    const received: Buffer[] = [];
    let receivedBytes = 0;
    const keylog: string[] = [];
    let settled = false;
    const raw = connect({ host, port });
    const socket = tls.connect({
      socket: tapped(raw, (chunk) => {
        deadline.heard();
        received.push(chunk);
        receivedBytes += chunk.length;
        if (receivedBytes - chunk.length < 2 && !startsLikeTls(Buffer.concat(received).subarray(0, 2))) {
          finish(new ThumbprintError(`${target} answered without TLS (plain HTTP?)`));
        } else if (receivedBytes > MAX_HANDSHAKE_BYTES) {
          finish(new ThumbprintError(`${target} sent more than 1 MiB without completing the TLS handshake`));
        }
        return !settled;
      }),
      // With a socket given, `host` serves only the certificate's name check.
      host,
      servername: isIP(host) ? undefined : host,
      secureContext: trust,
      rejectUnauthorized: false,
    });
    const onAbort = () => finish(deadline.signal.reason);
    function finish(outcome: Error | TlsFacts): void {
      if (settled) return;
      settled = true;
      deadline.signal.removeEventListener("abort", onAbort);
      socket.destroy();
      raw.destroy();
      if (outcome instanceof Error) reject(outcome);
      else resolve(outcome);
    }
    if (deadline.signal.aborted) return onAbort();
    deadline.signal.addEventListener("abort", onAbort, { once: true });
    raw.on("error", (e) => finish(networkError(e, endpoint, receivedBytes)));
    socket.on("keylog", (line: Buffer) => keylog.push(line.toString("latin1")));
    socket.on("error", (e: NodeJS.ErrnoException) => {
      const alert = clearAlert(readRecords(Buffer.concat(received)));
      if (alert) finish(new ThumbprintError(`${target} refused the TLS handshake: alert ${alert}`));
      else if (e.code === "ECONNRESET") finish(closedError(target, receivedBytes));
      // OpenSSL's message carries its source file and line; its reason alone says what went wrong.
      else finish(new ThumbprintError(`TLS handshake with ${target} failed: ${(e as { reason?: string }).reason ?? e.message}`));
    });
    socket.on("close", () => finish(closedError(target, receivedBytes)));
    socket.once("secureConnect", () => {
      try {
        finish(facts(socket, url, Buffer.concat(received), keylog));
      } catch (e) {
        finish(
          e instanceof ThumbprintError ? e : new ThumbprintError(`cannot read the certificates ${target} sent: ${(e as Error).message}`),
        );
      }
    });
  });
}

function facts(socket: tls.TLSSocket, url: URL, received: Buffer, keylog: string[]): TlsFacts {
  const protocol = socket.getProtocol() ?? "unknown";
  const records = readRecords(received);
  let sent: Buffer[];
  if (protocol === "TLSv1.3") {
    const secret = serverHandshakeSecret(keylog);
    if (!secret) throw new Error("Node reported no TLS 1.3 handshake secret");
    sent = tls13Certificates(records, socket.getCipher().standardName, secret);
  } else sent = tls12Certificates(records);
  if (sent.length === 0) throw new ThumbprintError(`${endpointOf(url).target} sent no certificate`);
  if (!socket.authorized) return { sent, protocol, verified: false, verifyError: String(socket.authorizationError) };
  const identity = tls.checkServerIdentity(endpointOf(url).host, socket.getPeerCertificate());
  return identity ? { sent, protocol, verified: false, verifyError: identity.message } : { sent, protocol, verified: true };
}
