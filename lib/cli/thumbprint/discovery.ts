/** The OIDC discovery check: `<issuer>/.well-known/openid-configuration` and the JWKS it names. */
import * as https from "https";
import { Deadline } from "./deadline";
import { ThumbprintError } from "./errors";

export interface DiscoveryReport {
  readonly url: string;
  readonly issuer: string;
  readonly jwksUri: string;
  readonly jwksKeys: number;
}

function getJson(url: string, deadline: Deadline): Promise<{ status: number; body: unknown }> {
  deadline.begin(url, "the answer");
  return new Promise((resolve, reject) => {
    // The chain is verified (or reported unverified) separately; here only the documents matter.
    // No agent: no kept-alive socket outlives the run. The deadline's signal ends the request.
    const request = https.get(url, { rejectUnauthorized: false, agent: false, signal: deadline.signal }, (response) => {
      deadline.heard();
      let text = "";
      response.setEncoding("utf8");
      response.on("data", (chunk) => (text += chunk));
      response.on("end", () => {
        try {
          resolve({ status: response.statusCode ?? 0, body: JSON.parse(text) });
        } catch {
          resolve({ status: response.statusCode ?? 0, body: undefined });
        }
      });
    });
    request.on("socket", (socket) => socket.on("data", () => deadline.heard()));
    request.on("error", (e) =>
      reject(deadline.signal.aborted ? deadline.signal.reason : new ThumbprintError(`GET ${url} failed: ${e.message}`)),
    );
  });
}

/** Fetches `<issuer>/.well-known/openid-configuration` and its JWKS, and checks them. */
export async function checkDiscovery(issuerUrl: string, deadline: Deadline): Promise<DiscoveryReport> {
  const url = `${issuerUrl}/.well-known/openid-configuration`;
  const doc = await getJson(url, deadline);
  const body = doc.body as { issuer?: unknown; jwks_uri?: unknown } | undefined;
  if (doc.status !== 200 || body === undefined || body === null || typeof body !== "object") {
    throw new ThumbprintError(`discovery document ${url} answered HTTP ${doc.status}${body === undefined ? " without JSON" : ""}`);
  }
  if (body.issuer !== issuerUrl) {
    throw new ThumbprintError(
      `discovery document ${url} names the issuer ${JSON.stringify(body.issuer)}, not "${issuerUrl}"; tokens would not match the provider`,
    );
  }
  if (typeof body.jwks_uri !== "string" || !body.jwks_uri.startsWith("https://")) {
    throw new ThumbprintError(`discovery document ${url} has jwks_uri ${JSON.stringify(body.jwks_uri)}, not an https URL`);
  }
  const jwks = await getJson(body.jwks_uri, deadline);
  const keys = (jwks.body as { keys?: unknown } | undefined)?.keys;
  if (jwks.status !== 200 || !Array.isArray(keys)) {
    throw new ThumbprintError(`jwks_uri ${body.jwks_uri} answered HTTP ${jwks.status} without a JSON key set`);
  }
  return { url, issuer: body.issuer, jwksUri: body.jwks_uri, jwksKeys: keys.length };
}
