const { Testing } = require("cdktf");
const fc = require("fast-check");

Testing.setupJest();
// Property tests use a fixed seed so that CI is reproducible; FC_SEED=<n> (or "random") explores.
const seed = process.env.FC_SEED;
if (seed !== "random") fc.configureGlobal({ seed: seed === undefined ? 20261123 : Number(seed) });

// @cdktf/hcl2json runs HashiCorp's parser as Go compiled to WebAssembly. V8 re-compiles a large
// module with its optimising tier on background threads, and a process waits for that work before
// it exits (~300 ms here): long enough for jest to force-exit the worker ("failed to exit
// gracefully"). Tests only need the baseline tier (faster to compile, and these inputs are small).
require("v8").setFlagsFromString("--liftoff-only");
