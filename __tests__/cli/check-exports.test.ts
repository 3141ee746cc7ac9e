/**
 * `check` on exports of a live account and cluster, written to the AWS CLI's and kubectl's
 * documented output: every role's trust judged by the same rules (findings named by the role ARN,
 * at the line of the ARN), the URL-encoded form the IAM API returns as well; annotated service
 * accounts become `kubernetes_annotations` in the same synthetic configuration as the roles.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { exportConfig } from "../../lib/cli/check/exports/export-config";
import { readInputs, ExportInput } from "../../lib/cli/check/inputs";
import { findingsOf, run } from "../support/check-run";

const EXPORTS = join(__dirname, "..", "fixtures", "exports");
const file = (name: string) => join(EXPORTS, name);
const lineOf = (path: string, text: string) =>
  readFileSync(path, "utf8")
    .split("\n")
    .findIndex((l) => l.includes(text)) + 1;

test("aws iam get-account-authorization-details: each role's trust judged, named by its ARN, at the ARN's line", async () => {
  const details = file("account-authorization-details.json");
  const { code, findings } = await findingsOf(details);
  expect(code).toBe(1);
  expect(findings.map((f) => [f.address, f.ruleId, f.file, f.line])).toEqual([
    ["arn:aws:iam::111122223333:role/payments-api", "IRSA003", details, lineOf(details, '"arn:aws:iam::111122223333:role/payments-api"')],
    // URL-encoded, as the IAM API returns it.
    ["arn:aws:iam::111122223333:role/loki", "IRSA002", details, lineOf(details, '"arn:aws:iam::111122223333:role/loki"')],
  ]);
});

test("aws iam list-roles: the same rules (a service role is not a web-identity trust)", async () => {
  const { findings } = await findingsOf(file("list-roles.json"));
  expect(findings.map((f) => [f.address, f.ruleId])).toEqual([["arn:aws:iam::111122223333:role/cluster-autoscaler", "IRSA005"]]);
});

test("all exports of one run: one configuration, every file listed, the trusts counted", async () => {
  const paths = ["account-authorization-details.json", "list-roles.json", "serviceaccounts.json"].map(file);
  const r = await run(["check", "--format", "json", ...paths]);
  const report = JSON.parse(r.stdout);
  expect(report.files).toEqual(paths);
  expect(report.summary.judged.trustPolicies).toBe(5);
  expect(report.findings.map((f: { address: string }) => f.address)).toEqual([
    "arn:aws:iam::111122223333:role/payments-api",
    "arn:aws:iam::111122223333:role/loki",
    "arn:aws:iam::111122223333:role/cluster-autoscaler",
    // The kubectl export annotates reports/reader with a role whose trust (from the account export) does not admit it.
    "serviceaccount/reports/reader",
  ]);
});

test("kubectl get serviceaccounts -A -o json: each annotated account as kubernetes_annotations beside the account's roles", async () => {
  const inputs = (await readInputs([file("serviceaccounts.json"), file("account-authorization-details.json")])) as ExportInput[];
  expect(inputs.map((i) => [i.kind, i.format])).toEqual([
    ["export", "service-accounts"],
    ["export", "account-authorization-details"],
  ]);
  const config = exportConfig(inputs);
  expect(Object.values(config.annotations)).toEqual([
    {
      api_version: "v1",
      kind: "ServiceAccount",
      metadata: { name: "s3-echoer", namespace: "default" },
      annotations: { "eks.amazonaws.com/role-arn": "arn:aws:iam::111122223333:role/s3-echoer" },
    },
    {
      api_version: "v1",
      kind: "ServiceAccount",
      metadata: { name: "payments-api", namespace: "payments" },
      annotations: { "eks.amazonaws.com/role-arn": "arn:aws:iam::111122223333:role/payments-api" },
    },
    {
      api_version: "v1",
      kind: "ServiceAccount",
      metadata: { name: "reader", namespace: "reports" },
      annotations: { "eks.amazonaws.com/role-arn": "arn:aws:iam::111122223333:role/s3-echoer" },
    },
  ]);
  const loki = Object.values(config.roles).find((r) => r.name === "loki")!;
  expect(JSON.parse(loki.assume_role_policy as string).Statement[0].Condition).toEqual({
    StringEquals: { "oidc.eks.us-west-2.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE:aud": "sts.amazonaws.com" },
  });
  expect(Object.keys(config.roles)).toEqual([
    "arn_aws_iam__111122223333_role_payments-api",
    "arn_aws_iam__111122223333_role_s3-echoer",
    "arn_aws_iam__111122223333_role_loki",
  ]);
});

test("snapshot: the text report of the account and cluster exports", async () => {
  const paths = ["account-authorization-details.json", "list-roles.json", "serviceaccounts.json"].map((n) =>
    join("__tests__", "fixtures", "exports", n),
  );
  const r = await run(["check", ...paths]);
  expect(`exit ${r.code}\n${r.stdout}${r.stderr}`).toMatchSnapshot();
});
