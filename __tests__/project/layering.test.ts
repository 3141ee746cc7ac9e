/**
 * Layering that stays enforced (issue 19): no import cycles between lib/'s folders. The one internal
 * door (lib/internal.ts) for the app is kept by ESLint (`__tests__/build/lint-layering.test.ts`).
 */
import { join } from "path";
import { folderCycles, folderGraph } from "./folder-graph";

const ROOT = join(__dirname, "..", "..");

test("lib/ has no import cycles between folders", () => {
  const graph = folderGraph(join(ROOT, "lib"));
  // The walk sees the folders and their edges (a graph read wrongly would also have no cycles).
  expect([...graph.get("irsa")!]).toEqual(expect.arrayContaining(["kubernetes", "oidc", "role", "validation"]));
  expect([...graph.get("validation")!]).not.toContain("oidc");
  expect(folderCycles(graph)).toEqual([]);
});

test("the cycle finder reports a cycle once, from its smallest folder", () => {
  const graph = new Map([
    ["validation", new Set(["oidc", "kubernetes"])],
    ["oidc", new Set(["validation"])],
    ["kubernetes", new Set(["validation"])],
    ["irsa", new Set(["oidc"])],
  ]);
  expect(folderCycles(graph)).toEqual(["kubernetes -> validation -> kubernetes", "oidc -> validation -> oidc"]);
});
