/**
 * The blocks of a Terraform JSON configuration in every form Terraform accepts: each level
 * (`resource`, the type, the name; nested blocks such as `metadata`) as an object or as an array of
 * objects (`@cdktf/hcl2json` writes arrays). A local helper of the OIDC provider and annotation
 * models until the shared `nestedBlocks` of the check command is merged.
 */
import { Block, TerraformAddress } from "./terraform-config";

const isObject = (value: unknown): value is Block => value !== null && typeof value === "object" && !Array.isArray(value);

/** A nested block given as an object or as an array of objects: its objects, in order. */
export function nestedBlocks(value: unknown): Block[] {
  if (isObject(value)) return [value];
  return Array.isArray(value) ? value.filter(isObject) : [];
}

/** The first object of a nested block (`metadata`, `manifest`), or undefined. */
export const firstBlock = (value: unknown): Block | undefined => nestedBlocks(value)[0];

/** Every key-value pair of an object, or of each object of an array of objects, in order. */
function entriesOf(value: unknown): [string, unknown][] {
  return nestedBlocks(value).flatMap((o) => Object.entries(o));
}

/** A block of the configuration with its address. */
export interface AddressedBlock {
  readonly address: TerraformAddress;
  readonly block: Block;
}

/** Every `resource` (or `data`) block of one type, in either JSON form. */
export function blocksOfType(config: unknown, mode: "managed" | "data", type: string): AddressedBlock[] {
  if (!isObject(config)) return [];
  const top = config[mode === "data" ? "data" : "resource"];
  return entriesOf(top)
    .filter(([t]) => t === type)
    .flatMap(([, byName]) => entriesOf(byName))
    .flatMap(([name, body]) => nestedBlocks(body).map((block) => ({ address: { mode, type, name }, block })));
}

type ObjectForm = { [key: string]: any };

/**
 * The configuration in object form (`resource.<type>.<name>` an object; `locals` and `variable`
 * merged), as the reference resolver of the testing helpers reads it.
 */
export function objectForm(config: unknown): ObjectForm {
  if (!isObject(config)) return {};
  const result: ObjectForm = { ...config };
  for (const top of ["resource", "data"]) {
    const out: { [type: string]: { [name: string]: Block } } = {};
    for (const [type, byName] of entriesOf(config[top])) {
      for (const [name, body] of entriesOf(byName)) {
        const block = nestedBlocks(body)[0];
        if (block !== undefined) (out[type] ??= {})[name] ??= block;
      }
    }
    result[top] = out;
  }
  result.locals = Object.fromEntries(entriesOf(config.locals));
  result.variable = Object.fromEntries(entriesOf(config.variable).map(([name, body]) => [name, nestedBlocks(body)[0] ?? {}]));
  return result;
}
