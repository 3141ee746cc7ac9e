/**
 * Removing or reordering an additional cluster or a managed policy must not move another one's
 * objects: a moved kubernetes_service_account_v1 ("create" mode) is deleted and created again.
 */
import { IamPolicy } from "@cdktf/provider-aws/lib/iam-policy";
import { KubernetesProvider } from "@cdktf/provider-kubernetes/lib/provider";
import { TerraformStack } from "cdktf";
import { EksOidcProvider, IOidcProvider, IrsaRole, ServiceAccountMode } from "../../lib";
import { newStack, resources, synth } from "../support/synth";

const ISSUERS = ["AAAA", "BBBB", "CCCC"].map((id) => `https://oidc.eks.us-west-2.amazonaws.com/id/${id}`);
const SA = { namespace: "orders", name: "api" };

/** A role on cluster 0 plus the given additional clusters ("create" mode); objects by namespace/name and provider alias. */
function objects(additional: number[], providers: (stack: TerraformStack, i: number) => IOidcProvider): { [address: string]: string } {
  const stack = newStack();
  const all = ISSUERS.map((_, i) => providers(stack, i));
  new IrsaRole(stack, "orders", {
    oidcProvider: all[0],
    serviceAccounts: [SA],
    serviceAccountMode: ServiceAccountMode.CREATE,
    additionalClusters: additional.map((i) => ({
      oidcProvider: all[i],
      serviceAccounts: [SA],
      kubernetesProvider: new KubernetesProvider(stack, `k8s-${i}`, { alias: `c${i}` }),
    })),
  });
  const created = resources(synth(stack).json, "kubernetes_service_account_v1");
  return Object.fromEntries(Object.entries(created).map(([id, sa]) => [id, sa.provider ?? "default"]));
}

describe.each<[string, (stack: TerraformStack, i: number) => IOidcProvider]>([
  ["EksOidcProvider (token ARN)", (stack, i) => new EksOidcProvider(stack, `oidc-${i}`, { issuerUrl: ISSUERS[i] })],
  [
    "fromArn (literal ARN)",
    (stack, i) => EksOidcProvider.fromArn(stack, `oidc-${i}`, `arn:aws:iam::111122223333:oidc-provider/${ISSUERS[i].slice(8)}`),
  ],
  [
    "plain object with a token ARN",
    (stack, i) => {
      const p = new EksOidcProvider(stack, `oidc-${i}`, { issuerUrl: ISSUERS[i] });
      return { arn: p.arn, issuerHost: p.issuerHost };
    },
  ],
])("additional clusters keyed by their provider: %s", (_kind, providers) => {
  test("removing the first additional cluster keeps the second one's ServiceAccount at its address", () => {
    const before = objects([1, 2], providers);
    const after = objects([2], providers);
    const second = Object.entries(before).filter(([, provider]) => provider === "kubernetes.c2");
    expect(second).toHaveLength(1);
    expect(after).toEqual(expect.objectContaining(Object.fromEntries(second)));
    expect(Object.keys(after)).toHaveLength(2);
  });

  test("reordering the additional clusters keeps every address", () => {
    expect(objects([2, 1], providers)).toEqual(objects([1, 2], providers));
  });
});

test("managed policies given as tokens are keyed by the reference, not by position", () => {
  const attachments = (order: number[]) => {
    const stack = newStack();
    const oidc = new EksOidcProvider(stack, "oidc", { issuerUrl: ISSUERS[0] });
    const policies = [0, 1, 2].map((i) => new IamPolicy(stack, `policy-${i}`, { policy: '{"Version":"2012-10-17","Statement":[]}' }));
    new IrsaRole(stack, "app", { oidcProvider: oidc, serviceAccounts: [SA], managedPolicyArns: order.map((i) => policies[i].arn) });
    const found = resources(synth(stack).json, "aws_iam_role_policy_attachment");
    return Object.fromEntries(Object.entries(found).map(([id, a]) => [id, a.policy_arn]));
  };
  const all = attachments([0, 1, 2]);
  expect(Object.keys(all)).toHaveLength(3);
  expect(attachments([2, 0, 1])).toEqual(all);
  const withoutFirst = attachments([1, 2]);
  expect(all).toEqual(expect.objectContaining(withoutFirst));
});

test("the same token policy twice is rejected, even when read twice from the resource", () => {
  const stack = newStack();
  const oidc = new EksOidcProvider(stack, "oidc", { issuerUrl: ISSUERS[0] });
  const policy = new IamPolicy(stack, "policy", { policy: '{"Version":"2012-10-17","Statement":[]}' });
  expect(
    () => new IrsaRole(stack, "app", { oidcProvider: oidc, serviceAccounts: [SA], managedPolicyArns: [policy.arn, policy.arn] }),
  ).toThrow(/managedPolicyArns\[1\] .* is attached twice/);
});
