/** Where an optional tool (terraform, python3) is on PATH, for the tests that use it when it is there. */
import { existsSync } from "fs";
import { delimiter, join } from "path";

/** The full path of `binary` in the first PATH folder that holds it, or undefined. */
export function onPath(binary: string): string | undefined {
  return (process.env.PATH ?? "")
    .split(delimiter)
    .map((dir) => join(dir, binary))
    .find((candidate) => existsSync(candidate));
}
