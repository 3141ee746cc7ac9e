#!/usr/bin/env node
import { inspectIssuer, MAX_TIMEOUT_MS, ThumbprintError } from "./thumbprint";

const USAGE = `usage: cdktf-eks-irsa thumbprint <issuer-url> [--json] [--timeout <ms, at most ${MAX_TIMEOUT_MS}>] [--no-discovery]`;

class UsageError extends Error {}

interface Parsed {
  readonly url: string;
  readonly json: boolean;
  readonly timeoutMs: number;
  readonly discovery: boolean;
}

export function parseArgs(argv: string[]): Parsed {
  const [command, ...rest] = argv;
  if (command === undefined) throw new UsageError("no command given");
  if (command !== "thumbprint") throw new UsageError(`unknown command "${command}"`);
  let url: string | undefined;
  let json = false;
  let discovery = true;
  let timeoutMs = MAX_TIMEOUT_MS;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (arg === "--json") json = true;
    else if (arg === "--no-discovery") discovery = false;
    else if (arg === "--timeout") {
      const value = Number(rest[++i]);
      if (!Number.isInteger(value) || value < 1 || value > MAX_TIMEOUT_MS) throw new UsageError(`--timeout takes whole milliseconds from 1 to ${MAX_TIMEOUT_MS}`);
      timeoutMs = value;
    } else if (arg.startsWith("-")) throw new UsageError(`unknown option "${arg}"`);
    else if (url === undefined) url = arg;
    else throw new UsageError(`unexpected argument "${arg}"`);
  }
  if (url === undefined) throw new UsageError("thumbprint needs the issuer URL");
  return { url, json, timeoutMs, discovery };
}

export async function main(
  argv: string[],
  out: (line: string) => void,
  err: (line: string) => void,
  env: { [key: string]: string | undefined } = process.env,
): Promise<number> {
  let args: Parsed;
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    err(`error: ${e.message}`);
    err(USAGE);
    return 2;
  }
  try {
    const report = await inspectIssuer(args.url, { timeoutMs: args.timeoutMs, discovery: args.discovery, env });
    if (args.json) out(JSON.stringify(report, null, 2));
    else {
      out(report.thumbprint);
      for (const warning of report.warnings) err(`warning: ${warning}`);
    }
    return 0;
  } catch (e) {
    if (!(e instanceof ThumbprintError)) throw e;
    err(`error: ${e.message}`);
    return 1;
  }
}

if (require.main === module) {
  main(process.argv.slice(2), (line) => process.stdout.write(`${line}\n`), (line) => process.stderr.write(`${line}\n`)).then(
    (code) => process.exit(code),
    (e) => {
      process.stderr.write(`error: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exit(1);
    },
  );
}
