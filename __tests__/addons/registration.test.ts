/**
 * One registration point per add-on: lib/addons/catalog.ts. Every add-on file's definition is in
 * the catalog, has its static factory on AddonPolicies (which makes exactly that add-on), its
 * props exported from the package root, a row in docs/addons.md and a permission case.
 */
import { readdirSync, readFileSync } from "fs";
import { join } from "path";
import * as lib from "../../lib";
import { AddonPolicies, AddonPolicy } from "../../lib";
import { AddonDefinition } from "../../lib/addons/addon-definition";
import { ADDON_CATALOG } from "../../lib/addons/catalog";
import { ADDONS_TABLE_FILE } from "../../scripts/addons-table";
import { ADDON_CASES } from "./cases";

const ADDONS_DIR = join(__dirname, "..", "..", "lib", "addons");
const isDefinition = (x: unknown): x is AddonDefinition<unknown> =>
  typeof x === "object" && x !== null && typeof (x as { build?: unknown }).build === "function" && "factory" in x && "inputs" in x;

/** Every AddonDefinition exported by a file of lib/addons, with its file. */
function definitionsInFiles(): { file: string; definition: AddonDefinition<unknown> }[] {
  return readdirSync(ADDONS_DIR)
    .filter((f) => f.endsWith(".ts"))
    .flatMap((file) =>
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- every file of the folder, by name
      Object.values(require(join(ADDONS_DIR, file)) as { [k: string]: unknown })
        .filter(isDefinition)
        .map((definition) => ({ file, definition })),
    );
}

/** Props that make a valid policy of each add-on (the permission cases hold one per add-on). */
function caseFor(factory: string) {
  return Object.entries(ADDON_CASES).find(([name]) => name.split(" ")[0] === factory)?.[1];
}

const ref = { partition: "aws", region: "us-west-2", accountId: "111122223333" };
const builder = { ...ref, arn: (s: string, r: string, a: string, res: string) => `arn:aws:${s}:${r}:${a}:${res}` };

test("every add-on file's definition is in the catalog, once, and each file declares one add-on", () => {
  const found = definitionsInFiles();
  expect(found.length).toBeGreaterThan(0);
  for (const { definition } of found) expect(ADDON_CATALOG).toContain(definition);
  expect(found.map((f) => f.definition).sort((a, b) => a.name.localeCompare(b.name))).toEqual(
    [...ADDON_CATALOG].sort((a, b) => a.name.localeCompare(b.name)),
  );
  expect(new Set(found.map((f) => f.file)).size).toBe(found.length);
  expect(new Set(ADDON_CATALOG.map((d) => d.name)).size).toBe(ADDON_CATALOG.length);
  expect(new Set(ADDON_CATALOG.map((d) => d.factory)).size).toBe(ADDON_CATALOG.length);
});

describe.each(ADDON_CATALOG.map((d) => [d.factory, d] as const))("%s", (factory, definition) => {
  test("has a static factory on AddonPolicies that makes this add-on", () => {
    const make = (AddonPolicies as unknown as { [k: string]: unknown })[factory];
    expect(typeof make).toBe("function");
    const addonCase = caseFor(factory);
    expect(addonCase).toBeDefined();
    const policy = addonCase!.policy(builder);
    expect(AddonPolicy.isAddonPolicy(policy)).toBe(true);
    expect(policy.name).toBe(definition.name);
  });

  test("has a row in docs/addons.md", () => {
    const rows = readFileSync(ADDONS_TABLE_FILE, "utf8").split("\n");
    expect(rows.filter((row) => row.includes(`\`AddonPolicies.${factory}()\``) && row.includes(`\`${definition.name}\``))).toHaveLength(1);
  });

  test("has a permission case (allowed in scope, denied outside, in every partition)", () => {
    const addonCase = caseFor(factory)!;
    expect(addonCase.allowed(builder).length).toBeGreaterThan(0);
    expect(addonCase.denied(builder).length).toBeGreaterThan(0);
  });

  test("its props interface, if it takes any, is exported from the package root", () => {
    const source = readFileSync(join(ADDONS_DIR, `${definition.name}.ts`), "utf8");
    const props = /export interface (\w+PolicyProps)/.exec(source);
    const index = readFileSync(join(ADDONS_DIR, "..", "index.ts"), "utf8");
    if (definition.inputs.length === 0) {
      expect(props).toBeNull();
    } else {
      expect(props).not.toBeNull();
      expect(index).toMatch(new RegExp(`export \\{[^}]*\\b${props![1]}\\b[^}]*\\} from "\\./addons/${definition.name}";`));
    }
    expect(lib.AddonPolicies).toBe(AddonPolicies);
  });

  test("names its source with a version, and a default service account unless it is the workload's own role", () => {
    expect(definition.sources.length).toBeGreaterThan(0);
    for (const source of definition.sources) expect(source.version).not.toBe("");
    if (definition.defaultServiceAccount === undefined) {
      expect(definition.title).toMatch(/workload's own role/);
    }
  });
});
