import { DataAwsEksCluster } from "@cdktf/provider-aws/lib/data-aws-eks-cluster";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { TerraformStack, Testing } from "cdktf";
import { EksKubernetesProvider, EksKubernetesProviderProps, KubernetesAuthentication } from "../../lib";
import { dataSources, only, resolveIn } from "../support/synth";

function providerStack(props: Partial<EksKubernetesProviderProps> = {}) {
  const stack = new TerraformStack(Testing.app(), "test");
  new AwsProvider(stack, "aws", { region: "eu-west-1" });
  const cluster = new DataAwsEksCluster(stack, "cluster", { name: "prod" });
  const provider = new EksKubernetesProvider(stack, "kubernetes", { cluster, clusterName: "prod", region: "eu-west-1", ...props });
  const text = Testing.synth(stack, true);
  const json = JSON.parse(text);
  return { stack, provider, text, json, kubernetes: json.provider.kubernetes[0] };
}

describe("EksKubernetesProvider: authentication", () => {
  test('"exec" (the default): aws eks get-token, no token, no cluster_auth data source: output unchanged', () => {
    const { kubernetes, json, provider, text } = providerStack();
    expect(text).toMatchSnapshot();
    expect(kubernetes).toEqual({
      host: "${data.aws_eks_cluster.cluster.endpoint}",
      cluster_ca_certificate: "${base64decode(data.aws_eks_cluster.cluster.certificate_authority[0].data)}",
      exec: [
        {
          api_version: "client.authentication.k8s.io/v1beta1",
          command: "aws",
          args: ["eks", "get-token", "--cluster-name", "prod", "--region", "eu-west-1"],
        },
      ],
    });
    expect(dataSources(json, "aws_eks_cluster_auth")).toEqual({});
    expect(provider.clusterAuth).toBeUndefined();
    expect(providerStack({ authentication: KubernetesAuthentication.EXEC }).kubernetes).toEqual(kubernetes);
  });

  test.each([
    ["the enum", KubernetesAuthentication.TOKEN],
    ["a string (JavaScript, JSON configs)", "token" as KubernetesAuthentication],
  ])('"token" given as %s: token from data.aws_eks_cluster_auth for the cluster name, no exec block', (_how, authentication) => {
    const { kubernetes, json, provider, stack, text } = providerStack({ authentication });
    expect(text).toMatchSnapshot("token");
    const [authId, auth] = only(dataSources(json, "aws_eks_cluster_auth"));
    expect(auth.name).toBe("prod");
    expect(kubernetes.token).toBe(`\${data.aws_eks_cluster_auth.${authId}.token}`);
    expect(resolveIn(stack, provider.clusterAuth!.token)).toBe(kubernetes.token);
    expect(kubernetes.exec).toBeUndefined();
    expect(kubernetes.host).toBe("${data.aws_eks_cluster.cluster.endpoint}");
    expect(kubernetes.cluster_ca_certificate).toMatch(/^\$\{base64decode\(data\.aws_eks_cluster\.cluster\./);
  });

  test('"token" without clusterName uses the looked-up cluster\'s name; two aliased providers get one data source each', () => {
    const stack = new TerraformStack(Testing.app(), "test");
    new AwsProvider(stack, "aws", { region: "eu-west-1" });
    const a = new DataAwsEksCluster(stack, "a", { name: "prod" });
    const b = new DataAwsEksCluster(stack, "b", { name: "dr" });
    const authentication = KubernetesAuthentication.TOKEN;
    new EksKubernetesProvider(stack, "k8s-a", { cluster: a, region: "eu-west-1", authentication });
    new EksKubernetesProvider(stack, "k8s-b", { cluster: b, region: "eu-west-1", authentication, alias: "dr" });
    const json = JSON.parse(Testing.synth(stack, true));
    const auths = Object.values(dataSources(json, "aws_eks_cluster_auth")).map((x) => x.name);
    expect(auths.sort()).toEqual(["${data.aws_eks_cluster.a.name}", "${data.aws_eks_cluster.b.name}"]);
    expect(json.provider.kubernetes.map((p: { token: string }) => p.token.startsWith("${data.aws_eks_cluster_auth."))).toEqual([
      true,
      true,
    ]);
  });

  test.each([
    ["an unknown mode", "iam"],
    ["the wrong case", "Token"],
    ["not a string", 1],
  ])("%s is a clear error", (_what, value) => {
    expect(() => providerStack({ authentication: value as KubernetesAuthentication })).toThrow(
      new RegExp(
        `^EksKubernetesProvider "kubernetes": authentication ${JSON.stringify(value)} (is not one of "exec", "token"|must be a string)$`,
      ),
    );
  });
});
