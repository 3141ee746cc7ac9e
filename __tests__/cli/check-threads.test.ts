/**
 * `check` parses the folders of a repository on worker threads (lib/cli/check/hcl-workers.ts) and
 * checks each module as soon as it is parsed. None of that may change what it reports: the same
 * findings, in the same order, the same summary and the same one-line errors (the first folder in
 * order that cannot be read, with its file, line and column) as parsing every folder on the main
 * thread, one after the other.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { HclWorkerPool, parseThreads } from "../../lib/cli/check/hcl-workers";
import { parseHclText } from "../../lib/cli/check/source-text";
import { run } from "../support/check-run";

const FIXTURES = join(__dirname, "..", "fixtures", "hcl");

let work: string;
beforeAll(() => (work = mkdtempSync(join(tmpdir(), "check-threads-"))));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Runs the command with the given number of parser threads ("0": all on the main thread). */
async function runWithThreads(threads: string, args: string[]) {
  const before = process.env.CDKTF_EKS_IRSA_CHECK_THREADS;
  process.env.CDKTF_EKS_IRSA_CHECK_THREADS = threads;
  try {
    return await run(args);
  } finally {
    if (before === undefined) delete process.env.CDKTF_EKS_IRSA_CHECK_THREADS;
    else process.env.CDKTF_EKS_IRSA_CHECK_THREADS = before;
  }
}

/** One IRSA role trust; without `sub` for odd i (a finding), and a folder size that varies with i (answers arrive out of order). */
function roleFolder(dir: string, i: number): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "locals.tf"), `locals {\n  issuer = replace(aws_iam_openid_connect_provider.eks.url, "https://", "")\n}\n`);
  for (let f = 0; f < 1 + ((i * 7) % 5); f++) {
    const sub = i % 2 === 1 ? "" : `\n      "\${local.issuer}:sub" = "system:serviceaccount:ns-${i}:sa-${f}"`;
    writeFileSync(
      join(dir, `role-${f}.tf`),
      `resource "aws_iam_role" "r${f}" {
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRoleWithWebIdentity"
      Principal = { Federated = aws_iam_openid_connect_provider.eks.arn }
      Condition = { StringEquals = {
        "\${local.issuer}:aud" = "sts.amazonaws.com"${sub}
      } }
    }]
  })
}
`,
    );
  }
}

/** A repository: every HCL fixture (local modules, variable files, heredocs, ...) and 16 generated root modules. */
function repository(name: string): string {
  const repo = join(work, name);
  cpSync(FIXTURES, join(repo, "fixtures"), { recursive: true });
  for (let i = 0; i < 16; i++) roleFolder(join(repo, "live", `service-${String(i).padStart(2, "0")}`), i);
  return repo;
}

test("the machine's parser threads: one per core, at most 4; 0 or 1 asked = the main thread", () => {
  expect(parseThreads({ CDKTF_EKS_IRSA_CHECK_THREADS: "0" })).toBe(0);
  expect(parseThreads({ CDKTF_EKS_IRSA_CHECK_THREADS: "1" })).toBe(0);
  expect(parseThreads({ CDKTF_EKS_IRSA_CHECK_THREADS: "3" })).toBe(3);
  expect(parseThreads({ CDKTF_EKS_IRSA_CHECK_THREADS: "64" })).toBe(4);
});

test("the pool answers each text with what the main thread's parser gives, in the order asked, errors included", async () => {
  const texts = Array.from({ length: 12 }, (_v, i) =>
    i === 5 ? 'resource "x" "y" {\n  a = \n}\n' : `locals {\n  n${i} = "${"v".repeat(1 + ((i * 997) % 5000))}"\n}\n`,
  );
  const pool = new HclWorkerPool(2);
  try {
    const viaPool = await Promise.allSettled(texts.map((t, i) => parseHclText(`f${i}.tf`, t, pool.parse)));
    const here = await Promise.allSettled(texts.map((t, i) => parseHclText(`f${i}.tf`, t)));
    expect(viaPool).toEqual(here);
    expect(viaPool[3]).toEqual({ status: "fulfilled", value: { locals: [{ n3: "v".repeat(1 + ((3 * 997) % 5000)) }] } });
    expect(viaPool[5]).toMatchObject({ status: "rejected", reason: { message: expect.stringMatching(/^f5\.tf:2:\d+: not valid HCL \(/) } });
  } finally {
    await pool.close();
  }
});

describe("a repository checked with parser threads reports exactly what it reports without", () => {
  let repo: string;
  beforeAll(() => (repo = repository("repo")));

  test.each([["json"], ["text"], ["sarif"]])("--format %s", async (format) => {
    const args = ["check", "--format", format, repo];
    const threaded = await runWithThreads("2", args);
    const single = await runWithThreads("0", args);
    expect(threaded).toEqual(single);
    expect(threaded.code).toBe(1);
    if (format === "json") {
      const report = JSON.parse(threaded.stdout);
      // Every generated odd service has its trust without sub, in folder order; the fixtures' findings come first.
      const generated = report.findings.filter((f: { file: string }) => f.file.includes("/live/"));
      expect(generated.map((f: { ruleId: string; address: string; file: string }) => f.file.replace(/.*\/live\//, ""))).toEqual(
        [1, 3, 5, 7, 9, 11, 13, 15].flatMap((i) =>
          Array.from({ length: 1 + ((i * 7) % 5) }, (_v, f) => `service-${String(i).padStart(2, "0")}/role-${f}.tf`),
        ),
      );
      expect(report.findings.some((f: { address: string }) => f.address === "module.reports_irsa.aws_iam_role.this")).toBe(true);
      expect(JSON.parse(threaded.stdout.split(repo).join("<repo>"))).toMatchSnapshot();
    }
  });

  test("the first folder in order that does not parse is the error, with its file, line and column", async () => {
    const broken = repository("broken");
    // service-03 is large, service-09 small: the small one's error is answered first, yet service-03's is reported.
    const manyLocals = Array.from({ length: 6000 }, (_v, i) => `  value_${i} = "${i}"`).join("\n");
    writeFileSync(join(broken, "live", "service-03", "a-large.tf"), `locals {\n${manyLocals}\n}\n`);
    writeFileSync(join(broken, "live", "service-03", "role-0.tf"), 'resource "aws_iam_role" "r0" {\n  name = \n}\n');
    writeFileSync(join(broken, "live", "service-09", "role-0.tf"), 'resource "aws_iam_role" "r0" {\n  name = "x"\n  = 1\n}\n');
    const threaded = await runWithThreads("2", ["check", broken]);
    expect(threaded).toEqual(await runWithThreads("0", ["check", broken]));
    expect(threaded).toEqual({
      code: 2,
      stdout: "",
      stderr: expect.stringMatching(/^error: \S+service-03\/role-0\.tf:2:\d+: not valid HCL \(/),
    });
    expect(threaded.stderr.split("\n")).toHaveLength(2);
  });
});
