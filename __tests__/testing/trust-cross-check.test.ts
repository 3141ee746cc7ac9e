/**
 * The library's PolicyEvaluator against @cloud-copilot/iam-simulate on trust policies: the trusts
 * our constructs synthesize and hand-written variants, with Federated (OIDC provider) and
 * `pods.eks.amazonaws.com` principals, over AssumeRoleWithWebIdentity requests (sub and aud) and
 * AssumeRole/TagSession requests (session tags). Both must reach the same decision on every request.
 *
 * iam-simulate's safe entry point drops condition keys its IAM data does not list for an action,
 * and an EKS issuer's `<host>:sub` and `<host>:aud` are not listed (any OIDC host can be one), so
 * the web-identity conditions would never match there. The comparison uses its documented
 * `runUnsafeSimulation` (no context-key filtering), with the trust given as an already validated
 * policy: without a name, that entry point fails on a resource policy (`metadata().name`).
 */
import { runUnsafeSimulation } from "@cloud-copilot/iam-simulate";
import { TerraformStack, Testing } from "cdktf";
import { EksOidcProvider, IOidcProvider, IrsaRole, PodIdentityRole } from "../../lib";
import { IrsaAssertions } from "../../lib/testing";
import { AuthorizationRequest, Decision, PolicyEvaluator } from "../../lib/evaluation/policy-evaluator";
import { newStack } from "../support/synth";
import { ACCOUNT, HAND_WRITTEN, HOST, OTHER_HOST, PODS, providerArn } from "./trust-variants";

const THEIRS: { [result: string]: Decision } = {
  Allowed: Decision.ALLOWED,
  ImplicitlyDenied: Decision.IMPLICIT_DENY,
  ExplicitlyDenied: Decision.EXPLICIT_DENY,
};

/** iam-simulate's decision on a trust policy, or why it could not make one. */
function simulate(trust: object, r: AuthorizationRequest): string {
  try {
    const result = runUnsafeSimulation(
      {
        identityPolicies: [],
        serviceControlPolicies: [],
        resourceControlPolicies: [],
        resourcePolicy: { __validated: true, policyDocument: trust, metadata: { name: "trust" }, errors: [] },
        request: {
          action: r.action,
          principal: r.principal!.id,
          resource: { accountId: ACCOUNT, resource: `arn:aws:iam::${ACCOUNT}:role/workload` },
          contextVariables: { ...r.context, ...r.multiValuedContext },
        },
      },
      {},
    );
    return THEIRS[result] ?? `unknown result ${String(result)}`;
  } catch (e) {
    return `error: ${(e as Error).message}`;
  }
}

/** AssumeRoleWithWebIdentity with a token of `host`; `claims` undefined leaves a claim out. */
function webIdentity(host: string, sub: string | undefined, aud: string | undefined, provider = providerArn(host)): AuthorizationRequest {
  const context: { [key: string]: string } = {};
  if (sub !== undefined) context[`${host}:sub`] = sub;
  if (aud !== undefined) context[`${host}:aud`] = aud;
  return { action: "sts:AssumeRoleWithWebIdentity", resource: "*", principal: { type: "Federated", id: provider }, context };
}

/** EKS Pod Identity's AssumeRole or TagSession for one pod, with the session tags EKS sets (or none). */
function podIdentity(action: string, cluster: string, namespace: string, name: string, tags = true): AuthorizationRequest {
  const context: { [key: string]: string } = tags
    ? {
        "aws:RequestTag/eks-cluster-arn": `arn:aws:eks:us-west-2:${ACCOUNT}:cluster/${cluster}`,
        "aws:RequestTag/eks-cluster-name": cluster,
        "aws:RequestTag/kubernetes-namespace": namespace,
        "aws:RequestTag/kubernetes-service-account": name,
        "aws:RequestTag/kubernetes-pod-name": `${name}-5d8f7`,
        "aws:RequestTag/kubernetes-pod-uid": "0b7d3c9e-1111-2222-3333-444455556666",
      }
    : {};
  return {
    action,
    resource: "*",
    principal: { type: "Service", id: PODS },
    context,
    multiValuedContext: tags ? { "aws:TagKeys": Object.keys(context).map((k) => k.slice("aws:RequestTag/".length)) } : undefined,
  };
}

const SUBJECTS = ["system:serviceaccount:orders:api", "system:serviceaccount:orders:worker", "system:serviceaccount:billing:api", "repo:x"];
const AUDIENCES = ["sts.amazonaws.com", "other", undefined];

/** Every request the comparison makes: tokens of both issuers, pods of both clusters, and other callers. */
const REQUESTS: AuthorizationRequest[] = [
  ...[HOST, OTHER_HOST].flatMap((host) => [...SUBJECTS, undefined].flatMap((sub) => AUDIENCES.map((aud) => webIdentity(host, sub, aud)))),
  // A token whose claims name one issuer, presented as the other provider.
  webIdentity(HOST, SUBJECTS[0], "sts.amazonaws.com", providerArn(OTHER_HOST)),
  ...["sts:AssumeRole", "sts:TagSession"].flatMap((action) => [
    ...["prod", "dr"].flatMap((cluster) =>
      [
        ["orders", "api"],
        ["orders", "worker"],
        ["billing", "api"],
      ].map(([ns, name]) => podIdentity(action, cluster, ns, name)),
    ),
    podIdentity(action, "prod", "orders", "api", false),
  ]),
  { action: "sts:AssumeRole", resource: "*", principal: { type: "AWS", id: `arn:aws:iam::${ACCOUNT}:role/ci` } },
  { action: "sts:AssumeRole", resource: "*", principal: { type: "Service", id: "ec2.amazonaws.com" } },
];

/** [what, trust policy JSON] for the trusts our constructs synthesize. */
function synthesizedTrusts(): [string, string][] {
  // One stack per role: several of them bind orders/api in cluster prod, which one stack refuses (one role per account).
  type Scope = { stack: TerraformStack; oidc: IOidcProvider; other: IOidcProvider };
  const api = { namespace: "orders", name: "api" };
  // serviceAccountMode "none", typed loosely: the mode is an enum in the jsii API, a string at run time.
  const none: object = { serviceAccountMode: "none" };
  const roles: [string, (scope: Scope) => object][] = [
    [
      "IrsaRole, one service account",
      ({ stack, oidc }) => new IrsaRole(stack, "one", { oidcProvider: oidc, serviceAccounts: [api], ...none }),
    ],
    [
      "IrsaRole, two service accounts and a second cluster",
      ({ stack, oidc, other }) =>
        new IrsaRole(stack, "two", {
          oidcProvider: oidc,
          serviceAccounts: [api, { namespace: "billing", name: "api" }],
          additionalClusters: [{ oidcProvider: other, serviceAccounts: [{ namespace: "orders", name: "worker" }] }],
          ...none,
        }),
    ],
    [
      "IrsaRole, a name pattern (allowWildcards)",
      ({ stack, oidc }) =>
        new IrsaRole(stack, "pattern", {
          oidcProvider: oidc,
          serviceAccounts: [{ namespace: "orders", name: "*" }],
          allowWildcards: true,
          ...none,
        }),
    ],
    [
      "IrsaRole, another audience",
      ({ stack, oidc }) => new IrsaRole(stack, "audience", { oidcProvider: oidc, serviceAccounts: [api], audience: "other", ...none }),
    ],
    [
      "IrsaRole moving to Pod Identity (both trusts)",
      ({ stack, oidc }) =>
        new IrsaRole(stack, "moving", { oidcProvider: oidc, serviceAccounts: [api], podIdentityClusterName: "prod", ...none }),
    ],
    [
      "IrsaRole moved to Pod Identity (webIdentityTrust: false)",
      ({ stack, oidc }) =>
        new IrsaRole(stack, "moved", {
          oidcProvider: oidc,
          serviceAccounts: [api],
          podIdentityClusterName: "prod",
          webIdentityTrust: false,
          ...none,
        }),
    ],
    ["PodIdentityRole", ({ stack }) => new PodIdentityRole(stack, "pods", { clusterName: "prod", serviceAccounts: [api], ...none })],
    [
      "PodIdentityRole, two clusters",
      ({ stack }) =>
        new PodIdentityRole(stack, "pods-two", {
          clusterName: "prod",
          serviceAccounts: [api],
          additionalClusters: [{ clusterName: "dr", serviceAccounts: [{ namespace: "billing", name: "api" }] }],
          ...none,
        }),
    ],
    [
      "PodIdentityRole without session tags",
      ({ stack }) =>
        new PodIdentityRole(stack, "untagged", { clusterName: "prod", serviceAccounts: [api], disableSessionTags: true, ...none }),
    ],
  ];
  return roles.map(([what, build]) => {
    const stack = newStack();
    const oidc = EksOidcProvider.fromArn(stack, "oidc", providerArn(HOST));
    const other = EksOidcProvider.fromArn(stack, "other", providerArn(OTHER_HOST));
    const role = build({ stack, oidc, other });
    const assertions = IrsaAssertions.fromSynth(Testing.synth(stack), { accountId: ACCOUNT, partition: "aws", region: "us-west-2" });
    return [what, assertions.trustPolicyJson(role as never)];
  });
}

/** The requests on which the two evaluators decide differently, as "what: request: theirs vs ours". */
function differences(trusts: readonly [string, string][]): { compared: number; differ: string[] } {
  const differ: string[] = [];
  let compared = 0;
  for (const [what, json] of trusts) {
    const ours = new PolicyEvaluator([json]);
    const parsed = JSON.parse(json);
    for (const r of REQUESTS) {
      compared++;
      const [theirs, mine] = [simulate(parsed, r), ours.evaluate(r).decision];
      if (theirs !== mine)
        differ.push(`${what}: ${r.action} by ${r.principal!.id} ${JSON.stringify(r.context)}: iam-simulate ${theirs}, ours ${mine}`);
    }
  }
  return { compared, differ };
}

describe("PolicyEvaluator agrees with @cloud-copilot/iam-simulate on trust policies", () => {
  test("the trusts our constructs synthesize", () => {
    const trusts = synthesizedTrusts();
    // The comparison means something: each trust admits some requests and refuses others.
    for (const [what, json] of trusts) {
      const decisions = new Set(REQUESTS.map((r) => new PolicyEvaluator([json]).evaluate(r).decision));
      expect({ what, decisions: [...decisions].sort() }).toEqual({ what, decisions: [Decision.ALLOWED, Decision.IMPLICIT_DENY] });
    }
    const { compared, differ } = differences(trusts);
    expect(compared).toBeGreaterThan(400);
    expect(differ).toEqual([]);
  });

  test("hand-written trusts: StringLike, Deny, NotAction, NotPrincipal, fail-open operators, session tags", () => {
    const { compared, differ } = differences(HAND_WRITTEN);
    const decisions = new Set(HAND_WRITTEN.flatMap(([, json]) => REQUESTS.map((r) => new PolicyEvaluator([json]).evaluate(r).decision)));
    expect([...decisions].sort()).toEqual([Decision.ALLOWED, Decision.EXPLICIT_DENY, Decision.IMPLICIT_DENY]);
    expect(compared).toBeGreaterThan(600);
    expect(differ).toEqual([]);
  });
});
