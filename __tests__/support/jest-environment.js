/**
 * jest's node environment (what `testEnvironment: "node"` loads), plus a quick exit for jest's
 * worker processes.
 *
 * When every suite has run, jest ends each worker and kills it if it has not exited 500 ms later
 * ("A worker process has failed to exit gracefully"). A worker that has run half of the suites holds
 * some 500 MB, and when its event loop empties Node frees the V8 heap page by page, which can take
 * longer than that with nothing left open. process.exit() leaves the memory to the kernel to free at
 * once. Measurements: bench/NOTES.md, 'The "worker process has failed to exit gracefully" line'.
 *
 * The processes this applies to have an IPC channel and a JEST_WORKER_ID: jest's workers, and jest
 * itself when it runs in band (it then sets JEST_WORKER_ID) inside a process that forked it with IPC;
 * both end the same way, with their 'exit' listeners and the exit code jest sets. A worker stays alive
 * between suites (its IPC listener keeps the loop busy), so 'beforeExit' fires only once jest has
 * ended it.
 */
const { TestEnvironment } = require("jest-environment-node");

if (typeof process.send === "function" && process.env.JEST_WORKER_ID !== undefined) {
  process.once("beforeExit", () => process.exit());
}

module.exports = TestEnvironment;
