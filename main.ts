import { App } from "cdktf";
import { readFileSync } from "fs";
import { CONTEXT_KEY, loadConfig } from "./app/config";
import { IrsaAppStack } from "./app/stack";
import { ValidationError } from "./lib";

// `cdktf synth` hands cdktf.json's "context" to the app through the environment; run with plain
// node, the app reads it from cdktf.json itself.
const app = new App();
try {
  const context =
    app.node.tryGetContext(CONTEXT_KEY) === undefined
      ? (JSON.parse(readFileSync("cdktf.json", "utf8")).context ?? {})
      : app.node.getAllContext();
  new IrsaAppStack(app, loadConfig(context, process.env), process.env);
  app.synth();
} catch (e) {
  if (e instanceof ValidationError) {
    // Bad input is the user's to fix: one line, no stack trace.
    console.error(`Error: ${e.message}`);
    process.exit(1);
  }
  throw e;
}
