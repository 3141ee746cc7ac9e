/** Every rule, in the order findings are reported: trust rules, then configuration rules. */
import { ConfigRule, helpUriOf, RuleDescription, TrustRule } from "../trust-rule";
import { annotationNotTrusted } from "./annotation/not-trusted";
import { oidcProviderAudienceNotListed } from "./oidc-provider/audience-not-listed";
import { oidcProviderDualStackUrl } from "./oidc-provider/dual-stack-url";
import { oidcProviderEmptyClientId } from "./oidc-provider/empty-client-id";
import { oidcProviderThumbprintFormat } from "./oidc-provider/thumbprint-format";
import { oidcProviderThumbprintSource } from "./oidc-provider/thumbprint-source";
import { oidcProviderUrlNotHttps } from "./oidc-provider/url-not-https";
import { dualStackIssuer } from "./web-identity/dual-stack-issuer";
import { podIdentityMixedWithUnsafeWebIdentity } from "./pod-identity/mixed-with-unsafe-web-identity";
import { podIdentityOpenToAccount } from "./pod-identity/open-to-account";
import { podIdentityWithoutTagSession } from "./pod-identity/without-tag-session";
import { expressionNamespacePattern } from "./web-identity/expression-namespace-pattern";
import { failOpenOperator } from "./web-identity/fail-open-operator";
import { foreignConditionKey } from "./web-identity/foreign-condition-key";
import { literalWildcard } from "./web-identity/literal-wildcard";
import { malformedPolicy } from "./policy/malformed-policy";
import { missingAud } from "./web-identity/missing-aud";
import { missingSub } from "./web-identity/missing-sub";
import { noCondition } from "./web-identity/no-condition";
import { policyVariableInClaim } from "./web-identity/policy-variable-in-claim";
import { severalFederatedPrincipals } from "./web-identity/several-federated-principals";
import { unreadableTrust } from "./policy/unreadable-trust";
import { wildcardAudience } from "./web-identity/wildcard-audience";
import { wildcardNamespace } from "./web-identity/wildcard-namespace";
import { wildcardPrincipal } from "./policy/wildcard-principal";
import { wildcardServiceAccountName } from "./web-identity/wildcard-service-account-name";
import { wildcardSubject } from "./web-identity/wildcard-subject";

export const TRUST_RULES: readonly TrustRule[] = [
  noCondition,
  missingSub,
  missingAud,
  failOpenOperator,
  wildcardNamespace,
  wildcardServiceAccountName,
  literalWildcard,
  wildcardAudience,
  foreignConditionKey,
  severalFederatedPrincipals,
  unreadableTrust,
  wildcardPrincipal,
  policyVariableInClaim,
  malformedPolicy,
  wildcardSubject,
  expressionNamespacePattern,
  dualStackIssuer,
  podIdentityWithoutTagSession,
  podIdentityOpenToAccount,
  podIdentityMixedWithUnsafeWebIdentity,
];

/** The rules over OIDC providers and role annotations (judged against the trusts of the same configuration). */
export const CONFIG_RULES: readonly ConfigRule[] = [
  oidcProviderEmptyClientId,
  oidcProviderAudienceNotListed,
  oidcProviderThumbprintSource,
  oidcProviderThumbprintFormat,
  oidcProviderUrlNotHttps,
  oidcProviderDualStackUrl,
  annotationNotTrusted,
];

/** A rule's description with its help URI (the README anchor of its row). */
export interface DescribedRule extends RuleDescription {
  readonly helpUri: string;
}

/** Every rule, trust and configuration, with its help URI: the catalogue SARIF and the README table show. */
export const ALL_RULES: readonly DescribedRule[] = [...TRUST_RULES, ...CONFIG_RULES].map(({ id, name, severity, summary, help }) => ({
  id,
  name,
  severity,
  summary,
  help,
  helpUri: helpUriOf(id),
}));
