/**
 * The names a module's expressions can use before plan: `local.*` (evaluated on first use, cycles
 * left unresolved), `var.*` (the caller's argument, a variable file's value, or the default),
 * `path.module` / `path.root` / `path.cwd`, and per block instance `each.key`, `each.value` and
 * `count.index`. Everything else is known only at plan or apply.
 */
import { existsSync, readFileSync, statSync } from "fs";
import { isAbsolute, relative, resolve } from "path";
import { Block } from "../../../config-model/terraform-config";
import { EvaluationScope, PartialEvaluator } from "./partial-evaluate";
import { Pending, PValue } from "./partial-value";

/** The instance a block is evaluated for: `each` of a for_each, `count.index` of a count. */
export interface InstanceKeys {
  readonly each?: { readonly key: PValue; readonly value: PValue };
  readonly countIndex?: PValue;
}

export interface ModuleScopeOptions {
  readonly dir: string;
  readonly rootDir: string;
  readonly locals: Block;
  readonly variables: { readonly [name: string]: Block };
  /** Values given by the caller: a module block's arguments, or the root's variable files. */
  readonly inputs: { readonly [name: string]: PValue };
}

/** Resolves every string of a value written in Terraform JSON syntax; a string nothing could be computed for stays as written. */
export function resolveWritten(value: unknown, evaluator: PartialEvaluator): PValue {
  if (typeof value === "string") {
    const before = evaluator.resolved;
    const result = evaluator.template(value);
    return result instanceof Pending && evaluator.resolved === before ? new Pending(value) : result;
  }
  if (Array.isArray(value)) return value.map((v) => resolveWritten(v, evaluator));
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolveWritten(v, evaluator)]));
  }
  return value as PValue;
}

export class ModuleScope {
  private readonly localValues = new Map<string, PValue>();
  private readonly inProgress = new Set<string>();

  constructor(private readonly options: ModuleScopeOptions) {}

  /** An evaluator for one block instance (or for the module's own values, without keys). */
  evaluator(keys: InstanceKeys = {}): PartialEvaluator {
    const scope: EvaluationScope = {
      lookup: (root, steps) => this.lookup(root, steps, keys),
      readFile: (path) => this.readFile(path),
    };
    return new PartialEvaluator(scope);
  }

  private lookup(root: string, steps: readonly (string | number)[], keys: InstanceKeys): { value: PValue; used: number } | undefined {
    const name = steps[0];
    if (root === "each" && keys.each !== undefined && (name === "key" || name === "value")) return { value: keys.each[name], used: 1 };
    if (root === "count" && keys.countIndex !== undefined && name === "index") return { value: keys.countIndex, used: 1 };
    if (root === "path" && typeof name === "string") {
      // Absolute, so that file("${path.module}/x") finds the file wherever check runs from.
      const paths: { [k: string]: string } = { module: resolve(this.options.dir), root: resolve(this.options.rootDir), cwd: process.cwd() };
      return paths[name] === undefined ? undefined : { value: paths[name], used: 1 };
    }
    if (typeof name !== "string") return undefined;
    if (root === "local") {
      const value = this.local(name);
      return value === undefined ? undefined : { value, used: 1 };
    }
    if (root === "var") {
      const value = this.variable(name);
      return value === undefined ? undefined : { value, used: 1 };
    }
    return undefined;
  }

  private local(name: string): PValue | undefined {
    if (this.localValues.has(name)) return this.localValues.get(name);
    if (!Object.prototype.hasOwnProperty.call(this.options.locals, name) || this.inProgress.has(name)) return undefined;
    this.inProgress.add(name);
    const value = resolveWritten(this.options.locals[name], this.evaluator());
    this.inProgress.delete(name);
    this.localValues.set(name, value);
    return value;
  }

  private variable(name: string): PValue | undefined {
    if (Object.prototype.hasOwnProperty.call(this.options.inputs, name)) return this.options.inputs[name];
    const declared = this.options.variables[name];
    if (declared === undefined || declared.default === undefined) return undefined;
    return resolveWritten(declared.default, this.evaluator());
  }

  /** A file inside the module folder (or the root module's), as text; undefined outside them or when missing. */
  private readFile(path: string): string | undefined {
    // Terraform resolves a relative path from where it runs: the root module's folder.
    const full = resolve(this.options.rootDir, path);
    const inside = (dir: string) => {
      const rel = relative(resolve(dir), full);
      return rel !== "" && !rel.startsWith("..") && !isAbsolute(rel);
    };
    if (!inside(this.options.dir) && !inside(this.options.rootDir)) return undefined;
    if (!existsSync(full) || !statSync(full).isFile()) return undefined;
    return readFileSync(full, "utf8");
  }
}
