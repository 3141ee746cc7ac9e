/**
 * Where a Terraform address is written in the file it was read from, as a 1-based line and column:
 * in a plan, the first `"address": "<address>"`; in a configuration, the block's key under its type
 * (`"aws_iam_role": { ... "<name>": {`, objects or arrays of objects); in HCL, the block header
 * (`resource "aws_iam_role" "<name>" {`). Line starts are indexed once per file, so large files
 * cost one pass however many findings they have.
 */

/** A span on one line: 1-based line, columns 1-based with the end exclusive (as SARIF counts). */
export interface Region {
  readonly startLine: number;
  readonly startColumn: number;
  readonly endLine: number;
  readonly endColumn: number;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const jsonKey = (text: string) => escapeRegExp(JSON.stringify(text));

export class Locator {
  private lineStarts: number[] | undefined;
  private planAddresses: Map<string, [number, number]> | undefined;
  private hclHeaders: Map<string, [number, number]> | undefined;
  private readonly jsonNames = new Map<string, Map<string, [number, number]>>();

  constructor(private readonly text: string) {}

  /** Where a plan's resource instance is first listed (`"address": "<address>"`). */
  planAddress(address: string): Region | undefined {
    return this.region(this.planOffset(address));
  }

  /** Where a configuration block is written (its name's key under its type). */
  configBlock(mode: "managed" | "data", type: string, name: string): Region | undefined {
    return this.region(this.configOffset(mode, type, name));
  }

  /** Where a piece of text first occurs (e.g. a role ARN in an export). */
  firstOccurrence(needle: string): Region | undefined {
    const at = this.text.indexOf(needle);
    return at < 0 ? undefined : this.region([at, needle.length]);
  }

  /**
   * Where an HCL block's header is written: `resource "aws_iam_role" "app" {`, `module "irsa" {`
   * (labels quoted or not). Every header of the file is indexed in one pass, on first use.
   */
  hclBlock(kind: string, labels: readonly string[]): Region | undefined {
    if (this.hclHeaders === undefined) {
      this.hclHeaders = new Map();
      const header = /^[ \t]*([A-Za-z_][\w-]*)((?:[ \t]+(?:"(?:[^"\\\n]|\\.)*"|[A-Za-z_][\w-]*))*)[ \t]*\{/gm;
      for (const m of this.text.matchAll(header)) {
        const found = [...m[2].matchAll(/"((?:[^"\\\n]|\\.)*)"|([A-Za-z_][\w-]*)/g)].map((l) => l[2] ?? JSON.parse(`"${l[1]}"`));
        const key = JSON.stringify([m[1], ...found]);
        const start = (m.index ?? 0) + m[0].length - m[0].trimStart().length;
        if (!this.hclHeaders.has(key)) this.hclHeaders.set(key, [start, m[0].trim().length - 1]);
      }
    }
    return this.region(this.hclHeaders.get(JSON.stringify([kind, ...labels])));
  }

  private region(found: [number, number] | undefined): Region | undefined {
    if (found === undefined) return undefined;
    const [offset, length] = found;
    const starts = this.starts();
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    const startColumn = offset - starts[low] + 1;
    return { startLine: low + 1, startColumn, endLine: low + 1, endColumn: startColumn + length };
  }

  private starts(): number[] {
    if (this.lineStarts === undefined) {
      this.lineStarts = [0];
      for (let i = this.text.indexOf("\n"); i >= 0; i = this.text.indexOf("\n", i + 1)) this.lineStarts.push(i + 1);
    }
    return this.lineStarts;
  }

  private planOffset(address: string): [number, number] | undefined {
    if (this.planAddresses === undefined) {
      this.planAddresses = new Map();
      for (const m of this.text.matchAll(/"address"\s*:\s*("(?:[^"\\]|\\.)*")/g)) {
        const value = JSON.parse(m[1]) as string;
        if (!this.planAddresses.has(value)) this.planAddresses.set(value, [m.index ?? 0, m[0].length]);
      }
    }
    return this.planAddresses.get(address);
  }

  private configOffset(mode: "managed" | "data", type: string, name: string): [number, number] | undefined {
    return this.jsonBlockOffset(mode === "data" ? "data" : "resource", [type, name]);
  }

  /** A JSON block's last label (`"module": { "irsa": {`), each level an object or an array of objects. */
  jsonBlock(kind: string, labels: readonly string[]): Region | undefined {
    return this.region(this.jsonBlockOffset(kind, labels));
  }

  private jsonBlockOffset(kind: string, labels: readonly string[]): [number, number] | undefined {
    // Each level is an object or an array of objects (`"resource": [{ "aws_iam_role": { "r": [{`).
    // The keys after the last parent label are indexed once, so that many findings in one file cost one pass.
    const open = "\\s*:\\s*[[{]";
    const parents = [kind, ...labels.slice(0, -1)];
    const cacheKey = JSON.stringify(parents);
    let names = this.jsonNames.get(cacheKey);
    if (names === undefined) {
      names = new Map();
      let at = this.search(new RegExp(`${jsonKey(kind)}${open}`, "g"), 0);
      for (const label of labels.slice(0, -1)) if (at !== undefined) at = this.search(new RegExp(`${jsonKey(label)}${open}`, "g"), at.end);
      if (at !== undefined) {
        const key = new RegExp(`("(?:[^"\\\\]|\\\\.)*")${open}`, "g");
        key.lastIndex = at.end;
        for (let m = key.exec(this.text); m !== null; m = key.exec(this.text)) {
          const name = JSON.parse(m[1]) as string;
          if (!names.has(name)) names.set(name, [m.index, m[1].length]);
        }
      }
      this.jsonNames.set(cacheKey, names);
    }
    return names.get(labels[labels.length - 1]);
  }

  private search(re: RegExp, from: number): { start: number; end: number } | undefined {
    re.lastIndex = from;
    const m = re.exec(this.text);
    return m === null ? undefined : { start: m.index, end: m.index + m[0].length };
  }
}
