/**
 * EKS's dual-stack issuer host, `oidc-eks.<region>.api.aws/id/<id>`. Service account tokens still
 * carry `iss = https://oidc.eks.<region>.amazonaws.com/id/<id>`, so a provider or trust keyed on
 * the dual-stack host never matches a token.
 */
const DUAL_STACK = /oidc-eks\.([a-z0-9-]+)\.api\.aws\/id\/([0-9a-z]+)/i;

/** Whether a URL, host, ARN or condition key names the dual-stack issuer. */
export const isDualStackIssuer = (text: string): boolean => DUAL_STACK.test(text);

/** The issuer host tokens carry for a dual-stack one (`oidc.eks.<region>.amazonaws.com/id/<id>`). */
export function tokenIssuerHostFor(text: string): string {
  const m = DUAL_STACK.exec(text);
  return m === null ? "oidc.eks.<region>.amazonaws.com/id/<id>" : `oidc.eks.${m[1].toLowerCase()}.amazonaws.com/id/${m[2]}`;
}
