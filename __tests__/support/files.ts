/** The project's own files under a folder, for tests that scan the source tree. */
import { readdirSync } from "fs";
import { join } from "path";

/** Folders that hold no source of ours: installed packages, synth output, jest snapshots. */
const NOT_SOURCE = ["node_modules", "cdktf.out", "__snapshots__"];

/** Every file under `root`/`dir` whose name matches `name`, as a path relative to `root`. */
export function filesUnder(root: string, dir: string, name: RegExp): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? NOT_SOURCE.includes(e.name)
        ? []
        : filesUnder(root, join(dir, e.name), name)
      : name.test(e.name)
        ? [join(dir, e.name)]
        : [],
  );
}
