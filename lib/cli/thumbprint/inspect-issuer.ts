/**
 * What `tls_certificate` would pin for an OIDC issuer, found the way the data source finds it: the
 * chain exactly as the server *sends* it, reversed, so that `certificates[0]` is the last certificate
 * sent, whatever it is. (hashicorp/tls reverses the chain it reads; see the README, "Air-gapped or
 * TLS-intercepting runners").
 */
import { CertificateInfo, describeSentChain } from "./certificates";
import { Deadline, MAX_TIMEOUT_MS } from "./deadline";
import { checkDiscovery, DiscoveryReport } from "./discovery";
import { parseIssuerUrl } from "./issuer-url";
import { readSentChain } from "./sent-chain";
import { trustContext } from "./trust-store";

export interface IssuerReport {
  readonly issuerUrl: string;
  /** `certificates[0].sha1_fingerprint` of `data "tls_certificate"`: the thumbprint to pin. */
  readonly thumbprint: string;
  /** Every sent certificate in `tls_certificate` order: the last one sent first (pinned), the first sent last. */
  readonly certificates: CertificateInfo[];
  /** Whether each certificate sent issued the one sent before it; if not, the pin may not be a CA of the chain. */
  readonly sentInOrder: boolean;
  /** The TLS version negotiated, as hashicorp/tls would negotiate it. */
  readonly protocol: string;
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
    const tls = await readSentChain(url, trustContext(options.env ?? process.env), deadline);
    const chain = describeSentChain(tls.sent);
    const warnings: string[] = [];
    if (!tls.verified) {
      warnings.push(
        `the chain does not verify against the trust store (${tls.verifyError}): a TLS-intercepting proxy may be in the way, ` +
          "and the thumbprint would then be the proxy's; compare it from a machine with a direct connection",
      );
    }
    if (tls.sent.length === 1)
      warnings.push("the server sent a single certificate: the pinned thumbprint is the leaf's, which changes at every renewal");
    warnings.push(...chain.warnings);
    const report: IssuerReport = {
      issuerUrl,
      thumbprint: chain.certificates[0].sha1,
      certificates: chain.certificates,
      sentInOrder: chain.inOrder,
      protocol: tls.protocol,
      verified: tls.verified,
      verifyError: tls.verifyError,
      warnings,
    };
    return options.discovery === false ? report : { ...report, discovery: await checkDiscovery(issuerUrl, deadline) };
  });
}
