/** Garbage values, and how a construction given one ended: shared by the catch-all input tests. */

/** Values no caller should pass, each a way validation code tends to crash on. */
export const GARBAGE: readonly [string, unknown][] = [
  ["null", null],
  ["0", 0],
  ["NaN", NaN],
  ["-Infinity", -Infinity],
  ["true", true],
  ["an empty string", ""],
  ["a huge string", "x".repeat(100_000)],
  ["an empty list", []],
  ["a list of null", [null]],
  ["an empty object", {}],
  ["a __proto__ object", JSON.parse('{"__proto__": {"polluted": "yes"}, "constructor": 1}')],
  ["an object without prototype", Object.create(null)],
  ["a function", () => "x"],
  ["a Date", new Date(0)],
  ["a symbol", Symbol("x")],
  ["a bigint", BigInt(1)],
  ["a list of a symbol", [Symbol("y")]],
  ["an object with a symbol", { a: Symbol("z") }],
];

/** How one construction ended: "ok", "clear" (an Error naming the prop) or what went wrong. */
export function outcome(prop: string, build: () => unknown): string {
  try {
    build();
    return "ok";
  } catch (e) {
    if (!(e instanceof Error)) return `threw a non-Error: ${String(e)}`;
    if ([TypeError, RangeError, ReferenceError, SyntaxError].some((builtIn) => e.constructor === builtIn)) {
      return `crashed: ${e.name}: ${e.message.slice(0, 200)}`;
    }
    return e.message.includes(prop) ? "clear" : `an Error that does not name ${prop}: ${e.message.slice(0, 200)}`;
  }
}
