/** The app: IRSA roles for the service accounts in cdktf.json's "irsa" context (see `help`). */
import { runApp } from "./app/run";

process.exitCode = runApp(process.argv.slice(2), process.env, {
  out: (text) => process.stdout.write(text),
  err: (line) => process.stderr.write(`${line}\n`),
});
