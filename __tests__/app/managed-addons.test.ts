/**
 * The app's `managedAddons` (EKS managed add-ons with their roles), `kubernetesAuth`, the partition
 * of the provider ARN against the region, and one role per service account across the config.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { Testing } from "cdktf";
import { validateConfig } from "../../app/config";
import { partitionOfRegion } from "../../app/partition-rules";
import { IrsaAppStack, kubernetesAuthFor } from "../../app/stack";
import { IrsaAssertions } from "../../lib/testing";
import { addresses, Json, only, resources } from "../support/synth";

const ROOT = join(__dirname, "..", "..");
const BASE = JSON.parse(readFileSync(join(ROOT, "cdktf.json"), "utf8")).context.irsa;
const BUCKET = "arn:aws:s3:::team-data";

const config = (raw: object) => validateConfig({ ...BASE, ...raw }, "test");
function synthConfig(raw: object, env: { [key: string]: string } = {}): { text: string; json: Json; stack: IrsaAppStack } {
  const stack = new IrsaAppStack(Testing.app(), config(raw), env);
  const text = Testing.synth(stack, true);
  return { text, json: JSON.parse(text), stack };
}

const MANAGED = [
  { name: "aws-ebs-csi-driver", version: "v1.37.0-eksbuild.1" },
  { name: "vpc-cni", identity: "irsa", configurationValues: { env: { ENABLE_PREFIX_DELEGATION: "true" } } },
  { name: "eks-pod-identity-agent" },
  { name: "aws-mountpoint-s3-csi-driver", bucketArns: [BUCKET] },
];

describe("managedAddons", () => {
  test("each entry becomes an aws_eks_addon with its role, keyed by add-on name; no separate association, no annotation", () => {
    const { text, json, stack } = synthConfig({ serviceAccounts: undefined, managedAddons: MANAGED });
    expect(addresses(json).filter((a) => a.includes("managed-addons"))).toMatchSnapshot();
    const blocks = Object.values<Json>(resources(json, "aws_eks_addon"));
    const byName = Object.fromEntries(blocks.map((b) => [b.addon_name, b]));
    expect(Object.keys(byName).sort()).toEqual(["aws-ebs-csi-driver", "aws-mountpoint-s3-csi-driver", "eks-pod-identity-agent", "vpc-cni"]);
    expect(blocks.every((b) => b.cluster_name === "my-cluster")).toBe(true);
    expect(byName["aws-ebs-csi-driver"].addon_version).toBe("v1.37.0-eksbuild.1");
    expect(byName["aws-ebs-csi-driver"].pod_identity_association).toEqual([
      {
        role_arn: expect.stringMatching(/^\$\{aws_iam_role\.managed-addons_aws-ebs-csi-driver_role_/),
        service_account: "ebs-csi-controller-sa",
      },
    ]);
    expect(byName["vpc-cni"].service_account_role_arn).toMatch(/^\$\{aws_iam_role\.managed-addons_vpc-cni_role_/);
    expect(JSON.parse(byName["vpc-cni"].configuration_values)).toEqual({ env: { ENABLE_PREFIX_DELEGATION: "true" } });
    expect(byName["eks-pod-identity-agent"].pod_identity_association).toBeUndefined();
    expect(resources(json, "aws_eks_pod_identity_association")).toEqual({});
    expect(resources(json, "kubernetes_annotations")).toEqual({});
    expect(JSON.stringify(resources(json, "aws_iam_policy"))).toContain("team-data");

    const [ebs] = stack.managedAddons;
    expect(IrsaAssertions.fromSynth(text).canAssumeWithPodIdentity(ebs.role!, { clusterName: "my-cluster", ...ebs.serviceAccount! })).toBe(
      true,
    );
    expect(
      Object.keys(json.output)
        .filter((o) => o.startsWith("managed_addon_role_arn_"))
        .sort(),
    ).toEqual([
      "managed_addon_role_arn_aws_ebs_csi_driver",
      "managed_addon_role_arn_aws_mountpoint_s3_csi_driver",
      "managed_addon_role_arn_vpc_cni",
    ]);
  });

  test("reordering entries keeps every address", () => {
    const forward = synthConfig({ managedAddons: MANAGED }).json;
    const backward = synthConfig({ managedAddons: [...MANAGED].reverse() }).json;
    expect(addresses(backward)).toEqual(addresses(forward));
  });

  test.each<[string, object, RegExp]>([
    [
      "Mountpoint without its buckets",
      { managedAddons: [{ name: "aws-mountpoint-s3-csi-driver" }] },
      /^test: managedAddons\[0\]\.bucketArns is required/,
    ],
    [
      "an unknown add-on without its service account",
      { managedAddons: [{ name: "example-vendor-agent", managedPolicyArns: ["arn:aws:iam::123456789012:policy/x"] }] },
      /^managedAddons\[0\]: EksManagedAddon "example-vendor-agent": serviceAccount is missing/,
    ],
    [
      "an input the add-on does not take",
      { managedAddons: [{ name: "aws-network-flow-monitoring-agent", bucketArns: [BUCKET] }] },
      /^test: managedAddons\[0\]\.bucketArns .* is not a managed add-on field/,
    ],
    ["an unknown identity", { managedAddons: [{ name: "vpc-cni", identity: "iam" }] }, /managedAddons\[0\]\.identity "iam" is not one of/],
    [
      "an add-on listed twice",
      { managedAddons: [{ name: "coredns" }, { name: "coredns" }] },
      /managedAddons\[1\]\.name "coredns" is listed twice/,
    ],
    [
      "policies for the Pod Identity Agent",
      { managedAddons: [{ name: "eks-pod-identity-agent", managedPolicyArns: ["arn:aws:iam::aws:policy/ReadOnlyAccess"] }] },
      /needs no IAM role/,
    ],
  ])("%s: one clear error", (_name, raw, message) => {
    expect(() => synthConfig(raw)).toThrow(message);
  });
});

describe("one role per service account (issue 18.6)", () => {
  test("a listed service account and a managed add-on on the same account: one error naming both", () => {
    const raw = { serviceAccounts: [{ namespace: "kube-system", name: "aws-node" }], managedAddons: [{ name: "vpc-cni" }] };
    expect(() => config(raw)).toThrow(
      /^test: managedAddons\[0\] \(vpc-cni\) gives service account kube-system\/aws-node a role, and so does serviceAccounts\[0\]/,
    );
  });

  test("an add-on and a managed add-on on the same account, and a listed account and an add-on", () => {
    expect(() => config({ addons: [{ addon: "vpc-cni" }], managedAddons: [{ name: "vpc-cni" }] })).toThrow(
      /managedAddons\[0\] \(vpc-cni\) gives service account kube-system\/aws-node a role, and so does addons\[0\] \(vpc-cni\)/,
    );
    expect(() =>
      config({
        serviceAccounts: [{ namespace: "default", name: "external-dns" }],
        addons: [{ addon: "external-dns", hostedZoneArns: ["arn:aws:route53:::hostedzone/Z1"] }],
      }),
    ).toThrow(/addons\[0\] \(external-dns\) gives service account default\/external-dns a role, and so does serviceAccounts\[0\]/);
  });

  test("a managed add-on on another account, or one without a role, is fine", () => {
    expect(() =>
      config({
        serviceAccounts: [{ namespace: "kube-system", name: "aws-node" }],
        managedAddons: [{ name: "coredns" }, { name: "aws-ebs-csi-driver" }],
      }),
    ).not.toThrow();
  });
});

describe("kubernetesAuth", () => {
  test("token with a Terraform Cloud backend, exec otherwise; the config field overrides both", () => {
    const cloud = { kind: "cloud" as const };
    const local = { kind: "local" as const };
    expect(kubernetesAuthFor(config({}), local)).toBe("exec");
    expect(kubernetesAuthFor(config({}), cloud)).toBe("token");
    expect(kubernetesAuthFor(config({ kubernetesAuth: "exec" }), cloud)).toBe("exec");
    expect(kubernetesAuthFor(config({ kubernetesAuth: "token" }), local)).toBe("token");
  });

  test("the stack picks token when TF_CLOUD_ORGANIZATION and TF_WORKSPACE are set", () => {
    const env = { TF_CLOUD_ORGANIZATION: "acme", TF_WORKSPACE: "eks-irsa-prod" };
    expect(new IrsaAppStack(Testing.app(), config({}), env).kubernetesAuth).toBe("token");
    expect(new IrsaAppStack(Testing.app(), config({}), {}).kubernetesAuth).toBe("exec");
  });

  test("another value: one clear error", () => {
    expect(() => config({ kubernetesAuth: "kubeconfig" })).toThrow(/^test: kubernetesAuth "kubeconfig" is not "exec" .* or "token"/);
  });
});

describe("the provider ARN's partition must hold the region (issue 18.5)", () => {
  const arn = (partition: string) => `arn:${partition}:iam::111122223333:oidc-provider/oidc.eks.cn-north-1.amazonaws.com.cn/id/ABC`;

  test("cn-north-1 with an arn:aws: provider ARN is refused; arn:aws-cn: is accepted", () => {
    expect(() => config({ region: "cn-north-1", oidcProviderArn: arn("aws") })).toThrow(
      /^test: oidcProviderArn "arn:aws:iam::.*" is in partition "aws", but region cn-north-1 is in partition "aws-cn"/,
    );
    expect(config({ region: "cn-north-1", oidcProviderArn: arn("aws-cn") }).oidcProviderArn).toBe(arn("aws-cn"));
    expect(() => config({ region: "us-west-2", oidcProviderArn: arn("aws-us-gov") })).toThrow(
      /partition "aws-us-gov", but region us-west-2/,
    );
  });

  test("managed policy ARNs too", () => {
    const serviceAccounts = [{ namespace: "default", name: "app", managedPolicyArns: ["arn:aws:iam::aws:policy/ReadOnlyAccess"] }];
    expect(() => config({ region: "us-gov-west-1", serviceAccounts })).toThrow(
      /serviceAccounts\[0\]\.managedPolicyArns\[0\] .* region us-gov-west-1 is in partition "aws-us-gov"/,
    );
  });

  test.each([
    ["us-west-2", "aws"],
    ["cn-northwest-1", "aws-cn"],
    ["us-gov-east-1", "aws-us-gov"],
    ["us-iso-east-1", "aws-iso"],
    ["us-isob-east-1", "aws-iso-b"],
    ["eu-isoe-west-1", "aws-iso-e"],
    ["us-isof-south-1", "aws-iso-f"],
  ])("%s is in %s", (region, partition) => {
    expect(partitionOfRegion(region)).toBe(partition);
  });
});

test("the app stack's default config still has one addon-less kubernetes provider and no aws_eks_addon", () => {
  const { json } = synthConfig({});
  expect(resources(json, "aws_eks_addon")).toEqual({});
  expect(only(json.provider.kubernetes as { [k: string]: Json })).toBeDefined();
});
