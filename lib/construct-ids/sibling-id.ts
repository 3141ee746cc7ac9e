/**
 * Construct ids that stay what they have always been, and stay unique when two keys happen to
 * spell the same text. Keys such as `<cluster>-<namespace>.<name>` are ambiguous, because cluster
 * names and namespaces both contain '-': cluster `prod` with namespace `eu-orders` and cluster
 * `prod-eu` with namespace `orders` both give `prod-eu-orders.<name>`. Changing every id to an
 * unambiguous form would rename existing Terraform addresses (and recreate what they hold), so
 * the usual id is kept, and only an entry whose usual id is already taken in the same scope (the
 * later one in the props' order) gets the unambiguous fallback.
 */
import { IConstruct } from "constructs";

/**
 * Separator of the fallback ids. Kubernetes names, EKS cluster names and the hex keys of tokens
 * never contain it, so `<prefix>#<part>#<part>` names exactly one tuple of parts.
 */
export const FALLBACK_SEPARATOR = "#";

/** `usual` unless `scope` already has a child of that id; then `[prefix, ...parts]` joined by {@link FALLBACK_SEPARATOR}. */
export function siblingId(scope: IConstruct, usual: string, prefix: string, parts: readonly string[]): string {
  if (scope.node.tryFindChild(usual) === undefined) return usual;
  return [prefix, ...parts].join(FALLBACK_SEPARATOR);
}
