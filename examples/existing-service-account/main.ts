/**
 * A Helm chart created the ServiceAccount `external-dns` in `kube-system`; this stack annotates it
 * (server-side apply, its own field manager) and starts a Deployment only after the role, its
 * policy and the annotation exist: pods read the annotation only when they start.
 *
 *   cd examples/existing-service-account && npx cdktf synth
 */
import { DataAwsEksCluster } from "@cdktf/provider-aws/lib/data-aws-eks-cluster";
import { DeploymentV1 } from "@cdktf/provider-kubernetes/lib/deployment-v1";
import { App, Aspects, TerraformStack } from "cdktf";
// "cdktf-eks-irsa" in your app:
import { EksKubernetesProvider, EksOidcProvider, IrsaRole, IrsaTrustChecks, ServiceAccountMode } from "../../lib";
import { awsAndTls, synthIfMain } from "../shared";

export function build(app: App): TerraformStack {
  const stack = new TerraformStack(app, "existing-service-account");
  const region = "us-west-2";
  awsAndTls(stack, region);
  const cluster = new DataAwsEksCluster(stack, "cluster", { name: "my-cluster" });
  new EksKubernetesProvider(stack, "kubernetes", { cluster, region });

  // The cluster's provider was created elsewhere; use it by ARN.
  const oidc = EksOidcProvider.fromArn(
    stack,
    "oidc",
    "arn:aws:iam::111122223333:oidc-provider/oidc.eks.us-west-2.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE",
  );
  const role = new IrsaRole(stack, "external-dns", {
    oidcProvider: oidc,
    serviceAccounts: [{ namespace: "kube-system", name: "external-dns" }],
    managedPolicyArns: ["arn:aws:iam::111122223333:policy/external-dns-route53"],
    serviceAccountMode: ServiceAccountMode.ANNOTATE,
    stsRegionalEndpoints: true,
  });

  new DeploymentV1(stack, "worker", {
    dependsOn: role.dependables,
    metadata: { name: "dns-reporter", namespace: "kube-system" },
    spec: {
      selector: { matchLabels: { app: "dns-reporter" } },
      template: {
        metadata: { labels: { app: "dns-reporter" } },
        spec: {
          serviceAccountName: "external-dns",
          container: [{ name: "reporter", image: "public.ecr.aws/aws-cli/aws-cli:latest", args: ["route53", "list-hosted-zones"] }],
        },
      },
    },
  });
  Aspects.of(stack).add(new IrsaTrustChecks());
  return stack;
}

synthIfMain(module, build);
