/**
 * A throwaway PKI for tests, as PEM: a root CA, an intermediate CA and a leaf for 127.0.0.1, and an
 * unrelated self-signed CA that a misconfigured server may send along. Keys (made in parallel) and
 * signatures come from Node's crypto (fast, native); node-forge builds the certificates, which Node
 * cannot do.
 */
import { generateKeyPair, randomBytes, sign } from "crypto";
import * as forge from "node-forge";

export interface Issued {
  readonly certPem: string;
  readonly keyPem: string;
  readonly cert: forge.pki.Certificate;
}

interface KeyPair {
  readonly publicKey: string;
  readonly privateKey: string;
}

function keyPair(): Promise<KeyPair> {
  return new Promise((resolve, reject) =>
    generateKeyPair(
      "rsa",
      { modulusLength: 2048, publicKeyEncoding: { type: "spki", format: "pem" }, privateKeyEncoding: { type: "pkcs1", format: "pem" } },
      (error, publicKey, privateKey) => (error ? reject(error) : resolve({ publicKey, privateKey })),
    ),
  );
}

function issue(keys: KeyPair, commonName: string, ca: boolean, issuer?: Issued, ip?: string): Issued {
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
  // forge hashes and then calls key.sign(md) once cert.tbsCertificate is set; Node signs those bytes
  // natively, some ten times faster than forge's RSA in JavaScript.
  const signer = {
    sign: () =>
      sign(
        "sha256",
        Buffer.from(forge.asn1.toDer(cert.tbsCertificate).getBytes(), "binary"),
        issuer ? issuer.keyPem : keys.privateKey,
      ).toString("binary"),
  };
  cert.sign(signer as unknown as forge.pki.rsa.PrivateKey, forge.md.sha256.create());
  return { certPem: forge.pki.certificateToPem(cert), keyPem: keys.privateKey, cert };
}

export async function makePki(ip = "127.0.0.1") {
  const [rootKeys, intermediateKeys, leafKeys, unrelatedKeys] = await Promise.all([keyPair(), keyPair(), keyPair(), keyPair()]);
  const root = issue(rootKeys, "Test Root CA", true);
  const intermediate = issue(intermediateKeys, "Test Intermediate CA", true, root);
  const leaf = issue(leafKeys, ip, false, intermediate, ip);
  const unrelated = issue(unrelatedKeys, "Test Unrelated CA", true);
  return { root, intermediate, leaf, unrelated };
}
