/**
 * Two roles for one service account used to pass synth: two IrsaRoles annotating (or creating) the
 * same account, two Pod Identity associations for one account, a migrating IrsaRole plus a
 * PodIdentityRole. Each is now one clear error naming both owners' construct paths.
 */
import { DataAwsEksCluster } from "@cdktf/provider-aws/lib/data-aws-eks-cluster";
import { Construct } from "constructs";
import { EksOidcProvider, IrsaRole, PodIdentityRole, ServiceAccountMode } from "../../lib";
import { claimServiceAccount, ServiceAccountClaimKind } from "../../lib/kubernetes/service-account-owners";
import { newStack, resources, synth } from "../support/synth";

/** The message of the error `build` throws (built once: a failed construct stays in the tree). */
function messageOf(build: () => unknown): string {
  try {
    build();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error("expected an error");
}

const ISSUER = "https://oidc.eks.eu-west-1.amazonaws.com/id/ORDERS";
const API = { namespace: "orders", name: "api" };

function stackWithProvider() {
  const stack = newStack();
  const oidc = new EksOidcProvider(stack, "oidc", { issuerUrl: ISSUER });
  return { stack, oidc };
}

describe("two roles for one service account: one clear error naming both owners", () => {
  test("two IrsaRoles annotating the same account (one of them an admin)", () => {
    const { stack, oidc } = stackWithProvider();
    new IrsaRole(stack, "reader", { oidcProvider: oidc, serviceAccounts: [API] });
    const team = new Construct(stack, "team");
    const second = () =>
      new IrsaRole(team, "admin", {
        oidcProvider: oidc,
        serviceAccounts: [{ namespace: "billing", name: "x" }, API],
        managedPolicyArns: ["arn:aws:iam::aws:policy/AdministratorAccess"],
      });
    const message = messageOf(second);
    expect(message).toMatch(/^Two roles for one service account: test\/reader and test\/team\/admin both bind orders\/api /);
    expect(message).toMatch(
      /in the cluster of OIDC provider \$\{aws_iam_openid_connect_provider\.oidc_provider_[0-9A-F]+\.arn\} \(annotation\); /,
    );
    expect(message).toMatch(/both would write the eks\.amazonaws\.com\/role-arn annotation/);
  });

  test('"create" and "annotate" on the same account, and two "create"s', () => {
    for (const modes of [
      [ServiceAccountMode.CREATE, ServiceAccountMode.ANNOTATE],
      [ServiceAccountMode.CREATE, ServiceAccountMode.CREATE],
    ]) {
      const { stack, oidc } = stackWithProvider();
      new IrsaRole(stack, "first", { oidcProvider: oidc, serviceAccounts: [API], serviceAccountMode: modes[0] });
      expect(() => new IrsaRole(stack, "second", { oidcProvider: oidc, serviceAccounts: [API], serviceAccountMode: modes[1] })).toThrow(
        /test\/first and test\/second both bind orders\/api/,
      );
    }
  });

  test("two PodIdentityRoles associating the same account in the same cluster", () => {
    const stack = newStack();
    new PodIdentityRole(stack, "a", { clusterName: "prod", serviceAccounts: [API] });
    const second = () => new PodIdentityRole(stack, "b", { clusterName: "prod", serviceAccounts: [API] });
    const message = messageOf(second);
    expect(message).toMatch(
      /^Two roles for one service account: test\/a and test\/b both bind orders\/api in cluster prod \(pod-identity-association\); /,
    );
    expect(message).toMatch(/EKS accepts one Pod Identity association per cluster, namespace and service account/);
  });

  test("an IrsaRole in migration plus a PodIdentityRole on the same account", () => {
    const { stack, oidc } = stackWithProvider();
    new IrsaRole(stack, "legacy", { oidcProvider: oidc, serviceAccounts: [API], podIdentityClusterName: "prod" });
    expect(() => new PodIdentityRole(stack, "new", { clusterName: "prod", serviceAccounts: [API] })).toThrow(
      /test\/legacy and test\/new both bind orders\/api in cluster prod \(pod-identity-association\)/,
    );
  });

  test("a token cluster name: the same reference collides, another reference does not", () => {
    const stack = newStack();
    const prod = new DataAwsEksCluster(stack, "prod", { name: "prod" });
    const dr = new DataAwsEksCluster(stack, "dr", { name: "dr" });
    const prodName = prod.name;
    new PodIdentityRole(stack, "a", { clusterName: prodName, serviceAccounts: [API] });
    new PodIdentityRole(stack, "b", { clusterName: dr.name, serviceAccounts: [API] });
    expect(() => new PodIdentityRole(stack, "c", { clusterName: prodName, serviceAccounts: [API] })).toThrow(
      /test\/a and test\/c both bind orders\/api in cluster \$\{data\.aws_eks_cluster\.prod\.name\}/,
    );
  });

  test("still allowed: other clusters, other accounts, roles that write no annotation, one role listing an account in two clusters", () => {
    const { stack, oidc } = stackWithProvider();
    const other = new EksOidcProvider(stack, "oidc-dr", { issuerUrl: "https://oidc.eks.eu-west-1.amazonaws.com/id/DR" });
    new IrsaRole(stack, "prod-api", { oidcProvider: oidc, serviceAccounts: [API] });
    new IrsaRole(stack, "dr-api", { oidcProvider: other, serviceAccounts: [API] });
    new IrsaRole(stack, "prod-worker", { oidcProvider: oidc, serviceAccounts: [{ namespace: "orders", name: "worker" }] });
    new IrsaRole(stack, "trust-only", { oidcProvider: oidc, serviceAccounts: [API], serviceAccountMode: ServiceAccountMode.NONE });
    new PodIdentityRole(stack, "pods", {
      clusterName: "prod",
      serviceAccounts: [API],
      additionalClusters: [{ clusterName: "dr", serviceAccounts: [API] }],
    });
    const json = synth(stack).json;
    expect(Object.keys(resources(json, "kubernetes_annotations"))).toHaveLength(3);
    expect(Object.keys(resources(json, "aws_eks_pod_identity_association"))).toHaveLength(2);
  });

  test("the registry on its own: the same owner may claim twice; another kind is another registry", () => {
    const { stack } = stackWithProvider();
    const owner = new Construct(stack, "addon");
    const claim = { clusterKey: "prod", namespace: "kube-system", name: "ebs-csi-controller-sa", owner };
    claimServiceAccount(stack, { ...claim, kind: ServiceAccountClaimKind.POD_IDENTITY_ASSOCIATION });
    claimServiceAccount(stack, { ...claim, kind: ServiceAccountClaimKind.POD_IDENTITY_ASSOCIATION });
    claimServiceAccount(stack, { ...claim, kind: ServiceAccountClaimKind.ANNOTATION });
    expect(
      () =>
        new PodIdentityRole(stack, "ebs", {
          clusterName: "prod",
          serviceAccounts: [{ namespace: "kube-system", name: "ebs-csi-controller-sa" }],
        }),
    ).toThrow(/test\/addon and test\/ebs both bind kube-system\/ebs-csi-controller-sa in cluster prod/);
  });
});
