/**
 * What `check` reads, each path resolved to one or more inputs:
 * - a `cdktf.out/` folder: every stack its manifest.json lists (or every stacks/<name>/cdk.tf.json);
 * - a folder of Terraform files: one root module, its `.tf` and `.tf.json` files together (as
 *   Terraform reads them), with its variable files and the local modules it calls;
 * - a folder without Terraform files of its own (a repository): every folder below it that has
 *   them, as a root module, except the folders those call as local modules (read through their callers);
 * - a `.tf` or `.tf.json` file: a module of that one file;
 * - JSON from `terraform show -json` (a plan or a state);
 * - exports of a live account or cluster (`aws iam get-account-authorization-details`,
 *   `aws iam list-roles`, `kubectl get serviceaccounts -A -o json`), detected by shape.
 * Anything else is an {@link InputError}: one line naming the path, exit 2.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "fs";
import { dirname, join, resolve } from "path";
import { checkModule, PartReport } from "./check-module";
import { exportKindOf, ExportKind } from "./exports/export-kind";
import { HclWorkerPool, parseThreads } from "./hcl-workers";
import { InputError } from "./input-error";
import { isConfigFile, ModuleSource, readModule } from "./module/read-module";
import { parseJsonText } from "./source-text";

type Json = { [key: string]: any };

/** A Terraform module to check (a cdktf stack, a folder, a single file). */
export interface ModuleInput {
  readonly kind: "module";
  readonly source: ModuleSource;
  /** Whether local modules and variable files are read (a folder), or only the file itself. */
  readonly isFolder: boolean;
  /** Its findings, when they were worked out while the repository was still being parsed. */
  readonly checked?: Promise<PartReport>;
}

/** `terraform show -json` output. */
export interface PlanInput {
  readonly kind: "plan";
  readonly path: string;
  readonly text: string;
  readonly json: Json;
}

/** An export of a live account or cluster. */
export interface ExportInput {
  readonly kind: "export";
  readonly format: ExportKind;
  readonly path: string;
  readonly text: string;
  readonly json: Json;
}

export type Input = ModuleInput | PlanInput | ExportInput;

/** Top-level keys of a Terraform JSON configuration file. */
const CONFIG_KEYS = new Set(["//", "terraform", "provider", "resource", "data", "variable", "output", "locals", "module"]);
const MORE_CONFIG_KEYS = new Set(["moved", "import", "check", "removed"]);

/** The paths of an input, for the report's list of files read. */
export function filesOf(input: Input): string[] {
  return input.kind === "module" ? input.source.files.map((f) => f.path) : [input.path];
}

function readText(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch (e) {
    throw new InputError(`${path}: cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
}

async function readFileInput(path: string): Promise<Input> {
  if (path.endsWith(".tf")) return { kind: "module", source: await readModule(dirname(path), false, [path]), isFolder: false };
  const text = readText(path);
  const json = parseJsonText(path, text);
  if (json === null || typeof json !== "object" || Array.isArray(json)) throw new InputError(`${path}: not a JSON object`);
  const keys = Object.keys(json);
  const isShowJson = typeof (json as Json).format_version === "string";
  if (isShowJson && keys.some((k) => ["planned_values", "prior_state", "resource_changes", "values"].includes(k))) {
    return { kind: "plan", path, text, json: json as Json };
  }
  const exportKind = exportKindOf(json as Json);
  if (exportKind !== undefined) return { kind: "export", format: exportKind, path, text, json: json as Json };
  if (!isShowJson && keys.every((k) => CONFIG_KEYS.has(k) || MORE_CONFIG_KEYS.has(k))) {
    return { kind: "module", source: await readModule(dirname(path), false, [path]), isFolder: false };
  }
  throw new InputError(
    `${path}: neither a Terraform JSON configuration nor the output of terraform show -json, ` +
      "aws iam get-account-authorization-details, aws iam list-roles or kubectl get serviceaccounts -o json",
  );
}

/** The stack files of a cdktf.out folder, or undefined when the folder is not one. */
function stackFiles(dir: string): string[] | undefined {
  const manifestPath = join(dir, "manifest.json");
  if (existsSync(manifestPath)) {
    const manifest = parseJsonText(manifestPath, readText(manifestPath)) as Json;
    const stacks = Object.values<Json>(manifest?.stacks ?? {});
    if (stacks.length === 0) throw new InputError(`${manifestPath}: lists no stacks`);
    return stacks.map((s) => join(dir, String(s.synthesizedStackPath)));
  }
  const stacksDir = join(dir, "stacks");
  if (existsSync(stacksDir) && statSync(stacksDir).isDirectory()) {
    const found = readdirSync(stacksDir)
      .sort()
      .map((name) => join(stacksDir, name, "cdk.tf.json"))
      .filter((f) => existsSync(f));
    if (found.length > 0) return found;
  }
  return undefined;
}

/** Folders below a repository folder that hold Terraform files (not .terraform/, node_modules/, hidden or cdktf.out/ folders). */
function moduleFolders(dir: string, found: string[] = []): string[] {
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  if (entries.some((e) => e.isFile() && isConfigFile(e.name))) found.push(dir);
  for (const e of entries) {
    if (e.isDirectory() && !e.name.startsWith(".") && e.name !== "node_modules" && e.name !== "cdktf.out")
      moduleFolders(join(dir, e.name), found);
  }
  return found;
}

/** The folders a module calls as local modules (`source = "./x"`), resolved. */
function localModuleDirs(source: ModuleSource): string[] {
  return Object.values(source.config.module ?? {}).flatMap((call) =>
    typeof call.source === "string" && /^\.\.?[\\/]/.test(call.source) ? [resolve(source.dir, call.source)] : [],
  );
}

/**
 * A repository with fewer folders or `.tf` files than this is parsed on the main thread (starting
 * the threads costs more than they save), unless CDKTF_EKS_IRSA_CHECK_THREADS asks for threads.
 */
const FOLDERS_FOR_THREADS = 8;
const TF_FILES_FOR_THREADS = 200;

function usesThreads(folders: readonly string[]): boolean {
  if (process.env.CDKTF_EKS_IRSA_CHECK_THREADS !== undefined) return folders.length > 1;
  if (folders.length < FOLDERS_FOR_THREADS) return false;
  let tfFiles = 0;
  for (const folder of folders) tfFiles += readdirSync(folder).filter((name) => name.endsWith(".tf")).length;
  return tfFiles >= TF_FILES_FOR_THREADS;
}

/** A root module of a repository, with its findings when they were worked out already. */
interface ReadFolder {
  readonly source: ModuleSource;
  readonly checked?: Promise<PartReport>;
}

/**
 * The root modules of a repository's folders, in order. Many folders are parsed side by side on
 * worker threads (hcl-workers.ts), and each module is checked on this thread as soon as it is
 * parsed, while the threads parse the next ones; every folder is still read whole, and the first
 * folder in order that cannot be read is the error, as when they are read one after the other.
 */
async function readModuleFolders(folders: readonly string[]): Promise<ReadFolder[]> {
  const threads = usesThreads(folders) ? parseThreads() : 0;
  if (threads === 0) {
    const modules: ReadFolder[] = [];
    for (const folder of folders) modules.push({ source: await readModule(folder, true) });
    return modules;
  }
  const pool = new HclWorkerPool(threads);
  try {
    const read = folders.map((folder) => readModule(folder, true, undefined, pool.parse));
    const checked = read.map((source) => source.then((s) => checkModule(s, pool.parse)));
    // A module's check is awaited (in order) by checkInputs, or dropped with the run: never an unhandled rejection.
    for (const c of checked) c.catch(() => undefined);
    const settled = await Promise.allSettled(read);
    // Local modules are parsed by the pool too: it stays open until every check has read them.
    await Promise.allSettled(checked);
    return settled.map((r, i) => {
      if (r.status === "rejected") throw r.reason;
      return { source: r.value, checked: checked[i] };
    });
  } finally {
    await pool.close();
  }
}

async function readFolder(dir: string): Promise<Input[]> {
  const stacks = stackFiles(dir);
  if (stacks !== undefined) return Promise.all(stacks.map(readFileInput));
  if (readdirSync(dir).some(isConfigFile)) return [{ kind: "module", source: await readModule(dir, true), isFolder: true }];
  const folders = moduleFolders(dir);
  if (folders.length === 0) {
    throw new InputError(`${dir}: no manifest.json, stacks/*/cdk.tf.json, *.tf or *.tf.json in this folder or below it`);
  }
  const modules = await readModuleFolders(folders);
  const called = new Set(modules.flatMap((m) => localModuleDirs(m.source)));
  return modules
    .filter((m) => !called.has(resolve(m.source.dir)))
    .map(({ source, checked }) => ({ kind: "module" as const, source, isFolder: true, ...(checked === undefined ? {} : { checked }) }));
}

/** Reads every input the paths name, in order. */
export async function readInputs(paths: readonly string[]): Promise<Input[]> {
  const inputs: Input[] = [];
  for (const path of paths) {
    if (!existsSync(path)) throw new InputError(`${path}: no such file or folder`);
    if (statSync(path).isDirectory()) inputs.push(...(await readFolder(path)));
    else inputs.push(await readFileInput(path));
  }
  return inputs;
}
