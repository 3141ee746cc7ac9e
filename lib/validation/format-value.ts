/** How an offending value is shown in an error message: quoted, shortened when long, never throwing. */

const MAX_SHOWN = 80;

export function formatValue(value: unknown): string {
  const text = describe(value);
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN - 5)}...${text.slice(-4)}` : text;
}

function describe(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (value === undefined || typeof value === "function" || typeof value === "symbol" || typeof value === "bigint") {
    return typeof value === "function" ? "a function" : String(value);
  }
  try {
    const json = JSON.stringify(value);
    if (json !== undefined) return json;
  } catch {
    // circular (e.g. a construct) or a throwing toJSON: fall through
  }
  const name = (value as { constructor?: { name?: unknown } }).constructor?.name;
  return typeof name === "string" && name !== "" ? `a ${name}` : Object.prototype.toString.call(value);
}
