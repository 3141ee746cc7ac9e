#!/usr/bin/env node
/**
 * The `cdktf-eks-irsa` command: dispatches to its subcommands, loading only the one it runs (the
 * check engine, cdktf and the HCL parser take most of a second to load; `thumbprint` needs none).
 */
import { CommandIo, UsageError } from "./command-io";
import { CHECK_USAGE, THUMBPRINT_USAGE } from "./usage";

const USAGE = `usage: ${THUMBPRINT_USAGE}\n       ${CHECK_USAGE}`;

export async function main(
  argv: string[],
  out: (line: string) => void,
  err: (line: string) => void,
  env: { [key: string]: string | undefined } = process.env,
): Promise<number> {
  const io: CommandIo = { out, err, env };
  const [command, ...rest] = argv;
  try {
    if (command === undefined) throw new UsageError("no command given");
    if (command === "--help" || command === "-h" || command === "help") {
      out(USAGE);
      return 0;
    }
    if (command === "thumbprint") return await (await import("./thumbprint-command")).thumbprintCommand(rest, io);
    if (command === "check") return await (await import("./check-command")).checkCommand(rest, io);
    throw new UsageError(`unknown command "${command}"`);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    err(`error: ${e.message}`);
    err(USAGE);
    return 2;
  }
}

if (require.main === module) {
  // `check ... | head -1`: once the reader has gone, stop writing and finish quietly (no EPIPE stack).
  let stdoutClosed = false;
  process.stdout.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code !== "EPIPE") throw e;
    stdoutClosed = true;
  });
  main(
    process.argv.slice(2),
    (line) => {
      if (!stdoutClosed) process.stdout.write(`${line}\n`);
    },
    (line) => process.stderr.write(`${line}\n`),
  ).then(
    // Exit once stdout has flushed: to a pipe, writes are asynchronous and process.exit would cut the report short.
    (code) => (stdoutClosed ? process.exit(code) : process.stdout.write("", () => process.exit(code))),
    (e) => {
      process.stderr.write(`error: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exit(1);
    },
  );
}
