/** The rule set as cdk-nag keeps it: one rule per file, each with a unique id, a name, a severity and help; all of them registered. */
import { readdirSync } from "fs";
import { join, relative } from "path";
import { TRUST_RULES } from "../../lib/checks/rules";
import { TrustRule } from "../../lib/checks/trust-rule";

const RULES_DIR = join(__dirname, "..", "..", "lib", "checks", "rules");

function ruleFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? ruleFiles(join(dir, e.name)) : e.name.endsWith(".ts") && e.name !== "index.ts" ? [join(dir, e.name)] : [],
  );
}

const isRule = (value: unknown): value is TrustRule =>
  typeof value === "object" && value !== null && "id" in value && "check" in value && typeof (value as TrustRule).check === "function";

test("every rule file exports exactly one rule, named after the file, and the rule is registered", () => {
  const files = ruleFiles(RULES_DIR);
  expect(files.length).toBeGreaterThanOrEqual(19);
  for (const file of files) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- every rule file, found by listing the folder
    const rules = Object.values(require(file)).filter(isRule);
    const where = relative(RULES_DIR, file);
    expect({ where, count: rules.length }).toEqual({ where, count: 1 });
    const [folder, base] = [where.split("/")[0], where.split("/").pop()!.replace(/\.ts$/, "")];
    expect([base, `${folder}-${base}`]).toContain(rules[0].name);
    expect(TRUST_RULES).toContain(rules[0]);
  }
  expect(TRUST_RULES).toHaveLength(files.length);
});

test("ids are unique and stable in form; every rule says what it finds and how to fix it", () => {
  expect(new Set(TRUST_RULES.map((r) => r.id)).size).toBe(TRUST_RULES.length);
  for (const rule of TRUST_RULES) {
    expect(rule.id).toMatch(/^IRSA\d{3}$/);
    expect(rule.name).toMatch(/^[a-z]+(-[a-z]+)*$/);
    expect(["error", "warning"]).toContain(rule.severity);
    expect(rule.summary.length).toBeGreaterThan(20);
    expect(rule.help.length).toBeGreaterThan(40);
  }
});

test("the catalogue of rules (ids, names, severities) changes only on purpose", () => {
  expect(TRUST_RULES.map((r) => `${r.id} ${r.name} ${r.severity}`)).toMatchSnapshot();
});
