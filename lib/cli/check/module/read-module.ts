/**
 * Reads one Terraform module folder as Terraform does: every `.tf` (HCL) and `.tf.json` file in
 * it, merged into one configuration; for the root module also the variable files Terraform loads
 * by itself (`terraform.tfvars`, `terraform.tfvars.json`, `*.auto.tfvars`, `*.auto.tfvars.json`, in
 * that order). The `.tf` files of a folder are parsed in one call (HCL bodies concatenate), which
 * is what makes a repository of thousands of files fast; a syntax error is then found again file
 * by file, so that it names the right file, line and column.
 */
import { readdirSync, readFileSync } from "fs";
import { join } from "path";
import { normalizeConfig, ConfigShapeError } from "../../../config-model/normalize-config";
import { TerraformConfig } from "../../../config-model/terraform-config";
import type { HclParse } from "../hcl-workers";
import { InputError } from "../input-error";
import { Locator } from "../locate";
import { parseHclText, parseJsonText } from "../source-text";

/** One file of a module, with its locator for findings. */
export interface ModuleFile {
  readonly path: string;
  readonly syntax: "hcl" | "json";
  readonly locator: Locator;
}

/** A module folder as written: its merged configuration (object form, values as written) and its files. */
export interface ModuleSource {
  readonly dir: string;
  readonly files: readonly ModuleFile[];
  readonly config: TerraformConfig;
  /** Variable values from the root module's variable files (HCL or JSON values, as written). */
  readonly tfvars: { readonly [name: string]: unknown };
}

export const isConfigFile = (name: string) => name.endsWith(".tf") || name.endsWith(".tf.json");

/** `override.tf`, `*_override.tf` (and `.tf.json`): Terraform merges them after every other file, whatever their names. */
const isOverrideFile = (path: string) => /(^|[/\\_])override\.tf(\.json)?$/.test(path);

function readText(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch (e) {
    throw new InputError(`${path}: cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
}

function normalized(path: string, json: unknown): TerraformConfig {
  try {
    return normalizeConfig(json);
  } catch (e) {
    if (e instanceof ConfigShapeError) throw new InputError(`${path}: ${e.message}`);
    throw e;
  }
}

/**
 * Later files' blocks join earlier ones; a block at the same address is merged argument by argument,
 * the later one's arguments (and nested block types) replacing the earlier one's, as Terraform
 * merges an override file into the block it overrides.
 */
export function mergeConfigs(configs: readonly TerraformConfig[]): TerraformConfig {
  const out: { [kind: string]: any } = {};
  const mergeBlocks = (into: { [name: string]: any }, blocks: { [name: string]: any }) => {
    for (const [name, body] of Object.entries(blocks)) into[name] = { ...into[name], ...body };
  };
  for (const config of configs) {
    for (const kind of ["resource", "data"] as const) {
      for (const [type, names] of Object.entries(config[kind] ?? {})) mergeBlocks(((out[kind] ??= {})[type] ??= {}), names);
    }
    for (const kind of ["module", "variable", "output"] as const) {
      if (config[kind] !== undefined) mergeBlocks((out[kind] ??= {}), config[kind] as { [name: string]: any });
    }
    if (config.locals !== undefined) Object.assign((out.locals ??= {}), config.locals);
  }
  return out;
}

/** The parsed HCL of several files: one parse of their concatenation, or the first file's own error. */
async function parseHclFiles(files: readonly { path: string; text: string }[], parse?: HclParse): Promise<unknown> {
  if (files.length === 1) return parseHclText(files[0].path, files[0].text, parse);
  try {
    return await parseHclText(files[0].path, files.map((f) => f.text).join("\n"), parse);
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    for (const f of files) await parseHclText(f.path, f.text, parse);
    throw e;
  }
}

async function variableFiles(dir: string, names: readonly string[], parse?: HclParse): Promise<{ [name: string]: unknown }> {
  const autoFiles = names.filter((n) => /\.auto\.tfvars(\.json)?$/.test(n)).sort();
  const ordered = [...names.filter((n) => n === "terraform.tfvars" || n === "terraform.tfvars.json").sort(), ...autoFiles];
  const values: { [name: string]: unknown } = {};
  for (const name of ordered) {
    const path = join(dir, name);
    const text = readText(path);
    const parsed = name.endsWith(".json") ? parseJsonText(path, text) : await parseHclText(path, text, parse);
    if (parsed !== null && typeof parsed === "object" && !Array.isArray(parsed)) Object.assign(values, parsed);
  }
  return values;
}

/**
 * Reads a module: the folder's configuration files, or only `onlyFiles` when given (files named on
 * the command line). `isRoot` loads the variable files. `parse` parses HCL (default: on this thread).
 */
export async function readModule(dir: string, isRoot: boolean, onlyFiles?: readonly string[], parse?: HclParse): Promise<ModuleSource> {
  const names = readdirSync(dir).sort();
  const paths = onlyFiles ?? names.filter(isConfigFile).map((n) => join(dir, n));
  const hcl = paths.filter((p) => p.endsWith(".tf")).map((path) => ({ path, text: readText(path) }));
  const json = paths.filter((p) => p.endsWith(".json")).map((path) => ({ path, text: readText(path) }));
  const configs: TerraformConfig[] = [];
  // Primary files first, override files last (each in name order), as Terraform loads them.
  for (const override of [false, true]) {
    const hclPart = hcl.filter((f) => isOverrideFile(f.path) === override);
    if (hclPart.length > 0) configs.push(normalized(hclPart.length === 1 ? hclPart[0].path : dir, await parseHclFiles(hclPart, parse)));
    for (const f of json.filter((f) => isOverrideFile(f.path) === override))
      configs.push(normalized(f.path, parseJsonText(f.path, f.text)));
  }
  const files: ModuleFile[] = [
    ...hcl.map((f) => ({ path: f.path, syntax: "hcl" as const, locator: new Locator(f.text) })),
    ...json.map((f) => ({ path: f.path, syntax: "json" as const, locator: new Locator(f.text) })),
  ];
  return {
    dir,
    files,
    config: mergeConfigs(configs),
    tfvars: isRoot && onlyFiles === undefined ? await variableFiles(dir, names, parse) : {},
  };
}
