/**
 * `check --format sarif`: valid against the official SARIF 2.1.0 schema (OASIS, draft-04; see
 * __tests__/fixtures/README.md), rules as the rule files define them, each result located by file,
 * line and Terraform address, fingerprints that survive lines moving.
 */
import Ajv from "ajv-draft-04";
import addFormats from "ajv-formats";
import { mkdtempSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join, relative } from "path";
import { ALL_RULES } from "../../lib/checks/rules";
import { main } from "../../lib/cli/main";

const FIXTURES = join(__dirname, "..", "fixtures");
const UNSAFE_CONFIG = join(FIXTURES, "config", "unsafe.tf.json");
const UNSAFE_PLAN = join(FIXTURES, "plan", "unsafe.plan.json");

const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(readFileSync(join(FIXTURES, "sarif-schema-2.1.0.json"), "utf8")));

async function sarif(...paths: string[]): Promise<{ code: number; log: any }> {
  let stdout = "";
  const code = await main(
    ["check", "--format", "sarif", ...paths],
    (line) => (stdout += `${line}\n`),
    () => undefined,
    {},
  );
  return { code, log: JSON.parse(stdout) };
}

test("the log is valid SARIF 2.1.0, and the validator does reject a broken one", async () => {
  const { code, log } = await sarif(UNSAFE_CONFIG, UNSAFE_PLAN);
  expect(code).toBe(1);
  expect({ valid: validate(log), errors: validate.errors }).toEqual({ valid: true, errors: null });
  expect(log).toMatchObject({ $schema: "https://json.schemastore.org/sarif-2.1.0.json", version: "2.1.0" });

  const broken = JSON.parse(JSON.stringify(log));
  broken.runs[0].results[0].level = "fatal";
  broken.runs[0].results[1].locations[0].physicalLocation.region.startLine = 0;
  expect(validate(broken)).toBe(false);
  expect(validate.errors!.map((e) => e.instancePath).sort()).toEqual([
    "/runs/0/results/0/level",
    "/runs/0/results/1/locations/0/physicalLocation/region/startLine",
  ]);
});

test("the rules are the rule files': id, name, descriptions, help and level", async () => {
  const { log } = await sarif(UNSAFE_CONFIG);
  const driver = log.runs[0].tool.driver;
  expect(driver.name).toBe("cdktf-eks-irsa");
  expect(driver.semanticVersion).toBe(JSON.parse(readFileSync(join(__dirname, "..", "..", "package.json"), "utf8")).version);
  expect(driver.rules).toHaveLength(ALL_RULES.length);
  ALL_RULES.forEach((rule, i) =>
    expect(driver.rules[i]).toMatchObject({
      id: rule.id,
      name: rule.name,
      shortDescription: { text: rule.summary },
      fullDescription: { text: `${rule.summary} ${rule.help}` },
      help: { text: rule.help },
      defaultConfiguration: { level: rule.severity },
    }),
  );
  for (const rule of driver.rules) expect(rule.fullDescription.text.length).toBeLessThanOrEqual(1024);
  expect(driver.rules.map((r: { helpUri: string }) => r.helpUri)).toEqual(ALL_RULES.map((r) => r.helpUri));
});

test("each result: its rule, the address as logical location, the file and the line where the address is written", async () => {
  const { log } = await sarif(UNSAFE_CONFIG, UNSAFE_PLAN);
  const { results, tool } = log.runs[0];
  expect(results.length).toBeGreaterThan(20);
  const files = { [relative(process.cwd(), UNSAFE_CONFIG)]: UNSAFE_CONFIG, [relative(process.cwd(), UNSAFE_PLAN)]: UNSAFE_PLAN };
  for (const result of results) {
    expect(tool.driver.rules[result.ruleIndex].id).toBe(result.ruleId);
    const [location] = result.locations;
    const address: string = location.logicalLocations[0].fullyQualifiedName;
    expect(location.logicalLocations[0].kind).toBe("resource");
    expect(result.message.text.startsWith(`${address}: `)).toBe(true);
    const uri: string = location.physicalLocation.artifactLocation.uri;
    expect(Object.keys(files)).toContain(uri);
    const line = readFileSync(files[uri], "utf8").split("\n")[location.physicalLocation.region.startLine - 1];
    const { startColumn, endColumn } = location.physicalLocation.region;
    const written = line.slice(startColumn - 1, endColumn - 1);
    if (uri.endsWith(".plan.json")) expect(written).toBe(`"address": ${JSON.stringify(address)}`);
    else expect(written).toBe(JSON.stringify(address.split(".").pop()));
  }
});

test("fingerprints: one per result, the same in every run, unchanged when lines move", async () => {
  const dir = mkdtempSync(join(tmpdir(), "irsa-sarif-"));
  const file = join(dir, "stack.tf.json");
  const text = readFileSync(UNSAFE_CONFIG, "utf8");
  const fingerprints = async () => {
    const { log } = await sarif(file);
    return log.runs[0].results.map((r: any) => ({ line: r.locations[0].physicalLocation.region.startLine, fp: r.partialFingerprints }));
  };
  writeFileSync(file, text);
  const before = await fingerprints();
  writeFileSync(file, text.replace("{\n", '{\n  "variable": { "moved": {}, "lines": {} },\n'));
  const after = await fingerprints();
  expect(new Set(before.map((b: any) => JSON.stringify(b.fp))).size).toBe(before.length);
  expect(after.map((a: any) => a.fp)).toEqual(before.map((b: any) => b.fp));
  expect(after.map((a: any) => a.line)).toEqual(before.map((b: any) => b.line + 1));
});

test("cdktf output: results carry the construct path, the tool version and, from the creation stack, the TypeScript line", async () => {
  const unsafe = JSON.parse(readFileSync(UNSAFE_CONFIG, "utf8"));
  const role = unsafe.resource.aws_iam_role.aud_only;
  const createdIn = join(process.cwd(), "app", "payments-stack.ts");
  const config = {
    resource: {
      aws_iam_role: {
        payments_role_1A2B3C: {
          ...role,
          "//": {
            metadata: {
              path: "payments/role/Resource",
              uniqueId: "payments_role_1A2B3C",
              stackTrace: [
                "new IamRole (/repo/node_modules/@cdktf/provider-aws/lib/iam-role/index.js:120:9)",
                `new PaymentsStack (${createdIn}:42:17)`,
                "Object.<anonymous> (/repo/main.ts:8:1)",
              ],
            },
          },
        },
        no_metadata: role,
      },
    },
  };
  const file = join(mkdtempSync(join(tmpdir(), "irsa-sarif-cdktf-")), "cdk.tf.json");
  writeFileSync(file, JSON.stringify(config, null, 2));
  const { log } = await sarif(file);
  expect({ valid: validate(log), errors: validate.errors }).toEqual({ valid: true, errors: null });
  const version = JSON.parse(readFileSync(join(__dirname, "..", "..", "package.json"), "utf8")).version;
  expect(log.runs[0].tool.driver).toMatchObject({ version, semanticVersion: version });
  const [withMetadata, without] = log.runs[0].results;
  expect(withMetadata.locations[0].logicalLocations).toEqual([
    { fullyQualifiedName: "aws_iam_role.payments_role_1A2B3C", kind: "resource" },
    { fullyQualifiedName: "payments/role/Resource", kind: "object" },
  ]);
  expect(withMetadata.properties).toEqual({ toolVersion: version, constructPath: "payments/role/Resource" });
  expect(withMetadata.relatedLocations).toEqual([
    {
      id: 1,
      message: { text: "payments/role/Resource is created here" },
      physicalLocation: { artifactLocation: { uri: "app/payments-stack.ts" }, region: { startLine: 42, startColumn: 17 } },
    },
  ]);
  expect(without.properties).toEqual({ toolVersion: version });
  expect(without.relatedLocations).toBeUndefined();
});
