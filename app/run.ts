/**
 * What `main.ts` does, as a function of its arguments and environment: read the config, build the
 * stack, synthesize, and report problems as single lines (no stack traces for the user's mistakes).
 */
import { App } from "cdktf";
import { existsSync, readdirSync, readFileSync, rmSync } from "fs";
import { join } from "path";
import { ValidationError } from "../lib/internal";
import { CONTEXT_KEY, loadConfig } from "./config";
import { IrsaAppStack } from "./stack";

const ROOT = join(__dirname, "..");

export interface RunIo {
  readonly out: (text: string) => void;
  readonly err: (line: string) => void;
}

/** Runs the app; returns the process exit code. Errors are reported on one line each (`Error: ...`). */
export function runApp(argv: readonly string[], env: { [key: string]: string | undefined }, io: RunIo): number {
  try {
    return synthesize(argv, env, io);
  } catch (e) {
    // Anything else that stops the synth (an unwritable output folder, an error from cdktf): its
    // message on one line, not a stack trace; IRSA_DEBUG=1 prints the stack for a bug report.
    // Duck-typed: an error from another realm (a vm context, as under jest) is not `instanceof Error`.
    const error = e !== null && typeof e === "object" && typeof (e as Error).message === "string" ? (e as Error) : undefined;
    io.err(`Error: ${error?.message ?? String(e)}`);
    if (env.IRSA_DEBUG === "1" && error?.stack !== undefined) io.err(error.stack);
    return 1;
  }
}

function synthesize(argv: readonly string[], env: { [key: string]: string | undefined }, io: RunIo): number {
  if (argv.includes("--help") || argv.includes("-h")) {
    io.out(readFileSync(join(ROOT, "help"), "utf8"));
    return 0;
  }
  // Under `cdktf synth` the CLI prints annotations itself and decides; run alone, the app does.
  const underCli = env.CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS !== undefined;
  // The output format comes from process.env (SYNTH_HCL_OUTPUT), where cdktf's stack synthesizer reads it too.
  const app = new App({ outdir: env.CDKTF_OUTDIR });
  try {
    // `cdktf synth` hands cdktf.json's "context" to the app through the environment; run with
    // plain node, the app reads it from cdktf.json itself.
    const context =
      app.node.tryGetContext(CONTEXT_KEY) === undefined
        ? (JSON.parse(readFileSync(join(ROOT, "cdktf.json"), "utf8")).context ?? {})
        : app.node.getAllContext();
    new IrsaAppStack(app, loadConfig(context, env), env);
    app.synth();
  } catch (e) {
    if (e instanceof ValidationError) {
      io.err(`Error: ${e.message}`);
      return 1;
    }
    if (!underCli && e instanceof Error && e.message.startsWith('Encountered Annotations with level "ERROR"')) {
      for (const line of annotations(app, "@cdktf/error")) io.err(`Error: ${line}`);
      return 1;
    }
    throw e;
  }
  if (!underCli) for (const line of annotations(app, "@cdktf/warn")) io.err(`Warning: ${line}`);
  removeOtherFormat(app.outdir, app.hclOutput);
  return 0;
}

function annotations(app: App, type: string): string[] {
  return app.node.findAll().flatMap((c) => c.node.metadata.filter((m) => m.type === type).map((m) => `[${c.node.path}] ${m.data}`));
}

/**
 * `synth` writes cdk.tf.json, `synth --hcl` writes cdk.tf, into the same stack folder; Terraform
 * reads both and rejects every block as a duplicate. Keep only the format just written.
 */
function removeOtherFormat(outdir: string, hcl: boolean): void {
  const stacks = join(outdir, "stacks");
  if (!existsSync(stacks)) return;
  for (const stack of readdirSync(stacks)) {
    const stale = join(stacks, stack, hcl ? "cdk.tf.json" : "cdk.tf");
    if (existsSync(stale)) rmSync(stale);
  }
}
