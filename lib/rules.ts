/**
 * Validation rules as small pure functions. Each takes a literal value and returns the reason it is
 * wrong (a phrase that follows the value in the error message), or `undefined` when it is valid.
 * Callers skip them for token values; see `validation.ts`.
 *
 * Limits and their sources are listed in shared/FACTS.md.
 */

export type Rule<T> = (value: T) => string | undefined;

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const WILDCARD = /[*?]/;

// ---- Kubernetes ----

export const kubernetesNamespace: Rule<string> = (ns) => {
  if (WILDCARD.test(ns)) {
    return "contains a wildcard; a namespace must be exact (a wildcard namespace trusts every matching namespace of the cluster)";
  }
  if (ns.length > 63 || !DNS_LABEL.test(ns)) {
    return "is not a valid Kubernetes namespace (RFC 1123 label: lowercase alphanumerics and '-', starting and ending alphanumeric, at most 63 characters)";
  }
  return undefined;
};

const SUBDOMAIN_RULE =
  "(RFC 1123 subdomain: dot-separated labels of lowercase alphanumerics and '-', each starting and ending alphanumeric, at most 253 characters)";

export function kubernetesServiceAccountName(allowWildcards: boolean): Rule<string> {
  return (name) => {
    const hasWildcard = WILDCARD.test(name);
    if (hasWildcard && !allowWildcards) {
      return "contains a wildcard ('*' or '?'); set allowWildcards: true to match names with StringLike";
    }
    // A wildcard stands for at least one valid character; check the rest of the name.
    const probe = hasWildcard ? name.replace(/[*?]/g, "a") : name;
    if (probe.length > 253 || !probe.split(".").every((label) => DNS_LABEL.test(label))) {
      return `is not a valid Kubernetes service account name ${SUBDOMAIN_RULE}`;
    }
    return undefined;
  };
}

export const hasWildcard = (value: string): boolean => WILDCARD.test(value);

// ---- IAM role ----

export const roleName: Rule<string> = (name) =>
  /^[\w+=,.@-]{1,64}$/.test(name)
    ? undefined
    : "is not a valid IAM role name (1 to 64 characters of letters, digits and _+=,.@-)";

export const roleNamePrefix: Rule<string> = (prefix) =>
  /^[\w+=,.@-]{1,38}$/.test(prefix)
    ? undefined
    : "is not a valid IAM role name prefix (1 to 38 characters of letters, digits and _+=,.@-; Terraform appends 26)";

export const iamPath: Rule<string> = (path) => {
  if (path.length > 512) return "is longer than 512 characters (IAM path limit)";
  return /^(\/|\/[\u0021-\u007E]+\/)$/.test(path)
    ? undefined
    : "is not a valid IAM path (\"/\" or printable ASCII between a leading and a trailing \"/\")";
};

export const maxSessionDuration: Rule<number> = (seconds) =>
  Number.isInteger(seconds) && seconds >= 3600 && seconds <= 43200
    ? undefined
    : "is not a whole number of seconds from 3600 (1 hour) to 43200 (12 hours)";

export const roleDescription: Rule<string> = (text) => {
  if (text.length > 1000) return "is longer than 1000 characters (IAM role description limit)";
  return /^[\u0009\u000A\u000D\u0020-\u007E\u00A1-\u00FF]*$/.test(text)
    ? undefined
    : "contains characters IAM does not accept in a description (printable Latin-1 only)";
};

export const policyArn: Rule<string> = (arn) =>
  /^arn:[\w-]+:iam::(aws|\d{12}):policy\/[\u0021-\u007E]+$/.test(arn) && arn.length <= 2048
    ? undefined
    : "is not an IAM managed policy ARN (arn:<partition>:iam::<account or aws>:policy/<path and name>)";

export const permissionsBoundaryArn: Rule<string> = (arn) => {
  if (arn.length < 20 || arn.length > 2048) return "must be 20 to 2048 characters long (IAM limit)";
  return policyArn(arn);
};

export const inlinePolicyName: Rule<string> = (name) =>
  /^[\w+=,.@-]{1,128}$/.test(name)
    ? undefined
    : "is not a valid inline policy name (1 to 128 characters of letters, digits and _+=,.@-)";

export const policyJson: Rule<string> = (json) => {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch (e) {
    return `is not valid JSON (${(e as Error).message})`;
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
    return "is not a JSON object (an IAM policy document is an object with Version and Statement)";
  }
  if (!("Statement" in parsed)) return "has no Statement (not an IAM policy document)";
  return undefined;
};

// ---- Tags (IAM role and OIDC provider share the rules) ----

const TAG_CHARS = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;

/** Checks one tag key; returns the reason or undefined. */
export const tagKey: Rule<string> = (key) => {
  if (key.length < 1 || key.length > 128) return "is not 1 to 128 characters long (IAM tag key limit)";
  if (!TAG_CHARS.test(key)) return "contains characters IAM does not accept in a tag (letters, digits, spaces and _.:/=+-@)";
  if (key.toLowerCase().startsWith("aws:")) return "starts with \"aws:\", which is reserved for AWS";
  return undefined;
};

export const tagValue: Rule<string> = (value) => {
  if (value.length > 256) return "is longer than 256 characters (IAM tag value limit)";
  if (!TAG_CHARS.test(value)) return "contains characters IAM does not accept in a tag (letters, digits, spaces and _.:/=+-@)";
  return undefined;
};

// ---- OIDC ----

export const issuerUrl: Rule<string> = (url) => {
  if (url.length > 255) return "is longer than 255 characters (IAM OIDC provider URL limit)";
  if (!url.startsWith("https://")) return "must start with https:// (IAM accepts only https issuers)";
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return "is not a valid URL";
  }
  if (parsed.port !== "" || /^https:\/\/[^/]*:\d*/.test(url)) return "must not contain a port (IAM rejects issuer URLs with a port)";
  if (parsed.search !== "" || url.includes("?")) return "must not contain a query string";
  if (parsed.hash !== "" || url.includes("#")) return "must not contain a fragment";
  if (parsed.username !== "" || parsed.password !== "") return "must not contain credentials";
  if (url.endsWith("/")) {
    return "must not end with '/' (the issuer must equal the token's iss claim exactly; EKS issuers have no trailing slash)";
  }
  return undefined;
};

export const clientId: Rule<string> = (id) =>
  id.length >= 1 && id.length <= 255 ? undefined : "is not 1 to 255 characters long (IAM client ID limit)";

export const thumbprint: Rule<string> = (tp) =>
  /^[0-9a-fA-F]{40}$/.test(tp)
    ? undefined
    : "is not a SHA-1 thumbprint (exactly 40 hexadecimal characters, no colons)";

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

// ---- Lists ----

export function listLength(min: number, max: number, what: string): Rule<readonly unknown[]> {
  return (list) =>
    list.length < min || list.length > max
      ? `has ${list.length} ${what}; IAM allows ${min === max ? min : `${min} to ${max}`}`
      : undefined;
}

/** Index of the first element equal to an earlier one (by `keyOf`; `undefined` keys never match), or -1. */
export function firstDuplicate<T>(list: readonly T[], keyOf: (item: T) => string | undefined): number {
  const seen = new Set<string>();
  for (let i = 0; i < list.length; i++) {
    const key = keyOf(list[i]);
    if (key === undefined) continue;
    if (seen.has(key)) return i;
    seen.add(key);
  }
  return -1;
}

// ---- Kubernetes provider settings ----

export const fieldManager: Rule<string> = (name) =>
  name.length >= 1 && name.length <= 128 && !/[\s]/.test(name)
    ? undefined
    : "is not a valid field manager (1 to 128 characters, no whitespace)";

export const tokenExpiration: Rule<number> = (seconds) =>
  Number.isInteger(seconds) && seconds >= 600 && seconds <= 86400
    ? undefined
    : "is not a whole number of seconds from 600 to 86400 (the EKS pod identity webhook's range)";
