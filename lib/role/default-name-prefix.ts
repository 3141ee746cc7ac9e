import { TerraformStack } from "cdktf";
import { IConstruct } from "constructs";
import { shortHash } from "../construct-ids/stable-key";

/** The longest name prefix IAM accepts with Terraform's 26-character suffix (64 - 26). */
const MAX_PREFIX = 38;

/** A construct's path below its stack, e.g. `team-a/app`: what its default role name is made from. */
export function pathInStack(construct: IConstruct): string {
  const stack = TerraformStack.of(construct);
  return construct.node.scopes
    .slice(stack.node.scopes.length)
    .map((c) => c.node.id)
    .join("/");
}

/** The path below its stack that a construct `id` created in `scope` will have. */
export function childPathInStack(scope: IConstruct, id: string): string {
  const parent = pathInStack(scope);
  return parent === "" ? id : `${parent}/${id}`;
}

/**
 * The default role name prefix: the construct's path below its stack, e.g. `team-a-app-`. It does
 * not depend on the service accounts, so reordering or adding accounts never renames (and so
 * replaces) the role; Terraform's unique suffix keeps roles of the same path in other stacks apart.
 * Characters IAM does not accept become '-'; a long path is shortened with a hash of the whole.
 */
export function defaultNamePrefix(path: string): string {
  const base =
    path
      .replace(/[^\w+=,.@-]+/g, "-")
      .replace(/-{2,}/g, "-")
      .replace(/^-|-$/g, "") || "role";
  if (base.length + 1 <= MAX_PREFIX) return `${base}-`;
  return `${base.slice(0, MAX_PREFIX - 10)}-${shortHash(path).slice(0, 8)}-`;
}
