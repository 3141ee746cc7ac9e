/**
 * How long a build test (tsc, ESLint, npm pack, TypeDoc, the real cdktf CLI) may take before jest
 * fails it. A failure bound only, never a success condition: on 2 idle cores each takes 5-25 s, but
 * a busy machine (other jobs, a load of 20 or more) stretches them several times, and a busy
 * machine must make the suite slow, not red.
 */
export const BUILD_TIMEOUT_MS = 600_000;
