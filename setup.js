/* global expect */
// cdktf records the full call stack of every token it creates (`creationStack`, printed only in a
// few of its error messages). Under jest, each of those stacks went through source-map-support,
// which reads and decodes the inline source map of every file on the stack: ~10% of the unit
// suites' CPU. Outside jest nothing maps them; here they are formatted as V8 does by default. Patched
// before cdktf loads: its modules create tokens as they load.
const stackTrace = require(require.resolve("cdktf/lib/tokens/private/stack-trace.js"));
const captureStackTrace = stackTrace.captureStackTrace;
const formatUnmapped = (error, frames) => [String(error), ...frames.map((frame) => `    at ${frame}`)].join("\n");
stackTrace.captureStackTrace = function unmappedCaptureStackTrace(below) {
  const prepare = Error.prepareStackTrace;
  Error.prepareStackTrace = formatUnmapped;
  try {
    return captureStackTrace(below || unmappedCaptureStackTrace);
  } finally {
    Error.prepareStackTrace = prepare;
  }
};

const { Testing } = require("cdktf");

Testing.setupJest();
// Property tests use a fixed seed so that CI is reproducible; FC_SEED=<n> (or "random") explores.
// fast-check takes ~30 ms to load in each suite; only the few suites that import it load it here
// (__tests__/project/setup.test.ts: no shared module imports it, so the test file says it all).
const IMPORTS_FAST_CHECK = /from "fast-check"|require\("fast-check"\)/;
const seed = process.env.FC_SEED;
const suiteSource = require("fs").readFileSync(expect.getState().testPath, "utf8");
if (seed !== "random" && IMPORTS_FAST_CHECK.test(suiteSource)) {
  require("fast-check").configureGlobal({ seed: seed === undefined ? 20261123 : Number(seed) });
}

// @cdktf/hcl2json runs HashiCorp's parser as Go compiled to WebAssembly. V8 re-compiles a large
// module with its optimising tier on background threads, and a process waits for that work before
// it exits (~300 ms here): long enough for jest to force-exit the worker ("failed to exit
// gracefully"). Tests only need the baseline tier (faster to compile, and these inputs are small).
require("v8").setFlagsFromString("--liftoff-only");

// For __tests__/project/setup.test.ts (a suite's require of this file gets these exports; it does not run it again).
module.exports = { IMPORTS_FAST_CHECK };
