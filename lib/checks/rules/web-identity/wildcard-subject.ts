import { IAM_WILDCARD } from "../../../facts/iam";
import { TrustRule } from "../../trust-rule";
import { subjectPatterns } from "../../web-identity";

/** Issuers whose sub starts with the owner, and the prefix that must pin it (GitHub Actions, HCP Terraform). */
const OWNER_PREFIX: { readonly [host: string]: { readonly pattern: RegExp; readonly owner: string } } = {
  "token.actions.githubusercontent.com": { pattern: /^repo:[^*?/:]+\//, owner: "repo:<organization>/" },
  "app.terraform.io": { pattern: /^organization:[^*?:]+:/, owner: "organization:<name>:" },
};

export const wildcardSubject: TrustRule = {
  id: "IRSA015",
  name: "wildcard-subject",
  severity: "error",
  summary:
    "A sub pattern of a non-Kubernetes issuer matches every subject, " +
    "or does not pin the owner on a shared issuer (`repo:<org>/` on GitHub Actions, `organization:<name>:` on HCP Terraform).",
  help:
    "A pattern such as `*`, or `repo:*` on GitHub Actions, admits identities of other owners. " +
    "Pin the owner literally (repo:<org>/<repo>:..., organization:<name>:...) and keep wildcards after it.",
  check: (policy) =>
    subjectPatterns(policy).flatMap(({ w, key, value, kubernetes }) => {
      if (kubernetes || !IAM_WILDCARD.test(value)) return [];
      if (/^[*?]+$/.test(value)) return [`${w.label} ${key} value "${value}" matches every subject of the issuer`];
      const hosts = w.issuers.map((i) => i.host ?? w.conditions.find((c) => c.key.endsWith(":sub"))?.key.slice(0, -4));
      const shared = hosts.map((h) => (h === undefined ? undefined : OWNER_PREFIX[h.toLowerCase()])).find((x) => x !== undefined);
      return shared !== undefined && !shared.pattern.test(value)
        ? [`${w.label} ${key} value "${value}" does not pin the owner; it must start with ${shared.owner} written literally`]
        : [];
    }),
};
