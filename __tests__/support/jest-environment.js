/**
 * jest's node environment (what `testEnvironment: "node"` loads), plus a quick exit for jest's
 * worker processes.
 *
 * When every suite has run, jest asks each worker to end and kills it if it has not exited 500 ms
 * later, printing "A worker process has failed to exit gracefully". A worker that has run half of
 * the suites holds ~500 MB. When its event loop empties, Node tears the V8 heap down page by page
 * (strace: ~1,100 munmap calls), which took 330–380 ms on two idle cores and 460–710 ms when the
 * cores were busy, so jest killed workers that had nothing left open. process.exit() leaves the
 * memory to the kernel, which frees it in one go: 110–170 ms idle, 170–290 ms busy
 * (bench/NOTES.md, "Tests"). 'exit' listeners still run and the exit code is kept.
 *
 * Only jest's worker processes change: they are forked with an IPC channel and a JEST_WORKER_ID.
 * A worker stays alive between suites (its IPC listener keeps the loop busy), so 'beforeExit' fires
 * only after jest has ended it.
 */
const { TestEnvironment } = require("jest-environment-node");

if (typeof process.send === "function" && process.env.JEST_WORKER_ID !== undefined) {
  process.once("beforeExit", () => process.exit());
}

module.exports = TestEnvironment;
