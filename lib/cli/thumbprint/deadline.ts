/** The time bound of one `thumbprint` run. */

/** The longest any inspection may take, whatever the caller asks. */
export const MAX_TIMEOUT_MS = 10_000;

export class Deadline {
  private readonly end: number;
  constructor(public readonly ms: number) {
    this.end = Date.now() + ms;
  }
  remaining(): number {
    return Math.max(1, this.end - Date.now());
  }
}
