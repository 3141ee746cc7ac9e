/**
 * The founding documents' three bugs, in HCL written as the seeds write it, parsed by HashiCorp's
 * parser (@cdktf/hcl2json, which writes every block as an array of objects) and judged by the rules.
 */
import { parse } from "@cdktf/hcl2json";
import { reportTerraformConfig } from "../../lib/checks/check-trust";

const SEED = `
data "tls_certificate" "this" {
  url = aws_eks_cluster.this.identity[0].oidc[0].issuer
}

resource "aws_iam_openid_connect_provider" "this" {
  url             = aws_eks_cluster.this.identity[0].oidc[0].issuer
  client_id_list  = [""]
  thumbprint_list = [data.tls_certificate.this.certificates.sha1_fingerprint]
}

data "aws_iam_policy_document" "payments_trust" {
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]
    principals {
      type        = "Federated"
      identifiers = [aws_iam_openid_connect_provider.this.arn]
    }
    condition {
      test     = "StringEquals"
      variable = "\${replace(aws_iam_openid_connect_provider.this.url, "https://", "")}:sub"
      values   = ["system:serviceaccount:payments:payments-api"]
    }
  }
}

resource "aws_iam_role" "payments" {
  name               = "payments"
  assume_role_policy = data.aws_iam_policy_document.payments_trust.json
}

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
    "IRSA003 aws_iam_policy_document.payments_trust",
    "IRSA030 aws_iam_openid_connect_provider.this",
    "IRSA032 aws_iam_openid_connect_provider.this",
    "IRSA040 kubernetes_service_account_v1.reports",
  ]);
  // The issuer is known only at apply, yet both annotations are judged: the trust's keys come from the provider.
  expect(report.judged).toEqual({ trustPolicies: 1, oidcProviders: 1, annotations: 2 });
  expect(report.annotationsNotJudged).toBe(0);
});
