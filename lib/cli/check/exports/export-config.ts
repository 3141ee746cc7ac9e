/**
 * Turns exports of a live account and cluster into one synthetic Terraform configuration, so that
 * the same rules judge them: each role as `aws_iam_role` (its trust as JSON text, read with IAM's
 * syntax), each annotated service account as `kubernetes_annotations`. All exports of one run go
 * into one configuration, so that a cluster's annotations meet the account's trusts.
 */
import { Block } from "../../../config-model/terraform-config";
import { InputError } from "../input-error";
import { ExportInput } from "../inputs";
import { ROLE_ARN_ANNOTATION } from "../../../facts/eks";

type Json = { [key: string]: any };

/** Where a synthetic block came from: the export file, the name findings use, and text to find it by. */
export interface ExportOrigin {
  readonly file: string;
  readonly address: string;
  readonly needle: string;
}

export interface ExportConfig {
  readonly roles: { [key: string]: Block };
  readonly annotations: { [key: string]: Block };
  /** Synthetic key (`aws_iam_role.<key>`, `kubernetes_annotations.<key>`) -> origin. */
  readonly origins: Map<string, ExportOrigin>;
}

/** A Terraform-safe name for an ARN or a namespace/name. */
const safeKey = (text: string) => text.replace(/[^A-Za-z0-9_-]/g, "_");

function uniqueKey(taken: { [key: string]: unknown }, text: string): string {
  const base = safeKey(text);
  let key = base;
  for (let i = 2; key in taken; i++) key = `${base}_${i}`;
  return key;
}

/** The trust as JSON text: the CLI decodes it to an object; the API gives it URL-encoded. */
function trustText(document: unknown, file: string, arn: string): string {
  if (document !== null && typeof document === "object") return JSON.stringify(document);
  if (typeof document !== "string") throw new InputError(`${file}: role ${arn} has no AssumeRolePolicyDocument`);
  if (/^\s*[{[]/.test(document)) return document;
  try {
    return decodeURIComponent(document.replace(/\+/g, " "));
  } catch {
    return document;
  }
}

function addRoles(roles: Json[], file: string, into: ExportConfig): void {
  for (const role of roles) {
    const arn = String(role.Arn);
    const key = uniqueKey(into.roles, arn);
    into.roles[key] = {
      name: role.RoleName,
      path: role.Path,
      arn,
      assume_role_policy: trustText(role.AssumeRolePolicyDocument, file, arn),
    };
    into.origins.set(`aws_iam_role.${key}`, { file, address: arn, needle: JSON.stringify(arn) });
  }
}

function addServiceAccounts(items: Json[], file: string, into: ExportConfig): void {
  for (const item of items) {
    const metadata = item?.metadata ?? {};
    const roleArn = metadata.annotations?.[ROLE_ARN_ANNOTATION];
    if (typeof roleArn !== "string") continue;
    const namespace = String(metadata.namespace ?? "default");
    const name = String(metadata.name);
    const key = uniqueKey(into.annotations, `${namespace}_${name}`);
    into.annotations[key] = {
      api_version: "v1",
      kind: "ServiceAccount",
      metadata: { name, namespace },
      annotations: { [ROLE_ARN_ANNOTATION]: roleArn },
    };
    into.origins.set(`kubernetes_annotations.${key}`, {
      file,
      address: `serviceaccount/${namespace}/${name}`,
      needle: JSON.stringify(roleArn),
    });
  }
}

/** One configuration of every export input. */
export function exportConfig(inputs: readonly ExportInput[]): ExportConfig {
  const into: ExportConfig = { roles: {}, annotations: {}, origins: new Map() };
  for (const input of inputs) {
    if (input.format === "account-authorization-details") addRoles(input.json.RoleDetailList, input.path, into);
    else if (input.format === "list-roles") addRoles(input.json.Roles, input.path, into);
    else addServiceAccounts(input.json.kind === "ServiceAccount" ? [input.json] : input.json.items, input.path, into);
  }
  return into;
}
