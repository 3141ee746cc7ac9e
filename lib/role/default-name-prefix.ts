import { Token } from "cdktf";
import { IConstruct } from "constructs";
import { ServiceAccountRef } from "../kubernetes/service-account";
import { shortHash } from "./role-policies";

/**
 * The default role name prefix, `<namespace>-<name>-` of the first service account. Derived from the
 * first account only, so that adding accounts never renames (and so replaces) the role. Terraform's
 * 26-character suffix keeps names unique across namespaces and clusters.
 */
export function defaultNamePrefix(construct: IConstruct, sa: ServiceAccountRef): string {
  if (Token.isUnresolved(sa.namespace) || Token.isUnresolved(sa.name)) return `irsa-${construct.node.addr.slice(0, 12)}-`;
  const base = `${sa.namespace}-${sa.name}`;
  return base.length <= 37 ? `${base}-` : `${base.slice(0, 29)}-${shortHash(base).slice(0, 7)}-`;
}
