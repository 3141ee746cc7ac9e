import { KubernetesProvider } from "@cdktf/provider-kubernetes/lib/provider";
import { Aspects, Testing } from "cdktf";
import { AddonPolicies, IrsaTrustChecks, PodIdentityRole, PodIdentityRoleProps, PodIdentityServiceAccountMode } from "../../lib";
import { IrsaAssertions } from "../../lib/testing";
import { errorsOf, warningsOf } from "../support/annotations";
import { addresses, newStack, only, ref, resources, synth } from "../support/synth";
import { clusterArnOf, podIdentityRequest, stackValues, TEST_ENV, trustEvaluator } from "../support/iam-requests";

function podStack(props: Partial<PodIdentityRoleProps> = {}) {
  const stack = newStack();
  const role = new PodIdentityRole(stack, "app", {
    clusterName: "prod",
    serviceAccounts: [{ namespace: "payments", name: "api" }],
    ...props,
  });
  return { stack, role };
}

const evaluatorOf = (json: ReturnType<typeof synth>["json"]) => trustEvaluator(json, only(resources(json, "aws_iam_role"))[0]);

describe("PodIdentityRole: trust", () => {
  test("pods.eks.amazonaws.com with AssumeRole and TagSession, narrowed to the cluster, namespace and service account", () => {
    const { stack } = podStack();
    const { text, json } = synth(stack);
    expect(text).toMatchSnapshot();
    const trust = evaluatorOf(json);
    for (const action of ["sts:AssumeRole", "sts:TagSession"]) {
      expect(trust.isAllowed(podIdentityRequest("prod", "payments", "api", action))).toBe(true);
      expect(trust.isAllowed(podIdentityRequest("prod", "payments", "worker", action))).toBe(false);
      expect(trust.isAllowed(podIdentityRequest("prod", "billing", "api", action))).toBe(false);
      expect(trust.isAllowed(podIdentityRequest("staging", "payments", "api", action))).toBe(false);
      expect(trust.isAllowed(podIdentityRequest("prod", "payments", "api", action, false))).toBe(false);
      // A cluster named "prod" in another Region or another account of the partition: its ARN differs.
      for (const elsewhere of [
        { ...TEST_ENV, region: "eu-central-1" },
        { ...TEST_ENV, accountId: "444455556666" },
      ]) {
        expect(trust.isAllowed(podIdentityRequest("prod", "payments", "api", action, true, clusterArnOf("prod", elsewhere)))).toBe(false);
      }
    }
    const other = { ...podIdentityRequest("prod", "payments", "api"), principal: { type: "Service", id: "ec2.amazonaws.com" } };
    expect(trust.isAllowed(other)).toBe(false);
  });

  test("the shipped testing helper reads the trust: who can assume it, in one line", () => {
    const { stack, role } = podStack();
    const { text, json } = synth(stack);
    const assertions = IrsaAssertions.fromSynth(text, { values: stackValues(json) });
    expect(assertions.whoCanAssume(role)).toEqual(role.trustedSubjects);
    expect(assertions.canAssumeWithPodIdentity(role, { clusterName: "prod", namespace: "payments", name: "api" })).toBe(true);
    expect(assertions.canAssumeWithPodIdentity(role, { clusterName: "prod", namespace: "payments", name: "worker" })).toBe(false);
    const elsewhere = clusterArnOf("prod", { ...TEST_ENV, region: "ap-south-1" });
    expect(
      assertions.canAssumeWithPodIdentity(role, { clusterName: "prod", namespace: "payments", name: "api", clusterArn: elsewhere }),
    ).toBe(false);
  });

  test("several clusters and namespaces: exactly the listed pairs, no cross pairs", () => {
    const k8s = { kubernetesProvider: undefined };
    const { stack, role } = podStack({
      serviceAccounts: [
        { namespace: "payments", name: "api" },
        { namespace: "billing", name: "worker" },
        { namespace: "payments", name: "refunds" },
      ],
      additionalClusters: [{ clusterName: "dr", serviceAccounts: [{ namespace: "payments", name: "api" }], ...k8s }],
    });
    const trust = evaluatorOf(synth(stack).json);
    const allowed = (c: string, ns: string, sa: string) => trust.isAllowed(podIdentityRequest(c, ns, sa));
    expect([allowed("prod", "payments", "api"), allowed("prod", "billing", "worker"), allowed("prod", "payments", "refunds")]).toEqual([
      true,
      true,
      true,
    ]);
    expect(allowed("dr", "payments", "api")).toBe(true);
    expect(allowed("prod", "billing", "api")).toBe(false);
    expect(allowed("prod", "payments", "worker")).toBe(false);
    expect(allowed("dr", "billing", "worker")).toBe(false);
    expect(allowed("dr", "payments", "refunds")).toBe(false);
    expect(role.trustedSubjects.map((s) => `${s.clusterName}/${s.namespace}/${s.serviceAccountName}`)).toEqual([
      "prod/payments/api",
      "prod/billing/worker",
      "prod/payments/refunds",
      "dr/payments/api",
    ]);
    expect(role.trustedSubjects.every((s) => s.via === "pod-identity" && s.service === "pods.eks.amazonaws.com")).toBe(true);
  });

  test("disableSessionTags: the documented trust without conditions (tag conditions would never hold), and a warning", () => {
    const { stack } = podStack({ disableSessionTags: true });
    Aspects.of(stack).add(new IrsaTrustChecks());
    const { json } = synth(stack);
    const trust = evaluatorOf(json);
    expect(trust.isAllowed(podIdentityRequest("prod", "payments", "api", "sts:AssumeRole", false))).toBe(true);
    expect(only(resources(json, "aws_eks_pod_identity_association"))[1].disable_session_tags).toBe(true);
    expect(errorsOf(stack)).toEqual([]);
    expect(warningsOf(stack)).toEqual([expect.stringMatching(/IRSA021 \(pod-identity-open-to-account\)/)]);
  });

  test("the checks pass our narrow trust without a finding", () => {
    const { stack } = podStack();
    Aspects.of(stack).add(new IrsaTrustChecks());
    Testing.synth(stack);
    expect([...errorsOf(stack), ...warningsOf(stack)]).toEqual([]);
  });
});

describe("PodIdentityRole: associations and Kubernetes", () => {
  test("one association per (cluster, service account), pointing at the role; stable addresses", () => {
    const build = (accounts: { namespace: string; name: string }[]) => {
      const { stack } = podStack({
        serviceAccounts: accounts,
        additionalClusters: [{ clusterName: "dr", serviceAccounts: [{ namespace: "payments", name: "api" }] }],
      });
      return synth(stack).json;
    };
    const a = { namespace: "payments", name: "api" };
    const b = { namespace: "billing", name: "worker" };
    const json = build([a, b]);
    const [roleId] = only(resources(json, "aws_iam_role"));
    const associations = Object.values(resources(json, "aws_eks_pod_identity_association"));
    expect(associations.map((x) => `${x.cluster_name}/${x.namespace}/${x.service_account}`).sort()).toEqual([
      "dr/payments/api",
      "prod/billing/worker",
      "prod/payments/api",
    ]);
    expect(associations.every((x) => x.role_arn === ref("aws_iam_role", roleId, "arn") && x.target_role_arn === undefined)).toBe(true);
    expect(addresses(json).filter((x) => x.startsWith("aws_eks_pod_identity_association"))).toEqual([
      "aws_eks_pod_identity_association.app_association-dr-paymentsapi_078410E9",
      "aws_eks_pod_identity_association.app_association-prod-billingworker_F1020A46",
      "aws_eks_pod_identity_association.app_association-prod-paymentsapi_323FAEA9",
    ]);
    expect(Object.keys(resources(build([b, a]), "aws_eks_pod_identity_association"))).toEqual(
      Object.keys(resources(json, "aws_eks_pod_identity_association")),
    );
  });

  test("targetRoleArn: on every association, and the role may assume the target", () => {
    const target = "arn:aws:iam::444455556666:role/data-reader";
    const { stack } = podStack({ targetRoleArn: target });
    const json = synth(stack).json;
    expect(only(resources(json, "aws_eks_pod_identity_association"))[1].target_role_arn).toBe(target);
    const [, inline] = only(resources(json, "aws_iam_role_policy"));
    expect(JSON.parse(inline.policy).Statement).toEqual([
      { Effect: "Allow", Action: ["sts:AssumeRole", "sts:TagSession"], Resource: target },
    ]);
  });

  test('"create" mode creates the service accounts without annotations; "none" is the default', () => {
    const { stack, role } = podStack({ serviceAccountMode: PodIdentityServiceAccountMode.CREATE });
    const [, sa] = only(resources(synth(stack).json, "kubernetes_service_account_v1"));
    expect(sa.metadata).toEqual({ name: "api", namespace: "payments" });
    expect(role.createdServiceAccounts).toHaveLength(1);
    expect(resources(synth(podStack().stack).json, "kubernetes_service_account_v1")).toEqual({});
  });

  test("role options reach aws_iam_role; dependables hold role, policies and associations", () => {
    const { stack, role } = podStack({
      roleName: "payments-api",
      path: "/pods/",
      managedPolicyArns: ["arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"],
    });
    const json = synth(stack).json;
    expect(only(resources(json, "aws_iam_role"))[1]).toMatchObject({ name: "payments-api", path: "/pods/" });
    expect(role.dependables).toHaveLength(3);
    const defaulted = synth(podStack().stack).json;
    expect(only(resources(defaulted, "aws_iam_role"))[1].name_prefix).toBe("app-");
  });
});

test("add-on policies: one add-on and no serviceAccounts associates the add-on's default service account", () => {
  const stack = newStack();
  const role = new PodIdentityRole(stack, "lbc", { clusterName: "prod", addonPolicies: [AddonPolicies.loadBalancerController()] });
  const json = synth(stack).json;
  const [, association] = only(resources(json, "aws_eks_pod_identity_association"));
  expect(association).toMatchObject({ cluster_name: "prod", namespace: "kube-system", service_account: "aws-load-balancer-controller" });
  const [roleId] = only(resources(json, "aws_iam_role"));
  const [, attachment] = only(resources(json, "aws_iam_role_policy_attachment"));
  expect(attachment.role).toBe(ref("aws_iam_role", roleId, "name"));
  expect(attachment.policy_arn).toMatch(/^\$\{aws_iam_policy\.lbc_addon-load-balancer-controller-policy_[0-9A-F]{8}\.arn\}$/);
  expect(role.dependables).toHaveLength(3);
  expect(evaluatorOf(json).isAllowed(podIdentityRequest("prod", "kube-system", "aws-load-balancer-controller"))).toBe(true);
});

describe("PodIdentityRole: bad input", () => {
  const build = (props: Partial<PodIdentityRoleProps>) => () => podStack(props);
  test.each<[string, Partial<PodIdentityRoleProps>, RegExp]>([
    ["cluster name with a dot", { clusterName: "prod.eu" }, /clusterName "prod\.eu" is not an EKS cluster name/],
    ["cluster name of 101 characters", { clusterName: `c${"x".repeat(100)}` }, /is not an EKS cluster name \(1 to 100/],
    ["empty cluster name", { clusterName: "" }, /clusterName "" is not an EKS cluster name/],
    ["target role that is a policy", { targetRoleArn: "arn:aws:iam::444455556666:policy/x" }, /targetRoleArn .* is not an IAM role ARN/],
    [
      "annotate mode",
      { serviceAccountMode: "annotate" as PodIdentityServiceAccountMode },
      /serviceAccountMode "annotate" is not one of "none", "create"/,
    ],
    [
      "a wildcard service account",
      { serviceAccounts: [{ namespace: "ci", name: "runner-*" }] },
      /an association names one exact service account/,
    ],
    ["no service accounts", { serviceAccounts: [] }, /serviceAccounts \[\] must list at least one/],
    [
      "the same cluster twice",
      { additionalClusters: [{ clusterName: "prod", serviceAccounts: [{ namespace: "a", name: "b" }] }] },
      /is the same cluster as clusterName/,
    ],
    [
      "an additional cluster to create in without a provider",
      {
        serviceAccountMode: PodIdentityServiceAccountMode.CREATE,
        additionalClusters: [{ clusterName: "dr", serviceAccounts: [{ namespace: "a", name: "b" }] }],
      },
      /additionalClusters\[0\]\.kubernetesProvider is required when serviceAccountMode is "create"/,
    ],
    [
      "a user inline policy named like the one targetRoleArn adds",
      {
        targetRoleArn: "arn:aws:iam::444455556666:role/data-reader",
        inlinePolicies: {
          "assume-target-role": JSON.stringify({
            Version: "2012-10-17",
            Statement: [{ Effect: "Allow", Action: "s3:ListBucket", Resource: "*" }],
          }),
        },
      },
      /inlinePolicies\["assume-target-role"\] "assume-target-role" is the name of the inline policy that targetRoleArn adds .* name$/,
    ],
    ["disableSessionTags not boolean", { disableSessionTags: "yes" as never }, /disableSessionTags "yes" must be true or false/],
  ])("%s", (_what, props, message) => {
    expect(build(props)).toThrow(message);
    expect(build(props)).toThrow(/^PodIdentityRole "app": /);
  });

  test("without targetRoleArn the name assume-target-role is the user's to use", () => {
    const policy = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:ListBucket", Resource: "*" }] });
    const { stack } = podStack({ inlinePolicies: { "assume-target-role": policy } });
    expect(only(resources(synth(stack).json, "aws_iam_role_policy"))[1].policy).toBe(policy);
  });

  test("an additional cluster in create mode with its own provider is fine", () => {
    const stack = newStack();
    const dr = new KubernetesProvider(stack, "dr", { alias: "dr" });
    new PodIdentityRole(stack, "app", {
      clusterName: "prod",
      serviceAccounts: [{ namespace: "a", name: "b" }],
      serviceAccountMode: PodIdentityServiceAccountMode.CREATE,
      additionalClusters: [{ clusterName: "dr", serviceAccounts: [{ namespace: "a", name: "b" }], kubernetesProvider: dr }],
    });
    const created = Object.values(resources(synth(stack).json, "kubernetes_service_account_v1"));
    expect(created.map((sa) => sa.provider ?? "default").sort()).toEqual(["default", "kubernetes.dr"]);
  });
});

test("trust size: the cluster ARN's partition, region and account count at their real lengths, so no early quota warning", () => {
  const warningsFor = (namespaces: number) => {
    const { stack } = podStack({
      serviceAccounts: Array.from({ length: namespaces }, (_, i) => ({ namespace: `team-${i}`, name: "api" })),
    });
    synth(stack);
    return warningsOf(stack).filter((w) => w.includes("over IAM's default quota"));
  };
  // Five statements are about 1,900 characters with the longest partition and region names: under the quota.
  expect(warningsFor(5)).toEqual([]);
  expect(warningsFor(8)).toEqual([expect.stringMatching(/^PodIdentityRole "app": the trust policy is about \d+ characters/)]);
});
