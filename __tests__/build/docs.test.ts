/**
 * The API docs in docs/ are generated from the JSDoc by TypeDoc (`npm run docs`). This test
 * regenerates them into a temp folder and fails when docs/ is stale, and checks that every optional
 * property of an exported interface documents its default.
 */
import { execFileSync } from "child_process";
import { mkdtempSync, readdirSync, readFileSync, statSync } from "fs";
import { tmpdir } from "os";
import { join, relative } from "path";
import { BUILD_TIMEOUT_MS } from "../support/build-timeout";

const ROOT = join(__dirname, "..", "..");

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? files(full) : [full];
  });
}

interface Reflection {
  name: string;
  kind: number;
  flags?: { isOptional?: boolean };
  comment?: { summary?: unknown[]; blockTags?: { tag: string }[] };
  children?: Reflection[];
}

const out = mkdtempSync(join(tmpdir(), "irsa-docs-"));
let api: Reflection;

beforeAll(() => {
  // One TypeDoc run writes the Markdown and a JSON model of the API. treatWarningsAsErrors in
  // typedoc.json: an undocumented export fails here too.
  execFileSync(
    process.execPath,
    [
      join(ROOT, "node_modules", "typedoc", "bin", "typedoc"),
      "--out",
      join(out, "md"),
      "--json",
      join(out, "api.json"),
      "--logLevel",
      "Error",
    ],
    { cwd: ROOT, stdio: "pipe" },
  );
  api = JSON.parse(readFileSync(join(out, "api.json"), "utf8"));
}, BUILD_TIMEOUT_MS);

test("docs/ is what `npm run docs` generates from the current JSDoc", () => {
  const md = join(out, "md");
  const fresh = files(md)
    .map((f) => relative(md, f))
    .sort();
  // docs/addons.md is not TypeDoc's: scripts/addons-table.ts writes it (and __tests__/addons/docs-table.test.ts checks it).
  const committed = files(join(ROOT, "docs"))
    .map((f) => relative(join(ROOT, "docs"), f))
    .filter((f) => f !== "addons.md")
    .sort();
  expect(committed).toEqual(fresh);
  for (const f of fresh) {
    expect({ file: f, text: readFileSync(join(ROOT, "docs", f), "utf8") }).toEqual({ file: f, text: readFileSync(join(md, f), "utf8") });
  }
});

test("every optional property of an exported interface documents its @default", () => {
  const INTERFACE = 256; // TypeDoc ReflectionKind.Interface
  const missing: string[] = [];
  let checked = 0;
  // One module per entry point (the package and cdktf-eks-irsa/testing); interfaces are inside them.
  const inModules = (r: Reflection): Reflection[] => (r.kind === INTERFACE ? [r] : (r.children ?? []).flatMap(inModules));
  for (const iface of inModules(api)) {
    for (const prop of (iface.children ?? []).filter((p) => p.flags?.isOptional)) {
      checked++;
      const documented = (prop.comment?.summary?.length ?? 0) > 0;
      const hasDefault = (prop.comment?.blockTags ?? []).some((t) => t.tag === "@default");
      if (!documented || !hasDefault) missing.push(`${iface.name}.${prop.name}`);
    }
  }
  expect(missing).toEqual([]);
  expect(checked).toBeGreaterThan(20);
});
