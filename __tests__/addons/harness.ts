/**
 * One add-on in one role, synthesized once and evaluated in every partition: the requests the
 * add-on's docs say it makes must be allowed on in-scope resources and denied outside the scope.
 */
import { Testing } from "cdktf";
import { AddonPolicy, EksOidcProvider, IrsaRole, ServiceAccountRef } from "../../lib";
import { stackContext } from "../../lib/addons/partition";
import { AuthorizationRequest, PolicyEvaluator } from "../../lib/evaluation/policy-evaluator";
import { ENVIRONMENTS, Environment, Partition, PARTITIONS, rolePolicies } from "../support/permissions";
import { Json, newStack, only, resources } from "../support/synth";

/** Builds ARNs: with the stack's references (for props) or with one environment's literal values (for requests). */
export interface ArnBuilder {
  readonly partition: string;
  readonly region: string;
  readonly accountId: string;
  arn(service: string, region: string, account: string, resource: string): string;
}

function builder(partition: string, region: string, accountId: string): ArnBuilder {
  return { partition, region, accountId, arn: (s, r, a, res) => `arn:${partition}:${s}:${r}:${a}:${res}` };
}

export const literal = (env: Environment): ArnBuilder => builder(env.partition, env.region, env.accountId);

/** A request with single-valued context keys. */
export function request(
  action: string,
  resource: string,
  context: { [key: string]: string } = {},
  multi: { [key: string]: string[] } = {},
) {
  return { action, resource, context, multiValuedContext: multi } satisfies AuthorizationRequest;
}

export interface AddonCase {
  /** The add-on policy, its inputs built from the stack's references. */
  readonly policy: (ref: ArnBuilder) => AddonPolicy;
  /** Calls the add-on makes on resources in its scope. */
  readonly allowed: (env: ArnBuilder) => AuthorizationRequest[];
  /** Calls outside its scope: other zones, buckets, clusters, untagged resources, other actions. */
  readonly denied: (env: ArnBuilder) => AuthorizationRequest[];
  /** The role's service accounts, for a policy that is the workload's own role (no default service account). */
  readonly serviceAccounts?: ServiceAccountRef[];
}

export interface SynthesizedAddon {
  readonly text: string;
  readonly json: Json;
  readonly evaluator: (partition: Partition) => PolicyEvaluator;
  readonly policies: (partition: Partition) => string[];
}

/** The service account of a workload whose own role an add-on policy is (the Secrets Store CSI provider). */
export const WORKLOAD: ServiceAccountRef = { namespace: "shop", name: "web" };

/** Synthesizes a stack with one IrsaRole holding only this add-on policy (trusting its default service account). */
export function synthAddon(policy: (ref: ArnBuilder) => AddonPolicy, serviceAccounts?: ServiceAccountRef[]): SynthesizedAddon {
  const stack = newStack();
  const oidc = new EksOidcProvider(stack, "oidc", { issuerUrl: "https://oidc.eks.us-west-2.amazonaws.com/id/AAAA" });
  const context = stackContext(stack);
  const ref = builder(context.partition, context.region, context.accountId);
  const built = policy(ref);
  // A workload's own policy (no default service account) trusts the case's accounts, or a stand-in workload.
  const accounts = serviceAccounts ?? (built.hasDefaultServiceAccount ? undefined : [WORKLOAD]);
  new IrsaRole(stack, "addon", { oidcProvider: oidc, addonPolicies: [built], serviceAccounts: accounts });
  const text = Testing.synth(stack, true);
  const json = JSON.parse(text);
  const [roleId] = only(resources(json, "aws_iam_role"));
  const policies = (partition: Partition) => rolePolicies(json, roleId, ENVIRONMENTS[partition]);
  return { text, json, policies, evaluator: (partition) => new PolicyEvaluator(policies(partition)) };
}

/** The customer managed documents of a synthesized add-on, unresolved, for snapshots. */
export function documentsOf(json: Json): { [id: string]: unknown } {
  return Object.fromEntries(Object.entries<Json>(resources(json, "aws_iam_policy")).map(([id, p]) => [id, JSON.parse(p.policy)]));
}

/** The standard tests of one add-on: snapshot, references only, and allow/deny in every partition. */
export function describeAddon(name: string, addon: AddonCase): void {
  describe(name, () => {
    const synthesized = synthAddon(addon.policy, addon.serviceAccounts);

    test("snapshot of its policy documents and attachments", () => {
      expect(documentsOf(synthesized.json)).toMatchSnapshot();
      expect(Object.values<Json>(resources(synthesized.json, "aws_iam_role_policy_attachment")).map((a) => a.policy_arn)).toMatchSnapshot();
    });

    test("no literal partition in the output: ARNs refer to the shared data sources", () => {
      expect(synthesized.text).not.toMatch(/arn:aws[-a-z]*:/);
    });

    test.each(PARTITIONS)("%s: the documented calls are allowed in scope and denied outside it", (partition) => {
      const evaluator = synthesized.evaluator(partition);
      const env = literal(ENVIRONMENTS[partition]);
      const allowed = addon.allowed(env);
      const denied = addon.denied(env);
      expect(allowed.length).toBeGreaterThan(0);
      expect(denied.length).toBeGreaterThan(0);
      expect(allowed.filter((r) => !evaluator.isAllowed(r))).toEqual([]);
      expect(denied.filter((r) => evaluator.isAllowed(r))).toEqual([]);
    });
  });
}
