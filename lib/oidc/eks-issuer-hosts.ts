/**
 * The dual-stack issuer host EKS also serves a cluster's OIDC issuer on, as validation rules: the
 * tokens never carry it (the fact itself lives in lib/facts/eks.ts).
 */
import { DUAL_STACK_ISSUER_AT_START, eksIssuerHost, OIDC_PROVIDER_ARN_MARKER } from "../facts/eks";

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
