/**
 * `payments-service-user` in namespace `default` reads and writes one DynamoDB table.
 *
 *   cd examples/payments-dynamodb && npx cdktf synth
 */
import { DataAwsEksCluster } from "@cdktf/provider-aws/lib/data-aws-eks-cluster";
import { DataAwsIamPolicyDocument } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { DynamodbTable } from "@cdktf/provider-aws/lib/dynamodb-table";
import { App, Aspects, TerraformOutput, TerraformStack } from "cdktf";
import { EksKubernetesProvider, EksOidcProvider, IrsaRole, IrsaTrustChecks } from "../../lib"; // "cdktf-eks-irsa" in your app
import { awsAndTls, synthIfMain } from "../shared";

export function build(app: App): TerraformStack {
  const stack = new TerraformStack(app, "payments-dynamodb");
  const region = "eu-west-1";
  awsAndTls(stack, region);
  const cluster = new DataAwsEksCluster(stack, "cluster", { name: "payments" });
  new EksKubernetesProvider(stack, "kubernetes", { cluster, region });

  const oidc = new EksOidcProvider(stack, "oidc", { issuerUrl: cluster.identity.get(0).oidc.get(0).issuer });
  const table = new DynamodbTable(stack, "payments", {
    name: "payments",
    billingMode: "PAY_PER_REQUEST",
    hashKey: "paymentId",
    attribute: [{ name: "paymentId", type: "S" }],
  });
  const access = new DataAwsIamPolicyDocument(stack, "table-access", {
    statement: [
      {
        effect: "Allow",
        actions: ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:Query"],
        resources: [table.arn, `${table.arn}/index/*`],
      },
    ],
  });
  const role = new IrsaRole(stack, "payments-service-user", {
    oidcProvider: oidc,
    serviceAccounts: [{ namespace: "default", name: "payments-service-user" }],
    inlinePolicies: { "payments-table": access.json },
    tags: { team: "payments" },
  });
  new TerraformOutput(stack, "role_arn", { value: role.roleArn });
  Aspects.of(stack).add(new IrsaTrustChecks());
  return stack;
}

synthIfMain(module, build);
