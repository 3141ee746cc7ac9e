import { IAM_WILDCARD } from "../../../facts/iam";
import { TrustRule } from "../../trust-rule";
import { splitServiceAccountSubject, subjectPatterns } from "../../web-identity";

export const wildcardNamespace: TrustRule = {
  id: "IRSA005",
  name: "wildcard-namespace",
  severity: "error",
  summary: "A Kubernetes sub pattern matches more than one namespace.",
  help:
    "Anyone who can create a service account in a matching namespace can assume the role. " +
    "Name one namespace exactly; only the service account name may be a pattern.",
  check: (policy) =>
    subjectPatterns(policy).flatMap(({ w, key, value, kubernetes }) => {
      if (!kubernetes) return [];
      const subject = splitServiceAccountSubject(value);
      if (subject === undefined) {
        return IAM_WILDCARD.test(value)
          ? [`${w.label} ${key} value "${value}" is a wildcard over the namespace (or more); name one namespace`]
          : [];
      }
      return subject.name === undefined || IAM_WILDCARD.test(subject.namespace)
        ? [`${w.label} ${key} value "${value}" has a wildcard namespace; it trusts every matching namespace of the cluster`]
        : [];
    }),
};
