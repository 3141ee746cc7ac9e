/** The issuer URL the `thumbprint` command takes: checked, and the host and port to connect to. */
import { ThumbprintError } from "./errors";

/** Checks the issuer URL: https, a host, no query or fragment. */
export function parseIssuerUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new ThumbprintError(`"${text}" is not a URL (expected https://<issuer host>/<path>)`);
  }
  if (url.protocol !== "https:") throw new ThumbprintError(`"${text}" is not an https URL; OIDC issuers are https`);
  if (url.search || url.hash) throw new ThumbprintError(`"${text}" has a query or fragment; an issuer URL has neither`);
  if (url.username || url.password) throw new ThumbprintError(`"${text}" carries credentials; an issuer URL has none`);
  return url;
}

export interface Endpoint {
  /** The host to connect to, without the brackets of an IPv6 address. */
  readonly host: string;
  readonly port: number;
  /** `host:port` as a URL writes it, for messages. */
  readonly target: string;
}

export function endpointOf(url: URL): Endpoint {
  const port = Number(url.port || 443);
  return { host: url.hostname.replace(/^\[|\]$/g, ""), port, target: `${url.hostname}:${port}` };
}
