/**
 * `check [PATH...]`: the trust rules of IrsaTrustChecks over synthesized configuration or a plan.
 * Exit 0 without error findings (warnings alone pass), 1 with error findings, 2 when an input
 * cannot be read or is not Terraform (one line naming it) or the command line is wrong.
 */
import { existsSync } from "fs";
import { CommandIo, UsageError } from "./command-io";
import { formatJson } from "./check/format-json";
import { formatSarif } from "./check/format-sarif";
import { formatText } from "./check/format-text";
import { InputError } from "./check/input-error";
import { readInputs } from "./check/inputs";
import { checkInputs } from "./check/run-checks";

export const CHECK_USAGE =
  "cdktf-eks-irsa check [PATH...] [--format text|json|sarif]   (PATH: cdktf.out/, *.tf.json, terraform show -json)";

const FORMATS = ["text", "json", "sarif"] as const;
type Format = (typeof FORMATS)[number];

interface CheckArgs {
  readonly paths: string[];
  readonly format: Format;
}

export function parseCheckArgs(args: string[]): CheckArgs {
  const paths: string[] = [];
  let format: Format = "text";
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const inline = /^--format=(.*)$/.exec(arg);
    if (arg === "--format" || inline) {
      const value = inline ? inline[1] : args[++i];
      if (!FORMATS.includes(value as Format)) throw new UsageError(`--format takes ${FORMATS.join(", ")}`);
      format = value as Format;
    } else if (arg.startsWith("-") && arg !== "-") throw new UsageError(`unknown option "${arg}"`);
    else paths.push(arg);
  }
  return { paths, format };
}

export function checkCommand(args: string[], io: CommandIo): number {
  const { paths, format } = parseCheckArgs(args);
  if (paths.length === 0 && !existsSync("cdktf.out")) {
    io.err("error: no PATH given and no ./cdktf.out: run cdktf synth first, or name a plan (terraform show -json) or *.tf.json");
    return 2;
  }
  let inputs;
  let findings;
  try {
    inputs = readInputs(paths.length === 0 ? ["cdktf.out"] : paths);
    findings = checkInputs(inputs);
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    io.err(`error: ${e.message}`);
    return 2;
  }
  const files = inputs.map((i) => i.path);
  if (format === "sarif") io.out(formatSarif(findings, process.cwd()));
  else if (format === "json") io.out(formatJson(findings, files));
  else for (const line of formatText(findings, files)) io.out(line);
  return findings.some((f) => f.severity === "error") ? 1 : 0;
}
