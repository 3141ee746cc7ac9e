#!/usr/bin/env node
/**
 * node bench/check-findings.js [--save DIR] [--against DIR]: what `cdktf-eks-irsa check` reports
 * (exit code, stdout and stderr, formats json and text) on the bench's repository of .tf files
 * (bench/.work/hcl-repo/, written by bench/check-hcl.js) and on every HCL fixture
 * (__tests__/fixtures/hcl: the whole folder, each folder in it and each file and folder in those),
 * once with the parser on worker threads (as the command runs) and once on the main thread alone
 * (CDKTF_EKS_IRSA_CHECK_THREADS=0); it fails when the two differ.
 *
 * To compare two versions of the code: `--save DIR` on the old one, `--against DIR` on the new one
 * (the checkout's own path is written as <root>, so two checkouts compare). Exit 1 on any difference.
 */
const { runTsProgram } = require("./ts-program");
const fs = require("fs");
const path = require("path");

const ROOT = path.join(__dirname, "..");
const args = process.argv.slice(2);
const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);

function targets() {
  const fixtures = path.join(ROOT, "__tests__", "fixtures", "hcl");
  const isDir = (p) => fs.statSync(p).isDirectory();
  const folders = fs
    .readdirSync(fixtures)
    .sort()
    .map((d) => path.join(fixtures, d))
    .filter(isDir);
  const inside = folders.flatMap((d) =>
    fs
      .readdirSync(d)
      .sort()
      .map((e) => path.join(d, e))
      .filter((p) => isDir(p) || /\.tf(\.json)?$/.test(p)),
  );
  const repo = path.join(__dirname, ".work", "hcl-repo");
  return [fixtures, ...folders, ...inside, ...(fs.existsSync(repo) ? [repo] : [])];
}

/** Every target's reports, from one process (threads: the CDKTF_EKS_IRSA_CHECK_THREADS value, or undefined). */
function reports(threads) {
  const program = `
    const { main } = require(${JSON.stringify(path.join(ROOT, "lib", "cli", "main.ts"))});
    (async () => {
      const out = {};
      for (const target of ${JSON.stringify(targets())}) {
        for (const format of ["json", "text"]) {
          const lines = [];
          const code = await main(["check", "--format", format, target], (l) => lines.push(l), (l) => lines.push("stderr: " + l), {});
          out[target + " --format " + format] = "exit " + code + "\\n" + lines.join("\\n") + "\\n";
        }
      }
      process.stdout.write(JSON.stringify(out));
    })();`;
  const stdout = runTsProgram(program, threads, 1 << 30);
  const out = {};
  for (const [key, text] of Object.entries(JSON.parse(stdout))) out[key.split(ROOT).join("<root>")] = text.split(ROOT).join("<root>");
  return out;
}

function differences(a, b, aName, bName) {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  return keys.filter((k) => a[k] !== b[k]).map((k) => `${k}: ${aName} and ${bName} differ`);
}

function main() {
  const threaded = reports(undefined);
  const single = reports("0");
  const problems = differences(threaded, single, "threads", "main thread");
  const saveDir = option("--save");
  if (saveDir !== undefined) {
    fs.mkdirSync(saveDir, { recursive: true });
    fs.writeFileSync(path.join(saveDir, "check-findings.json"), JSON.stringify(threaded, null, 1));
  }
  const againstDir = option("--against");
  if (againstDir !== undefined) {
    const saved = JSON.parse(fs.readFileSync(path.join(againstDir, "check-findings.json"), "utf8"));
    problems.push(...differences(threaded, saved, "this code", againstDir));
  }
  const findings = Object.entries(threaded)
    .filter(([k]) => k.endsWith("--format json"))
    .reduce((n, [, text]) => n + (text.match(/"ruleId"/g) ?? []).length, 0);
  console.log(
    `${Object.keys(threaded).length} reports (${findings} findings in the json ones) compared${againstDir ? ` with ${againstDir}` : ""}`,
  );
  for (const p of problems) console.log(p);
  console.log(problems.length === 0 ? "identical" : `${problems.length} differences`);
  process.exitCode = problems.length === 0 ? 0 : 1;
}

main();
