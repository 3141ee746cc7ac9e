/** docs/addons.md is what `npm run docs:addons` generates from the add-on catalog. */
import { readFileSync } from "fs";
import { ADDON_CATALOG } from "../../lib/addons/catalog";
import { ADDONS_TABLE_FILE, renderAddonsTable } from "../../scripts/addons-table";

test("docs/addons.md is fresh (run `npm run docs:addons`)", () => {
  expect(readFileSync(ADDONS_TABLE_FILE, "utf8")).toBe(renderAddonsTable());
});

test("one row per add-on, each with a source", () => {
  const rows = renderAddonsTable()
    .split("\n")
    .filter((line) => line.startsWith("| ") && !line.startsWith("| add-on") && !line.startsWith("| ---"));
  expect(rows).toHaveLength(ADDON_CATALOG.length);
  expect(ADDON_CATALOG.length).toBe(23);
  for (const row of rows) expect(row).toMatch(/ @ [^|]+ \|$/);
});
