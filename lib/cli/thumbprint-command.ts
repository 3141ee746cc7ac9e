/** The `thumbprint` command: its arguments, and its output (the pin, or the JSON report) and exit code. */
import { MAX_TIMEOUT_MS } from "./thumbprint/deadline";
import { oneLine, ThumbprintError } from "./thumbprint/errors";
import { inspectIssuer } from "./thumbprint/inspect-issuer";
import { CommandIo, UsageError } from "./command-io";

interface ThumbprintArgs {
  readonly url: string;
  readonly json: boolean;
  readonly timeoutMs: number;
  readonly discovery: boolean;
}

export function parseThumbprintArgs(args: string[]): ThumbprintArgs {
  let url: string | undefined;
  let json = false;
  let discovery = true;
  let timeoutMs = MAX_TIMEOUT_MS;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === "--json") json = true;
    else if (arg === "--no-discovery") discovery = false;
    else if (arg === "--timeout") {
      const value = Number(args[++i]);
      if (!Number.isInteger(value) || value < 1 || value > MAX_TIMEOUT_MS) {
        throw new UsageError(`--timeout takes whole milliseconds from 1 to ${MAX_TIMEOUT_MS}`);
      }
      timeoutMs = value;
    } else if (arg.startsWith("-")) throw new UsageError(`unknown option "${arg}"`);
    else if (url === undefined) url = arg;
    else throw new UsageError(`unexpected argument "${arg}"`);
  }
  if (url === undefined) throw new UsageError("thumbprint needs the issuer URL");
  return { url, json, timeoutMs, discovery };
}

/** `thumbprint`: prints what `tls_certificate` would pin for an issuer. Exit 0, 1 (failure) or 2 (usage). */
export async function thumbprintCommand(args: string[], io: CommandIo): Promise<number> {
  const parsed = parseThumbprintArgs(args);
  try {
    const report = await inspectIssuer(parsed.url, { timeoutMs: parsed.timeoutMs, discovery: parsed.discovery, env: io.env });
    if (parsed.json) io.out(JSON.stringify(report, null, 2));
    else {
      io.out(report.thumbprint);
      for (const warning of report.warnings) io.err(`warning: ${warning}`);
    }
    return 0;
  } catch (e) {
    // Anything else is a bug, but still one line: the command's errors are never a stack trace.
    const message = e instanceof ThumbprintError ? e.message : `unexpected failure: ${e instanceof Error ? e.message : String(e)}`;
    io.err(`error: ${oneLine(message)}`);
    return 1;
  }
}
