/**
 * The blocks of a Terraform JSON configuration as the OIDC-provider and annotation models and the
 * reference resolver read them: whatever JSON form it was written in, through the one normaliser
 * (normalize-config.ts), computed once per configuration object.
 */
import { isBlock } from "./nested-blocks";
import { normalizeConfig } from "./normalize-config";
import { Block, TerraformAddress, TerraformConfig } from "./terraform-config";

/** A block of the configuration with its address. */
export interface AddressedBlock {
  readonly address: TerraformAddress;
  readonly block: Block;
}

const normalized = new WeakMap<object, TerraformConfig>();

/**
 * The configuration in object form at every block level, other top-level keys (`terraform`,
 * `provider`, ...) kept as written. A shape Terraform rejects throws a ConfigShapeError: it is
 * never read as an empty configuration.
 */
export function objectForm(config: unknown): TerraformConfig {
  if (!isBlock(config)) return normalizeConfig(config); // throws: not a configuration
  let result = normalized.get(config);
  if (result === undefined) {
    result = { ...config, ...normalizeConfig(config) };
    normalized.set(config, result);
  }
  return result;
}

/** Every `resource` (or `data`) block of one type. */
export function blocksOfType(config: unknown, mode: "managed" | "data", type: string): AddressedBlock[] {
  const blocks = objectForm(config)[mode === "data" ? "data" : "resource"]?.[type] ?? {};
  return Object.entries(blocks).map(([name, block]) => ({ address: { mode, type, name }, block }));
}
