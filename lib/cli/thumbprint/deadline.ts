/**
 * The one time bound of a `thumbprint` run: `--timeout` covers name lookup, the TLS handshake, the
 * discovery document and the JWKS together, however slowly (byte by byte) a server answers.
 */
import { ThumbprintError } from "./errors";

/** The longest any inspection may take, whatever the caller asks. */
export const MAX_TIMEOUT_MS = 10_000;

/** What the run waits for at the moment, to name it when time runs out. */
interface Step {
  readonly target: string;
  readonly action: string;
  heard: boolean;
}

export class Deadline {
  private readonly controller = new AbortController();
  private step: Step = { target: "the issuer", action: "the inspection", heard: false };

  constructor(public readonly ms: number) {}

  /** Aborted when time is up and when the run ends, so that every socket that listens closes. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** A new step: `action` on `target` (a host:port or a URL). */
  begin(target: string, action: string): void {
    this.step = { target, action, heard: false };
  }

  /** The step's peer has sent something: a timeout is then a slow answer, not a missing one. */
  heard(): void {
    this.step.heard = true;
  }

  /** Runs `work`, or fails with one line when the deadline passes first. */
  run<T>(work: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        const { target, action, heard } = this.step;
        const error = new ThumbprintError(
          heard ? `${target} was too slow: ${action} did not finish within ${this.ms} ms` : `no answer from ${target} within ${this.ms} ms`,
        );
        reject(error);
        this.controller.abort(error);
      }, this.ms);
      Promise.resolve()
        .then(work)
        .then(resolve, reject)
        .finally(() => {
          clearTimeout(timer);
          this.controller.abort();
        });
    });
  }
}
