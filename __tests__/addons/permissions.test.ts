/**
 * Every add-on policy, synthesized in a role and evaluated with IAM's rules in aws, aws-cn and
 * aws-us-gov: the calls its docs say it makes are allowed on in-scope resources and denied outside
 * the scope. The cases are in cases/.
 */
import { ADDON_CATALOG } from "../../lib/addons/catalog";
import { ADDON_CASES } from "./cases";
import { describeAddon } from "./harness";

for (const [name, addon] of Object.entries(ADDON_CASES)) describeAddon(name, addon);

test("every add-on of the catalog has a case", () => {
  const covered = new Set(Object.keys(ADDON_CASES).map((name) => name.split(" ")[0]));
  expect(ADDON_CATALOG.map((d) => d.factory).filter((f) => !covered.has(f))).toEqual([]);
});
