/**
 * The cdktf CLI writes a `projectId` into any cdktf.json that lacks one (its telemetry id), so the
 * README's `cd examples/s3-echoer && npx cdktf synth` modified a tracked file. Every cdktf.json of
 * the project carries a fixed `projectId` (and opts out of crash reports), so the CLI leaves it alone.
 */
import { readdirSync, readFileSync, existsSync } from "fs";
import { join } from "path";

const ROOT = join(__dirname, "..", "..");
const configs = [
  "cdktf.json",
  ...readdirSync(join(ROOT, "examples"))
    .map((name) => join("examples", name, "cdktf.json"))
    .filter((f) => existsSync(join(ROOT, f))),
];

test("there are example configs to check", () => {
  expect(configs.length).toBeGreaterThanOrEqual(5);
});

test.each(configs)("%s has the fields the cdktf CLI would otherwise write", (file) => {
  const config = JSON.parse(readFileSync(join(ROOT, file), "utf8"));
  expect(config.projectId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  expect(config.sendCrashReports).toBe("false");
});

test("each project has its own projectId", () => {
  const ids = configs.map((file) => JSON.parse(readFileSync(join(ROOT, file), "utf8")).projectId);
  expect(new Set(ids).size).toBe(ids.length);
});
