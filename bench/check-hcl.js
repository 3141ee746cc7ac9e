#!/usr/bin/env node
/**
 * node bench/check-hcl.js: wall time and peak memory of `cdktf-eks-irsa check` on a repository of
 * --files (default 10,000) `.tf` files.
 *
 * Writes the repository to bench/.work/hcl-repo/: --roots root modules (default 200), each a folder
 * of .tf files with one IRSA role per file written as people write it (an aws_iam_policy_document
 * with replace(<provider>.url, "https://", ""), locals, a jsonencode trust every third file; every
 * fourth trust without sub, so that findings must be located). Then runs the command on the
 * repository folder --runs times (default 3), each in a fresh process that reports the time from
 * the command's start to its exit code, the CPU time of all its threads and its own peak RSS, and
 * writes bench/CHECK-HCL.md. The command runs from lib/ through sucrase (loading it is outside the
 * measured time). It runs as shipped (the folders parsed on worker threads, one per core) and, for
 * comparison, with CDKTF_EKS_IRSA_CHECK_THREADS=0 (everything on the main thread).
 */
const { runTsProgram } = require("./ts-program");
const fs = require("fs");
const os = require("os");
const path = require("path");

const ROOT = path.join(__dirname, "..");
const REPO = path.join(__dirname, ".work", "hcl-repo");
const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
const FILES = option("--files", 10000);
const ROOTS = option("--roots", 200);
const RUNS = option("--runs", 3);

function roleFile(i) {
  const sub =
    i % 4 === 0
      ? ""
      : `
    condition {
      test     = "StringEquals"
      variable = "\${local.issuer}:sub"
      values   = ["system:serviceaccount:team-${i}:app-${i}"]
    }`;
  if (i % 3 === 0) {
    const subKey = i % 4 === 0 ? "" : `\n          "\${local.issuer}:sub" = "system:serviceaccount:team-${i}:app-${i}"`;
    return `resource "aws_iam_role" "app_${i}" {
  name = "app-${i}"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRoleWithWebIdentity"
      Principal = { Federated = aws_iam_openid_connect_provider.eks.arn }
      Condition = {
        StringEquals = {
          "\${local.issuer}:aud" = "sts.amazonaws.com"${subKey}
        }
      }
    }]
  })
  tags = local.tags
}
`;
  }
  return `data "aws_iam_policy_document" "app_${i}" {
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]
    principals {
      type        = "Federated"
      identifiers = [aws_iam_openid_connect_provider.eks.arn]
    }
    condition {
      test     = "StringEquals"
      variable = "\${local.issuer}:aud"
      values   = ["sts.amazonaws.com"]
    }${sub}
  }
}

resource "aws_iam_role" "app_${i}" {
  name               = "app-${i}"
  assume_role_policy = data.aws_iam_policy_document.app_${i}.json
  tags               = local.tags
}

resource "aws_iam_role_policy_attachment" "app_${i}" {
  role       = aws_iam_role.app_${i}.name
  policy_arn = "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"
}
`;
}

const LOCALS = `locals {
  issuer = replace(aws_iam_openid_connect_provider.eks.url, "https://", "")
  tags   = { team = "platform", managed_by = "terraform" }
}
`;

function writeRepo() {
  fs.rmSync(REPO, { recursive: true, force: true });
  const perRoot = Math.ceil(FILES / ROOTS);
  let written = 0;
  let bytes = 0;
  for (let r = 0; written < FILES; r++) {
    const dir = path.join(REPO, "live", `service-${r}`);
    fs.mkdirSync(dir, { recursive: true });
    for (let f = 0; f < perRoot && written < FILES; f++, written++) {
      const text = (f === 0 ? LOCALS : "") + roleFile(written);
      bytes += text.length;
      fs.writeFileSync(path.join(dir, `role-${f}.tf`), text);
    }
  }
  return { files: written, bytes };
}

function runOnce(threads) {
  const program = `
    const { main } = require(${JSON.stringify(path.join(ROOT, "lib", "cli", "main.ts"))});
    const start = process.hrtime.bigint();
    const cpuStart = process.cpuUsage();
    let bytes = 0;
    const out = (l) => (bytes += l.length + 1);
    const err = (l) => process.stderr.write(l + "\\n");
    main(["check", "--format", "json", ${JSON.stringify(REPO)}], out, err, {}).then((code) => {
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      const cpu = process.cpuUsage(cpuStart);
      console.log(JSON.stringify({ code, ms, cpuMs: (cpu.user + cpu.system) / 1000, bytes, maxRssKiB: process.resourceUsage().maxRSS }));
    });`;
  const started = process.hrtime.bigint();
  const stdout = runTsProgram(program, threads, 1 << 26);
  return { ...JSON.parse(stdout.trim()), processMs: Number(process.hrtime.bigint() - started) / 1e6 };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(", ");
const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;

function row(name, runs) {
  return (
    `| ${name} | ${runs[0].code} | ${seconds(median(runs.map((r) => r.ms)))} | ${seconds(median(runs.map((r) => r.cpuMs)))} | ` +
    `${seconds(median(runs.map((r) => r.processMs)))} | ${Math.round(median(runs.map((r) => r.maxRssKiB)) / 1024)} MiB | ` +
    `${Math.round(runs[0].bytes / 1024)} KiB |`
  );
}

function main() {
  const repo = writeRepo();
  const loadBefore = load();
  // Alternated, so that a change in the machine's load falls on both.
  const threaded = [];
  const single = [];
  for (let i = 0; i < RUNS; i++) {
    threaded.push(runOnce(undefined));
    single.push(runOnce("0"));
  }
  const lines = [
    "# `check` on a repository of HCL files",
    "",
    `Written by \`node bench/check-hcl.js\` on ${new Date().toISOString().slice(0, 10)}. Do not edit by hand.`,
    "",
    `- Machine: ${os.type()} ${os.release()} ${os.arch()}, ${os.cpus().length} × ${os.cpus()[0].model.trim()}, ` +
      `${Math.round(os.totalmem() / 2 ** 30)} GiB; node ${process.version}; ` +
      `load average (1, 5, 15 min) before the runs: ${loadBefore}; after: ${load()}`,
    `- Input: ${repo.files} .tf files (${(repo.bytes / 2 ** 20).toFixed(1)} MiB) in ${ROOTS} root modules ` +
      "under bench/.work/hcl-repo/live/, " +
      "one IRSA role per file (policy document or jsonencode trust, locals, every fourth trust without sub).",
    `- Method: the command from lib/ (sucrase), ${RUNS} runs of each configuration, alternated, each in a fresh process; medians. ` +
      '"check" is the time from the command\'s start to its exit code (reading, parsing with @cdktf/hcl2json, evaluating, ' +
      'checking, formatting); "CPU" the CPU time of all the process\'s threads over the same span; "process" adds starting node, ' +
      "transpiling and loading the command. Peak RSS is the process's own maxRSS. " +
      '"threads" is the command as shipped (folders parsed on worker threads, one per core); ' +
      '"main thread" sets CDKTF_EKS_IRSA_CHECK_THREADS=0.',
    "",
    "| configuration | exit | check | CPU | process | peak RSS | output |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    row("threads", threaded),
    row("main thread", single),
    "",
    `Every run, threads: ${threaded.map((r) => seconds(r.ms)).join(", ")}; main thread: ${single.map((r) => seconds(r.ms)).join(", ")}.`,
    "",
  ];
  if (!args.includes("--no-write")) fs.writeFileSync(path.join(__dirname, "CHECK-HCL.md"), lines.join("\n"));
  console.log(lines.join("\n"));
}

main();
