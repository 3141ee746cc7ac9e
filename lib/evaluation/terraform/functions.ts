/**
 * Terraform's built-in functions that configuration commonly uses on strings, lists and maps,
 * each written from its documented behaviour (developer.hashicorp.com/terraform/language/functions).
 * A function that is not here fails with an error that names it.
 */
import { capturesOf, re2, replaceAll } from "./regex";
import { TfValue } from "./syntax";
import { asBool, asList, asMap, asNumber, asString, canonicalJson } from "./values";

type TfFunction = (args: TfValue[]) => TfValue;

const str = (args: TfValue[], i: number, fn: string) => asString(args[i], `${fn} argument ${i + 1}`);
const list = (args: TfValue[], i: number, fn: string) => asList(args[i], `${fn} argument ${i + 1}`);
const same = (a: TfValue, b: TfValue) => canonicalJson(a) === canonicalJson(b);
const distinct = (items: TfValue[]) => items.filter((v, i) => items.findIndex((w) => same(v, w)) === i);

/** regex/regexall: a string without groups, a list for unnamed groups, an object for named ones. */
function matchResult(match: RegExpExecArray): TfValue {
  const { numbered, named } = capturesOf(match);
  if (Object.keys(named).length > 0) return Object.fromEntries(Object.entries(named).map(([k, v]) => [k, v ?? null]));
  return numbered.length === 1 ? match[0] : numbered.slice(1).map((v) => v ?? null);
}

/** Go-style verbs of `format`: %s %v %d %q %t %%. */
function format(spec: string, values: TfValue[]): string {
  let next = 0;
  return spec.replace(/%([%svdqt])/g, (_m, verb: string) => {
    if (verb === "%") return "%";
    if (next >= values.length) throw new Error(`format: not enough arguments for ${JSON.stringify(spec)}`);
    const value = values[next++];
    if (verb === "d") return String(Math.trunc(asNumber(value, "format %d")));
    if (verb === "q") return JSON.stringify(asString(value, "format %q"));
    if (verb === "t") return String(asBool(value, "format %t"));
    return typeof value === "object" && value !== null ? canonicalJson(value) : asString(value, `format %${verb}`);
  });
}

function substr(text: string, offset: number, length: number): string {
  const chars = [...text];
  const start = offset < 0 ? Math.max(chars.length + offset, 0) : Math.min(offset, chars.length);
  return chars.slice(start, length < 0 ? undefined : start + length).join("");
}

const FUNCTIONS: { readonly [name: string]: TfFunction } = {
  replace: (a) => {
    const [text, sub, replacement] = [str(a, 0, "replace"), str(a, 1, "replace"), str(a, 2, "replace")];
    if (sub.length > 1 && sub.startsWith("/") && sub.endsWith("/")) return replaceAll(text, sub.slice(1, -1), replacement);
    return text.split(sub).join(replacement);
  },
  regex: (a) => {
    const match = re2(str(a, 0, "regex"), false).exec(str(a, 1, "regex"));
    if (match === null) throw new Error(`regex: ${JSON.stringify(a[0])} does not match ${JSON.stringify(a[1])}`);
    return matchResult(match);
  },
  regexall: (a) => [...str(a, 1, "regexall").matchAll(re2(str(a, 0, "regexall"), true))].map((m) => matchResult(m as RegExpExecArray)),
  split: (a) => str(a, 1, "split").split(str(a, 0, "split")),
  join: (a) =>
    list(a, 1, "join")
      .map((v, i) => asString(v, `join element ${i}`))
      .join(str(a, 0, "join")),
  element: (a) => {
    const items = list(a, 0, "element");
    const index = Math.trunc(asNumber(a[1], "element index"));
    if (items.length === 0) throw new Error("element: the list is empty");
    if (index < 0) throw new Error("element: the index must not be negative");
    return items[index % items.length];
  },
  length: (a) => (typeof a[0] === "string" ? [...a[0]].length : Object.keys(Array.isArray(a[0]) ? a[0] : asMap(a[0], "length")).length),
  lower: (a) => str(a, 0, "lower").toLowerCase(),
  upper: (a) => str(a, 0, "upper").toUpperCase(),
  trimprefix: (a) => {
    const [text, prefix] = [str(a, 0, "trimprefix"), str(a, 1, "trimprefix")];
    return text.startsWith(prefix) ? text.slice(prefix.length) : text;
  },
  trimsuffix: (a) => {
    const [text, suffix] = [str(a, 0, "trimsuffix"), str(a, 1, "trimsuffix")];
    return suffix !== "" && text.endsWith(suffix) ? text.slice(0, -suffix.length) : text;
  },
  trimspace: (a) => str(a, 0, "trimspace").trim(),
  trim: (a) => {
    const cut = new Set(str(a, 1, "trim"));
    const chars = [...str(a, 0, "trim")];
    while (chars.length > 0 && cut.has(chars[0])) chars.shift();
    while (chars.length > 0 && cut.has(chars[chars.length - 1])) chars.pop();
    return chars.join("");
  },
  substr: (a) => substr(str(a, 0, "substr"), asNumber(a[1], "substr offset"), asNumber(a[2], "substr length")),
  format: (a) => format(str(a, 0, "format"), a.slice(1)),
  startswith: (a) => str(a, 0, "startswith").startsWith(str(a, 1, "startswith")),
  endswith: (a) => str(a, 0, "endswith").endsWith(str(a, 1, "endswith")),
  strcontains: (a) => str(a, 0, "strcontains").includes(str(a, 1, "strcontains")),
  concat: (a) => a.flatMap((_v, i) => list(a, i, "concat")),
  coalesce: (a) => {
    const found = a.find((v) => v !== null && v !== "");
    if (found === undefined) throw new Error("coalesce: every argument is null or empty");
    return found;
  },
  compact: (a) => list(a, 0, "compact").filter((v) => v !== null && v !== ""),
  contains: (a) => list(a, 0, "contains").some((v) => same(v, a[1])),
  distinct: (a) => distinct(list(a, 0, "distinct")),
  flatten: (a) => {
    const flat = (items: TfValue[]): TfValue[] => items.flatMap((v) => (Array.isArray(v) ? flat(v) : [v]));
    return flat(list(a, 0, "flatten"));
  },
  one: (a) => {
    const items = list(a, 0, "one");
    if (items.length > 1) throw new Error("one: the list has more than one element");
    return items.length === 0 ? null : items[0];
  },
  lookup: (a) => {
    const map = asMap(a[0], "lookup argument 1");
    const key = str(a, 1, "lookup");
    if (key in map) return map[key];
    if (a.length < 3) throw new Error(`lookup: no key ${JSON.stringify(key)} and no default`);
    return a[2];
  },
  keys: (a) => Object.keys(asMap(a[0], "keys")).sort(),
  values: (a) => {
    const map = asMap(a[0], "values");
    return Object.keys(map)
      .sort()
      .map((k) => map[k]);
  },
  merge: (a) => Object.assign({}, ...a.filter((v) => v !== null).map((v, i) => asMap(v, `merge argument ${i + 1}`))),
  tostring: (a) => (a[0] === null ? null : str(a, 0, "tostring")),
  tonumber: (a) => (a[0] === null ? null : asNumber(a[0], "tonumber")),
  tobool: (a) => (a[0] === null ? null : asBool(a[0], "tobool")),
  tolist: (a) => list(a, 0, "tolist"),
  toset: (a) => distinct(list(a, 0, "toset")),
  tomap: (a) => asMap(a[0], "tomap"),
  jsonencode: (a) => canonicalJson(a[0]),
  jsondecode: (a) => JSON.parse(str(a, 0, "jsondecode")) as TfValue,
  base64encode: (a) => Buffer.from(str(a, 0, "base64encode"), "utf8").toString("base64"),
  base64decode: (a) => Buffer.from(str(a, 0, "base64decode"), "base64").toString("utf8"),
};

/** Calls a built-in function; an unknown one fails with its name. */
export function callFunction(name: string, args: TfValue[]): TfValue {
  const fn = FUNCTIONS[name];
  if (fn === undefined) throw new Error(`the Terraform function ${name}() is not interpreted here`);
  return fn(args);
}
