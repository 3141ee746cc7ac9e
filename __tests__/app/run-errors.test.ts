/**
 * A synth that fails for any reason prints its message as one `Error:` line and exits 1, instead
 * of the message followed by a Node stack trace (about 20-30 lines); IRSA_DEBUG=1 adds the stack.
 */
import { mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { runApp } from "../../app/run";

const dir = mkdtempSync(join(tmpdir(), "irsa-run-errors-"));
const notAFolder = join(dir, "file");
writeFileSync(notAFolder, "");

function runHere(env: { [key: string]: string }) {
  const stderr: string[] = [];
  const status = runApp([], env, { out: () => undefined, err: (line) => stderr.push(line) });
  return { status, stderr };
}

test("an output folder that cannot be made: one line, exit 1", () => {
  const result = runHere({ CDKTF_OUTDIR: join(notAFolder, "out") });
  expect(result).toEqual({ status: 1, stderr: [expect.stringMatching(/^Error: ENOTDIR: not a directory, mkdir '.*out'$/)] });
});

test("IRSA_DEBUG=1 adds the stack trace", () => {
  const result = runHere({ CDKTF_OUTDIR: join(notAFolder, "out"), IRSA_DEBUG: "1" });
  expect(result.status).toBe(1);
  expect(result.stderr[0]).toMatch(/^Error: ENOTDIR/);
  expect(result.stderr[1]).toMatch(/\n\s+at /);
});
