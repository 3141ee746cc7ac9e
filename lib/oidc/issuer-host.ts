/** The issuer host: the issuer URL without `https://`, which prefixes the `:sub` and `:aud` condition keys. */
import { Fn, Token } from "cdktf";

const SCHEME = /^https:\/\//;

/** The issuer host of a literal issuer URL: the URL without `https://`, as IAM puts it in the ARN. */
export function issuerHostFromUrl(url: string): string {
  return url.replace(SCHEME, "");
}

/**
 * The issuer host of an OIDC provider ARN: everything after `oidc-provider/`. For a token ARN this is
 * a Terraform expression, so the host never carries a scheme, whatever the `url` attribute holds.
 */
export function issuerHostFromArn(arn: string): string {
  if (Token.isUnresolved(arn)) {
    return Fn.element(Fn.split("oidc-provider/", arn), 1);
  }
  const at = arn.indexOf("oidc-provider/");
  return at < 0 ? arn : arn.slice(at + "oidc-provider/".length);
}
