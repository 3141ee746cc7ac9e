const { Testing } = require("cdktf");
const fc = require("fast-check");

Testing.setupJest();
// Property tests use a fixed seed so that CI is reproducible; FC_SEED=<n> (or "random") explores.
const seed = process.env.FC_SEED;
if (seed !== "random") fc.configureGlobal({ seed: seed === undefined ? 20261123 : Number(seed) });
