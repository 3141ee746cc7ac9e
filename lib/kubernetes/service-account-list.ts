/**
 * The service accounts a role or add-on is for, validated once for every construct: each entry is
 * `{ namespace, name }` with a valid namespace and name, the list is literal and non-empty, and no
 * account is listed twice. What differs between constructs (whether a name may be a pattern, what a
 * token list would have to expand into) comes in as {@link ServiceAccountRules}.
 */
import { Token } from "cdktf";
import { hasIamWildcard } from "../facts/iam";
import { kubernetesNamespace, kubernetesServiceAccountName } from "../validation/eks-rules";
import { firstDuplicate, Validator } from "../validation/validator";
import { ServiceAccountRef } from "./service-account";

/** How one construct's service accounts differ from another's. */
export interface ServiceAccountRefRules {
  /** Whether a name may be a `StringLike` pattern (`*`, `?`): IRSA with `allowWildcards` only. */
  readonly allowPatterns: boolean;
  /** When names must be exact: why a literal name with a wildcard is refused (checked before the name rule). */
  readonly exactNameReason?: string;
  /** The construct's own rules for one account, run after the shared ones. */
  readonly checkAccount?: (at: string, account: ServiceAccountRef) => void;
}

/** The same for a list of service accounts. */
export interface ServiceAccountRules extends ServiceAccountRefRules {
  /** What each account becomes, for the message that refuses a token list, e.g. "one association per account". */
  readonly expandsInto: string;
}

/** One `{ namespace, name }` at `at` (e.g. `serviceAccounts[0]`), checked with the construct's rules. */
export function checkServiceAccountRef(validator: Validator, at: string, sa: ServiceAccountRef, rules: ServiceAccountRefRules): void {
  if (sa === null || typeof sa !== "object") validator.reject(at, sa, "must be { namespace, name }");
  validator.check(`${at}.namespace`, validator.requireString(`${at}.namespace`, sa.namespace), kubernetesNamespace);
  const name = validator.requireString(`${at}.name`, sa.name);
  if (rules.exactNameReason !== undefined && !Token.isUnresolved(name) && hasIamWildcard(name)) {
    validator.reject(`${at}.name`, name, rules.exactNameReason);
  }
  validator.check(`${at}.name`, name, kubernetesServiceAccountName(rules.allowPatterns));
  rules.checkAccount?.(at, sa);
}

/** A literal, non-empty list of service accounts at `path`, each valid and none listed twice. */
export function checkServiceAccountList(
  validator: Validator,
  path: string,
  list: readonly ServiceAccountRef[] | undefined,
  rules: ServiceAccountRules,
): void {
  const accounts = validator.optionalList(path, list as ServiceAccountRef[] | undefined);
  if (Token.isUnresolved(accounts)) {
    validator.rejectProperty(path, `must be a literal list: a token cannot be expanded into ${rules.expandsInto}`);
  }
  if (accounts === undefined || accounts.length === 0) {
    validator.reject(path, accounts, "must list at least one service account ({ namespace, name })");
  }
  accounts.forEach((sa, i) => checkServiceAccountRef(validator, `${path}[${i}]`, sa, rules));
  const dup = firstDuplicate(accounts, (sa) =>
    Token.isUnresolved(sa.namespace) || Token.isUnresolved(sa.name) ? undefined : `${sa.namespace}/${sa.name}`,
  );
  if (dup >= 0) validator.reject(`${path}[${dup}]`, accounts[dup], "is listed twice");
}
