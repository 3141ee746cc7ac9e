/**
 * Who issues the web identity of a Federated principal: an IAM OIDC provider (its host prefixes the
 * condition keys) or one of the identity providers IAM knows by name (Google, Cognito, ...).
 */
import { EKS_ISSUER_HOST, OIDC_PROVIDER_ARN_MARKER } from "../facts/eks";
import { issuerHostFromArn } from "../oidc/issuer-host";
import { isExpression } from "../config-model/terraform-expression";
import { ValueSyntax } from "../config-model/trust-statement";

export type Issuer =
  /** An IAM OIDC provider; `host` is undefined when the ARN is a Terraform expression or `*`. */
  | { readonly kind: "oidc-provider"; readonly host: string | undefined }
  | { readonly kind: "well-known"; readonly host: string; readonly audienceClaim: "aud" | "app_id" };

/** IAM's built-in web identity providers and the claim that carries their audience. */
const WELL_KNOWN: { readonly [host: string]: "aud" | "app_id" } = {
  "accounts.google.com": "aud",
  "cognito-identity.amazonaws.com": "aud",
  "graph.facebook.com": "app_id",
  "www.amazon.com": "app_id",
};

/** The issuer of a Federated principal; `undefined` for principals that issue no web identity (SAML). */
export function issuerOf(principal: string, syntax: ValueSyntax): Issuer | undefined {
  if (principal === "*" || isExpression(principal, syntax)) return { kind: "oidc-provider", host: undefined };
  if (principal.includes(OIDC_PROVIDER_ARN_MARKER)) return { kind: "oidc-provider", host: issuerHostFromArn(principal) };
  const audienceClaim = WELL_KNOWN[principal.toLowerCase()];
  return audienceClaim === undefined ? undefined : { kind: "well-known", host: principal.toLowerCase(), audienceClaim };
}

export const isEksIssuerHost = (host: string): boolean => EKS_ISSUER_HOST.test(host);
