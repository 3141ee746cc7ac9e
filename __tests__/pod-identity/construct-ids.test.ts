/**
 * Cluster names and namespaces both contain '-', so `<cluster>-<namespace>.<name>` keys are
 * ambiguous: cluster `prod` + namespace `eu-orders` and cluster `prod-eu` + namespace `orders`
 * crashed with "There is already a Construct". The usual ids stay (pinned in addresses.test.ts,
 * stable-addresses.test.ts and pod-identity-migration.test.ts); only the later of two colliding
 * entries gets an unambiguous id.
 */
import { KubernetesProvider } from "@cdktf/provider-kubernetes/lib/provider";
import { EksOidcProvider, IrsaRole, PodIdentityRole, PodIdentityServiceAccountMode } from "../../lib";
import { addresses, newStack, resources, synth } from "../support/synth";

const pairs = (blocks: { [id: string]: { [key: string]: unknown } }, ...keys: string[]) =>
  Object.values(blocks)
    .map((b) => keys.map((k) => JSON.stringify(b[k] ?? (b.metadata as { [key: string]: unknown })?.[k])).join("/"))
    .sort();

describe("construct ids: cluster prod + namespace eu-orders next to cluster prod-eu + namespace orders", () => {
  test("PodIdentityRole: both associations exist; the first keeps the usual id, the second gets the unambiguous one", () => {
    const stack = newStack();
    new PodIdentityRole(stack, "app", {
      clusterName: "prod",
      serviceAccounts: [{ namespace: "eu-orders", name: "api" }],
      additionalClusters: [{ clusterName: "prod-eu", serviceAccounts: [{ namespace: "orders", name: "api" }] }],
    });
    const { json, text } = synth(stack);
    expect(text).toMatchSnapshot();
    const associations = resources(json, "aws_eks_pod_identity_association");
    expect(pairs(associations, "cluster_name", "namespace", "service_account")).toEqual([
      '"prod"/"eu-orders"/"api"',
      '"prod-eu"/"orders"/"api"',
    ]);
    const ids = addresses(json).filter((a) => a.startsWith("aws_eks_pod_identity_association."));
    expect(ids).toHaveLength(2);
    // The usual id of the first entry is what a role with only that entry has always had.
    const alone = newStack();
    new PodIdentityRole(alone, "app", { clusterName: "prod", serviceAccounts: [{ namespace: "eu-orders", name: "api" }] });
    expect(ids).toContain(addresses(synth(alone).json).find((a) => a.startsWith("aws_eks_pod_identity_association."))!);
  });

  test('PodIdentityRole "create" mode: clusters a + namespace service-account-b and a-service-account + namespace b', () => {
    const stack = newStack();
    const other = new KubernetesProvider(stack, "other", { alias: "other" });
    new PodIdentityRole(stack, "app", {
      clusterName: "a",
      serviceAccounts: [{ namespace: "service-account-b", name: "x" }],
      serviceAccountMode: PodIdentityServiceAccountMode.CREATE,
      additionalClusters: [
        { clusterName: "a-service-account", serviceAccounts: [{ namespace: "b", name: "x" }], kubernetesProvider: other },
      ],
    });
    const created = resources(synth(stack).json, "kubernetes_service_account_v1");
    expect(pairs(created, "namespace", "name")).toEqual(['"b"/"x"', '"service-account-b"/"x"']);
  });

  test("IrsaRole migration: two clusters whose Pod Identity names and namespaces collide", () => {
    const stack = newStack();
    const providers = ["ONE", "TWO"].map(
      (id) => new EksOidcProvider(stack, `oidc-${id}`, { issuerUrl: `https://oidc.eks.eu-west-1.amazonaws.com/id/${id}` }),
    );
    const other = new KubernetesProvider(stack, "other", { alias: "other" });
    new IrsaRole(stack, "orders", {
      oidcProvider: providers[0],
      serviceAccounts: [{ namespace: "eu-orders", name: "api" }],
      podIdentityClusterName: "prod",
      additionalClusters: [
        {
          oidcProvider: providers[1],
          serviceAccounts: [{ namespace: "orders", name: "api" }],
          podIdentityClusterName: "prod-eu",
          kubernetesProvider: other,
        },
      ],
    });
    const associations = resources(synth(stack).json, "aws_eks_pod_identity_association");
    expect(pairs(associations, "cluster_name", "namespace", "service_account")).toEqual([
      '"prod"/"eu-orders"/"api"',
      '"prod-eu"/"orders"/"api"',
    ]);
  });
});
