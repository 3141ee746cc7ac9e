/**
 * Reading what a TLS server sent from the raw bytes: records (RFC 8446 5.1), handshake messages, and
 * the certificate_list of the Certificate message, in the order sent (RFC 5246 7.4.2; RFC 8446 4.4.2).
 */

export const CHANGE_CIPHER_SPEC = 20;
export const ALERT = 21;
export const HANDSHAKE = 22;
export const APPLICATION_DATA = 23;
const CERTIFICATE = 11;

export interface TlsRecord {
  readonly type: number;
  /** The 5 header bytes, which TLS 1.3 authenticates as additional data. */
  readonly header: Buffer;
  readonly body: Buffer;
}

/** Whether the first bytes a server sent can start a TLS record: a content type, then major version 3. */
export function startsLikeTls(head: Buffer): boolean {
  return (head.length < 1 || (head[0] >= CHANGE_CIPHER_SPEC && head[0] <= APPLICATION_DATA)) && (head.length < 2 || head[1] === 3);
}

/** The complete records in `bytes`, in order. */
export function readRecords(bytes: Buffer): TlsRecord[] {
  const records: TlsRecord[] = [];
  for (let at = 0; at + 5 <= bytes.length;) {
    const end = at + 5 + bytes.readUInt16BE(at + 3);
    if (end > bytes.length) break;
    records.push({ type: bytes[at], header: bytes.subarray(at, at + 5), body: bytes.subarray(at + 5, end) });
    at = end;
  }
  return records;
}

const ALERTS: { [code: number]: string } = {
  10: "unexpected_message",
  40: "handshake_failure",
  42: "bad_certificate",
  47: "illegal_parameter",
  50: "decode_error",
  70: "protocol_version",
  71: "insufficient_security",
  80: "internal_error",
  109: "missing_extension",
  112: "unrecognized_name",
};

/** The first alert sent in clear, e.g. "handshake_failure (40)". */
export function clearAlert(records: TlsRecord[]): string | undefined {
  const alert = records.find((r) => r.type === ALERT && r.body.length === 2);
  if (!alert) return undefined;
  const code = alert.body[1];
  return `${ALERTS[code] ?? "alert"} (${code})`;
}

/** The body of the first Certificate message in a stream of handshake messages, once complete. */
export function findCertificateMessage(handshake: Buffer): Buffer | undefined {
  for (let at = 0; at + 4 <= handshake.length;) {
    const end = at + 4 + handshake.readUIntBE(at + 1, 3);
    if (end > handshake.length) return undefined;
    if (handshake[at] === CERTIFICATE) return handshake.subarray(at + 4, end);
    at = end;
  }
  return undefined;
}

/** Bounds-checked reading of the length-prefixed vectors TLS is made of. */
class Reader {
  private at = 0;
  constructor(private readonly bytes: Buffer) {}
  vector(lengthBytes: number): Buffer {
    const length = this.take(lengthBytes).readUIntBE(0, lengthBytes);
    return this.take(length);
  }
  done(): boolean {
    return this.at === this.bytes.length;
  }
  private take(length: number): Buffer {
    if (this.at + length > this.bytes.length) throw new Error("the Certificate message is shorter than its lengths say");
    this.at += length;
    return this.bytes.subarray(this.at - length, this.at);
  }
}

/** The DER certificates of a Certificate message, in the order the server sent them. */
export function certificateList(message: Buffer, tls13: boolean): Buffer[] {
  const body = new Reader(message);
  if (tls13) body.vector(1); // certificate_request_context
  const list = new Reader(body.vector(3));
  const certificates: Buffer[] = [];
  while (!list.done()) {
    certificates.push(list.vector(3));
    if (tls13) list.vector(2); // the entry's extensions
  }
  return certificates;
}

/** TLS 1.2 sends its Certificate message in clear: the handshake records before ChangeCipherSpec. */
export function tls12Certificates(records: TlsRecord[]): Buffer[] {
  const clear: Buffer[] = [];
  for (const record of records) {
    if (record.type === CHANGE_CIPHER_SPEC) break;
    if (record.type === HANDSHAKE) clear.push(record.body);
  }
  const message = findCertificateMessage(Buffer.concat(clear));
  return message ? certificateList(message, false) : [];
}
