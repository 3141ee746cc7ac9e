/** The rule set as cdk-nag keeps it: one rule per file, each with a unique id, a name, a severity and help; all of them registered. */
import { readdirSync, readFileSync } from "fs";
import { join, relative } from "path";
import { ALL_RULES, CONFIG_RULES, TRUST_RULES } from "../../lib/checks/rules";
import { helpUriOf, RuleDescription } from "../../lib/checks/trust-rule";

const RULES_DIR = join(__dirname, "..", "..", "lib", "checks", "rules");

function ruleFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? ruleFiles(join(dir, e.name)) : e.name.endsWith(".ts") && e.name !== "index.ts" ? [join(dir, e.name)] : [],
  );
}

const REGISTERED: readonly RuleDescription[] = [...TRUST_RULES, ...CONFIG_RULES];

/** A trust rule (`check(policy)`) or a configuration rule (`checkConfig(model)`). */
const isRule = (value: unknown): value is RuleDescription =>
  typeof value === "object" &&
  value !== null &&
  "id" in value &&
  (typeof (value as { check?: unknown }).check === "function" || typeof (value as { checkConfig?: unknown }).checkConfig === "function");

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
    expect(REGISTERED).toContain(rules[0]);
  }
  expect(REGISTERED).toHaveLength(files.length);
});

test("ids are unique and stable in form; every rule says what it finds and how to fix it", () => {
  expect(new Set(REGISTERED.map((r) => r.id)).size).toBe(REGISTERED.length);
  for (const rule of REGISTERED) {
    expect(rule.id).toMatch(/^IRSA\d{3}$/);
    expect(rule.name).toMatch(/^[a-z]+(-[a-z]+)*$/);
    expect(["error", "warning"]).toContain(rule.severity);
    expect(rule.summary.length).toBeGreaterThan(20);
    expect(rule.help.length).toBeGreaterThan(40);
  }
});

test("the catalogue of rules (ids, names, severities) changes only on purpose", () => {
  expect(TRUST_RULES.map((r) => `${r.id} ${r.name} ${r.severity}`)).toMatchSnapshot();
  expect(CONFIG_RULES.map((r) => `${r.id} ${r.name} ${r.severity}`)).toEqual([
    "IRSA030 oidc-provider-empty-client-id error",
    "IRSA031 oidc-provider-audience-not-listed error",
    "IRSA032 oidc-provider-thumbprint-source error",
    "IRSA033 oidc-provider-thumbprint-format error",
    "IRSA034 oidc-provider-url-not-https error",
    "IRSA035 oidc-provider-dual-stack-url error",
    "IRSA040 annotation-not-trusted error",
  ]);
});

test("every rule, old and new, has a help URI computed from its id, pointing at its row of the README's rule table", () => {
  const readme = readFileSync(join(__dirname, "..", "..", "README.md"), "utf8");
  expect(ALL_RULES.map((r) => r.id)).toEqual(REGISTERED.map((r) => r.id));
  for (const rule of ALL_RULES) {
    expect(rule.helpUri).toBe(helpUriOf(rule.id));
    expect(rule.helpUri).toMatch(/^https:\/\/www\.npmjs\.com\/package\/cdktf-eks-irsa#irsa\d{3}$/);
    const anchor = rule.helpUri.split("#")[1];
    expect(readme).toContain(`| <a id="${anchor}"></a>${rule.id} | ${rule.name} | ${rule.severity} |`);
  }
});
