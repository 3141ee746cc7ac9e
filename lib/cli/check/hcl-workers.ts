/**
 * Parsing HCL on more than one core. `@cdktf/hcl2json` is HashiCorp's parser compiled to
 * WebAssembly: it runs on the thread that calls it, one parse at a time, and it is most of the time
 * `check` spends on a repository of `.tf` files. A pool of worker threads, each with its own copy of
 * the parser, parses the folders of a repository side by side; each answer goes back to the
 * request that asked for it, so callers see results (and errors, with the parser's own message) in
 * the order they asked, exactly as a parse on the main thread gives them.
 *
 * Threads: `CDKTF_EKS_IRSA_CHECK_THREADS` (0 or 1 = parse on the main thread), else one per core,
 * at most {@link MAX_THREADS}; a machine with one core parses on the main thread.
 */
import { existsSync, readFileSync } from "fs";
import { availableParallelism, cpus } from "os";
import { dirname, join } from "path";
import { gunzipSync } from "zlib";
import { Worker } from "worker_threads";

/** Texts handed to one thread before it answers. */
const IN_FLIGHT = 2;

/** More threads than this only add start-up time (each starts its own instance of the parser). */
const MAX_THREADS = 4;

/** A parser: the file name (for the parser's messages) and the text, to the parser's JSON. */
export type HclParse = (path: string, text: string) => Promise<unknown>;

/**
 * The worker. With the parser's compiled WebAssembly module (compiled once, on the main thread, and
 * shared), it starts the parser as `@cdktf/hcl2json` does (its Go runtime, its entry points) and
 * answers `{ json }` with the parser's JSON text; without it, it calls the package's `parse` and
 * answers `{ value }`. Errors are `{ error }`, the parser's message.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require("worker_threads");
let parse;
if (workerData.module !== undefined) {
  require(workerData.goRuntime);
  const entryPoints = {};
  globalThis.__parse_terraform_config_wasm__ = entryPoints;
  const go = new globalThis.Go();
  const ready = WebAssembly.instantiate(workerData.module, go.importObject).then((instance) => void go.run(instance));
  parse = (path, text) =>
    ready.then(() => new Promise((resolve, reject) =>
      entryPoints.parse(path, text, (error, json) => (error ? reject(new Error(error)) : resolve({ json })))));
} else {
  const hcl2json = require(workerData.parser);
  parse = (path, text) => hcl2json.parse(path, text).then((value) => ({ value }));
}
parentPort.on("message", ({ path, text }) => {
  parse(path, text).then(
    (answer) => parentPort.postMessage(answer),
    (e) => parentPort.postMessage({ error: String(e !== null && e !== undefined && e.message !== undefined ? e.message : e) }),
  );
});
`;

/** The parser's WebAssembly module and Go runtime, where `@cdktf/hcl2json` 0.21 keeps them; undefined if not there. */
function compiledParser(parser: string): { module: WebAssembly.Module; goRuntime: string } | undefined {
  const wasm = join(dirname(parser), "..", "main.wasm.gz");
  const goRuntime = join(dirname(parser), "..", "wasm", "bridge_wasm_exec.js");
  if (!existsSync(wasm) || !existsSync(goRuntime)) return undefined;
  try {
    return { module: new WebAssembly.Module(gunzipSync(readFileSync(wasm))), goRuntime };
  } catch {
    return undefined;
  }
}

interface Answer {
  /** The parser's JSON text. */
  readonly json?: string;
  /** The parser's result, parsed. */
  readonly value?: unknown;
  readonly error?: string;
}

interface Request {
  readonly path: string;
  readonly text: string;
  readonly resolve: (json: unknown) => void;
  readonly reject: (e: Error) => void;
}

/** How many parser threads to start for a run (0 = parse on the main thread). */
export function parseThreads(env: { [key: string]: string | undefined } = process.env): number {
  const asked = env.CDKTF_EKS_IRSA_CHECK_THREADS;
  if (asked !== undefined && /^\d+$/.test(asked.trim())) {
    const n = Number(asked.trim());
    return n <= 1 ? 0 : Math.min(n, MAX_THREADS);
  }
  const cores = typeof availableParallelism === "function" ? availableParallelism() : cpus().length;
  return cores <= 1 ? 0 : Math.min(cores, MAX_THREADS);
}

/**
 * Worker threads that parse HCL, at most {@link IN_FLIGHT} texts given to each at a time (handing
 * a thread every text at once measured slower; one more than it parses keeps it busy while this
 * thread is busy checking); {@link close} ends them. A thread that fails fails every request.
 */
export class HclWorkerPool {
  private readonly workers: Worker[] = [];
  /** What each thread is parsing now, in the order it was given them (a thread answers in that order). */
  private readonly busy: Request[][] = [];
  private readonly queue: Request[] = [];
  private queueStart = 0;
  private failure: Error | undefined;

  constructor(threads: number) {
    const parser = require.resolve("@cdktf/hcl2json");
    const compiled = compiledParser(parser);
    for (let i = 0; i < threads; i++) {
      const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { parser, ...compiled } });
      const index = i;
      worker.on("message", (answer: Answer) => this.answer(index, answer));
      worker.on("error", (e) => this.failAll(e));
      this.workers.push(worker);
      this.busy.push([]);
    }
  }

  /** Parses on the next free thread; rejects with the parser's own message, as a parse on this thread does. */
  readonly parse: HclParse = (path, text) =>
    new Promise((resolve, reject) => {
      if (this.failure !== undefined) return reject(this.failure);
      this.queue.push({ path, text, resolve, reject });
      const least = this.busy.reduce((best, b, i) => (b.length < this.busy[best].length ? i : best), 0);
      if (this.busy[least].length < IN_FLIGHT) this.next(least);
    });

  /** Ends every thread (waiting for none of their work). */
  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  /** Gives thread `index` the next text waiting, if any. */
  private next(index: number): void {
    if (this.queueStart === this.queue.length) return;
    const request = this.queue[this.queueStart];
    this.queue[this.queueStart++] = undefined as unknown as Request;
    this.busy[index].push(request);
    this.workers[index].postMessage({ path: request.path, text: request.text });
  }

  private answer(index: number, { json, value, error }: Answer): void {
    const request = this.busy[index].shift();
    this.next(index);
    if (request === undefined) return;
    if (error !== undefined) request.reject(new Error(error));
    else request.resolve(json !== undefined ? JSON.parse(json) : value);
  }

  private failAll(e: Error): void {
    this.failure = e;
    for (const r of [...this.busy.flat(), ...this.queue.slice(this.queueStart)]) r.reject(e);
    for (const b of this.busy) b.length = 0;
    this.queueStart = this.queue.length;
  }
}
