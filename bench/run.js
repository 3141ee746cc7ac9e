#!/usr/bin/env node
/**
 * npm run bench: wall time and peak memory of synthesizing
 *   - the floor (an empty stack with the aws, tls and kubernetes providers),
 *   - 1, 10, 100 and 1000 IrsaRoles (one managed policy each), and the same 1000 roles written by
 *     hand with the provider classes ("raw", what cdktf itself costs for those resources),
 *   - `npx cdktf synth` of the default app against an empty project made from cdktf-cli's own
 *     `typescript` template (app command `npx ts-node main.ts`),
 * and one run of `npm test`. Programs alternate within each round; every figure is a median.
 * Writes BENCHMARKS.md. Options: --runs N (default 5), --skip-cli, --skip-tests, --no-write.
 */
const { spawn, spawnSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");

const ROOT = path.join(__dirname, "..");
const args = process.argv.slice(2);
const RUNS = Number(args[args.indexOf("--runs") + 1]) || 5;
const SKIP_CLI = args.includes("--skip-cli");
const SKIP_TESTS = args.includes("--skip-tests");
const NO_WRITE = args.includes("--no-write");
const ENV = { ...process.env, CHECKPOINT_DISABLE: "1", CI: "1", FORCE_COLOR: "0" };

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Runs a single-process benchmark program; its peak RSS is the one it reports itself. */
function runProgram(programArgs) {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [path.join(__dirname, "synth-program.js"), ...programArgs], {
    cwd: ROOT,
    env: ENV,
    encoding: "utf8",
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) throw new Error(`synth-program ${programArgs.join(" ")} failed:\n${r.stderr}`);
  return { ms, rssMiB: JSON.parse(r.stdout.trim().split("\n").pop()).maxRssKiB / 1024 };
}

/** RSS (KiB) of a process and all its descendants, from /proc. */
function treeRssKiB(rootPid) {
  const children = new Map();
  const rss = new Map();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const ppid = Number(fields[1]);
      rss.set(Number(entry), (Number(fields[21]) * 4096) / 1024);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(entry));
    } catch {
      // the process ended while we looked
    }
  }
  let total = 0;
  const stack = [rootPid];
  while (stack.length) {
    const pid = stack.pop();
    total += rss.get(pid) ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

/** Runs a command that spawns other processes; peak memory is the sampled RSS of its whole tree. */
function runTree(command, commandArgs, cwd) {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(command, commandArgs, { cwd, env: ENV, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    let peak = 0;
    const timer = setInterval(() => (peak = Math.max(peak, treeRssKiB(child.pid))), 20);
    child.on("exit", (code) => {
      clearInterval(timer);
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      if (code !== 0) reject(new Error(`${command} ${commandArgs.join(" ")} in ${cwd} failed (${code}):\n${stderr}`));
      else resolve({ ms, rssMiB: peak / 1024 });
    });
  });
}

/** An empty project made the way `cdktf init --template=typescript` makes it, offline. */
function makeTemplateProject() {
  const template = path.join(ROOT, "node_modules", "cdktf-cli", "bundle", "templates", "typescript");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cdktf-template-"));
  for (const file of ["cdktf.json", "main.ts", "tsconfig.json", "package.json", "help", "setup.js"]) {
    const text = fs
      .readFileSync(path.join(template, file), "utf8")
      .replace(/\{\{ \$base \}\}/g, "template")
      .replace(/\{\{projectId\}\}/g, "00000000-0000-4000-8000-000000000000")
      .replace(/\{\{sendCrashReports\}\}/g, "false")
      .replace(/\{\{futureFlags\}\}/g, "");
    fs.writeFileSync(path.join(dir, file), text);
  }
  // `cdktf init` would `npm install` cdktf, constructs, typescript and ts-node: the same packages
  // this project has, so the template uses ours.
  fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(dir, "node_modules"), "dir");
  return dir;
}

function versions() {
  const v = (name) => {
    try {
      return require(path.join(ROOT, "node_modules", name, "package.json")).version;
    } catch {
      return "?";
    }
  };
  return {
    node: process.version,
    cdktf: v("cdktf"),
    "cdktf-cli": v("cdktf-cli"),
    "@cdktf/provider-aws": v("@cdktf/provider-aws"),
    "@cdktf/provider-kubernetes": v("@cdktf/provider-kubernetes"),
    "@cdktf/provider-tls": v("@cdktf/provider-tls"),
    typescript: v("typescript"),
    sucrase: v("sucrase"),
  };
}

async function main() {
  console.log("building lib/ to dist/ ...");
  // The package's own build (jsii): the tests that follow rely on what it writes (the .jsii assembly,
  // declarations without internals, its input stamp), which a plain tsc build would overwrite.
  const build = spawnSync("npm", ["run", "build", "--silent"], { cwd: ROOT, env: ENV, stdio: "inherit" });
  if (build.status !== 0) throw new Error("build failed");

  const programs = [
    ["floor", ["floor"]],
    ["1 role", ["roles", "1"]],
    ["10 roles", ["roles", "10"]],
    ["100 roles", ["roles", "100"]],
    ["1000 roles", ["roles", "1000"]],
    ["1000 roles, raw", ["raw", "1000"]],
  ];
  const samples = Object.fromEntries(programs.map(([name]) => [name, []]));
  const templateDir = SKIP_CLI ? undefined : makeTemplateProject();
  const outBase = fs.mkdtempSync(path.join(os.tmpdir(), "irsa-bench-out-"));
  if (!SKIP_CLI) {
    samples["cdktf synth: empty template"] = [];
    samples["cdktf synth: default app"] = [];
  }
  const cdktfBin = path.join(ROOT, "node_modules", ".bin", "cdktf");
  // One warm-up round (disk cache, npx lookups), not recorded.
  for (let round = 0; round <= RUNS; round++) {
    process.stdout.write(round === 0 ? "warm-up " : `round ${round}/${RUNS} `);
    const record = (name, value) => round > 0 && samples[name].push(value);
    for (const [name, programArgs] of programs) record(name, runProgram(programArgs));
    if (!SKIP_CLI) {
      record("cdktf synth: empty template", await runTree(cdktfBin, ["synth", "--output", path.join(outBase, "template")], templateDir));
      record("cdktf synth: default app", await runTree(cdktfBin, ["synth", "--output", path.join(outBase, "app")], ROOT));
    }
    process.stdout.write("done\n");
  }

  const rows = Object.entries(samples).map(([name, xs]) => ({
    name,
    ms: median(xs.map((x) => x.ms)),
    rssMiB: median(xs.map((x) => x.rssMiB)),
    n: xs.length,
  }));
  const row = (name) => rows.find((r) => r.name === name);
  const floor = row("floor");

  let testMs;
  if (!SKIP_TESTS) {
    console.log("npm test (one run) ...");
    const start = process.hrtime.bigint();
    const t = spawnSync("npm", ["test", "--silent"], { cwd: ROOT, env: ENV, stdio: "ignore" });
    testMs = Number(process.hrtime.bigint() - start) / 1e6;
    if (t.status !== 0) throw new Error("npm test failed");
  }

  const slope = (a, b, na, nb) => (row(b).ms - row(a).ms) / (nb - na);
  const budgets = [
    ["1 role ≤ 1.25× floor (wall)", row("1 role").ms / floor.ms, 1.25, "×"],
    // cdktf alone costs 6-7x the floor for these 4000 blocks (the raw row), so the budget is the
    // library's overhead over the same resources written by hand.
    ["1000 roles ≤ 1.10× the hand-written row (wall)", row("1000 roles").ms / row("1000 roles, raw").ms, 1.1, "×"],
    ["1000 roles ≤ 400 MB peak", row("1000 roles").rssMiB, 400, " MiB"],
    [
      "growth 100→1000 no worse than linear (ms/role 100→1000 ÷ ms/role 10→100, ≤ 1.25)",
      slope("100 roles", "1000 roles", 100, 1000) / slope("10 roles", "100 roles", 10, 100),
      1.25,
      "",
    ],
  ];
  if (!SKIP_CLI)
    budgets.push([
      "`cdktf synth` default app ≤ 1.0× empty template (wall)",
      row("cdktf synth: default app").ms / row("cdktf synth: empty template").ms,
      1.0,
      "×",
    ]);
  if (testMs !== undefined) budgets.push(["`npm test` ≤ 45 s wall (2 cores)", testMs / 1000, 45, " s"]);

  const fmt = (x, digits = 2) => x.toFixed(digits);
  const table = [
    "| program | wall (median) | × floor | peak RSS (median) | runs |",
    "| --- | ---: | ---: | ---: | ---: |",
    ...rows.map(
      (r) =>
        `| ${r.name} | ${fmt(r.ms / 1000)} s | ${r.name.startsWith("cdktf synth") ? "-" : fmt(r.ms / floor.ms)} | ` +
        `${fmt(r.rssMiB, 0)} MiB | ${r.n} |`,
    ),
  ].join("\n");
  const budgetTable = [
    "| budget | measured | limit | met |",
    "| --- | ---: | ---: | :---: |",
    ...budgets.map(
      ([name, value, limit, unit]) => `| ${name} | ${fmt(value)}${unit} | ${limit}${unit} | ${value <= limit ? "yes" : "**no**"} |`,
    ),
  ].join("\n");
  const perRole =
    `Marginal cost per role: ${fmt(slope("10 roles", "100 roles", 10, 100), 2)} ms (10→100), ` +
    `${fmt(slope("100 roles", "1000 roles", 100, 1000), 2)} ms (100→1000); ` +
    `hand-written resources: ${fmt((row("1000 roles, raw").ms - floor.ms) / 1000, 2)} ms per role.`;
  console.log(`\n${table}\n\n${budgetTable}\n\n${perRole}${testMs !== undefined ? `\n\nnpm test: ${fmt(testMs / 1000, 1)} s` : ""}`);

  if (NO_WRITE) return;
  const cpus = os.cpus();
  const machine =
    `${os.type()} ${os.release()} ${os.arch()}, ${cpus.length} × ${cpus[0]?.model ?? "?"}, ` + `${fmt(os.totalmem() / 2 ** 30, 0)} GiB`;
  const ver = Object.entries(versions())
    .map(([k, v]) => `${k} ${v}`)
    .join(", ");
  const notesFile = path.join(__dirname, "NOTES.md");
  const notes = fs.existsSync(notesFile) ? `\n${fs.readFileSync(notesFile, "utf8")}` : "";
  fs.writeFileSync(
    path.join(ROOT, "BENCHMARKS.md"),
    `# Benchmarks

Written by \`npm run bench\` (bench/run.js) on ${new Date().toISOString().slice(0, 10)}. Do not edit by hand; the
analysis below the tables comes from bench/NOTES.md.

- Machine: ${machine}
- Versions: ${ver}
- Method: ${RUNS} rounds after one warm-up round; in each round every program runs once, in turn;
  medians. Programs are plain JS against the compiled library (\`dist/\`) and synthesize to a temp
  folder; their peak RSS is their own \`maxRSS\`. The two \`cdktf synth\` rows run the real CLI
  (\`node_modules/.bin/cdktf synth --output <tmp>\`); their peak is the sampled (every 20 ms) RSS sum of
  the CLI and the app process it starts. The empty template is cdktf-cli's own \`typescript\`
  template (app command \`npx ts-node main.ts\`), laid out in a temp folder with this project's
  node_modules. \`npm test\` ran once.

## Results

${table}

${perRole}

## Budgets

${budgetTable}

## How to rerun

    npm ci
    npm run bench                 # about 2 minutes on 2 cores; rewrites this file
    npm run bench -- --runs 9     # more rounds
    npm run bench -- --skip-cli --skip-tests --no-write   # programs only, print the table
${notes}`,
  );
  console.log("\nwrote BENCHMARKS.md");
}

main().catch((e) => {
  console.error(e.message);
  process.exit(1);
});
