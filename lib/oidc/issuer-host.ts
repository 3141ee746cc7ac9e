/**
 * The issuer host: the issuer URL without `https://`, which prefixes the `:sub` and `:aud` condition
 * keys; and the dual-stack host EKS also serves the issuer on, which no token carries.
 */
import { Fn, Token } from "cdktf";
import { DUAL_STACK_ISSUER_AT_START, eksIssuerHost, OIDC_PROVIDER_ARN_MARKER } from "../facts/eks";

const SCHEME = /^https:\/\//;

/**
 * Everything up to and including the first `:oidc-provider/` of an ARN, as a Terraform regular
 * expression. The account part of an ARN has no `/`, so `[^/]*` cannot run past the first marker
 * even when the issuer path itself contains `oidc-provider/` (self-hosted issuers).
 */
export const ARN_PREFIX_PATTERN = "/^[^/]*:oidc-provider[/]/";

/** The issuer host of a literal issuer URL: the URL without `https://`, as IAM puts it in the ARN. */
export function issuerHostFromUrl(url: string): string {
  return url.replace(SCHEME, "");
}

/**
 * The issuer host of an OIDC provider ARN: everything after the first `:oidc-provider/`. For a
 * token ARN this is a Terraform expression, so the host never carries a scheme, whatever the `url`
 * attribute holds.
 */
export function issuerHostFromArn(arn: string): string {
  if (Token.isUnresolved(arn)) return Fn.replace(arn, ARN_PREFIX_PATTERN, "");
  const at = arn.indexOf(OIDC_PROVIDER_ARN_MARKER);
  return at < 0 ? arn : arn.slice(at + OIDC_PROVIDER_ARN_MARKER.length);
}

// The dual-stack host.
/**
 * The dual-stack issuer host EKS also serves a cluster's OIDC issuer on, as validation rules: the
 * tokens never carry it (the fact itself lives in lib/facts/eks.ts).
 */

/** The issuer that service account tokens carry for the dual-stack form, or undefined when `urlOrHost` is not dual-stack. */
export function tokenIssuerForDualStack(urlOrHost: string): string | undefined {
  const match = DUAL_STACK_ISSUER_AT_START.exec(urlOrHost.trim());
  return match === null ? undefined : `https://${eksIssuerHost(match[1].toLowerCase(), match[2] ?? "<id>")}`;
}

/** The same, for an OIDC provider ARN (`arn:<partition>:iam::<account>:oidc-provider/oidc-eks.<region>.api.aws/id/<id>`). */
export function tokenIssuerForDualStackArn(arn: string): string | undefined {
  const at = arn.indexOf(OIDC_PROVIDER_ARN_MARKER);
  return at < 0 ? undefined : tokenIssuerForDualStack(arn.slice(at + OIDC_PROVIDER_ARN_MARKER.length));
}

/** Validation rule: rejects an issuer URL (or host) on the dual-stack host, naming the form to use. */
export function notDualStackIssuer(url: string): string | undefined {
  const issuer = tokenIssuerForDualStack(url);
  return issuer === undefined ? undefined : dualStackReason(issuer);
}

/** Validation rule: rejects an OIDC provider ARN keyed on the dual-stack host, naming the form to use. */
export function notDualStackProviderArn(arn: string): string | undefined {
  const issuer = tokenIssuerForDualStackArn(arn);
  return issuer === undefined ? undefined : dualStackReason(issuer);
}

/** Why a dual-stack issuer cannot be used, naming the form to use instead (a phrase that follows the value). */
function dualStackReason(tokenIssuer: string): string {
  return (
    "is the dual-stack issuer host (oidc-eks.<region>.api.aws); service account tokens carry the issuer " +
    `${tokenIssuer}, so a provider or trust keyed on this host never matches: use ${tokenIssuer}`
  );
}
