/** The certificates this machine trusts, to verify the issuer's chain against. */
import { createHash } from "crypto";
import { existsSync, readFileSync } from "fs";
import * as tls from "tls";

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

// Parsing some 300 certificates takes ~50 ms; a process that inspects several issuers (the tests)
// parses each distinct trust store once.
const contexts = new Map<string, tls.SecureContext>();

/** A TLS context that trusts `trustStore(env)`. */
export function trustContext(env: { [key: string]: string | undefined }): tls.SecureContext {
  const ca = trustStore(env);
  const key = createHash("sha256").update(ca.join("\n")).digest("hex");
  let context = contexts.get(key);
  if (!context) contexts.set(key, (context = tls.createSecureContext({ ca })));
  return context;
}
