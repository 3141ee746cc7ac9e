/**
 * One role trusted by two clusters (a primary and a disaster-recovery cluster in another region):
 * one trust statement per cluster, and each cluster's service account annotated through that
 * cluster's own kubernetes provider.
 *
 *   cd examples/multi-cluster && npx cdktf synth
 */
import { DataAwsEksCluster } from "@cdktf/provider-aws/lib/data-aws-eks-cluster";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { App, Aspects, TerraformOutput, TerraformStack } from "cdktf";
import { EksKubernetesProvider, EksOidcProvider, IrsaRole, IrsaTrustChecks } from "../../lib"; // "cdktf-eks-irsa" in your app
import { awsAndTls, synthIfMain } from "../shared";

export function build(app: App): TerraformStack {
  const stack = new TerraformStack(app, "multi-cluster");
  awsAndTls(stack, "us-west-2");
  // EKS's DescribeCluster is regional: one aws provider per cluster region.
  const primary = new DataAwsEksCluster(stack, "primary", { name: "prod-us-west-2" });
  const drAws = new AwsProvider(stack, "aws-dr", { region: "us-east-1", alias: "dr" });
  const dr = new DataAwsEksCluster(stack, "dr", { name: "prod-us-east-1", provider: drAws });
  const primaryKubernetes = new EksKubernetesProvider(stack, "kubernetes-primary", {
    cluster: primary,
    region: "us-west-2",
    alias: "primary",
  });
  const drKubernetes = new EksKubernetesProvider(stack, "kubernetes-dr", { cluster: dr, region: "us-east-1", alias: "dr" });

  const primaryOidc = new EksOidcProvider(stack, "oidc-primary", { issuerUrl: primary.identity.get(0).oidc.get(0).issuer });
  const drOidc = new EksOidcProvider(stack, "oidc-dr", { issuerUrl: dr.identity.get(0).oidc.get(0).issuer });

  const role = new IrsaRole(stack, "orders", {
    oidcProvider: primaryOidc,
    serviceAccounts: [{ namespace: "orders", name: "orders-api" }],
    kubernetesProvider: primaryKubernetes,
    additionalClusters: [
      { oidcProvider: drOidc, serviceAccounts: [{ namespace: "orders", name: "orders-api" }], kubernetesProvider: drKubernetes },
    ],
    managedPolicyArns: ["arn:aws:iam::aws:policy/AmazonSQSFullAccess"],
  });
  new TerraformOutput(stack, "role_arn", { value: role.roleArn });
  Aspects.of(stack).add(new IrsaTrustChecks());
  return stack;
}

synthIfMain(module, build);
