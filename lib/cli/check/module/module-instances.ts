/**
 * Turns a module as written into what the trust rules read: for each module instance, a
 * configuration in object form whose values are computed as far as they are known before plan
 * (see partial-evaluate.ts), with `for_each` and `count` over known collections expanded into
 * instances (`aws_iam_role.r["a"]`, `aws_iam_role.r[0]`). Local modules (`source = "./x"`) are read
 * and instantiated with their arguments; a registry or remote module is named as unread.
 */
import { existsSync, statSync } from "fs";
import { join } from "path";
import { Block, TerraformConfig } from "../../../config-model/terraform-config";
import { ModuleScope, InstanceKeys, resolveWritten } from "./module-scope";
import { hasPending, Pending, PValue, toTerraformJson } from "./partial-value";
import type { HclParse } from "../hcl-workers";
import { ModuleSource, readModule } from "./read-module";

/** Module calls nested deeper than this are a loop (a module that calls itself). */
const MAX_MODULE_DEPTH = 20;

/** A module instance, ready for the rules: its address prefix (`module.a.`), configuration and files. */
export interface ModuleInstance {
  readonly prefix: string;
  readonly source: ModuleSource;
  readonly config: TerraformConfig;
}

/** A module this command does not read, and why. */
export interface UnreadModule {
  readonly prefix: string;
  readonly name: string;
  readonly source: ModuleSource;
  readonly reason: string;
}

export interface ModuleTree {
  readonly instances: ModuleInstance[];
  readonly unread: UnreadModule[];
}

const META_ARGUMENTS = new Set(["source", "version", "providers", "depends_on", "for_each", "count", "lifecycle", "//"]);

/** The instances of a block: one without keys, or one per element of a known for_each / count. */
function instancesOf(block: Block, scope: ModuleScope): { suffix: string; keys: InstanceKeys }[] {
  if (block.for_each !== undefined) {
    const value = resolveWritten(block.for_each, scope.evaluator());
    if (hasPending(value) || value === null || typeof value !== "object") {
      return [{ suffix: "", keys: { each: { key: new Pending("${each.key}"), value: new Pending("${each.value}") } } }];
    }
    const entries: [string, PValue][] = Array.isArray(value) ? value.map((v) => [String(v), v]) : Object.entries(value);
    return entries.map(([key, v]) => ({ suffix: `[${JSON.stringify(key)}]`, keys: { each: { key, value: v } } }));
  }
  if (block.count !== undefined) {
    const value = resolveWritten(block.count, scope.evaluator());
    const n = typeof value === "string" && /^\d+$/.test(value) ? Number(value) : value;
    if (typeof n !== "number" || !Number.isInteger(n) || n < 0)
      return [{ suffix: "", keys: { countIndex: new Pending("${count.index}") } }];
    return Array.from({ length: n }, (_v, i) => ({ suffix: `[${i}]`, keys: { countIndex: i } }));
  }
  return [{ suffix: "", keys: {} }];
}

function expandLabelled(blocks: TerraformConfig["resource"], scope: ModuleScope): { [type: string]: { [name: string]: Block } } {
  const out: { [type: string]: { [name: string]: Block } } = {};
  for (const [type, byName] of Object.entries(blocks ?? {})) {
    const target = (out[type] = {} as { [name: string]: Block });
    for (const [name, block] of Object.entries(byName)) {
      for (const { suffix, keys } of instancesOf(block, scope)) {
        target[`${name}${suffix}`] = toTerraformJson(resolveWritten(block, scope.evaluator(keys))) as Block;
      }
    }
  }
  return out;
}

const isLocalSource = (source: unknown): source is string => typeof source === "string" && /^\.\.?[\\/]/.test(source);

async function instantiate(
  source: ModuleSource,
  rootDir: string,
  inputs: { [name: string]: PValue },
  prefix: string,
  depth: number,
  tree: ModuleTree,
  parse: HclParse | undefined,
): Promise<void> {
  const config = source.config;
  const scope = new ModuleScope({ dir: source.dir, rootDir, locals: config.locals ?? {}, variables: config.variable ?? {}, inputs });
  tree.instances.push({
    prefix,
    source,
    config: { resource: expandLabelled(config.resource, scope), data: expandLabelled(config.data, scope) },
  });
  for (const [name, call] of Object.entries(config.module ?? {})) {
    const written = call.source;
    if (!isLocalSource(written)) {
      tree.unread.push({
        prefix,
        name,
        source,
        reason:
          `may be inside module "${name}" (source ${JSON.stringify(written)}), ` +
          "a registry or remote module that this command does not read: " +
          "check its trusts in the plan (terraform show -json) instead",
      });
      continue;
    }
    const dir = join(source.dir, written);
    if (depth >= MAX_MODULE_DEPTH || !existsSync(dir) || !statSync(dir).isDirectory()) {
      const why = depth >= MAX_MODULE_DEPTH ? `is nested more than ${MAX_MODULE_DEPTH} modules deep` : `is not a folder here (${dir})`;
      tree.unread.push({ prefix, name, source, reason: `may be inside module "${name}", whose source ${JSON.stringify(written)} ${why}` });
      continue;
    }
    const child = await readModule(dir, false, undefined, parse);
    for (const { suffix, keys } of instancesOf(call, scope)) {
      const evaluator = scope.evaluator(keys);
      const args: { [name: string]: PValue } = {};
      for (const [arg, value] of Object.entries(call)) if (!META_ARGUMENTS.has(arg)) args[arg] = resolveWritten(value, evaluator);
      await instantiate(child, rootDir, args, `${prefix}module.${name}${suffix}.`, depth + 1, tree, parse);
    }
  }
}

/** Every instance of a root module and the local modules it calls (read with `parse`, default: on this thread). */
export async function moduleTree(root: ModuleSource, parse?: HclParse): Promise<ModuleTree> {
  const tree: ModuleTree = { instances: [], unread: [] };
  const rootScope = new ModuleScope({ dir: root.dir, rootDir: root.dir, locals: {}, variables: {}, inputs: {} });
  const inputs: { [name: string]: PValue } = {};
  for (const [name, value] of Object.entries(root.tfvars)) inputs[name] = resolveWritten(value, rootScope.evaluator());
  await instantiate(root, root.dir, inputs, "", 0, tree, parse);
  return tree;
}
