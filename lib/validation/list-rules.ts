/** Rules for lists: length bounds and duplicates. */
import { Rule } from "./rule";

export function listLength(min: number, max: number, what: string): Rule<readonly unknown[]> {
  return (list) =>
    list.length < min || list.length > max ? `has ${list.length} ${what}; IAM allows ${min === max ? min : `${min} to ${max}`}` : undefined;
}

/** Index of the first element equal to an earlier one (by `keyOf`; `undefined` keys never match), or -1. */
export function firstDuplicate<T>(list: readonly T[], keyOf: (item: T) => string | undefined): number {
  const seen = new Set<string>();
  for (let i = 0; i < list.length; i++) {
    const key = keyOf(list[i]);
    if (key === undefined) continue;
    if (seen.has(key)) return i;
    seen.add(key);
  }
  return -1;
}
