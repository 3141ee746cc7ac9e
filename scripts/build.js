/**
 * `npm run build` (and `prepack`): a clean dist/, then jsii, which compiles lib/ with TypeScript
 * (tsconfig.jsii.json: dist/*.js and dist/*.d.ts without @internal names) and writes the `.jsii`
 * assembly that jsii-pacmak turns into the Python (and other) bindings. Exits with jsii's status.
 */
const { rmSync } = require("fs");
const { spawnSync } = require("child_process");
const { join } = require("path");

const ROOT = join(__dirname, "..");
// Node 20 is past its end of life for jsii; the warning would bury jsii's own diagnostics.
const ENV = { ...process.env, JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION: "1", JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION: "20" };

/** Builds the package in `root`; returns jsii's exit status and output. */
function build(root = ROOT, stdio = "inherit") {
  rmSync(join(root, "dist"), { recursive: true, force: true });
  rmSync(join(root, ".jsii"), { force: true });
  const jsii = spawnSync(process.execPath, [require.resolve("jsii/bin/jsii")], { cwd: root, env: ENV, stdio, encoding: "utf8" });
  return { status: jsii.status ?? 1, output: `${jsii.stdout ?? ""}${jsii.stderr ?? ""}` };
}

module.exports = { build, ENV };

if (require.main === module) process.exit(build().status);
