/** Every trust rule, in the order findings are reported. */
import { TrustRule } from "../trust-rule";
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
  podIdentityWithoutTagSession,
  podIdentityOpenToAccount,
  podIdentityMixedWithUnsafeWebIdentity,
];
