/** EKS's dual-stack issuer host (lib/facts/eks.ts), as the checks find it: anywhere in a URL, host, ARN or condition key. */
import { DUAL_STACK_ISSUER_ANYWHERE, eksIssuerHost } from "../facts/eks";

/** Whether a URL, host, ARN or condition key names the dual-stack issuer. */
export const isDualStackIssuer = (text: string): boolean => DUAL_STACK_ISSUER_ANYWHERE.test(text);

/** The issuer host tokens carry for a dual-stack one (`oidc.eks.<region>.amazonaws.com/id/<id>`, `.com.cn` in China). */
export function tokenIssuerHostFor(text: string): string {
  const m = DUAL_STACK_ISSUER_ANYWHERE.exec(text);
  return m === null ? "oidc.eks.<region>.amazonaws.com/id/<id>" : eksIssuerHost(m[1].toLowerCase(), m[2]);
}
