/**
 * A throwaway PKI for tests: a root CA, an intermediate CA and a leaf for 127.0.0.1, as PEM.
 * Keys come from Node's crypto (fast, native); node-forge builds and signs the certificates, which
 * Node cannot do.
 */
import { generateKeyPairSync, randomBytes } from "crypto";
import * as forge from "node-forge";

export interface Issued {
  readonly certPem: string;
  readonly keyPem: string;
  readonly cert: forge.pki.Certificate;
}

function keyPair() {
  return generateKeyPairSync("rsa", {
    modulusLength: 2048,
    publicKeyEncoding: { type: "spki", format: "pem" },
    privateKeyEncoding: { type: "pkcs1", format: "pem" },
  });
}

function issue(commonName: string, ca: boolean, issuer?: Issued, ip?: string): Issued {
  const keys = keyPair();
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(keys.publicKey);
  cert.serialNumber = `01${randomBytes(8).toString("hex")}`;
  cert.validity.notBefore = new Date(Date.now() - 24 * 3600 * 1000);
  cert.validity.notAfter = new Date(Date.now() + 365 * 24 * 3600 * 1000);
  const subject = [
    { name: "commonName", value: commonName },
    { name: "organizationName", value: "cdktf-eks-irsa tests" },
  ];
  cert.setSubject(subject);
  cert.setIssuer(issuer ? issuer.cert.subject.attributes : subject);
  const extensions: object[] = [
    { name: "basicConstraints", cA: ca, critical: true },
    { name: "keyUsage", critical: true, keyCertSign: ca, cRLSign: ca, digitalSignature: true, keyEncipherment: !ca },
    { name: "subjectKeyIdentifier" },
  ];
  if (ip) extensions.push({ name: "subjectAltName", altNames: [{ type: 7, ip }] }, { name: "extKeyUsage", serverAuth: true });
  cert.setExtensions(extensions);
  cert.sign(forge.pki.privateKeyFromPem(issuer ? issuer.keyPem : keys.privateKey), forge.md.sha256.create());
  return { certPem: forge.pki.certificateToPem(cert), keyPem: keys.privateKey, cert };
}

export function makePki(ip = "127.0.0.1") {
  const root = issue("Test Root CA", true);
  const intermediate = issue("Test Intermediate CA", true, root);
  const leaf = issue(ip, false, intermediate, ip);
  return { root, intermediate, leaf };
}
