/** Rules for IAM OIDC providers; limits from the IAM API reference (CreateOpenIDConnectProvider). */
import { Rule } from "./rule";

export const issuerUrl: Rule<string> = (url) => {
  if (url.length > 255) return "is longer than 255 characters (IAM OIDC provider URL limit)";
  // The URL must equal the tokens' iss claim byte for byte: URL parsers drop what this rejects.
  if (!/^[\x21-\x7E]*$/.test(url))
    return "contains whitespace, control or non-ASCII characters; it must equal the tokens' iss claim exactly";
  if (!url.startsWith("https://")) return "must start with https:// (IAM accepts only https issuers)";
  const host = url.slice("https://".length).split(/[/?#]/)[0];
  if (host === "") return "has an empty host";
  if (host.startsWith("[")) return "has an IPv6 address as its host; an issuer URL needs a host name";
  if (host.includes("@")) return "must not contain credentials";
  if (host.includes(":")) return "must not contain a port (IAM rejects issuer URLs with a port)";
  if (host.endsWith(".")) return "has a host that ends with '.'; the issuer must equal the tokens' iss claim, which has none";
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return "is not a valid URL";
  }
  if (parsed.search !== "" || url.includes("?")) return "must not contain a query string";
  if (parsed.hash !== "" || url.includes("#")) return "must not contain a fragment";
  if (url.endsWith("/")) {
    return "must not end with '/' (the issuer must equal the token's iss claim exactly; EKS issuers have no trailing slash)";
  }
  return undefined;
};

export const clientId: Rule<string> = (id) =>
  id.length >= 1 && id.length <= 255 ? undefined : "is not 1 to 255 characters long (IAM client ID limit)";

export const thumbprint: Rule<string> = (tp) =>
  /^[0-9a-fA-F]{40}$/.test(tp) ? undefined : "is not a SHA-1 thumbprint (exactly 40 hexadecimal characters, no colons)";

export const oidcProviderArn: Rule<string> = (arn) =>
  /^arn:[\w-]+:iam::\d{12}:oidc-provider\/[^/\s]+(\/\S*)?$/.test(arn)
    ? undefined
    : "is not an IAM OIDC provider ARN (arn:<partition>:iam::<account>:oidc-provider/<issuer host and path>)";

export const issuerHost: Rule<string> = (host) => {
  if (host.length === 0) return "is empty";
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(host)) return "must not carry a scheme (it prefixes the sub and aud condition keys)";
  if (host.endsWith("/")) return "must not end with '/'";
  return undefined;
};
