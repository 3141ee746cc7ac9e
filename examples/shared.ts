import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { KubernetesProvider } from "@cdktf/provider-kubernetes/lib/provider";
import { TlsProvider } from "@cdktf/provider-tls/lib/provider";
import { DataAwsEksCluster } from "@cdktf/provider-aws/lib/data-aws-eks-cluster";
import { App, Fn, TerraformStack } from "cdktf";
import { Construct } from "constructs";

/** The kubernetes provider of an EKS cluster: endpoint, CA and an `aws eks get-token` exec. */
export function kubernetesFor(scope: Construct, id: string, cluster: DataAwsEksCluster, region: string, alias?: string): KubernetesProvider {
  return new KubernetesProvider(scope, id, {
    alias,
    host: cluster.endpoint,
    clusterCaCertificate: Fn.base64decode(cluster.certificateAuthority.get(0).data),
    exec: [{ apiVersion: "client.authentication.k8s.io/v1beta1", command: "aws", args: ["eks", "get-token", "--cluster-name", cluster.name, "--region", region] }],
  });
}

/** The aws and tls providers every example uses. */
export function awsAndTls(scope: Construct, region: string): void {
  new AwsProvider(scope, "aws", { region });
  new TlsProvider(scope, "tls");
}

/** Synthesizes the example when it is run as a program (`npx cdktf synth` in its folder). */
export function synthIfMain(module: NodeModule, build: (app: App) => TerraformStack): void {
  if (require.main === module) {
    const app = new App();
    build(app);
    app.synth();
  }
}
