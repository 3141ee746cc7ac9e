/** The OIDC discovery check: `<issuer>/.well-known/openid-configuration` and the JWKS it names. */
import { Deadline } from "./deadline";
import { ThumbprintError } from "./errors";
import { getJson } from "./http-json";

export interface DiscoveryReport {
  readonly url: string;
  readonly issuer: string;
  readonly jwksUri: string;
  readonly jwksKeys: number;
}

const isObject = (value: unknown): value is { [key: string]: unknown } =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Fetches `<issuer>/.well-known/openid-configuration` and its JWKS, and checks them. */
export async function checkDiscovery(issuerUrl: string, deadline: Deadline): Promise<DiscoveryReport> {
  const url = `${issuerUrl}/.well-known/openid-configuration`;
  const body = await getJson(url, "discovery document", deadline);
  if (!isObject(body)) throw new ThumbprintError(`discovery document ${url} is not a JSON object`);
  if (body.issuer !== issuerUrl) {
    throw new ThumbprintError(
      `discovery document ${url} names the issuer ${JSON.stringify(body.issuer)}, not "${issuerUrl}"; tokens would not match the provider`,
    );
  }
  if (typeof body.jwks_uri !== "string" || !body.jwks_uri.startsWith("https://")) {
    throw new ThumbprintError(`discovery document ${url} has jwks_uri ${JSON.stringify(body.jwks_uri)}, not an https URL`);
  }
  const jwks = await getJson(body.jwks_uri, "jwks_uri", deadline);
  if (!isObject(jwks) || !Array.isArray(jwks.keys)) throw new ThumbprintError(`jwks_uri ${body.jwks_uri} is not a JSON key set`);
  // A failure, not a warning: IAM verifies every token against these keys, so with none every
  // AssumeRoleWithWebIdentity fails (InvalidIdentityToken); the URL is wrong or the issuer not set up.
  const usable = jwks.keys.filter((k) => isObject(k) && typeof k.kty === "string" && k.kty !== "");
  if (usable.length === 0) {
    throw new ThumbprintError(
      `jwks_uri ${body.jwks_uri} has no keys (${jwks.keys.length} entries, none with a "kty"): IAM could verify no token of this issuer`,
    );
  }
  return { url, issuer: body.issuer, jwksUri: body.jwks_uri, jwksKeys: usable.length };
}
