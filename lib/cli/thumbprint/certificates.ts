/** What the `thumbprint` command reports about one certificate. */
import { createHash, X509Certificate } from "crypto";

export interface CertificateInfo {
  readonly subject: string;
  readonly issuer: string;
  /** SHA-1 of the whole DER certificate, 40 lowercase hex characters. */
  readonly sha1: string;
  readonly notAfter: string;
  readonly selfSigned: boolean;
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
