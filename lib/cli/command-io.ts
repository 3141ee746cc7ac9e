/** What a command reads and writes, so that tests can run commands in-process. */
export interface CommandIo {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
  readonly env: { readonly [key: string]: string | undefined };
}

/** Bad command-line usage: exit 2 with the usage text. */
export class UsageError extends Error {}
