import { TerraformVariable, Testing } from "cdktf";
import { KubernetesProvider } from "@cdktf/provider-kubernetes/lib/provider";
import {
  AddonIdentity,
  AddonPolicies,
  EksManagedAddon,
  EksManagedAddonProps,
  EksOidcProvider,
  IrsaRole,
  PodIdentityRole,
  ServiceAccountMode,
} from "../../lib";
import { ValidationError } from "../../lib/internal";
import { MANAGED_ADDON_CATALOGUE } from "../../lib/managed-addon/catalogue/catalogue";
import { needsRole } from "../../lib/managed-addon/catalogue/catalogue-entry";
import { addonByName } from "../../lib/addons/catalog";
import { IrsaAssertions } from "../../lib/testing";
import { addresses, newStack, only, ref, resources, synth } from "../support/synth";

const HOST = "oidc.eks.us-west-2.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE";
const PROVIDER_ARN = `arn:aws:iam::123456789012:oidc-provider/${HOST}`;

function addonStack(props: Partial<EksManagedAddonProps> & { addonName: string }, withProvider = false) {
  const stack = newStack();
  const oidcProvider = withProvider ? EksOidcProvider.fromArn(stack, "oidc", PROVIDER_ARN) : undefined;
  const addon = new EksManagedAddon(stack, "addon", { clusterName: "prod", ...(oidcProvider ? { oidcProvider } : {}), ...props });
  return { stack, addon, ...synth(stack) };
}

/** Types of Kubernetes objects and separate associations, which an EKS-managed service account must never get. */
const FORBIDDEN = ["aws_eks_pod_identity_association", "kubernetes_annotations", "kubernetes_service_account_v1"];

describe("EksManagedAddon: Pod Identity (default)", () => {
  test("the add-on block carries the association; the trust admits exactly the add-on's account on that cluster", () => {
    const { addon, text, json } = addonStack({ addonName: "aws-ebs-csi-driver", addonVersion: "v1.37.0-eksbuild.1" });
    expect(text).toMatchSnapshot();
    const [addonId, block] = only(resources(json, "aws_eks_addon"));
    const [roleId] = only(resources(json, "aws_iam_role"));
    expect(block).toMatchObject({ cluster_name: "prod", addon_name: "aws-ebs-csi-driver", addon_version: "v1.37.0-eksbuild.1" });
    expect(block.pod_identity_association).toEqual([
      { role_arn: ref("aws_iam_role", roleId, "arn"), service_account: "ebs-csi-controller-sa" },
    ]);
    expect(block.service_account_role_arn).toBeUndefined();
    expect(addonId).toMatch(/^addon_[0-9A-F]{8}$/);
    for (const type of FORBIDDEN) expect(resources(json, type)).toEqual({});

    const assertions = IrsaAssertions.fromSynth(text);
    expect(assertions.whoCanAssume(addon.role!)).toEqual([
      expect.objectContaining({
        via: "pod-identity",
        clusterName: "prod",
        namespace: "kube-system",
        serviceAccountName: "ebs-csi-controller-sa",
      }),
    ]);
    const can = (clusterName: string, namespace: string, name: string) =>
      assertions.canAssumeWithPodIdentity(addon.role!, { clusterName, namespace, name });
    expect(can("prod", "kube-system", "ebs-csi-controller-sa")).toBe(true);
    expect(can("prod", "kube-system", "ebs-csi-node-sa")).toBe(false);
    expect(can("prod", "default", "ebs-csi-controller-sa")).toBe(false);
    expect(can("staging", "kube-system", "ebs-csi-controller-sa")).toBe(false);
    expect(addon.serviceAccount).toEqual({ namespace: "kube-system", name: "ebs-csi-controller-sa" });
  });

  test("the role's permissions exist before the add-on: depends_on lists the role and its attachments", () => {
    const { json } = addonStack({ addonName: "aws-ebs-csi-driver" });
    const [, block] = only(resources(json, "aws_eks_addon"));
    const [attachmentId] = only(resources(json, "aws_iam_role_policy_attachment"));
    expect(block.depends_on).toEqual(expect.arrayContaining([`aws_iam_role_policy_attachment.${attachmentId}`]));
  });

  test("an add-on the catalogue maps to an AWS managed policy gets it in the stack's partition (no arn:aws: literal)", () => {
    const { text, json } = addonStack({ addonName: "aws-network-flow-monitoring-agent" });
    const [, attachment] = only(resources(json, "aws_iam_role_policy_attachment"));
    expect(attachment.policy_arn).toBe(
      "arn:${data.aws_partition.aws-partition.partition}:iam::aws:policy/CloudWatchNetworkFlowMonitorAgentPublishPolicy",
    );
    expect(text).not.toContain("arn:aws:");
    const [, block] = only(resources(json, "aws_eks_addon"));
    expect(block.pod_identity_association[0].service_account).toBe("aws-network-flow-monitor-agent-service-account");
  });

  test("the enum and the string spell the same identity", () => {
    const a = addonStack({ addonName: "aws-efs-csi-driver", identity: AddonIdentity.POD_IDENTITY }).text;
    const b = addonStack({ addonName: "aws-efs-csi-driver", identity: "pod-identity" }).text;
    expect(a).toBe(b);
  });
});

describe("EksManagedAddon: IRSA", () => {
  test("service_account_role_arn, a web-identity trust for exactly aws-node, AmazonEKS_CNI_Policy, no annotation", () => {
    const { addon, text, json } = addonStack({ addonName: "vpc-cni", identity: "irsa" }, true);
    expect(text).toMatchSnapshot();
    const [, block] = only(resources(json, "aws_eks_addon"));
    const [roleId] = only(resources(json, "aws_iam_role"));
    expect(block.service_account_role_arn).toBe(ref("aws_iam_role", roleId, "arn"));
    expect(block.pod_identity_association).toBeUndefined();
    for (const type of FORBIDDEN) expect(resources(json, type)).toEqual({});
    const [, attachment] = only(resources(json, "aws_iam_role_policy_attachment"));
    expect(attachment.policy_arn).toBe("arn:${data.aws_partition.aws-partition.partition}:iam::aws:policy/AmazonEKS_CNI_Policy");

    const assertions = IrsaAssertions.fromSynth(text);
    expect(assertions.whoCanAssume(addon.role!)).toEqual([
      expect.objectContaining({ issuerHost: HOST, subject: "system:serviceaccount:kube-system:aws-node", audience: "sts.amazonaws.com" }),
    ]);
    expect(assertions.canAssume(addon.role!, { issuerHost: HOST, namespace: "kube-system", name: "aws-node" })).toBe(true);
    expect(assertions.canAssume(addon.role!, { issuerHost: HOST, namespace: "kube-system", name: "coredns" })).toBe(false);
    expect(assertions.canAssumeWithPodIdentity(addon.role!, { clusterName: "prod", namespace: "kube-system", name: "aws-node" })).toBe(
      false,
    );
  });

  test("IPv6 clusters: addonPolicies replace the catalogue's default (the IPv6 policy, no IPv4 managed policy)", () => {
    const { json } = addonStack({ addonName: "vpc-cni", identity: "irsa", addonPolicies: [AddonPolicies.vpcCni({ ipv6: true })] }, true);
    expect(Object.keys(resources(json, "aws_iam_policy"))).toEqual([expect.stringContaining("vpc-cni-ipv6")]);
    const arns = Object.values(resources(json, "aws_iam_role_policy_attachment")).map((a) => a.policy_arn);
    expect(arns.some((a) => String(a).includes("AmazonEKS_CNI_Policy"))).toBe(false);
  });
});

describe("EksManagedAddon: add-ons without a role, and add-ons the catalogue does not know", () => {
  test("eks-pod-identity-agent: the add-on alone", () => {
    const { addon, json } = addonStack({ addonName: "eks-pod-identity-agent" });
    expect(addresses(json).filter((a) => !a.startsWith("data.aws_partition"))).toEqual([expect.stringMatching(/^aws_eks_addon\./)]);
    const [, block] = only(resources(json, "aws_eks_addon"));
    expect(block.pod_identity_association).toBeUndefined();
    expect(block.service_account_role_arn).toBeUndefined();
    expect(addon.role).toBeUndefined();
    expect(addon.roleArn).toBeUndefined();
  });

  test("an unknown add-on with its service account and policies", () => {
    const { addon, text, json } = addonStack({
      addonName: "example-vendor-agent",
      serviceAccount: { namespace: "vendor", name: "agent" },
      managedPolicyArns: ["arn:aws:iam::123456789012:policy/vendor-agent"],
    });
    const [, block] = only(resources(json, "aws_eks_addon"));
    expect(block.pod_identity_association[0].service_account).toBe("agent");
    expect(
      IrsaAssertions.fromSynth(text).canAssumeWithPodIdentity(addon.role!, { clusterName: "prod", namespace: "vendor", name: "agent" }),
    ).toBe(true);
  });

  test("Mountpoint with its bucket scoping", () => {
    const { json } = addonStack({
      addonName: "aws-mountpoint-s3-csi-driver",
      addonPolicies: [AddonPolicies.mountpointS3Csi({ bucketArns: ["arn:aws:s3:::team-data"] })],
    });
    const [, block] = only(resources(json, "aws_eks_addon"));
    expect(block.pod_identity_association[0].service_account).toBe("s3-csi-driver-sa");
    expect(JSON.stringify(resources(json, "aws_iam_policy"))).toContain("team-data");
  });
});

describe("EksManagedAddon: bad input, one clear error each", () => {
  const oidc = () => EksOidcProvider.fromArn(newStack("other"), "oidc", PROVIDER_ARN);
  const cases: [string, Partial<EksManagedAddonProps>, RegExp][] = [
    [
      "unknown identity",
      { addonName: "vpc-cni", identity: "web-identity" },
      /identity "web-identity" is not one of "pod-identity", "irsa"/,
    ],
    ["irsa without oidcProvider", { addonName: "vpc-cni", identity: "irsa" }, /oidcProvider is required with identity "irsa"/],
    [
      "the Pod Identity Agent with policies",
      { addonName: "eks-pod-identity-agent", addonPolicies: [AddonPolicies.efsCsiDriver()] },
      /addonPolicies .* the eks-pod-identity-agent add-on needs no IAM role/,
    ],
    [
      "coredns with an identity",
      { addonName: "coredns", identity: "irsa" },
      /identity "irsa" is set, but the coredns add-on needs no IAM role/,
    ],
    [
      "Mountpoint without bucket scoping",
      { addonName: "aws-mountpoint-s3-csi-driver" },
      /addonPolicies is missing: the aws-mountpoint-s3-csi-driver add-on needs bucket scoping: .*mountpointS3Csi\(\{ bucketArns/,
    ],
    [
      "an unknown add-on without a service account",
      { addonName: "example-vendor-agent", managedPolicyArns: ["arn:aws:iam::123456789012:policy/x"] },
      /serviceAccount is missing: the catalogue does not know this add-on's service account/,
    ],
    [
      "an unknown add-on without policies",
      { addonName: "example-vendor-agent", serviceAccount: { namespace: "vendor", name: "agent" } },
      /addonPolicies is missing: the catalogue does not know the permissions of the add-on "example-vendor-agent"/,
    ],
    [
      "a wildcard service account",
      { addonName: "aws-efs-csi-driver", serviceAccount: { namespace: "kube-system", name: "efs-*" } },
      /contains a wildcard/,
    ],
    [
      "PRESERVE on create",
      { addonName: "coredns", resolveConflictsOnCreate: "PRESERVE" },
      /resolveConflictsOnCreate "PRESERVE" is not one of "NONE", "OVERWRITE"/,
    ],
    ["missing clusterName", { addonName: "coredns", clusterName: undefined }, /clusterName is missing/],
    ["a bad add-on name", { addonName: "vpc cni" }, /addonName "vpc cni" is not an EKS add-on name/],
  ];
  test.each(cases)("%s", (_name, props, message) => {
    const stack = newStack();
    const build = () => new EksManagedAddon(stack, "addon", { clusterName: "prod", addonName: "x", ...props } as EksManagedAddonProps);
    expect(build).toThrow(ValidationError);
    expect(build).toThrow(/^EksManagedAddon "addon": /);
    expect(build).toThrow(message);
  });

  test("oidcProvider with Pod Identity is refused (it would be silently ignored)", () => {
    const stack = newStack();
    expect(() => new EksManagedAddon(stack, "addon", { clusterName: "prod", addonName: "vpc-cni", oidcProvider: oidc() })).toThrow(
      /oidcProvider is only used with identity "irsa"/,
    );
  });

  test("a construct that fails leaves nothing in the tree", () => {
    const stack = newStack();
    expect(() => new EksManagedAddon(stack, "addon", { clusterName: "prod", addonName: "aws-mountpoint-s3-csi-driver" })).toThrow();
    expect(stack.node.tryFindChild("addon")).toBeUndefined();
    expect(() => Testing.synth(stack)).not.toThrow();
  });
});

describe("the add-on catalogue", () => {
  test("an add-on that needs a role has a valid service account and policies (or the input they need); each cites a source", () => {
    const names = MANAGED_ADDON_CATALOGUE.map((e) => e.addonName);
    expect(new Set(names).size).toBe(names.length);
    for (const entry of MANAGED_ADDON_CATALOGUE) {
      expect(entry.source).toMatch(/user guide/);
      if (!needsRole(entry)) continue;
      expect(entry.serviceAccount!.namespace).toMatch(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/);
      const hasPolicies = entry.addonPolicies !== undefined || (entry.managedPolicyNames ?? []).length > 0;
      expect(hasPolicies || entry.needsInput !== undefined).toBe(true);
    }
    expect(names).toEqual(expect.arrayContaining(["vpc-cni", "aws-ebs-csi-driver", "aws-efs-csi-driver", "eks-pod-identity-agent"]));
  });

  test.each(MANAGED_ADDON_CATALOGUE.filter((e) => needsRole(e) && e.needsInput === undefined).map((e) => [e.addonName]))(
    "%s synthesizes with its defaults, and its role trusts its catalogue service account",
    (addonName) => {
      const { addon, text } = addonStack({ addonName });
      const sa = MANAGED_ADDON_CATALOGUE.find((e) => e.addonName === addonName)!.serviceAccount!;
      expect(IrsaAssertions.fromSynth(text).canAssumeWithPodIdentity(addon.role!, { clusterName: "prod", ...sa })).toBe(true);
    },
  );
});

test.each(MANAGED_ADDON_CATALOGUE.filter((e) => e.policyAddon !== undefined).map((e) => [e.addonName, e.policyAddon!]))(
  "%s takes the inputs of the library add-on %s, whose default service account is the EKS add-on's",
  (addonName, policyAddon) => {
    const definition = addonByName(policyAddon);
    expect(definition).toBeDefined();
    expect(definition!.defaultServiceAccount).toEqual(MANAGED_ADDON_CATALOGUE.find((e) => e.addonName === addonName)!.serviceAccount);
  },
);

describe("EksManagedAddon: role options and tokens", () => {
  test("a role option the role rejects is this construct's error, and nothing of it stays in the tree", () => {
    const stack = newStack();
    const build = () => new EksManagedAddon(stack, "ebs", { clusterName: "prod", addonName: "aws-ebs-csi-driver", roleName: "no spaces" });
    expect(build).toThrow(/^EksManagedAddon "ebs": roleName "no spaces" /);
    expect(stack.node.tryFindChild("ebs")).toBeUndefined();
    expect(() => Testing.synth(stack)).not.toThrow();
  });

  test("a cluster name known only at apply: the trust and the add-on refer to it", () => {
    const stack = newStack();
    const clusterName = new TerraformVariable(stack, "cluster", { type: "string" }).stringValue;
    new EksManagedAddon(stack, "ebs", { clusterName, addonName: "aws-ebs-csi-driver" });
    const { json } = synth(stack);
    const [, block] = only(resources(json, "aws_eks_addon"));
    expect(block.cluster_name).toBe("${var.cluster}");
    expect(JSON.stringify(json.data.aws_iam_policy_document)).toContain("${var.cluster}");
  });
});

describe("EksManagedAddon: one role per service account", () => {
  test("a PodIdentityRole on the add-on's account in the same cluster is one error naming both owners", () => {
    const stack = newStack();
    new EksManagedAddon(stack, "ebs", { clusterName: "prod", addonName: "aws-ebs-csi-driver" });
    expect(
      () =>
        new PodIdentityRole(stack, "custom", {
          clusterName: "prod",
          serviceAccounts: [{ namespace: "kube-system", name: "ebs-csi-controller-sa" }],
        }),
    ).toThrow(
      /^Two roles for one service account: test\/ebs and test\/custom both bind kube-system\/ebs-csi-controller-sa in cluster prod/,
    );
  });

  test("an IrsaRole annotating the account of an IRSA add-on on the same provider is one error; another cluster is fine", () => {
    const stack = newStack();
    const oidcProvider = EksOidcProvider.fromArn(stack, "oidc", PROVIDER_ARN);
    new EksManagedAddon(stack, "ebs", { clusterName: "prod", addonName: "aws-ebs-csi-driver", identity: AddonIdentity.IRSA, oidcProvider });
    new EksManagedAddon(stack, "ebs-staging", { clusterName: "staging", addonName: "aws-ebs-csi-driver" });
    expect(
      () =>
        new IrsaRole(stack, "custom", {
          oidcProvider,
          serviceAccounts: [{ namespace: "kube-system", name: "ebs-csi-controller-sa" }],
          serviceAccountMode: ServiceAccountMode.NONE,
          podIdentityClusterName: undefined,
        }),
    ).not.toThrow();
    expect(
      () =>
        new IrsaRole(stack, "annotating", {
          oidcProvider,
          serviceAccounts: [{ namespace: "kube-system", name: "ebs-csi-controller-sa" }],
          kubernetesProvider: new KubernetesProvider(stack, "k8s"),
        }),
    ).toThrow(/both bind kube-system\/ebs-csi-controller-sa .*\(annotation\)/);
  });
});
