/** Rules for Kubernetes names and for the settings of the objects this library writes. */
import { IAM_WILDCARD } from "../facts/iam";
import { Rule } from "./rule";

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

export const kubernetesNamespace: Rule<string> = (ns) => {
  if (IAM_WILDCARD.test(ns)) {
    return "contains a wildcard; a namespace must be exact (a wildcard namespace trusts every matching namespace of the cluster)";
  }
  if (ns.length > 63 || !DNS_LABEL.test(ns)) {
    return (
      "is not a valid Kubernetes namespace (RFC 1123 label: lowercase alphanumerics and '-', starting and ending " +
      "alphanumeric, at most 63 characters)"
    );
  }
  return undefined;
};

const SUBDOMAIN_RULE =
  "(RFC 1123 subdomain: dot-separated labels of lowercase alphanumerics and '-', each starting and ending alphanumeric, " +
  "at most 253 characters)";

export function kubernetesServiceAccountName(allowWildcards: boolean): Rule<string> {
  return (name) => {
    const wildcard = IAM_WILDCARD.test(name);
    if (wildcard && !allowWildcards) {
      return "contains a wildcard ('*' or '?'); set allowWildcards: true to match names with StringLike";
    }
    // A wildcard stands for at least one valid character; check the rest of the name.
    const probe = wildcard ? name.replace(/[*?]/g, "a") : name;
    if (probe.length > 253 || !probe.split(".").every((label) => DNS_LABEL.test(label))) {
      return `is not a valid Kubernetes service account name ${SUBDOMAIN_RULE}`;
    }
    return undefined;
  };
}

export const fieldManager: Rule<string> = (name) =>
  name.length >= 1 && name.length <= 128 && !/[\s]/.test(name)
    ? undefined
    : "is not a valid field manager (1 to 128 characters, no whitespace)";

export const tokenExpiration: Rule<number> = (seconds) =>
  Number.isInteger(seconds) && seconds >= 600 && seconds <= 86400
    ? undefined
    : "is not a whole number of seconds from 600 to 86400 (the EKS pod identity webhook's range)";
