/**
 * Terraform's JSON syntax accepts every block level as an object or as an array of objects:
 * `"resource": [{...}]`, `"aws_iam_role": [{...}]`, `"aws_iam_role": {"r": [{...}]}`, and the same
 * for `data`, `module`, `variable`, `output`, `locals` and `provider`. `@cdktf/hcl2json` writes the
 * array form. {@link normalizeConfig} turns any of them into the object form the readers use, so a
 * configuration is read the same whichever form it was written in. Nested blocks inside a block
 * (`statement`, `principals`, ...) are left as written: read them with `nestedBlocks`.
 */
import { isBlock } from "./nested-blocks";
import { Block, TerraformConfig } from "./terraform-config";

type Json = { [key: string]: unknown };
type Labelled = { [type: string]: { [name: string]: Block } };

/** A configuration value that is not in any form Terraform accepts. */
export class ConfigShapeError extends Error {}

/** The objects of a level written as an object or an array of objects. */
function objectsOf(value: unknown, at: string): Json[] {
  if (value === undefined || value === null) return [];
  if (isBlock(value)) return [value];
  if (Array.isArray(value) && value.every(isBlock)) return value;
  throw new ConfigShapeError(`${at} must be an object or an array of objects`);
}

/** One block body from an object or an array of objects (the elements of an array are merged, later ones winning). */
function blockOf(value: unknown, at: string): Block {
  const objects = objectsOf(value, at);
  return objects.length === 1 ? objects[0] : Object.assign({}, ...objects);
}

/** `resource` / `data`: type -> name -> block, from any mix of forms. */
function twoLabelBlocks(value: unknown, kind: string): Labelled {
  const out: Labelled = {};
  for (const byType of objectsOf(value, kind)) {
    for (const [type, names] of Object.entries(byType)) {
      const target = (out[type] ??= {});
      for (const byName of objectsOf(names, `${kind}.${type}`)) {
        for (const [name, body] of Object.entries(byName)) target[name] = blockOf(body, `${kind}.${type}.${name}`);
      }
    }
  }
  return out;
}

/** `module`, `variable`, `output`: name -> block. */
function oneLabelBlocks(value: unknown, kind: string): { [name: string]: Block } {
  const out: { [name: string]: Block } = {};
  for (const byName of objectsOf(value, kind)) {
    for (const [name, body] of Object.entries(byName)) out[name] = blockOf(body, `${kind}.${name}`);
  }
  return out;
}

/** The configuration in object form at every block level. Throws {@link ConfigShapeError} for a shape Terraform rejects. */
export function normalizeConfig(json: unknown): TerraformConfig {
  if (!isBlock(json)) throw new ConfigShapeError("a Terraform JSON configuration must be an object");
  const out: { -readonly [K in keyof TerraformConfig]: TerraformConfig[K] } = {};
  if (json.resource !== undefined) out.resource = twoLabelBlocks(json.resource, "resource");
  if (json.data !== undefined) out.data = twoLabelBlocks(json.data, "data");
  if (json.module !== undefined) out.module = oneLabelBlocks(json.module, "module");
  if (json.variable !== undefined) out.variable = oneLabelBlocks(json.variable, "variable");
  if (json.output !== undefined) out.output = oneLabelBlocks(json.output, "output");
  if (json.locals !== undefined) out.locals = Object.assign({}, ...objectsOf(json.locals, "locals"));
  return out;
}
