/**
 * Shared by the `thumbprint` command's test suites: the test PKI written to PEM files, the SHA-1 of
 * a certificate file computed without the command's code (node-forge), and the command run in this
 * process or as the real binary.
 */
import { execFile } from "child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import * as forge from "node-forge";
import { run as runInProcess } from "./check-run";
import { makePki } from "./pki";

const ROOT = join(__dirname, "..", "..");

export type Pki = Awaited<ReturnType<typeof makePki>>;
export type CertificateName = "root" | "intermediate" | "leaf" | "unrelated";

/** A fresh PKI, each certificate also written to a PEM file. */
export async function writePki(): Promise<{ pki: Pki; files: { [name in CertificateName]: string } }> {
  const pki = await makePki();
  const dir = mkdtempSync(join(tmpdir(), "irsa-thumbprint-"));
  const files = { root: "", intermediate: "", leaf: "", unrelated: "" };
  for (const name of Object.keys(files) as CertificateName[]) {
    files[name] = join(dir, `${name}.pem`);
    writeFileSync(files[name], pki[name].certPem);
  }
  return { pki, files };
}

/** SHA-1 of the DER in a certificate file, computed with node-forge, without the command's code. */
export function fingerprintOf(file: string): string {
  const der = forge.asn1.toDer(forge.pki.certificateToAsn1(forge.pki.certificateFromPem(readFileSync(file, "utf8")))).getBytes();
  return forge.md.sha1.create().update(der).digest().toHex();
}

export interface Outcome {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly ms: number;
}

/** The real binary in a fresh process, without NODE_EXTRA_CA_CERTS unless `env` sets it. */
export function run(args: string[], env: { [key: string]: string } = {}): Promise<Outcome> {
  const start = Date.now();
  return new Promise((resolve) => {
    const cleanEnv = { ...process.env };
    delete cleanEnv.NODE_EXTRA_CA_CERTS;
    execFile(
      process.execPath,
      ["-r", "sucrase/register/ts", join(ROOT, "lib", "cli", "main.ts"), ...args],
      { cwd: ROOT, env: { ...cleanEnv, ...env } },
      (error, stdout, stderr) => {
        resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr, ms: Date.now() - start });
      },
    );
  });
}

/**
 * The command in this process. Its own verification reads NODE_EXTRA_CA_CERTS from `env`; only the
 * trap test needs a fresh process, where Node itself has loaded the root into its default store.
 */
export async function runHere(args: string[], env: { [key: string]: string } = {}): Promise<Outcome> {
  const start = Date.now();
  return { ...(await runInProcess(args, env)), ms: Date.now() - start };
}

/** Exit 1, nothing on stdout, exactly one `error: ...` line on stderr matching `message`. */
export function expectFailure(r: { code: number; stdout: string; stderr: string }, message: RegExp): void {
  expect(r).toMatchObject({ code: 1, stdout: "" });
  expect(r.stderr).toMatch(/^error: [^\n]+\n$/);
  expect(r.stderr).toMatch(message);
}
