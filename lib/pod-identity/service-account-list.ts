/** A literal, non-empty list of exact service accounts (Pod Identity associations name one account each: no patterns). */
import { Token } from "cdktf";
import { ServiceAccountRef } from "../kubernetes/service-account";
import { kubernetesNamespace, kubernetesServiceAccountName } from "../validation/kubernetes-rules";
import { firstDuplicate } from "../validation/list-rules";
import { hasIamWildcard } from "../facts/iam";
import { Validator } from "../validation/validator";

export function checkServiceAccountList(validator: Validator, path: string, list: readonly ServiceAccountRef[]): void {
  const accounts = validator.optionalList(path, list as ServiceAccountRef[]);
  if (Token.isUnresolved(accounts))
    validator.rejectProperty(path, "must be a literal list: a token cannot be expanded into one association per account");
  if (accounts === undefined || accounts.length === 0)
    validator.reject(path, accounts, "must list at least one service account ({ namespace, name })");
  accounts.forEach((sa, i) => {
    const at = `${path}[${i}]`;
    if (sa === null || typeof sa !== "object") validator.reject(at, sa, "must be { namespace, name }");
    validator.check(`${at}.namespace`, validator.requireString(`${at}.namespace`, sa.namespace), kubernetesNamespace);
    const name = validator.requireString(`${at}.name`, sa.name);
    if (!Token.isUnresolved(name) && hasIamWildcard(name))
      validator.reject(`${at}.name`, name, "contains a wildcard; an association names one exact service account");
    validator.check(`${at}.name`, name, kubernetesServiceAccountName(false));
  });
  const dup = firstDuplicate(accounts, (sa) =>
    Token.isUnresolved(sa.namespace) || Token.isUnresolved(sa.name) ? undefined : `${sa.namespace}/${sa.name}`,
  );
  if (dup >= 0) validator.reject(`${path}[${dup}]`, accounts[dup], "is listed twice");
}
