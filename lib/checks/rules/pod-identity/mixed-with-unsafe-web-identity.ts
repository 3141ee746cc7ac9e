import { TrustRule } from "../../trust-rule";
import { podIdentityStatements } from "../../web-identity";
import { failOpenOperator } from "../web-identity/fail-open-operator";
import { missingAud } from "../web-identity/missing-aud";
import { missingSub } from "../web-identity/missing-sub";
import { noCondition } from "../web-identity/no-condition";
import { wildcardNamespace } from "../web-identity/wildcard-namespace";

const UNSAFE_WEB_IDENTITY = [noCondition, missingSub, missingAud, failOpenOperator, wildcardNamespace];

export const podIdentityMixedWithUnsafeWebIdentity: TrustRule = {
  id: "IRSA022",
  name: "pod-identity-mixed-with-unsafe-web-identity",
  severity: "error",
  summary: "A role trusts EKS Pod Identity and also an unsafe web-identity statement.",
  help:
    "Statements are OR'ed: a narrow Pod Identity trust does not close a web-identity statement that admits every service " +
    "account. Fix the web-identity statement, or drop it (IrsaRole's webIdentityTrust: false, the last migration step).",
  check: (policy) => {
    if (podIdentityStatements(policy).length === 0) return [];
    const unsafe = UNSAFE_WEB_IDENTITY.flatMap((rule) => rule.check(policy).map((message) => `${rule.id}: ${message}`));
    return unsafe.length === 0 ? [] : [`the role trusts EKS Pod Identity, but a web-identity statement is unsafe (${unsafe[0]})`];
  },
};
