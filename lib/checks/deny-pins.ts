/**
 * Claims a Deny statement pins for an Allow statement. IAM admits a request when an Allow matches
 * and no Deny does, so `Deny ... StringNotEquals <host>:sub = [values]` that applies to the same
 * principal and action leaves the Allow only those subjects, exactly as if the Allow named them.
 *
 * A Deny counts as a pin only when it cannot fail open: it covers the action, names the Allow's
 * Federated principals (or `*`), has no other condition (another ANDed condition would switch the
 * Deny off), uses an operator that also denies a missing claim (plain or ...IfExists or
 * ForAllValues: StringNotEquals, StringNotEqualsIgnoreCase, or StringNotLike without wildcards)
 * and lists literal values only.
 */
import { isExpression } from "../config-model/terraform-expression";
import { federatedOf, TrustCondition, TrustPolicy, TrustStatement } from "../config-model/trust-statement";
import { covers, hasWildcardPrincipal, statementsOf, WebIdentityStatement } from "./web-identity";
import { STS_ACTIONS } from "../facts/iam";

const PINNING = /^(ForAllValues:)?(StringNotEquals|StringNotEqualsIgnoreCase|StringNotLike)(IfExists)?$/i;

/** The host part of a condition key (`<host>:sub` -> `<host>`), as spelled. */
const hostOfKey = (key: string): string => key.slice(0, key.lastIndexOf(":"));

/** The hosts the Allow's claims are keyed by: its issuers' hosts and the prefixes of its own condition keys. */
function hostsOf(w: WebIdentityStatement): Set<string> {
  const hosts = [
    ...w.issuers.flatMap((i) => (i.host === undefined ? [] : [i.host])),
    ...(w.statement.conditions ?? []).filter((c) => c.key.lastIndexOf(":") > 0).map((c) => hostOfKey(c.key)),
  ];
  return new Set(hosts.map((h) => h.toLowerCase()));
}

function appliesTo(deny: TrustStatement, w: WebIdentityStatement): boolean {
  if (deny.effect !== "Deny" || deny.notPrincipals !== undefined || !covers(deny, STS_ACTIONS.assumeRoleWithWebIdentity, w.syntax))
    return false;
  if (hasWildcardPrincipal(deny)) return true;
  const denied = new Set(federatedOf(deny));
  const allowed = federatedOf(w.statement);
  return allowed.length > 0 && allowed.every((p) => denied.has(p));
}

function pinsClaim(c: TrustCondition, claim: string, hosts: Set<string>, w: WebIdentityStatement): boolean {
  const colon = c.key.lastIndexOf(":");
  if (colon <= 0 || c.key.slice(colon + 1).toLowerCase() !== claim || !hosts.has(hostOfKey(c.key).toLowerCase())) return false;
  const m = PINNING.exec(c.operator);
  if (m === null || c.values.length === 0 || c.values.some((v) => isExpression(v, w.syntax) || v.includes("${"))) return false;
  return !/StringNotLike/i.test(m[2]) || c.values.every((v) => !/[*?]/.test(v));
}

/**
 * The claims (lower case) that a Deny of the policy pins for the Allow statement. Wildcard-principal
 * Allows get none: their tokens may come from any issuer.
 */
export function claimsPinnedByDeny(policy: TrustPolicy, w: WebIdentityStatement): Set<string> {
  if (hasWildcardPrincipal(w.statement)) return new Set();
  const hosts = hostsOf(w);
  const pinned = new Set<string>();
  for (const deny of statementsOf(policy)) {
    if (!appliesTo(deny, w) || deny.conditions === undefined || deny.conditions.length !== 1) continue;
    const [c] = deny.conditions;
    for (const claim of ["sub", "aud", "app_id"]) if (pinsClaim(c, claim, hosts, w)) pinned.add(claim);
  }
  return pinned;
}
