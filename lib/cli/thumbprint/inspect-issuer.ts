/**
 * What `tls_certificate` would pin for an OIDC issuer, found the way the data source finds it: the
 * chain the server *sends*, reversed, so that `certificates[0]` is the top-most sent certificate.
 * (hashicorp/tls reverses the chain it reads; see the README, "Air-gapped or TLS-intercepting runners").
 */
import { CertificateInfo, describeCertificate } from "./certificates";
import { Deadline, MAX_TIMEOUT_MS } from "./deadline";
import { checkDiscovery, DiscoveryReport } from "./discovery";
import { parseIssuerUrl } from "./issuer-url";
import { sentChain, verifyAgainst } from "./sent-chain";
import { trustStore } from "./trust-store";

export interface IssuerReport {
  readonly issuerUrl: string;
  /** `certificates[0].sha1_fingerprint` of `data "tls_certificate"`: the thumbprint to pin. */
  readonly thumbprint: string;
  /** The sent chain in `tls_certificate` order: the top-most sent certificate first, the leaf last. */
  readonly certificates: CertificateInfo[];
  /** Whether the sent chain verifies against the trust store (bundled, system, NODE_EXTRA_CA_CERTS). */
  readonly verified: boolean;
  readonly verifyError?: string;
  readonly warnings: string[];
  readonly discovery?: DiscoveryReport;
}

export interface InspectOptions {
  /** Bound for the whole inspection, at most MAX_TIMEOUT_MS. */
  readonly timeoutMs?: number;
  /** Fetch and check the OIDC discovery document and its JWKS. */
  readonly discovery?: boolean;
  /** Environment, for NODE_EXTRA_CA_CERTS. */
  readonly env?: { [key: string]: string | undefined };
}

/** Everything the `thumbprint` command reports about an issuer. */
export async function inspectIssuer(issuerUrl: string, options: InspectOptions = {}): Promise<IssuerReport> {
  const url = parseIssuerUrl(issuerUrl);
  const deadline = new Deadline(Math.min(options.timeoutMs ?? MAX_TIMEOUT_MS, MAX_TIMEOUT_MS));
  return deadline.run(async () => {
    const sent = await sentChain(url, deadline);
    // tls_certificate reverses the sent chain: certificates[0] is the top-most sent certificate.
    const certificates = sent.map(describeCertificate).reverse();
    const { verified, error } = await verifyAgainst(url, trustStore(options.env ?? process.env), deadline);
    const warnings: string[] = [];
    if (!verified) {
      warnings.push(
        `the chain does not verify against the trust store (${error}): a TLS-intercepting proxy may be in the way, ` +
          "and the thumbprint would then be the proxy's; compare it from a machine with a direct connection",
      );
    }
    if (certificates.length === 1)
      warnings.push("the server sent a single certificate: the pinned thumbprint is the leaf's, which changes at every renewal");
    const report: IssuerReport = { issuerUrl, thumbprint: certificates[0].sha1, certificates, verified, verifyError: error, warnings };
    return options.discovery === false ? report : { ...report, discovery: await checkDiscovery(issuerUrl, deadline) };
  });
}
