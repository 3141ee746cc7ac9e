/**
 * The sent chain as the `thumbprint` command reports it: each certificate in `tls_certificate` order
 * (the last one sent first: the pinned one), and warnings when the send order makes that pin
 * something else than the top CA of the chain (certificates out of order, or one that does not belong).
 */
import { createHash, X509Certificate } from "crypto";

export interface CertificateInfo {
  /** Position in `tls_certificate`'s `certificates`; 0 is the pinned one. */
  readonly index: number;
  /** Position in the order the server sent the chain; 0 is the first sent, normally the leaf. */
  readonly sentIndex: number;
  readonly subject: string;
  readonly issuer: string;
  /** SHA-1 of the whole DER certificate, 40 lowercase hex characters. */
  readonly sha1: string;
  readonly notAfter: string;
  readonly selfSigned: boolean;
  /** Whether `tls_certificate` pins this one: `certificates[0]`, the last certificate sent. */
  readonly pinned: boolean;
}

export interface SentChain {
  /** In `tls_certificate` order: the reverse of the send order. */
  readonly certificates: CertificateInfo[];
  /** Whether each certificate sent after the first issued the one sent just before it. */
  readonly inOrder: boolean;
  readonly warnings: string[];
}

const oneLine = (dn: string) => dn.split("\n").filter(Boolean).join(", ");

/** The common name of a certificate, or its whole subject when it has none. */
const nameOf = (x: X509Certificate) => /^CN=(.*)$/m.exec(x.subject)?.[1] ?? oneLine(x.subject);

function issued(parent: X509Certificate, child: X509Certificate): boolean {
  try {
    return child.checkIssued(parent) && child.verify(parent.publicKey);
  } catch {
    return false;
  }
}

/** Describes the certificates as sent (`sent[0]` first sent) and checks their order. */
export function describeSentChain(sent: Buffer[]): SentChain {
  const x509 = sent.map((der) => new X509Certificate(der));
  const last = sent.length - 1;
  const certificates = sent
    .map((der, sentIndex) => {
      const x = x509[sentIndex];
      return {
        index: last - sentIndex,
        sentIndex,
        subject: oneLine(x.subject),
        issuer: oneLine(x.issuer),
        sha1: createHash("sha1").update(der).digest("hex"),
        notAfter: new Date(x.validTo).toISOString(),
        selfSigned: issued(x, x),
        pinned: sentIndex === last,
      };
    })
    .reverse();
  const misplaced = x509.map((x, i) => i > 0 && !issued(x, x509[i - 1]));
  // A misplaced certificate that issued another sent one is out of order; one that issued none is a
  // stray. Copies of a certificate do not count: a self-signed one "issued" its own copy.
  const issuesAnother = (i: number) => x509.some((other, j) => !sent[j].equals(sent[i]) && issued(x509[i], other));
  const strays = sent.map((_, i) => i).filter((i) => misplaced[i] && !issuesAnother(i));
  const warnings: string[] = [];
  if (misplaced.some((m, i) => m && issuesAnother(i))) {
    warnings.push(
      `the server sends its chain out of order (${x509.map(nameOf).join(", then ")}): tls_certificate pins the last ` +
        `certificate sent, ${nameOf(x509[last])}, which may not be the top intermediate CA`,
    );
  }
  if (strays.length > 0) {
    const pinnedIsStray = strays.some((i) => sent[i].equals(sent[last]));
    warnings.push(
      `the server sends ${strays.map((i) => `${nameOf(x509[i])} (certificate ${i + 1} of ${sent.length})`).join(", ")}, ` +
        "which issued none of the other certificates it sends: an unrelated certificate or a gap in the chain" +
        (pinnedIsStray ? `; tls_certificate pins the last certificate sent, ${nameOf(x509[last])}, not a CA of the chain` : ""),
    );
  }
  return { certificates, inOrder: !misplaced.includes(true), warnings };
}
