/**
 * `check [PATH...]`: the trust rules of IrsaTrustChecks over Terraform configuration (cdktf
 * output, `.tf`, `.tf.json`, folders and their local modules), a plan, or exports of a live
 * account and cluster. Exit 0 without error findings (warnings alone pass), 1 with error findings,
 * 2 when an input cannot be read or is not Terraform (one line naming it), when the inputs hold
 * nothing to judge, not even a trust that cannot be read (one line saying why), or when the command
 * line is wrong. What could not be read is always named (IRSA011) and counted in the summary.
 */
import { existsSync } from "fs";
import { CommandIo, UsageError } from "./command-io";
import { formatJson } from "./check/format-json";
import { formatSarif } from "./check/format-sarif";
import { formatText } from "./check/format-text";
import { InputError } from "./check/input-error";
import { readInputs } from "./check/inputs";
import { checkInputs, CheckReport } from "./check/run-checks";
import { CHECK_USAGE } from "./usage";

const FORMATS = ["text", "json", "sarif"];

interface CheckArgs {
  readonly paths: string[];
  readonly format: string;
  readonly help: boolean;
}

export function parseCheckArgs(args: string[]): CheckArgs {
  const paths: string[] = [];
  let format = "text";
  let help = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const inline = /^--format=(.*)$/.exec(arg);
    if (arg === "--help" || arg === "-h") help = true;
    else if (arg === "--format" || inline) {
      const value = inline ? inline[1] : args[++i];
      if (!FORMATS.includes(value)) throw new UsageError(`--format takes ${FORMATS.join(", ")}`);
      format = value;
    } else if (arg.startsWith("-") && arg !== "-") throw new UsageError(`unknown option "${arg}"`);
    else paths.push(arg);
  }
  return { paths, format, help };
}

const judgedNothing = (r: CheckReport) => r.judged.trustPolicies + r.judged.oidcProviders + r.judged.annotations === 0;

export async function checkCommand(args: string[], io: CommandIo): Promise<number> {
  const { paths, format, help } = parseCheckArgs(args);
  if (help) {
    io.out(`usage: ${CHECK_USAGE}`);
    return 0;
  }
  if (paths.length === 0 && !existsSync("cdktf.out")) {
    io.err(
      "error: no PATH given and no ./cdktf.out: run cdktf synth first, " +
        "or name a folder of Terraform files, a plan (terraform show -json) or an export",
    );
    return 2;
  }
  let report: CheckReport;
  try {
    report = await checkInputs(await readInputs(paths.length === 0 ? ["cdktf.out"] : paths));
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    io.err(`error: ${e.message}`);
    return 2;
  }
  if (judgedNothing(report) && report.unreadable === 0) {
    io.err(
      `error: nothing to judge in ${report.files.length === 1 ? report.files[0] : `${report.files.length} files`}: ` +
        "no IAM role trust, policy document with principals, OIDC provider or service-account annotation",
    );
    return 2;
  }
  if (format === "sarif") io.out(formatSarif(report.findings, process.cwd()));
  else if (format === "json") io.out(formatJson(report));
  else for (const line of formatText(report)) io.out(line);
  if (judgedNothing(report)) {
    // Everything relevant was unreadable (each one named above as IRSA011): that is not "clean".
    io.err(
      `error: nothing judged: ${report.unreadable === 1 ? "the one trust" : `all ${report.unreadable} trusts`} found ` +
        "can be read only at apply (named above as IRSA011), so this is not a clean result",
    );
    return 2;
  }
  return report.findings.some((f) => f.severity === "error") ? 1 : 0;
}
