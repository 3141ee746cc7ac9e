/**
 * Exports of a live account or cluster, recognized by their documented shape:
 * `aws iam get-account-authorization-details` (`RoleDetailList`), `aws iam list-roles` (`Roles`)
 * and `kubectl get serviceaccounts -A -o json` (a `List` of `ServiceAccount` items, or one).
 */

export type ExportKind = "account-authorization-details" | "list-roles" | "service-accounts";

type Json = { [key: string]: any };

const isRoleList = (value: unknown) => Array.isArray(value) && value.every((r) => r !== null && typeof r === "object" && "Arn" in r);

export function exportKindOf(json: Json): ExportKind | undefined {
  if (isRoleList(json.RoleDetailList)) return "account-authorization-details";
  if (isRoleList(json.Roles)) return "list-roles";
  if (json.kind === "ServiceAccount" && typeof json.metadata === "object") return "service-accounts";
  if (
    typeof json.kind === "string" &&
    /List$/.test(json.kind) &&
    Array.isArray(json.items) &&
    json.items.every((i: Json) => i?.kind === undefined || i.kind === "ServiceAccount")
  ) {
    return "service-accounts";
  }
  return undefined;
}
