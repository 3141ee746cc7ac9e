/**
 * The two hosts EKS serves a cluster's OIDC issuer on, in one place. EKS also publishes the issuer
 * on a dual-stack (IPv4 and IPv6) host, `oidc-eks.<region>.api.aws`, but the service account tokens
 * it signs carry `iss = https://oidc.eks.<region>.amazonaws.com/id/<id>` (China:
 * `oidc.eks.<region>.amazonaws.com.cn`), so an IAM OIDC provider or trust keyed on the dual-stack
 * host never matches a token (rancher/eks-operator PR #2284; EKS user guide, "Create an IAM OIDC
 * provider for your cluster").
 */

/** `oidc-eks.<region>.api.aws/id/<id>`, after an optional `https://` (any letter case: hosts are case-insensitive). */
const DUAL_STACK_ISSUER = /^(?:https:\/\/)?oidc-eks\.([a-z0-9-]+)\.api\.aws(?:\/id\/([^/?#]*))?/i;

/** Within an OIDC provider ARN: the resource after `:oidc-provider/`. */
const PROVIDER_MARKER = ":oidc-provider/";

/** The issuer that service account tokens carry for the dual-stack form, or undefined when `urlOrHost` is not dual-stack. */
export function tokenIssuerForDualStack(urlOrHost: string): string | undefined {
  const match = DUAL_STACK_ISSUER.exec(urlOrHost.trim());
  if (match === null) return undefined;
  const region = match[1].toLowerCase();
  const suffix = region.startsWith("cn-") ? "amazonaws.com.cn" : "amazonaws.com";
  return `https://oidc.eks.${region}.${suffix}/id/${match[2] ?? "<id>"}`;
}

/** The same, for an OIDC provider ARN (`arn:<partition>:iam::<account>:oidc-provider/oidc-eks.<region>.api.aws/id/<id>`). */
export function tokenIssuerForDualStackArn(arn: string): string | undefined {
  const at = arn.indexOf(PROVIDER_MARKER);
  return at < 0 ? undefined : tokenIssuerForDualStack(arn.slice(at + PROVIDER_MARKER.length));
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
