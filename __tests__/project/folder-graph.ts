/**
 * The import graph of lib/ between folders (lib/index.ts and lib/internal.ts form the "(root)"
 * node), and its cycles. A folder that imports another folder which imports it back is one concern
 * cut in two, or a layer inverted.
 */
import { readdirSync, readFileSync } from "fs";
import { dirname, join, relative, resolve, sep } from "path";

export type FolderGraph = Map<string, Set<string>>;

const IMPORT = /(?:\bfrom\s+|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)["'](\.{1,2}\/[^"']*)["']/gm;

function folderOf(libDir: string, file: string): string {
  const parts = relative(libDir, file).split(sep);
  return parts.length === 1 ? "(root)" : parts[0];
}

/** Folder -> the folders its files import (relative imports only; packages are not folders of lib/). */
export function folderGraph(libDir: string): FolderGraph {
  const graph: FolderGraph = new Map();
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
  for (const file of files(libDir).filter((f) => f.endsWith(".ts"))) {
    const from = folderOf(libDir, file);
    if (!graph.has(from)) graph.set(from, new Set());
    for (const match of readFileSync(file, "utf8").matchAll(IMPORT)) {
      const target = resolve(dirname(file), match[1]);
      const to = folderOf(libDir, relative(libDir, target).split(sep).length === 1 ? join(libDir, "x.ts") : target);
      if (to !== from) graph.get(from)!.add(to);
    }
  }
  return graph;
}

/** Every cycle of the graph, each once, as a path `a -> b -> a` starting at its smallest name. */
export function folderCycles(graph: FolderGraph): string[] {
  const cycles = new Set<string>();
  const walk = (start: string, node: string, path: string[]): void => {
    for (const next of graph.get(node) ?? []) {
      if (next === start) cycles.add([...path, start].join(" -> "));
      else if (!path.includes(next) && next > start) walk(start, next, [...path, next]);
    }
  };
  for (const start of [...graph.keys()].sort()) walk(start, start, [start]);
  return [...cycles].sort();
}
