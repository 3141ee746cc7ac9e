/**
 * TLS 1.3 sends the Certificate message encrypted. This decrypts the server's handshake records of one
 * connection with the server handshake traffic secret that Node reports through the TLSSocket
 * 'keylog' event (RFC 8446 7.1 key schedule, 7.3 traffic keys, 5.2 and 5.3 record protection).
 */
import { createDecipheriv, createHmac } from "crypto";
import { APPLICATION_DATA, certificateList, findCertificateMessage, HANDSHAKE, TlsRecord } from "./tls-records";

/** The TLS 1.3 cipher suites OpenSSL offers by default (CCM ones are off unless configured). */
const SUITES: { [name: string]: { cipher: "aes-128-gcm" | "aes-256-gcm" | "chacha20-poly1305"; keyLength: number; hash: string } } = {
  TLS_AES_128_GCM_SHA256: { cipher: "aes-128-gcm", keyLength: 16, hash: "sha256" },
  TLS_AES_256_GCM_SHA384: { cipher: "aes-256-gcm", keyLength: 32, hash: "sha384" },
  TLS_CHACHA20_POLY1305_SHA256: { cipher: "chacha20-poly1305", keyLength: 32, hash: "sha256" },
};
const TAG_LENGTH = 16;
const IV_LENGTH = 12;

/** HKDF-Expand-Label(secret, label, "", length) of RFC 8446 7.1. */
function expandLabel(hash: string, secret: Buffer, label: string, length: number): Buffer {
  const fullLabel = Buffer.from(`tls13 ${label}`, "latin1");
  const info = Buffer.concat([Buffer.from([length >> 8, length & 0xff, fullLabel.length]), fullLabel, Buffer.from([0])]);
  const blocks: Buffer[] = [];
  let block = Buffer.alloc(0);
  for (let i = 1, total = 0; total < length; i++, total += block.length) {
    block = createHmac(hash, secret)
      .update(block)
      .update(info)
      .update(Buffer.from([i]))
      .digest();
    blocks.push(block);
  }
  return Buffer.concat(blocks).subarray(0, length);
}

/** The secret of a key log (NSS format) line "SERVER_HANDSHAKE_TRAFFIC_SECRET <client random> <secret>". */
export function serverHandshakeSecret(keylog: string[]): Buffer | undefined {
  const line = keylog.map((l) => l.trim().split(" ")).find(([label]) => label === "SERVER_HANDSHAKE_TRAFFIC_SECRET");
  return line ? Buffer.from(line[2], "hex") : undefined;
}

/** The certificates of the encrypted Certificate message, in the order the server sent them. */
export function tls13Certificates(records: TlsRecord[], suiteName: string, secret: Buffer): Buffer[] {
  const suite = SUITES[suiteName];
  if (!suite) throw new Error(`cipher suite ${suiteName} is not one this command can read`);
  const key = expandLabel(suite.hash, secret, "key", suite.keyLength);
  const iv = expandLabel(suite.hash, secret, "iv", IV_LENGTH);
  const handshake: Buffer[] = [];
  let sequence = 0n;
  // Records in clear (ServerHello, a compatibility ChangeCipherSpec) carry no sequence number.
  for (const record of records.filter((r) => r.type === APPLICATION_DATA)) {
    const nonce = Buffer.from(iv);
    const counter = Buffer.alloc(8);
    counter.writeBigUInt64BE(sequence++);
    for (let i = 0; i < 8; i++) nonce[IV_LENGTH - 8 + i] ^= counter[i];
    const { cipher } = suite;
    const decipher =
      cipher === "chacha20-poly1305"
        ? createDecipheriv(cipher, key, nonce, { authTagLength: TAG_LENGTH })
        : createDecipheriv(cipher, key, nonce, { authTagLength: TAG_LENGTH });
    decipher.setAAD(record.header, { plaintextLength: record.body.length - TAG_LENGTH });
    decipher.setAuthTag(record.body.subarray(record.body.length - TAG_LENGTH));
    const inner = Buffer.concat([decipher.update(record.body.subarray(0, record.body.length - TAG_LENGTH)), decipher.final()]);
    // TLSInnerPlaintext: content, then the real content type, then zero padding.
    let end = inner.length - 1;
    while (end >= 0 && inner[end] === 0) end--;
    if (inner[end] !== HANDSHAKE) break;
    handshake.push(inner.subarray(0, end));
    const message = findCertificateMessage(Buffer.concat(handshake));
    if (message) return certificateList(message, true);
  }
  return [];
}
