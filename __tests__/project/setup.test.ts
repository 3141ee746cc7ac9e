/**
 * What the jest set-up leaves out of each suite, and that it stays correct. setup.js seeds
 * fast-check only in the suites whose own file imports it (loading it costs ~30 ms a suite); that
 * holds only while no shared module imports it for them: a support module or lib/ that did would
 * hand its suites an unseeded, irreproducible fast-check. jest.config.js maps cdktf's archiver to a
 * stand-in that loads the real one on first use.
 */
import * as fc from "fast-check";
import { readFileSync } from "fs";
import { join } from "path";
import { filesUnder } from "../support/files";

const ROOT = join(__dirname, "..", "..");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const FAST_CHECK: RegExp = require("../../setup").IMPORTS_FAST_CHECK;

test("a suite that imports fast-check gets the fixed seed (or FC_SEED)", () => {
  const seed = process.env.FC_SEED;
  if (seed === "random") expect(fc.readConfigureGlobal().seed).toBeUndefined();
  else expect(fc.readConfigureGlobal().seed).toBe(seed === undefined ? 20261123 : Number(seed));
});

test("only test files import fast-check: no support module, library, app or example file", () => {
  const shared = ["__tests__", "examples", "lib", "app"]
    .flatMap((dir) => filesUnder(ROOT, dir, /\.(ts|js)$/))
    .filter((f) => !f.endsWith(".test.ts"));
  expect(shared.length).toBeGreaterThan(50);
  expect(shared.filter((f) => FAST_CHECK.test(readFileSync(join(ROOT, f), "utf8")))).toEqual([]);
  // The property suites are seen by the same pattern setup.js uses.
  expect(FAST_CHECK.test(readFileSync(join(ROOT, "__tests__", "irsa", "trust-properties.test.ts"), "utf8"))).toBe(true);
});

test("cdktf's archiver is the lazy stand-in, and packs a real zip on first use", async () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const archiver = require("archiver");
  expect(archiver.name).toBe("archiver");
  expect(archiver.toString()).toContain("require(real)");
  expect(archiver.isRegisteredFormat("tar")).toBe(true);
  const zip = archiver("zip");
  const chunks: Buffer[] = [];
  zip.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise((resolve) => zip.on("end", resolve));
  zip.append("hello", { name: "hello.txt" });
  await zip.finalize();
  await done;
  const bytes = Buffer.concat(chunks);
  expect(bytes.subarray(0, 4)).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04])); // a zip's local file header
  expect(bytes.includes(Buffer.from("hello.txt"))).toBe(true);
});
