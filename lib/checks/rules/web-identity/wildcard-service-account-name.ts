import { IAM_WILDCARD } from "../../../facts/iam";
import { TrustRule } from "../../trust-rule";
import { splitServiceAccountSubject, subjectPatterns } from "../../web-identity";

export const wildcardServiceAccountName: TrustRule = {
  id: "IRSA006",
  name: "wildcard-service-account-name",
  severity: "warning",
  summary: "A Kubernetes sub pattern matches several service account names in one namespace.",
  help: "Every service account whose name matches can assume the role. Prefer exact names; keep the pattern narrow if you need one.",
  check: (policy) =>
    subjectPatterns(policy).flatMap(({ w, key, value, kubernetes }) => {
      const subject = kubernetes ? splitServiceAccountSubject(value) : undefined;
      if (subject?.name === undefined || IAM_WILDCARD.test(subject.namespace) || !IAM_WILDCARD.test(subject.name)) return [];
      return [`${w.label} ${key} value "${value}" matches service account names by wildcard in namespace "${subject.namespace}"`];
    }),
};
