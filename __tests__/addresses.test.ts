/**
 * Terraform addresses are part of the contract: a refactor that renames one makes Terraform destroy
 * and recreate a role that running pods use. These are pinned literally; change them only with a
 * migration note (and `moved` blocks) for users.
 */
import { KubernetesProvider } from "@cdktf/provider-kubernetes/lib/provider";
import { EksOidcProvider, IrsaRole, ServiceAccountMode } from "../lib";
import { addresses, newStack, synth } from "./support/synth";

test("addresses of a typical library stack", () => {
  const stack = newStack("platform");
  const prod = new EksOidcProvider(stack, "prod-oidc", { issuerUrl: "https://oidc.eks.us-west-2.amazonaws.com/id/AAAA" });
  const dr = new EksOidcProvider(stack, "dr-oidc", {
    issuerUrl: "https://oidc.eks.us-east-1.amazonaws.com/id/BBBB",
    fetchThumbprint: false,
    thumbprints: ["9e99a48a9960b14926bb7f3b02e22da2b0ab7280"],
  });
  const drKubernetes = new KubernetesProvider(stack, "dr-kubernetes", { alias: "dr" });
  const payments = new IrsaRole(stack, "payments", {
    oidcProvider: prod,
    serviceAccounts: [
      { namespace: "payments", name: "payments-service-user" },
      { namespace: "payments", name: "refunds" },
    ],
    additionalClusters: [
      { oidcProvider: dr, serviceAccounts: [{ namespace: "payments", name: "payments-service-user" }], kubernetesProvider: drKubernetes },
    ],
    managedPolicyArns: ["arn:aws:iam::aws:policy/AmazonDynamoDBReadOnlyAccess"],
    inlinePolicies: {
      "write-table": '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"dynamodb:PutItem","Resource":"*"}]}',
    },
  });
  payments.attachManagedPolicy("arn:aws:iam::111122223333:policy/payments-kms");
  new IrsaRole(stack, "exporter", {
    oidcProvider: prod,
    serviceAccounts: [{ namespace: "batch", name: "exporter" }],
    serviceAccountMode: ServiceAccountMode.CREATE,
  });

  expect(addresses(synth(stack).json)).toEqual([
    "aws_iam_openid_connect_provider.dr-oidc_provider_BE8E7939",
    "aws_iam_openid_connect_provider.prod-oidc_provider_AE93FE82",
    "aws_iam_role.exporter_role_3BA12766",
    "aws_iam_role.payments_role_0028C2E5",
    "aws_iam_role_policy.payments_inline-policy-write-table_597705A9",
    "aws_iam_role_policy_attachment.payments_managed-policy-a5c697ed_90AAA224",
    "aws_iam_role_policy_attachment.payments_managed-policy-da5adf0b_A5F0EB32",
    "data.aws_iam_policy_document.exporter_trust_1ACDCE00",
    "data.aws_iam_policy_document.payments_trust_5ADEC09B",
    "data.tls_certificate.prod-oidc_certificate_EB1BF2F1",
    "kubernetes_annotations.payments_annotations-paymentspayments-service-user_23CB20E4",
    "kubernetes_annotations.payments_annotations-paymentsrefunds_3619A4F7",
    "kubernetes_annotations.payments_cluster-69e843ac-annotations-paymentspayments-service-user_47A47191",
    "kubernetes_service_account_v1.exporter_service-account-batchexporter_9F8E6EBA",
  ]);
});
