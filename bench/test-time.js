#!/usr/bin/env node
/**
 * Times `npm test` (jest's `suite` project: the unit suites and the type check) and writes
 * bench/TEST-TIME.md: the wall time against the budget (45 s on 2 idle cores, from a fresh clone),
 * the CPU time, the machine's load before and after, and the slowest suites (jest's own per-suite
 * times), so a regression shows where the time went. With --all it times `npm run test:all` (what
 * CI runs: the suite and the build checks), which has no budget of its own, into TEST-TIME-ALL.md.
 *
 *   node bench/test-time.js           warm: the caches a previous run left (ESLint, Prettier, tsc, jest)
 *   node bench/test-time.js --cold    a fresh clone: deletes those caches and the jsii build (dist/) first
 *   options: --all, --runs N (default 1; the median is reported), --no-write
 *
 * Run it on an IDLE machine: the figure means nothing when other processes share the cores (the
 * load average is recorded so that a reader can tell). Exit 1 when the median is over budget.
 */
const { spawnSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");

const ROOT = path.join(__dirname, "..");
const BUDGET_S = 45;
const args = process.argv.slice(2);
const COLD = args.includes("--cold");
const RUNS = Number(args[args.indexOf("--runs") + 1]) || 1;
const NO_WRITE = args.includes("--no-write");
const ALL = args.includes("--all");
const COMMAND = ALL ? "npm run test:all" : "npm test";
// The jest arguments of the npm script, so that this times exactly what the script runs.
const SCRIPT_ARGS = require("../package.json").scripts[ALL ? "test:all" : "test"].split(/\s+/).slice(1);
const JEST = path.join(ROOT, "node_modules", "jest", "bin", "jest.js");

/** What a fresh clone does not have: the lint and type-check caches, jest's transform cache, the jsii build. */
function clearCaches() {
  fs.rmSync(path.join(ROOT, "node_modules", ".cache"), { recursive: true, force: true });
  fs.rmSync(path.join(ROOT, "dist"), { recursive: true, force: true });
  fs.rmSync(path.join(ROOT, ".jsii"), { force: true });
  spawnSync(process.execPath, [JEST, "--clearCache"], { cwd: ROOT, stdio: "ignore" });
}

/**
 * CPU seconds (user + system) of the waited-for children of this process so far, from
 * /proc/self/stat (Linux; undefined elsewhere): jest, its workers and every process they waited for.
 */
function childrenCpuSeconds() {
  try {
    const fields = fs.readFileSync("/proc/self/stat", "utf8").split(") ")[1].split(" ");
    // Fields 16 and 17 of proc(5) (cutime, cstime), in clock ticks of 1/100 s on Linux.
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return undefined;
  }
}

/** Waits (up to 3 minutes) for the 1-minute load average to fall below 0.5, so that runs do not measure each other. */
function waitForIdle() {
  const deadline = Date.now() + 180_000;
  while (os.loadavg()[0] >= 0.5 && Date.now() < deadline) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5000);
}

function runOnce(i) {
  if (COLD) clearCaches();
  waitForIdle();
  const cpuBefore = childrenCpuSeconds();
  const report = path.join(os.tmpdir(), `irsa-test-time-${process.pid}-${i}.json`);
  const load = os.loadavg()[0];
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [JEST, ...SCRIPT_ARGS, "--json", "--outputFile", report], {
    cwd: ROOT,
    env: { ...process.env, CI: "1", FORCE_COLOR: "0" },
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const cpuAfter = childrenCpuSeconds();
  const results = JSON.parse(fs.readFileSync(report, "utf8"));
  fs.rmSync(report, { force: true });
  const suites = results.testResults
    .map((s) => ({ file: path.relative(ROOT, s.name), seconds: (s.endTime - s.startTime) / 1000 }))
    .sort((a, b) => b.seconds - a.seconds);
  return {
    seconds,
    passed: r.status === 0,
    tests: `${results.numPassedTests} passed, ${results.numFailedTests} failed`,
    // jest's line when it had to kill a worker that did not exit within 500 ms of the last suite.
    workerForceExited: /failed to exit gracefully/.test(r.stderr),
    cpu: cpuBefore === undefined || cpuAfter === undefined ? undefined : cpuAfter - cpuBefore,
    loadBefore: load,
    loadAfter: os.loadavg()[0],
    suites,
  };
}

const runs = Array.from({ length: RUNS }, (_, i) => runOnce(i));
const sorted = [...runs].sort((a, b) => a.seconds - b.seconds);
const median = sorted[Math.floor((sorted.length - 1) / 2)];
const verdict = ALL ? "(none)" : median.seconds <= BUDGET_S ? "yes" : "**no**";
const lines = [
  `# ${COMMAND} wall time`,
  "",
  `Written by \`node bench/test-time.js${COLD ? " --cold" : ""}${ALL ? " --all" : ""}${RUNS > 1 ? ` --runs ${RUNS}` : ""}\` ` +
    `on ${new Date().toISOString()}:`,
  `${os.cpus().length} cores (${os.cpus()[0]?.model ?? "unknown"}), Node ${process.version}, ` +
    `${COLD ? "cold (caches deleted first, as in a fresh clone)" : "warm (caches of earlier runs kept)"}.`,
  "",
  "| runs | median wall | budget | within | every run | CPU of the median run (÷ cores) | load average before / after | tests |",
  "| --- | --- | --- | --- | --- | --- | --- | --- |",
  `| ${RUNS} | ${median.seconds.toFixed(1)} s | ${ALL ? "none" : `${BUDGET_S} s`} | ${verdict} | ` +
    `${runs.map((r) => r.seconds.toFixed(1)).join(", ")} s | ` +
    `${median.cpu === undefined ? "n/a" : `${median.cpu.toFixed(0)} s (${(median.cpu / os.cpus().length).toFixed(1)} s)`} | ` +
    `${median.loadBefore.toFixed(2)} / ${median.loadAfter.toFixed(2)} | ${median.tests} |`,
  "",
  `Runs in which jest had to force a worker to exit ("failed to exit gracefully"): ` +
    `${runs.filter((r) => r.workerForceExited).length} of ${RUNS}.`,
  "",
  "A load average above 0.5 before the run means the machine was not idle: the figure is not a measurement of the suite.",
  "The CPU time (user + system, jest and every process it waited for) divided by the cores is the least wall time",
  "the suite can take on this machine, however well its work is spread.",
  "",
  "Slowest suites of the median run (jest's per-suite time; suites run two at a time, so these overlap):",
  "",
  "| suite | seconds |",
  "| --- | --- |",
  ...median.suites.slice(0, 12).map((s) => `| ${s.file} | ${s.seconds.toFixed(1)} |`),
  "",
];
const text = lines.join("\n");
process.stdout.write(text);
if (!NO_WRITE) fs.writeFileSync(path.join(__dirname, ALL ? "TEST-TIME-ALL.md" : "TEST-TIME.md"), text);
process.exitCode = median.passed && (ALL || median.seconds <= BUDGET_S) ? 0 : 1;
