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
import { availableParallelism, cpus } from "os";
import { Worker } from "worker_threads";

/** More threads than this only add start-up time (each loads and compiles its own parser). */
const MAX_THREADS = 4;

/** A parser: the file name (for the parser's messages) and the text, to the parser's JSON. */
export type HclParse = (path: string, text: string) => Promise<unknown>;

/** The worker: requires the parser by the path the main thread resolved, answers `{ id, json }` or `{ id, error }`. */
const WORKER_SOURCE = `
const { parentPort, workerData } = require("worker_threads");
const { parse } = require(workerData.parser);
parentPort.on("message", ({ id, path, text }) => {
  parse(path, text).then(
    (json) => parentPort.postMessage({ id, json }),
    (e) => parentPort.postMessage({ id, error: String(e !== null && e !== undefined && e.message !== undefined ? e.message : e) }),
  );
});
`;

interface Answer {
  readonly id: number;
  readonly json?: unknown;
  readonly error?: string;
}

interface Pending {
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

/** Worker threads that parse HCL; {@link close} ends them. */
export class HclWorkerPool {
  private readonly workers: Worker[] = [];
  private readonly load: number[] = [];
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;

  constructor(threads: number) {
    const parser = require.resolve("@cdktf/hcl2json");
    for (let i = 0; i < threads; i++) {
      const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { parser } });
      const index = i;
      worker.on("message", (answer: Answer) => this.answer(index, answer));
      worker.on("error", (e) => this.failAll(e));
      this.workers.push(worker);
      this.load.push(0);
    }
  }

  /** Parses on the least busy thread; rejects with the parser's own message, as a parse on this thread does. */
  readonly parse: HclParse = (path, text) =>
    new Promise((resolve, reject) => {
      const id = this.nextId++;
      const index = this.load.indexOf(Math.min(...this.load));
      this.pending.set(id, { resolve, reject });
      this.load[index]++;
      this.workers[index].postMessage({ id, path, text });
    });

  /** Ends every thread (waiting for none of their work). */
  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private answer(index: number, { id, json, error }: Answer): void {
    const pending = this.pending.get(id);
    this.pending.delete(id);
    this.load[index]--;
    if (pending === undefined) return;
    if (error !== undefined) pending.reject(new Error(error));
    else pending.resolve(json);
  }

  private failAll(e: Error): void {
    for (const p of this.pending.values()) p.reject(e);
    this.pending.clear();
  }
}
