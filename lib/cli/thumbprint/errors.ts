/** The one error type of the `thumbprint` command: a failure reported in one line, exit 1. */

/** A failure to report in one line (bad URL, DNS, refused, timeout, not TLS, discovery mismatch). */
export class ThumbprintError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ThumbprintError";
  }
}

/** `text` on one line, for messages that quote other software (OpenSSL, Node, a server). */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
