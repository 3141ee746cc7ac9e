/** The certificates this machine trusts, to verify the issuer's chain against. */
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
