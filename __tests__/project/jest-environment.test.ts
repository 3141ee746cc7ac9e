/**
 * The test environment, __tests__/support/jest-environment.js: jest's node environment, and a
 * process.exit() for processes shaped like jest's workers once nothing is left to run (why: the
 * module's comment). Each case runs the module in a fresh Node process.
 */
import { spawn } from "child_process";
import { join } from "path";

const ROOT = join(__dirname, "..", "..");
const ENVIRONMENT = join(ROOT, "__tests__", "support", "jest-environment.js");

/**
 * Runs a process that loads the environment module and then has nothing left to do. It reports
 * whether it left through process.exit() (the only caller of process.reallyExit), whether its
 * 'exit' listeners ran, and its exit code (it sets process.exitCode = 3).
 */
function endOfProcess(shape: { ipc: boolean; workerId: boolean }): Promise<{ lines: string[]; status: number | null }> {
  const script = `
    const reallyExit = process.reallyExit;
    process.reallyExit = (code) => { process.stdout.write("process.exit(" + code + ")\\n"); reallyExit.call(process, code); };
    process.on("exit", () => process.stdout.write("'exit' listener\\n"));
    require(${JSON.stringify(ENVIRONMENT)});
    process.exitCode = 3;
  `;
  const env = { ...process.env };
  if (shape.workerId) env.JEST_WORKER_ID = "1";
  else delete env.JEST_WORKER_ID;
  const child = spawn(process.execPath, ["-e", script], {
    cwd: ROOT,
    env,
    stdio: shape.ipc ? ["ignore", "pipe", "inherit", "ipc"] : ["ignore", "pipe", "inherit"],
  });
  let stdout = "";
  child.stdout!.on("data", (chunk) => (stdout += chunk));
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (status) => resolve({ lines: stdout.trim().split("\n"), status }));
  });
}

test("a jest worker (IPC channel, JEST_WORKER_ID) leaves through process.exit(), keeping its exit code and 'exit' listeners", async () => {
  const end = await endOfProcess({ ipc: true, workerId: true });
  expect(end.lines).toEqual(["'exit' listener", "process.exit(3)"]);
  expect(end.status).toBe(3);
});

test.each([
  ["jest running in band, started from a shell (JEST_WORKER_ID, no IPC channel)", { ipc: false, workerId: true }],
  ["a process forked with IPC by something other than jest", { ipc: true, workerId: false }],
])("%s ends as Node ends it: no process.exit()", async (_name, shape) => {
  const end = await endOfProcess(shape);
  expect(end.lines).toEqual(["'exit' listener"]);
  expect(end.status).toBe(3);
});

test("it is jest's node environment, and both projects use it", () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  expect(require(ENVIRONMENT)).toBe(require("jest-environment-node").TestEnvironment);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const config = require(join(ROOT, "jest.config.js"));
  expect(config.projects).toHaveLength(2);
  for (const project of config.projects) {
    expect(project.testEnvironment.replace("<rootDir>", ROOT)).toBe(ENVIRONMENT);
  }
});
