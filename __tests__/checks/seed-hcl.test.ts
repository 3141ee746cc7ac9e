/**
 * The founding documents' three bugs, in HCL written as the seeds write it, parsed by HashiCorp's
 * parser (@cdktf/hcl2json, which writes every block as an array of objects) and judged by the rules.
 */
import { parse } from "@cdktf/hcl2json";
import { readFileSync } from "fs";
import { join } from "path";
import { reportTerraformConfig } from "../../lib/checks/check-trust";

/** The seeds' HCL as the check fixtures keep it, plus two accounts annotated with the payments role. */
const SEED =
  readFileSync(join(__dirname, "..", "fixtures", "hcl", "seeds", "main.tf"), "utf8") +
  `
resource "kubernetes_service_account_v1" "payments" {
  metadata {
    name        = "payments-api"
    namespace   = "payments"
    annotations = { "eks.amazonaws.com/role-arn" = aws_iam_role.payments.arn }
  }
}

resource "kubernetes_service_account_v1" "reports" {
  metadata {
    name        = "reports"
    namespace   = "payments"
    annotations = { "eks.amazonaws.com/role-arn" = aws_iam_role.payments.arn }
  }
}
`;

test("the seeds' three bugs are found in their HCL, and an annotation on an account the trust does not admit", async () => {
  const json = await parse("main.tf", SEED);
  expect(json).toMatchSnapshot();
  const report = reportTerraformConfig(json);
  expect(report.findings.map((f) => `${f.ruleId} ${f.address.type}.${f.address.name}`)).toEqual([
    "IRSA003 aws_iam_policy_document.payments_assume",
    "IRSA030 aws_iam_openid_connect_provider.this",
    "IRSA032 aws_iam_openid_connect_provider.this",
    "IRSA040 kubernetes_service_account_v1.reports",
  ]);
  // The issuer is known only at apply, yet both annotations are judged: the trust's keys come from the provider.
  expect(report.judged).toEqual({ trustPolicies: 1, oidcProviders: 1, annotations: 2 });
  expect(report.annotationsNotJudged).toBe(0);
});
