/**
 * What `check` reads: a `cdktf.out/` folder (every stack its manifest.json lists, or every
 * stacks/<name>/cdk.tf.json), a folder of `*.tf.json` files, a `*.tf.json` file, or JSON from
 * `terraform show -json` (a plan or a state). Anything else is an {@link InputError}.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "fs";
import { join } from "path";
import { InputError } from "./input-error";

type Json = { [key: string]: any };

/** One file to check. */
export interface InputFile {
  /** The path as the user would write it (relative to the working directory when given so). */
  readonly path: string;
  readonly text: string;
  readonly json: Json;
  /** "config": Terraform JSON configuration; "plan": `terraform show -json` output. */
  readonly kind: "config" | "plan";
}

/** Top-level keys of a Terraform JSON configuration file. */
const CONFIG_KEYS = new Set(["//", "terraform", "provider", "resource", "data", "variable", "output", "locals", "module"]);
const MORE_CONFIG_KEYS = new Set(["moved", "import", "check", "removed"]);

function kindOf(json: unknown, path: string): "config" | "plan" {
  if (json === null || typeof json !== "object" || Array.isArray(json)) throw new InputError(`${path}: not a JSON object`);
  const keys = Object.keys(json);
  const isShowJson = typeof (json as Json).format_version === "string";
  if (isShowJson && keys.some((k) => ["planned_values", "prior_state", "resource_changes", "values"].includes(k))) return "plan";
  if (!isShowJson && keys.every((k) => CONFIG_KEYS.has(k) || MORE_CONFIG_KEYS.has(k))) return "config";
  throw new InputError(`${path}: neither a Terraform JSON configuration nor the output of terraform show -json`);
}

function readFile(path: string): InputFile {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    throw new InputError(`${path}: cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  if (/\.tf$/.test(path)) throw new InputError(`${path}: HCL, not JSON; synthesize JSON (cdktf synth without --hcl) or pass a plan`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new InputError(`${path}: not valid JSON (${(e as Error).message})`);
  }
  return { path, text, json: json as Json, kind: kindOf(json, path) };
}

/** The stack files of a cdktf.out folder, or the *.tf.json files of any folder. */
function filesOfFolder(dir: string): string[] {
  const manifestPath = join(dir, "manifest.json");
  if (existsSync(manifestPath)) {
    let manifest: Json;
    try {
      manifest = JSON.parse(readFileSync(manifestPath, "utf8"));
    } catch (e) {
      throw new InputError(`${manifestPath}: not valid JSON (${(e as Error).message})`);
    }
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
  const tfJson = readdirSync(dir)
    .filter((f) => f.endsWith(".tf.json"))
    .sort()
    .map((f) => join(dir, f));
  if (tfJson.length === 0) throw new InputError(`${dir}: no manifest.json, stacks/*/cdk.tf.json or *.tf.json in this folder`);
  return tfJson;
}

/** Reads every input the paths name, in order. */
export function readInputs(paths: readonly string[]): InputFile[] {
  return paths.flatMap((path) => {
    if (!existsSync(path)) throw new InputError(`${path}: no such file or folder`);
    return statSync(path).isDirectory() ? filesOfFolder(path).map(readFile) : [readFile(path)];
  });
}
