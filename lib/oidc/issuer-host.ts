/** The issuer host: the issuer URL without `https://`, which prefixes the `:sub` and `:aud` condition keys. */
import { Fn, Token } from "cdktf";
import { OIDC_PROVIDER_ARN_MARKER as MARKER } from "../facts/eks";

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
  const at = arn.indexOf(MARKER);
  return at < 0 ? arn : arn.slice(at + MARKER.length);
}
