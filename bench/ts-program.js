/**
 * Runs a TypeScript program (source text, loaded with sucrase) in a fresh node process at the
 * project root, with `CDKTF_EKS_IRSA_CHECK_THREADS` set to `threads` or unset; returns its stdout.
 * Shared by the check benches (bench/check-hcl.js, bench/check-findings.js).
 */
const { spawnSync } = require("child_process");
const path = require("path");

const ROOT = path.join(__dirname, "..");

function runTsProgram(program, threads, maxBuffer) {
  const env = { ...process.env };
  if (threads === undefined) delete env.CDKTF_EKS_IRSA_CHECK_THREADS;
  else env.CDKTF_EKS_IRSA_CHECK_THREADS = threads;
  const r = spawnSync(process.execPath, ["-r", "sucrase/register/ts", "-e", program], { cwd: ROOT, env, encoding: "utf8", maxBuffer });
  if (r.status !== 0) throw new Error(r.stderr);
  return r.stdout;
}

module.exports = { runTsProgram };
