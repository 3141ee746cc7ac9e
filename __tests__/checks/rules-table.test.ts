/** The README's rule table is what `npm run docs:rules` generates from lib/checks/rules. */
import { readFileSync } from "fs";
import { CONFIG_RULES, TRUST_RULES } from "../../lib/checks/rules";
import { DOCUMENTED_RULES, README_FILE, renderRulesTable, summaryCell, withRulesTable } from "../../scripts/rules-table";

const readme = readFileSync(README_FILE, "utf8");

test("the README's rule table is fresh (run `npm run docs:rules`)", () => {
  expect(withRulesTable(readme)).toBe(readme);
});

test("every registered rule, trust and configuration, is documented", () => {
  const documented = new Set(DOCUMENTED_RULES.map((rule) => rule.id));
  expect([...TRUST_RULES, ...CONFIG_RULES].filter((rule) => !documented.has(rule.id)).map((rule) => rule.id)).toEqual([]);
});

test("one row per registered rule, with its id, anchor, name and severity", () => {
  const rows = renderRulesTable()
    .split("\n")
    .filter((line) => line.startsWith("| <a id="));
  expect(rows).toHaveLength(DOCUMENTED_RULES.length);
  DOCUMENTED_RULES.forEach((rule, i) =>
    expect(rows[i]).toMatch(
      new RegExp(`^\\| <a id="${rule.id.toLowerCase()}"></a>${rule.id} \\| ${rule.name} \\| ${rule.severity} \\| \\S`),
    ),
  );
});

test("a stale table is noticed: a rule added to the registry changes the README", () => {
  const added = { ...DOCUMENTED_RULES[0], id: "IRSA999", name: "made-up", summary: "A rule that only this test knows." };
  expect(withRulesTable(readme, renderRulesTable([...DOCUMENTED_RULES, added]))).not.toBe(readme);
  expect(() => withRulesTable("# no markers")).toThrow(/the rule table's markers .* are missing/);
});

test("summaries become Markdown cells: IAM names as code, '<' and '|' kept as text, quoted code kept", () => {
  expect(summaryCell("No <host>:sub condition.")).toBe("No `<host>:sub` condition");
  expect(summaryCell("allows sts:AssumeRole to pods.eks.amazonaws.com.")).toBe("allows `sts:AssumeRole` to `pods.eks.amazonaws.com`");
  expect(summaryCell("a <b> | c")).toBe("a &lt;b&gt; \\| c");
  expect(summaryCell("pins `repo:<org>/` literally")).toBe("pins `repo:<org>/` literally");
});
