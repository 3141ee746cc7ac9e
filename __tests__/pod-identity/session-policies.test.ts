/**
 * Session policies on Pod Identity associations: the `policy` attribute through an escape hatch,
 * the stack's aws provider constraint raised only when one is used (evaluated against 6.25.0 and
 * 6.57.1 below), and one clear error for each bad input.
 */
import { DataAwsIamPolicyDocument } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { Testing } from "cdktf";
import { PodIdentityRole, PodIdentityRoleProps } from "../../lib";
import { warningsOf } from "../support/annotations";
import { newStack, resources, synth } from "../support/synth";

const policy = (action: string, resource = "*") =>
  JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: action, Resource: resource }] });
const READ = policy("s3:GetObject", "arn:aws:s3:::orders/*");

function build(props: Partial<PodIdentityRoleProps> = {}) {
  const stack = newStack();
  new PodIdentityRole(stack, "shared", {
    clusterName: "prod",
    serviceAccounts: [
      { namespace: "orders", name: "api" },
      { namespace: "orders", name: "worker" },
    ],
    disableSessionTags: true,
    ...props,
  });
  return stack;
}

/** Terraform's version constraints, enough for these tests: comma-separated `op version` terms, all must hold. */
function admits(constraint: string, version: string): boolean {
  const parse = (v: string) => v.split(".").map(Number);
  const compare = (a: number[], b: number[]) => {
    for (let i = 0; i < 3; i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) - (b[i] ?? 0);
    return 0;
  };
  const v = parse(version);
  return constraint.split(",").every((term) => {
    const match = /^\s*(>=|<=|!=|~>|>|<|=)?\s*(\d+(?:\.\d+){0,2})\s*$/.exec(term);
    if (match === null) throw new Error(`unreadable constraint term ${term}`);
    const [, op = "=", text] = match;
    const bound = parse(text);
    const c = compare(v, bound);
    switch (op) {
      case "=":
        return c === 0;
      case "!=":
        return c !== 0;
      case ">":
        return c > 0;
      case ">=":
        return c >= 0;
      case "<":
        return c < 0;
      case "<=":
        return c <= 0;
      default: {
        // ~> 6.57 admits >= 6.57, < 7; ~> 6.57.1 admits >= 6.57.1, < 6.58.
        const upper = bound.length === 3 ? [bound[0], bound[1] + 1, 0] : [bound[0] + 1, 0, 0];
        return c >= 0 && compare(v, upper) < 0;
      }
    }
  });
}

describe("PodIdentityRole: sessionPolicies", () => {
  test("the named association gets policy; the other none; the aws constraint admits 6.57.1 and not 6.25.0; a warning says so", () => {
    const stack = build({ sessionPolicies: { "orders/api": READ } });
    const { json, text } = synth(stack);
    expect(text).toMatchSnapshot();
    const byAccount = Object.fromEntries(
      Object.values(resources(json, "aws_eks_pod_identity_association")).map((a) => [`${a.namespace}/${a.service_account}`, a]),
    );
    expect(byAccount["orders/api"].policy).toBe(READ);
    expect(JSON.parse(byAccount["orders/api"].policy)).toEqual(JSON.parse(READ));
    expect(byAccount["orders/api"].disable_session_tags).toBe(true);
    expect(byAccount["orders/worker"].policy).toBeUndefined();

    const constraint = json.terraform.required_providers.aws.version;
    expect(admits(constraint, "6.25.0")).toBe(false);
    expect(admits(constraint, "6.57.0")).toBe(false);
    expect(admits(constraint, "6.57.1")).toBe(true);
    expect(admits(constraint, "6.80.0")).toBe(true);
    expect(admits(constraint, "7.0.0")).toBe(false);
    expect(json.terraform.required_providers.aws.source).toBe("aws");
    expect(warningsOf(stack)).toEqual([expect.stringMatching(/^PodIdentityRole "shared": sessionPolicies .* hashicorp\/aws >= 6\.57\.1/)]);
  });

  test("without a session policy the constraint stays the prebuilt provider's pin (6.25.0) and nothing warns about it", () => {
    for (const props of [{}, { sessionPolicies: {} }]) {
      const stack = build(props);
      const json = synth(stack).json;
      expect(json.terraform.required_providers.aws.version).toBe("6.25.0");
      expect(admits(json.terraform.required_providers.aws.version, "6.57.1")).toBe(false);
      expect(Object.values(resources(json, "aws_eks_pod_identity_association")).every((a) => a.policy === undefined)).toBe(true);
      expect(warningsOf(stack).filter((w) => w.includes("sessionPolicies"))).toEqual([]);
    }
  });

  test("additional clusters: the account gets the policy in every cluster that lists it; two roles in one stack raise it once", () => {
    const stack = build({
      sessionPolicies: { "orders/worker": READ },
      additionalClusters: [{ clusterName: "dr", serviceAccounts: [{ namespace: "orders", name: "worker" }] }],
    });
    new PodIdentityRole(stack, "other", {
      clusterName: "prod",
      serviceAccounts: [{ namespace: "billing", name: "api" }],
      disableSessionTags: true,
      sessionPolicies: { "billing/api": policy("sqs:SendMessage") },
    });
    const json = JSON.parse(Testing.synth(stack));
    const withPolicy = Object.values(resources(json, "aws_eks_pod_identity_association"))
      .filter((a) => a.policy !== undefined)
      .map((a) => `${a.cluster_name}/${a.namespace}/${a.service_account}`)
      .sort();
    expect(withPolicy).toEqual(["dr/orders/worker", "prod/billing/api", "prod/orders/worker"]);
    expect(admits(json.terraform.required_providers.aws.version, "6.57.1")).toBe(true);
  });

  test("a token policy (e.g. a policy document's json) skips the literal checks and is passed through", () => {
    const stack = newStack();
    const doc = new DataAwsIamPolicyDocument(stack, "doc", { statement: [{ actions: ["s3:GetObject"], resources: ["*"] }] });
    new PodIdentityRole(stack, "shared", {
      clusterName: "prod",
      serviceAccounts: [{ namespace: "orders", name: "api" }],
      disableSessionTags: true,
      sessionPolicies: { "orders/api": doc.json },
    });
    const [association] = Object.values(resources(synth(stack).json, "aws_eks_pod_identity_association"));
    expect(association.policy).toBe("${data.aws_iam_policy_document.doc.json}");
  });

  describe("bad input: one clear error each", () => {
    test.each<[string, Partial<PodIdentityRoleProps>, RegExp]>([
      [
        "session tags left on",
        { disableSessionTags: undefined, sessionPolicies: { "orders/api": READ } },
        /^PodIdentityRole "shared": sessionPolicies needs disableSessionTags: true: EKS accepts a session policy only on an association/,
      ],
      [
        "session tags explicitly on",
        { disableSessionTags: false, sessionPolicies: { "orders/api": READ } },
        /sessionPolicies needs disableSessionTags: true/,
      ],
      [
        "a key that is not one of the role's service accounts",
        { sessionPolicies: { "orders/billing": READ } },
        new RegExp(
          '^PodIdentityRole "shared": sessionPolicies key "orders/billing" is not one of the role\'s service accounts ' +
            '\\("<namespace>/<name>": "orders/api", "orders/worker"\\)$',
        ),
      ],
      ["a key in the name.namespace form", { sessionPolicies: { "api.orders": READ } }, /sessionPolicies key "api\.orders" is not one of/],
      ["not JSON", { sessionPolicies: { "orders/api": "{Version:" } }, /sessionPolicies\["orders\/api"\] "\{Version:" is not valid JSON/],
      [
        "JSON without Statement",
        { sessionPolicies: { "orders/api": JSON.stringify({ Version: "2012-10-17" }) } },
        /sessionPolicies\["orders\/api"\] .* has no Statement/,
      ],
      [
        "over the size limit",
        { sessionPolicies: { "orders/api": policy("s3:GetObject", `arn:aws:s3:::${"b".repeat(2100)}`) } },
        /sessionPolicies\["orders\/api"\] .* is 2\d{3} bytes; a session policy may have at most 2048/,
      ],
      [
        "a value that is not a string",
        { sessionPolicies: { "orders/api": 7 as never } },
        /sessionPolicies\["orders\/api"\] 7 must be a string/,
      ],
      [
        "a list instead of a map",
        { sessionPolicies: [READ] as never },
        /sessionPolicies .* must be a map of "<namespace>\/<name>" to a policy JSON string/,
      ],
    ])("%s", (_what, props, message) => {
      expect(() => build(props)).toThrow(message);
    });

    test("exactly 2048 bytes is accepted", () => {
      const base = policy("s3:GetObject", "arn:aws:s3:::");
      const exact = policy("s3:GetObject", `arn:aws:s3:::${"b".repeat(2048 - base.length)}`);
      expect(Buffer.byteLength(exact)).toBe(2048);
      expect(() => build({ sessionPolicies: { "orders/api": exact } })).not.toThrow();
    });
  });
});
