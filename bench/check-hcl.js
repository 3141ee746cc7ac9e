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
 * the command's start to its exit code and its own peak RSS, and writes bench/CHECK-HCL.md. The
 * command runs from lib/ through sucrase (loading it is outside the measured time).
 */
const { spawnSync } = require("child_process");
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

function runOnce() {
  const program = `
    const { main } = require(${JSON.stringify(path.join(ROOT, "lib", "cli", "main.ts"))});
    const start = process.hrtime.bigint();
    let bytes = 0;
    const out = (l) => (bytes += l.length + 1);
    const err = (l) => process.stderr.write(l + "\\n");
    main(["check", "--format", "json", ${JSON.stringify(REPO)}], out, err, {}).then((code) => {
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      console.log(JSON.stringify({ code, ms, bytes, maxRssKiB: process.resourceUsage().maxRSS }));
    });`;
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ["-r", "sucrase/register/ts", "-e", program], { cwd: ROOT, encoding: "utf8", maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(r.stderr);
  return { ...JSON.parse(r.stdout.trim()), processMs: Number(process.hrtime.bigint() - started) / 1e6 };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

function main() {
  const repo = writeRepo();
  const runs = Array.from({ length: RUNS }, runOnce);
  const load = os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(", ");
  const lines = [
    "# `check` on a repository of HCL files",
    "",
    `Written by \`node bench/check-hcl.js\` on ${new Date().toISOString().slice(0, 10)}. Do not edit by hand.`,
    "",
    `- Machine: ${os.type()} ${os.release()} ${os.arch()}, ${os.cpus().length} × ${os.cpus()[0].model.trim()}, ` +
      `${Math.round(os.totalmem() / 2 ** 30)} GiB; node ${process.version}; load average after the runs: ${load}`,
    `- Input: ${repo.files} .tf files (${(repo.bytes / 2 ** 20).toFixed(1)} MiB) in ${ROOTS} root modules ` +
      "under bench/.work/hcl-repo/live/, " +
      "one IRSA role per file (policy document or jsonencode trust, locals, every fourth trust without sub).",
    `- Method: the command from lib/ (sucrase), ${RUNS} runs, each in a fresh process; medians. "check" is the time from the ` +
      'command\'s start to its exit code (reading, parsing with @cdktf/hcl2json, evaluating, checking, formatting); "process" adds ' +
      "starting node, transpiling and loading the command. Peak RSS is the process's own maxRSS.",
    "",
    "| exit | check | process | peak RSS | output |",
    "| ---: | ---: | ---: | ---: | ---: |",
    `| ${runs[0].code} | ${(median(runs.map((r) => r.ms)) / 1000).toFixed(2)} s | ` +
      `${(median(runs.map((r) => r.processMs)) / 1000).toFixed(2)} s | ` +
      `${Math.round(median(runs.map((r) => r.maxRssKiB)) / 1024)} MiB | ${Math.round(runs[0].bytes / 1024)} KiB |`,
    "",
    `Every run: ${runs.map((r) => `${(r.ms / 1000).toFixed(2)} s`).join(", ")}.`,
    "",
  ];
  if (!args.includes("--no-write")) fs.writeFileSync(path.join(__dirname, "CHECK-HCL.md"), lines.join("\n"));
  console.log(lines.join("\n"));
}

main();
