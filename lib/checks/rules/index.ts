/** Every trust rule, in the order findings are reported. */
import { TrustRule } from "../trust-rule";
import { failOpenOperator } from "./web-identity/fail-open-operator";
import { foreignConditionKey } from "./web-identity/foreign-condition-key";
import { literalWildcard } from "./web-identity/literal-wildcard";
import { missingAud } from "./web-identity/missing-aud";
import { missingSub } from "./web-identity/missing-sub";
import { noCondition } from "./web-identity/no-condition";
import { severalFederatedPrincipals } from "./web-identity/several-federated-principals";
import { unreadableConditions } from "./web-identity/unreadable-conditions";
import { wildcardAudience } from "./web-identity/wildcard-audience";
import { wildcardNamespace } from "./web-identity/wildcard-namespace";
import { wildcardServiceAccountName } from "./web-identity/wildcard-service-account-name";

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
  unreadableConditions,
];
