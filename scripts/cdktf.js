#!/usr/bin/env node
/**
 * Runs the cdktf CLI with this project's defaults: offline (CHECKPOINT_DISABLE=1, the documented
 * opt-out of HashiCorp's version check and telemetry, which also quiets the `terraform` binary the
 * CLI calls), and the CLI's own log in a file (CDKTF_LOG_FILE_DIRECTORY) so that an error of the app
 * is printed once, not twice. Values already set in the environment win.
 *
 *   npm run synth            = node scripts/cdktf.js synth
 *   npm run cdktf -- diff    = node scripts/cdktf.js diff
 */
const { spawnSync } = require("child_process");
const { mkdirSync } = require("fs");
const { tmpdir } = require("os");
const { join } = require("path");

const logDirectory = process.env.CDKTF_LOG_FILE_DIRECTORY ?? join(tmpdir(), "cdktf-eks-irsa-logs");
mkdirSync(logDirectory, { recursive: true });
const cli = join(__dirname, "..", "node_modules", "cdktf-cli", "bundle", "bin", "cdktf");
const run = spawnSync(process.execPath, [cli, ...process.argv.slice(2)], {
  stdio: "inherit",
  env: { CHECKPOINT_DISABLE: "1", ...process.env, CDKTF_LOG_FILE_DIRECTORY: logDirectory },
});
process.exit(run.status ?? 1);
