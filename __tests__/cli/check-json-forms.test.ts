/**
 * Every JSON form Terraform accepts gives the same findings as the object form: each block level
 * (`resource`, type, name; `data`; `module`; `locals`; `variable`) as an object or as an array of
 * objects, nested blocks (`statement`, `principals`, `condition`) as an object or an array. The
 * HCL fixtures, converted by HashiCorp's parser to JSON (the array form), give what the `.tf` gives.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { parse } from "@cdktf/hcl2json";
import { nestedBlocks } from "../../lib/config-model/nested-blocks";
import { normalizeConfig } from "../../lib/config-model/normalize-config";
import { findingsOf, Finding } from "../support/check-run";

const FIXTURES = join(__dirname, "..", "fixtures");
const work = mkdtempSync(join(tmpdir(), "irsa-check-forms-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

type Json = { [key: string]: any };
const NESTED = new Set(["statement", "principals", "not_principals", "condition", "metadata"]);

/** Every block level as an array of objects, one block per element; nested blocks as arrays. */
function arrayForm(config: Json): Json {
  const nested = (block: Json): Json =>
    Object.fromEntries(
      Object.entries(block).map(([k, v]) => {
        if (!NESTED.has(k) || typeof v === "string") return [k, v];
        return [k, (Array.isArray(v) ? v : [v]).map(nested)];
      }),
    );
  const out: Json = {};
  for (const [kind, value] of Object.entries(config)) {
    if (kind === "resource" || kind === "data") {
      out[kind] = Object.entries<Json>(value).flatMap(([type, names]) =>
        Object.entries<Json>(names).map(([name, block]) => ({ [type]: { [name]: [nested(block)] } })),
      );
    } else if (kind === "module" || kind === "variable" || kind === "output") {
      out[kind] = Object.entries<Json>(value).map(([name, block]) => ({ [name]: [block] }));
    } else if (kind === "locals") out[kind] = [value];
    else out[kind] = value;
  }
  return out;
}

/** A single nested block written as an object (`"statement": {...}`), the other form Terraform accepts. */
function singleBlocksAsObjects(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(singleBlocksAsObjects);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value as Json).map(([k, v]) => {
      const single = NESTED.has(k) && Array.isArray(v) && v.length === 1 && typeof v[0] === "object";
      return [k, singleBlocksAsObjects(single ? v[0] : v)];
    }),
  );
}

const verdicts = (findings: Finding[]) => findings.map((f) => `${f.address} ${f.ruleId} ${f.severity} ${f.message}`).sort();

describe.each(["unsafe.tf.json", "safe.tf.json"])("config/%s", (name) => {
  const original = JSON.parse(readFileSync(join(FIXTURES, "config", name), "utf8"));

  test.each([
    ["every level an array of objects", () => arrayForm(original)],
    ["single nested blocks as objects", () => singleBlocksAsObjects(original)],
    ["arrays at every level, then single nested blocks as objects", () => singleBlocksAsObjects(arrayForm(original))],
  ])("%s: the same findings as the object form", async (form, convert) => {
    const file = join(work, `${form.replace(/\W+/g, "-")}-${name}`);
    writeFileSync(file, JSON.stringify(convert(), null, 2));
    const [expected, actual] = [await findingsOf(join(FIXTURES, "config", name)), await findingsOf(file)];
    expect(verdicts(actual.findings)).toEqual(verdicts(expected.findings));
    expect(actual.code).toBe(expected.code);
    // And each finding is still located in the converted file.
    expect(actual.findings.every((f) => typeof f.line === "number")).toBe(true);
  });
});

/** The fixture folder with every .tf replaced by HashiCorp's parser's JSON of it (array form), as `.tf.json`. */
async function asTfJson(dir: string, into: string, convert: (json: Json) => unknown): Promise<void> {
  mkdirSync(into, { recursive: true });
  for (const name of readdirSync(dir)) {
    const from = join(dir, name);
    if (statSync(from).isDirectory()) await asTfJson(from, join(into, name), convert);
    else if (name.endsWith(".tf"))
      writeFileSync(join(into, `${name}.json`), JSON.stringify(convert(await parse(name, readFileSync(from, "utf8"))), null, 2));
    else cpSync(from, join(into, name));
  }
}

describe.each(["seeds", "jsonencode", "heredoc", "variables", "for-each", "modules", "templatefile", "clean", "unresolved"])(
  "hcl/%s as .tf.json",
  (name) => {
    test.each([
      ["as hcl2json writes it (arrays)", (json: Json) => json],
      ["with single nested blocks as objects", (json: Json) => singleBlocksAsObjects(json)],
    ])("%s: the same findings as the .tf", async (form, convert) => {
      const into = join(work, `${name}-${form.replace(/\W+/g, "-")}`);
      await asTfJson(join(FIXTURES, "hcl", name), into, convert);
      const [expected, actual] = [await findingsOf(join(FIXTURES, "hcl", name)), await findingsOf(into)];
      expect(verdicts(actual.findings)).toEqual(verdicts(expected.findings));
      expect(actual.code).toBe(expected.code);
    });
  },
);

describe("the model helpers", () => {
  test("normalizeConfig merges every form into one object form", () => {
    const block = { assume_role_policy: "{}" };
    expect(
      normalizeConfig({
        resource: [{ aws_iam_role: { a: [block] } }, { aws_iam_role: [{ b: block }] }],
        data: { aws_iam_policy_document: { d: [{ statement: [] }] } },
        locals: [{ x: 1 }, { y: 2 }],
        variable: [{ v: [{ default: "d" }] }],
        module: { m: [{ source: "./m" }] },
      }),
    ).toEqual({
      resource: { aws_iam_role: { a: block, b: block } },
      data: { aws_iam_policy_document: { d: { statement: [] } } },
      locals: { x: 1, y: 2 },
      variable: { v: { default: "d" } },
      module: { m: { source: "./m" } },
    });
  });

  test("normalizeConfig names a level that is neither an object nor an array of objects", () => {
    expect(() => normalizeConfig({ resource: { aws_iam_role: { r: "nope" } } })).toThrow(
      "resource.aws_iam_role.r must be an object or an array of objects",
    );
  });

  test("nestedBlocks: unset, one object, an array; undefined for an expression", () => {
    expect(nestedBlocks(undefined)).toEqual([]);
    expect(nestedBlocks({ a: 1 })).toEqual([{ a: 1 }]);
    expect(nestedBlocks([{ a: 1 }, { b: 2 }])).toEqual([{ a: 1 }, { b: 2 }]);
    expect(nestedBlocks("${var.statements}")).toBeUndefined();
  });
});
