/** Rules for EKS inputs: cluster names and role ARNs, Kubernetes names and settings, and IAM OIDC providers. */
import { Rule } from "./validator";
import { IAM_WILDCARD } from "../facts/iam";

// Rules for EKS inputs: cluster names (EKS API, CreateCluster `name`) and role ARNs that associations point at.
export const eksClusterName: Rule<string> = (name) =>
  /^[0-9A-Za-z][A-Za-z0-9_-]{0,99}$/.test(name)
    ? undefined
    : "is not an EKS cluster name (1 to 100 letters, digits, '-' and '_', starting with a letter or digit)";

export const iamRoleArn: Rule<string> = (arn) =>
  /^arn:[\w-]+:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/.test(arn) && /[^/]$/.test(arn)
    ? undefined
    : "is not an IAM role ARN (arn:<partition>:iam::<account>:role/<path and name>)";

// Rules for Kubernetes names and for the settings of the objects this library writes.
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

export const kubernetesNamespace: Rule<string> = (ns) => {
  if (IAM_WILDCARD.test(ns)) {
    return "contains a wildcard; a namespace must be exact (a wildcard namespace trusts every matching namespace of the cluster)";
  }
  if (ns.length > 63 || !DNS_LABEL.test(ns)) {
    return (
      "is not a valid Kubernetes namespace (RFC 1123 label: lowercase alphanumerics and '-', starting and ending " +
      "alphanumeric, at most 63 characters)"
    );
  }
  return undefined;
};

const SUBDOMAIN_RULE =
  "(RFC 1123 subdomain: dot-separated labels of lowercase alphanumerics and '-', each starting and ending alphanumeric, " +
  "at most 253 characters)";

export function kubernetesServiceAccountName(allowWildcards: boolean): Rule<string> {
  return (name) => {
    const wildcard = IAM_WILDCARD.test(name);
    if (wildcard && !allowWildcards) {
      return "contains a wildcard ('*' or '?'); set allowWildcards: true to match names with StringLike";
    }
    // A wildcard stands for at least one valid character; check the rest of the name.
    const probe = wildcard ? name.replace(/[*?]/g, "a") : name;
    if (probe.length > 253 || !probe.split(".").every((label) => DNS_LABEL.test(label))) {
      return `is not a valid Kubernetes service account name ${SUBDOMAIN_RULE}`;
    }
    return undefined;
  };
}

export const fieldManager: Rule<string> = (name) =>
  name.length >= 1 && name.length <= 128 && !/[\s]/.test(name)
    ? undefined
    : "is not a valid field manager (1 to 128 characters, no whitespace)";

export const tokenExpiration: Rule<number> = (seconds) =>
  Number.isInteger(seconds) && seconds >= 600 && seconds <= 86400
    ? undefined
    : "is not a whole number of seconds from 600 to 86400 (the EKS pod identity webhook's range)";

// Rules for IAM OIDC providers; limits from the IAM API reference (CreateOpenIDConnectProvider).
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
