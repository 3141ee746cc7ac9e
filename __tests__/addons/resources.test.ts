/**
 * What a role makes of its add-on policies: one aws_iam_policy and attachment per document (or an
 * attachment per AWS managed policy), addresses keyed by add-on name, one shared aws_partition per
 * stack, and the add-on's default service account when the role names none.
 */
import { DataAwsPartition } from "@cdktf/provider-aws/lib/data-aws-partition";
import { Construct } from "constructs";
import { AddonPolicies, AwsPartition, EksOidcProvider, IrsaRole, IrsaRoleProps } from "../../lib";
import { ValidationError } from "../../lib/internal";
import { addresses, dataSources, Json, newStack, only, resolveIn, resources, synth } from "../support/synth";

const ISSUER = "https://oidc.eks.us-west-2.amazonaws.com/id/AAAA";
const ZONE = "arn:aws:route53:::hostedzone/Z1D633PJN98FT9";

function stackWith(roles: { [id: string]: Partial<IrsaRoleProps> }) {
  const stack = newStack();
  const oidc = new EksOidcProvider(stack, "oidc", { issuerUrl: ISSUER });
  const made = Object.fromEntries(
    Object.entries(roles).map(([id, props]) => [id, new IrsaRole(stack, id, { oidcProvider: oidc, ...props })]),
  );
  return { stack, roles: made, ...synth(stack) };
}

const addonAddresses = (json: Json) => addresses(json).filter((a) => a.includes("addon") || a.includes("aws_partition"));

test("addresses are keyed by add-on name: reordering add-ons changes nothing", () => {
  const sa = [{ namespace: "kube-system", name: "controllers" }];
  const a = stackWith({
    platform: {
      serviceAccounts: sa,
      addonPolicies: [
        AddonPolicies.vpcCni(),
        AddonPolicies.externalDns({ hostedZoneArns: [ZONE] }),
        AddonPolicies.loadBalancerController(),
      ],
    },
  });
  const b = stackWith({
    platform: {
      serviceAccounts: sa,
      addonPolicies: [
        AddonPolicies.loadBalancerController(),
        AddonPolicies.vpcCni(),
        AddonPolicies.externalDns({ hostedZoneArns: [ZONE] }),
      ],
    },
  });
  expect(b.json.resource).toEqual(a.json.resource);
  expect(addonAddresses(a.json)).toEqual([
    "aws_iam_policy.platform_addon-external-dns-policy_7D0BA296",
    "aws_iam_policy.platform_addon-load-balancer-controller-policy_25FD107D",
    "aws_iam_role_policy_attachment.platform_addon-external-dns-attachment_0159B555",
    "aws_iam_role_policy_attachment.platform_addon-load-balancer-controller-attachment_825D5240",
    "aws_iam_role_policy_attachment.platform_addon-vpc-cni-AmazonEKS_CNI_Policy-attachment_DE3C75A9",
    "data.aws_partition.aws-partition",
  ]);
});

test("one data aws_partition per stack, shared by every role; region and account only where a document needs them", () => {
  const { json, stack } = stackWith({
    cni: { addonPolicies: [AddonPolicies.vpcCni()] },
    lbc: { addonPolicies: [AddonPolicies.loadBalancerController()] },
    karpenter: {
      addonPolicies: [AddonPolicies.karpenterController({ clusterName: "prod", nodeRoleArns: ["arn:aws:iam::111122223333:role/node"] })],
    },
  });
  expect(Object.keys(dataSources(json, "aws_partition"))).toEqual(["aws-partition"]);
  expect(Object.keys(dataSources(json, "aws_region"))).toEqual(["aws-region"]);
  expect(Object.keys(dataSources(json, "aws_caller_identity"))).toEqual(["aws-caller-identity"]);
  expect(AwsPartition.of(stack)).toBe(AwsPartition.of(stack));
  const references = JSON.stringify(json.resource).match(/\$\{data\.aws_partition\.[^}]+\}/g) ?? [];
  expect(new Set(references)).toEqual(new Set(["${data.aws_partition.aws-partition.partition}"]));

  const withoutKarpenter = stackWith({ cni: { addonPolicies: [AddonPolicies.vpcCni()] } }).json;
  expect(Object.keys(withoutKarpenter.data).sort()).toEqual(["aws_iam_policy_document", "aws_partition", "tls_certificate"]);
});

test("a data aws_partition the user made under the same ID is used; another construct there is an error", () => {
  const stack = newStack();
  const mine = new DataAwsPartition(stack, "aws-partition");
  const oidc = new EksOidcProvider(stack, "oidc", { issuerUrl: ISSUER });
  new IrsaRole(stack, "cni", { oidcProvider: oidc, addonPolicies: [AddonPolicies.vpcCni()] });
  expect(resolveIn(stack, AwsPartition.of(stack))).toBe(resolveIn(stack, mine.partition));
  expect(Object.keys(dataSources(synth(stack).json, "aws_partition"))).toEqual(["aws-partition"]);

  const other = newStack();
  new Construct(other, "aws-partition");
  expect(() => AwsPartition.of(other)).toThrow(ValidationError);
  expect(() => AwsPartition.of(other)).toThrow('The stack\'s construct "aws-partition" is not a data "aws_partition"');
});

test("a customer managed policy per document: name prefix and description from the add-on, attached to the role", () => {
  const { json } = stackWith({ dns: { addonPolicies: [AddonPolicies.externalDns({ hostedZoneArns: [ZONE] })] } });
  const [policyId, policy] = only(resources(json, "aws_iam_policy"));
  const [roleId] = only(resources(json, "aws_iam_role"));
  expect(policy.name_prefix).toBe("external-dns-");
  expect(policy.description).toBe("Permissions of the external-dns add-on (cdktf-eks-irsa)");
  expect(only(resources(json, "aws_iam_role_policy_attachment"))[1]).toEqual({
    role: `\${aws_iam_role.${roleId}.name}`,
    policy_arn: `\${aws_iam_policy.${policyId}.arn}`,
  });
});

test("Karpenter keeps upstream's split: one policy per upstream policy, the interruption one only with a queue", () => {
  const names = (queue?: string) =>
    AddonPolicies.karpenterController({
      clusterName: "prod",
      nodeRoleArns: ["arn:aws:iam::111122223333:role/node"],
      interruptionQueueArn: queue,
    }).policyNames;
  expect(names()).toEqual([
    "karpenter-controller-node-lifecycle",
    "karpenter-controller-iam-integration",
    "karpenter-controller-eks-integration",
    "karpenter-controller-zonal-shift",
    "karpenter-controller-resource-discovery",
  ]);
  expect(names("arn:aws:sqs:us-west-2:111122223333:prod")).toContain("karpenter-controller-interruption");
});

describe("service accounts", () => {
  test("one add-on policy and no serviceAccounts: the role trusts and annotates the add-on's default service account", () => {
    const { json, roles } = stackWith({ lbc: { addonPolicies: [AddonPolicies.loadBalancerController()] } });
    const [, trust] = only(dataSources(json, "aws_iam_policy_document"));
    expect(trust.statement[0].condition[0].values).toEqual(["system:serviceaccount:kube-system:aws-load-balancer-controller"]);
    expect(only(resources(json, "kubernetes_annotations"))[1].metadata).toEqual({
      namespace: "kube-system",
      name: "aws-load-balancer-controller",
    });
    expect(roles.lbc.dependables.filter((d) => d.constructor.name === "IamRolePolicyAttachment")).toHaveLength(1);
  });

  test("serviceAccounts given: they win over the default", () => {
    const { json } = stackWith({
      dns: {
        serviceAccounts: [{ namespace: "dns", name: "external-dns" }],
        addonPolicies: [AddonPolicies.externalDns({ hostedZoneArns: [ZONE] })],
      },
    });
    const [, trust] = only(dataSources(json, "aws_iam_policy_document"));
    expect(trust.statement[0].condition[0].values).toEqual(["system:serviceaccount:dns:external-dns"]);
  });

  test("the Secrets Store CSI provider is the workload's own role: no default service account", () => {
    const ascp = AddonPolicies.secretsStoreCsiProvider({
      secretsManagerArns: ["arn:aws:secretsmanager:us-west-2:111122223333:secret:team-a/*"],
    });
    expect(ascp.hasDefaultServiceAccount).toBe(false);
    expect(AddonPolicies.efsCsiDriver().hasDefaultServiceAccount).toBe(true);
    expect(() => ascp.defaultServiceAccount).toThrow(
      "AddonPolicies.secretsStoreCsiProvider: the secrets-store-csi-provider policy is the workload's own role and has no default " +
        "service account; list the workload's service accounts (serviceAccounts)",
    );
    expect(() => stackWith({ web: { addonPolicies: [ascp] } })).toThrow(
      'IrsaRole "web": serviceAccounts is missing; it must list at least one service account ({ namespace, name })',
    );
    const { json } = stackWith({ web: { serviceAccounts: [{ namespace: "shop", name: "web" }], addonPolicies: [ascp] } });
    const [, trust] = only(dataSources(json, "aws_iam_policy_document"));
    expect(trust.statement[0].condition[0].values).toEqual(["system:serviceaccount:shop:web"]);
  });

  test("two add-on policies and no serviceAccounts: the usual error", () => {
    expect(() => stackWith({ two: { addonPolicies: [AddonPolicies.vpcCni(), AddonPolicies.efsCsiDriver()] } })).toThrow(
      'IrsaRole "two": serviceAccounts is missing; it must list at least one service account ({ namespace, name })',
    );
  });
});

test.each<[string, unknown, string]>([
  [
    "the same add-on twice",
    [AddonPolicies.vpcCni(), AddonPolicies.vpcCni({ ipv6: true })],
    'IrsaRole "bad": addonPolicies[1] "vpc-cni" is listed twice',
  ],
  [
    "something else than an add-on policy",
    [{ name: "x" }],
    'IrsaRole "bad": addonPolicies[0] {"name":"x"} must be an add-on policy made by AddonPolicies',
  ],
  ["no list", "vpc-cni", 'IrsaRole "bad": addonPolicies "vpc-cni" must be a list'],
])("addonPolicies with %s fails", (_what, addonPolicies, message) => {
  const stack = newStack();
  const oidc = new EksOidcProvider(stack, "oidc", { issuerUrl: ISSUER });
  let error: unknown;
  try {
    new IrsaRole(stack, "bad", {
      oidcProvider: oidc,
      serviceAccounts: [{ namespace: "a", name: "b" }],
      addonPolicies: addonPolicies as never,
    });
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(ValidationError);
  expect((error as Error).message).toContain(message);
});
