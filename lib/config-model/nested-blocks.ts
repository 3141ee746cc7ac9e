/**
 * Terraform's JSON syntax writes a nested block (`statement`, `principals`, `condition`,
 * `metadata`, ...) as one object or as an array of objects; `@cdktf/hcl2json` writes arrays, cdktf
 * writes arrays for list blocks and an object for a single block. Both mean the same blocks.
 */
import { Block } from "./terraform-config";

export const isBlock = (value: unknown): value is Block => value !== null && typeof value === "object" && !Array.isArray(value);

/**
 * The blocks a nested-block value stands for: none when it is unset, one for an object, each
 * element of an array (an element that is itself an array of objects is flattened). `undefined`
 * when the value is not blocks at all (a string holding a Terraform expression, a number).
 */
export function nestedBlocks(value: unknown): Block[] | undefined {
  if (value === undefined || value === null) return [];
  if (isBlock(value)) return [value];
  if (!Array.isArray(value)) return undefined;
  const blocks: Block[] = [];
  for (const item of value) {
    if (isBlock(item)) blocks.push(item);
    else if (Array.isArray(item) && item.every(isBlock)) blocks.push(...item);
    else return undefined;
  }
  return blocks;
}

/** The first block of a nested-block value (a single block such as `metadata`), or undefined. */
export const firstBlock = (value: unknown): Block | undefined => nestedBlocks(value)?.[0];
