#!/usr/bin/env node
/**
 * npm run bench:check: wall time and peak memory of `cdktf-eks-irsa check` on a large plan.
 *
 * Writes a `terraform show -json` plan of about --mb megabytes (default 50) to bench/.work/: IRSA
 * roles (every fourth one without sub, so that there are findings to locate), their policy
 * documents read during plan (in prior_state), and ordinary resources that make up most of a big
 * plan. Then runs the compiled command (dist/) on it --runs times (default 3) per format, each in a
 * fresh process that reports its own peak RSS, and writes bench/CHECK.md. --no-build skips tsc.
 */
const { spawnSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");

const ROOT = path.join(__dirname, "..");
const WORK = path.join(__dirname, ".work");
const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
const MB = option("--mb", 50);
const RUNS = option("--runs", 3);
const ROLES = 2000;

const HOST = "oidc.eks.us-west-2.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE";
const ARN = `arn:aws:iam::111122223333:oidc-provider/${HOST}`;
const AWS = "registry.terraform.io/hashicorp/aws";

function trust(i) {
  const condition = { StringEquals: { [`${HOST}:aud`]: "sts.amazonaws.com" } };
  if (i % 4 !== 0) condition.StringEquals[`${HOST}:sub`] = `system:serviceaccount:team-${i}:app-${i}`;
  return JSON.stringify({
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Action: "sts:AssumeRoleWithWebIdentity", Principal: { Federated: ARN }, Condition: condition }],
  });
}

const resource = (address, mode, type, name, values) => ({
  address,
  mode,
  type,
  name,
  provider_name: AWS,
  schema_version: 0,
  values,
  sensitive_values: {},
});

function statementOf(i) {
  return {
    actions: ["sts:AssumeRoleWithWebIdentity"],
    condition: [{ test: "StringEquals", values: [`system:serviceaccount:team-${i}:app-${i}`], variable: `${HOST}:sub` }],
    effect: "Allow",
    not_actions: [],
    not_principals: [],
    not_resources: [],
    principals: [{ identifiers: [ARN], type: "Federated" }],
    resources: [],
    sid: "",
  };
}

/** Streams the plan to disk so that the generator itself stays small. */
function writePlan(file) {
  const out = fs.openSync(file, "w");
  const write = (text) => fs.writeSync(out, text);
  write('{"format_version":"1.2","terraform_version":"1.15.9","planned_values":{"root_module":{"resources":[');
  for (let i = 0; i < ROLES; i++) {
    const values = { assume_role_policy: trust(i), name: `role-${i}`, path: "/", max_session_duration: 3600, tags: null };
    write(`${i === 0 ? "" : ","}${JSON.stringify(resource(`aws_iam_role.role_${i}`, "managed", "aws_iam_role", `role_${i}`, values))}`);
  }
  const filler = { ami: "ami-0123456789abcdef0", instance_type: "m7g.large", user_data: "x".repeat(1500), tags: { team: "platform" } };
  let filled = 0;
  const target = MB * 1024 * 1024;
  for (let i = 0; fs.fstatSync(out).size < target; i++) {
    const batch = [];
    for (let j = 0; j < 500; j++, filled++)
      batch.push(JSON.stringify(resource(`aws_instance.node_${filled}`, "managed", "aws_instance", `node_${filled}`, filler)));
    write(`,${batch.join(",")}`);
  }
  write(']}},"resource_changes":[],"prior_state":{"format_version":"1.0","values":{"root_module":{"resources":[');
  for (let i = 0; i < ROLES; i++) {
    const values = {
      json: "{}",
      statement: [statementOf(i)],
      version: "2012-10-17",
      source_policy_documents: null,
      override_policy_documents: null,
    };
    const document = resource(`data.aws_iam_policy_document.doc_${i}`, "data", "aws_iam_policy_document", `doc_${i}`, values);
    write(`${i === 0 ? "" : ","}${JSON.stringify(document)}`);
  }
  write(']}}},"applyable":true,"complete":true,"errored":false}');
  fs.closeSync(out);
  return { roles: ROLES, documents: ROLES, otherResources: filled };
}

/** One run of the command in a fresh process; the child reports its own wall time and peak RSS. */
function runOnce(file, format) {
  const program = `
    const { main } = require(${JSON.stringify(path.join(ROOT, "dist", "cli", "main.js"))});
    const start = process.hrtime.bigint();
    let bytes = 0;
    const args = ["check", ${JSON.stringify(file)}, "--format", ${JSON.stringify(format)}];
    main(args, (l) => (bytes += l.length + 1), () => {}, {}).then((code) => {
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      console.log(JSON.stringify({ code, ms, bytes, maxRssKiB: process.resourceUsage().maxRSS }));
    });`;
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ["-e", program], { cwd: ROOT, encoding: "utf8", maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`check failed:\n${r.stderr}`);
  return { ...JSON.parse(r.stdout.trim()), processMs: Number(process.hrtime.bigint() - started) / 1e6 };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

function main() {
  if (!args.includes("--no-build")) {
    // The package's own build (jsii), not a plain tsc build that would overwrite what the tests rely on.
    const build = spawnSync(process.execPath, [path.join(ROOT, "scripts", "build.js")], { cwd: ROOT, stdio: "inherit" });
    if (build.status !== 0) throw new Error("build failed");
  }
  fs.mkdirSync(WORK, { recursive: true });
  const file = path.join(WORK, `plan-${MB}mb.json`);
  const contents = writePlan(file);
  const size = fs.statSync(file).size;
  const load = () =>
    os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(", ");
  const loadBefore = load();
  const rows = ["text", "sarif"].map((format) => {
    const runs = Array.from({ length: RUNS }, () => runOnce(file, format));
    return {
      format,
      code: runs[0].code,
      checkMs: median(runs.map((r) => r.ms)),
      processMs: median(runs.map((r) => r.processMs)),
      rssMiB: median(runs.map((r) => r.maxRssKiB)) / 1024,
      outputKiB: runs[0].bytes / 1024,
    };
  });
  const cpus = os.cpus();
  const lines = [
    "# `check` on a large plan",
    "",
    `Written by \`npm run bench:check\` (bench/check-plan.js) on ${new Date().toISOString().slice(0, 10)}. Do not edit by hand.`,
    "",
    `- Machine: ${os.type()} ${os.release()} ${os.arch()}, ${cpus.length} × ${cpus[0]?.model.trim() ?? "?"}, ` +
      `${Math.round(os.totalmem() / 2 ** 30)} GiB; node ${process.version}; ` +
      `load average (1, 5, 15 min) before the runs: ${loadBefore}; after: ${load()}`,
    `- Input: one \`terraform show -json\` plan of ${(size / 2 ** 20).toFixed(1)} MiB, compact JSON on one line, as Terraform writes ` +
      `it: ${contents.roles} IRSA roles (every fourth without sub: ${contents.roles / 4} findings), ${contents.documents} policy ` +
      `documents read during plan, ${contents.otherResources} other resources.`,
    `- Method: the compiled command (dist/), ${RUNS} runs per format, each in a fresh process; medians. "check" is the time ` +
      'from the command\'s start to its exit code (reading, parsing, checking, formatting); "process" adds starting node and ' +
      "loading the command. Peak RSS is the process's own maxRSS.",
    "",
    "| format | exit | check | process | peak RSS | output |",
    "| --- | ---: | ---: | ---: | ---: | ---: |",
    ...rows.map(
      (r) =>
        `| ${r.format} | ${r.code} | ${(r.checkMs / 1000).toFixed(2)} s | ${(r.processMs / 1000).toFixed(2)} s | ` +
        `${r.rssMiB.toFixed(0)} MiB | ${r.outputKiB.toFixed(0)} KiB |`,
    ),
    "",
  ];
  if (!args.includes("--no-write")) fs.writeFileSync(path.join(__dirname, "CHECK.md"), lines.join("\n"));
  console.log(lines.join("\n"));
}

main();
