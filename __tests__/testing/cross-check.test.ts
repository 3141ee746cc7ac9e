/**
 * The library's PolicyEvaluator against a maintained one, @cloud-copilot/iam-simulate (a dev
 * dependency; it runs offline on its bundled IAM data): a table of IAM semantics, and every call of
 * every add-on case, must get the same decision from both. A few requests iam-simulate cannot
 * evaluate are listed, with the reason, and must stay exactly those.
 */
import { runSimulation } from "@cloud-copilot/iam-simulate";
import { AuthorizationRequest, Decision, PolicyEvaluator } from "../../lib/testing/policy-evaluator";
import { ADDON_CASES } from "../addons/cases";
import { literal, request, synthAddon } from "../addons/harness";
import { ENVIRONMENTS } from "../support/permissions";

const ACCOUNT = "111122223333";
const MANAGED_BY = "secretsmanager:resourcetag/managed-by";
const THEIRS: { [result: string]: Decision } = {
  Allowed: Decision.ALLOWED,
  ImplicitlyDenied: Decision.IMPLICIT_DENY,
  ExplicitlyDenied: Decision.EXPLICIT_DENY,
};
// KMS authorizes only what the key policy allows; this is the default key policy (delegate to IAM).
const DEFAULT_KEY_POLICY = {
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: "kms:*", Resource: "*" }],
};

/** iam-simulate's decision, or why it could not make one. */
async function simulate(policies: string[], r: AuthorizationRequest): Promise<string> {
  try {
    const result = await runSimulation(
      {
        identityPolicies: policies.map((p, i) => ({ name: `policy-${i}`, policy: JSON.parse(p) })),
        serviceControlPolicies: [],
        resourceControlPolicies: [],
        resourcePolicy: r.action.startsWith("kms:") ? DEFAULT_KEY_POLICY : undefined,
        request: {
          action: r.action,
          principal: `arn:aws:iam::${ACCOUNT}:role/addon`,
          resource: { accountId: ACCOUNT, resource: r.resource },
          contextVariables: { ...r.context, ...r.multiValuedContext },
        },
      },
      {},
    );
    if (result.resultType === "error") return `error: ${JSON.stringify(result.errors)}`;
    return THEIRS[result.overallResult];
  } catch (e) {
    return `error: ${(e as Error).message}`;
  }
}

const doc = (...Statement: object[]) => JSON.stringify({ Version: "2012-10-17", Statement });
const bucket = (path: string) => `arn:aws:s3:::${path}`;
const instance = `arn:aws:ec2:us-west-2:${ACCOUNT}:instance/i-0a1`;

/** IAM semantics, one policy and the requests that probe it. */
const SEMANTICS: Array<[string, string, AuthorizationRequest[]]> = [
  [
    "an explicit Deny wins over an Allow",
    doc({ Effect: "Allow", Action: "s3:*", Resource: "*" }, { Effect: "Deny", Action: "s3:DeleteObject", Resource: bucket("logs/*") }),
    [request("s3:DeleteObject", bucket("logs/a")), request("s3:DeleteObject", bucket("data/a")), request("s3:GetObject", bucket("logs/a"))],
  ],
  [
    "Action globs ignore case; NotAction",
    doc({ Effect: "Allow", Action: "S3:get*", Resource: "*" }, { Effect: "Allow", NotAction: ["iam:*", "s3:*"], Resource: "*" }),
    [
      request("s3:GetObject", bucket("a/b")),
      request("s3:PutObject", bucket("a/b")),
      request("iam:CreateUser", `arn:aws:iam::${ACCOUNT}:user/x`),
    ],
  ],
  [
    "Resource globs are case-sensitive; NotResource",
    doc(
      { Effect: "Allow", Action: "s3:GetObject", Resource: bucket("Data/*") },
      { Effect: "Allow", Action: "s3:PutObject", NotResource: bucket("data/secret/*") },
    ),
    [
      request("s3:GetObject", bucket("Data/x")),
      request("s3:GetObject", bucket("data/x")),
      request("s3:PutObject", bucket("data/x")),
      request("s3:PutObject", bucket("data/secret/x")),
    ],
  ],
  [
    "values of one key are OR'ed, keys and operators ANDed",
    doc({
      Effect: "Allow",
      Action: "ec2:RunInstances",
      Resource: "*",
      Condition: {
        StringEquals: { "aws:RequestedRegion": ["us-east-1", "us-west-2"], "aws:RequestTag/team": "a" },
        Bool: { "aws:SecureTransport": "true" },
      },
    }),
    [
      request("ec2:RunInstances", instance, {
        "aws:RequestedRegion": "us-west-2",
        "aws:RequestTag/team": "a",
        "aws:SecureTransport": "true",
      }),
      request("ec2:RunInstances", instance, {
        "aws:RequestedRegion": "eu-west-1",
        "aws:RequestTag/team": "a",
        "aws:SecureTransport": "true",
      }),
      request("ec2:RunInstances", instance, {
        "aws:RequestedRegion": "us-east-1",
        "aws:RequestTag/team": "b",
        "aws:SecureTransport": "true",
      }),
      request("ec2:RunInstances", instance, {
        "aws:RequestedRegion": "us-east-1",
        "aws:RequestTag/team": "a",
        "aws:SecureTransport": "false",
      }),
      request("ec2:RunInstances", instance, { "aws:RequestedRegion": "us-east-1", "aws:RequestTag/team": "a" }),
    ],
  ],
  [
    "StringLike, StringNotEquals (true on a missing key), IgnoreCase, ...IfExists",
    doc(
      { Effect: "Allow", Action: "ec2:RunInstances", Resource: "*", Condition: { StringLike: { "aws:RequestTag/team": "pay*" } } },
      { Effect: "Allow", Action: "ec2:StopInstances", Resource: "*", Condition: { StringNotEquals: { "aws:ResourceTag/env": "prod" } } },
      {
        Effect: "Allow",
        Action: "ec2:StartInstances",
        Resource: "*",
        Condition: { StringEqualsIgnoreCase: { "aws:ResourceTag/env": "DEV" } },
      },
      {
        Effect: "Allow",
        Action: "ec2:RebootInstances",
        Resource: "*",
        Condition: { StringEqualsIfExists: { "aws:ResourceTag/env": "dev" } },
      },
    ),
    [
      request("ec2:RunInstances", instance, { "aws:RequestTag/team": "payments" }),
      request("ec2:RunInstances", instance, { "aws:RequestTag/team": "billing" }),
      request("ec2:StopInstances", instance, { "aws:ResourceTag/env": "prod" }),
      request("ec2:StopInstances", instance),
      request("ec2:StartInstances", instance, { "aws:ResourceTag/env": "dev" }),
      request("ec2:RebootInstances", instance),
      request("ec2:RebootInstances", instance, { "aws:ResourceTag/env": "prod" }),
    ],
  ],
  [
    "ForAllValues holds on a missing key, ForAnyValue does not; Null",
    doc(
      {
        Effect: "Allow",
        Action: "ec2:CreateTags",
        Resource: "*",
        Condition: { "ForAllValues:StringEquals": { "aws:TagKeys": ["team", "env"] } },
      },
      { Effect: "Allow", Action: "ec2:DeleteTags", Resource: "*", Condition: { "ForAnyValue:StringEquals": { "aws:TagKeys": ["team"] } } },
      { Effect: "Allow", Action: "ec2:RunInstances", Resource: "*", Condition: { Null: { "aws:RequestTag/team": "false" } } },
    ),
    [
      request("ec2:CreateTags", instance, {}, { "aws:TagKeys": ["team"] }),
      request("ec2:CreateTags", instance, {}, { "aws:TagKeys": ["team", "owner"] }),
      request("ec2:CreateTags", instance),
      request("ec2:DeleteTags", instance, {}, { "aws:TagKeys": ["owner", "team"] }),
      request("ec2:DeleteTags", instance, {}, { "aws:TagKeys": ["owner"] }),
      request("ec2:DeleteTags", instance),
      request("ec2:RunInstances", instance, { "aws:RequestTag/team": "a" }),
      request("ec2:RunInstances", instance),
    ],
  ],
  [
    "a plain operator never matches a multivalued key; ForAnyValue...IfExists does not hold on a missing key",
    doc(
      { Effect: "Allow", Action: "ec2:CreateTags", Resource: "*", Condition: { StringEquals: { "aws:TagKeys": "team" } } },
      { Effect: "Allow", Action: "ec2:DeleteTags", Resource: "*", Condition: { StringNotEquals: { "aws:TagKeys": "team" } } },
      {
        Effect: "Allow",
        Action: "ec2:RunInstances",
        Resource: "*",
        Condition: { "ForAnyValue:StringEqualsIfExists": { "aws:TagKeys": "team" } },
      },
    ),
    [
      request("ec2:CreateTags", instance, {}, { "aws:TagKeys": ["team"] }),
      request("ec2:CreateTags", instance, {}, { "aws:TagKeys": ["team", "owner"] }),
      request("ec2:DeleteTags", instance, {}, { "aws:TagKeys": ["owner"] }),
      request("ec2:RunInstances", instance),
    ],
  ],
  [
    "a short ARN pattern matches as if its missing components were *; wildcards do not span components",
    doc(
      { Effect: "Allow", Action: "ec2:StartInstances", Resource: "arn:aws:ec2:*" },
      { Effect: "Allow", Action: "ec2:StopInstances", Resource: "arn:aws:ec2:*:instance/*" },
      { Effect: "Allow", Action: "ec2:RebootInstances", Resource: "arn:aws:ec2:us-*:instance/*" },
      { Effect: "Allow", Action: "logs:PutLogEvents", Resource: "arn:aws:logs:*:*:log-group:app:*" },
    ),
    [
      request("ec2:StartInstances", instance),
      request("ec2:StopInstances", instance),
      request("ec2:RebootInstances", instance),
      request("logs:PutLogEvents", `arn:aws:logs:us-west-2:${ACCOUNT}:log-group:app:log-stream:s`),
      request("logs:PutLogEvents", `arn:aws:logs:us-west-2:${ACCOUNT}:log-group:other:log-stream:s`),
    ],
  ],
  [
    "Numeric, Date, IpAddress and Arn operators",
    doc(
      {
        Effect: "Allow",
        Action: "s3:GetObject",
        Resource: "*",
        Condition: { NumericLessThanEquals: { "aws:MultiFactorAuthAge": "3600" } },
      },
      {
        Effect: "Allow",
        Action: "s3:PutObject",
        Resource: "*",
        Condition: { DateLessThan: { "aws:CurrentTime": "2030-01-01T00:00:00Z" } },
      },
      {
        Effect: "Allow",
        Action: "s3:ListBucket",
        Resource: "*",
        Condition: { IpAddress: { "aws:SourceIp": ["10.0.0.0/8", "2001:db8::/32"] } },
      },
      {
        Effect: "Allow",
        Action: "sqs:SendMessage",
        Resource: "*",
        Condition: { ArnLike: { "aws:SourceArn": `arn:aws:sns:*:${ACCOUNT}:alerts-*` } },
      },
    ),
    [
      request("s3:GetObject", bucket("a/b"), { "aws:MultiFactorAuthAge": "100" }),
      request("s3:GetObject", bucket("a/b"), { "aws:MultiFactorAuthAge": "7200" }),
      request("s3:PutObject", bucket("a/b"), { "aws:CurrentTime": "2026-01-01T00:00:00Z" }),
      request("s3:PutObject", bucket("a/b"), { "aws:CurrentTime": "2031-01-01T00:00:00Z" }),
      request("s3:ListBucket", bucket("a"), { "aws:SourceIp": "10.1.2.3" }),
      request("s3:ListBucket", bucket("a"), { "aws:SourceIp": "192.168.0.1" }),
      request("s3:ListBucket", bucket("a"), { "aws:SourceIp": "2001:db8::1" }),
      request("sqs:SendMessage", `arn:aws:sqs:us-west-2:${ACCOUNT}:q`, { "aws:SourceArn": `arn:aws:sns:us-west-2:${ACCOUNT}:alerts-prod` }),
      request("sqs:SendMessage", `arn:aws:sqs:us-west-2:${ACCOUNT}:q`, {
        "aws:SourceArn": `arn:aws:sns:us-west-2:444455556666:alerts-prod`,
      }),
    ],
  ],
  [
    "policy variables come from the request context",
    doc(
      { Effect: "Allow", Action: "s3:GetObject", Resource: bucket("home/${aws:PrincipalTag/team}/*") },
      {
        Effect: "Allow",
        Action: "ec2:StartInstances",
        Resource: "*",
        Condition: { StringEquals: { "aws:ResourceTag/owner": "${aws:PrincipalTag/team}" } },
      },
    ),
    [
      request("s3:GetObject", bucket("home/a/x"), { "aws:PrincipalTag/team": "a" }),
      request("s3:GetObject", bucket("home/b/x"), { "aws:PrincipalTag/team": "a" }),
      request("s3:GetObject", bucket("home/a/x")),
      request("ec2:StartInstances", instance, { "aws:PrincipalTag/team": "a", "aws:ResourceTag/owner": "a" }),
      request("ec2:StartInstances", instance, { "aws:PrincipalTag/team": "a", "aws:ResourceTag/owner": "b" }),
      request("ec2:StartInstances", instance, { "aws:ResourceTag/owner": "a" }),
    ],
  ],
];

describe("PolicyEvaluator agrees with @cloud-copilot/iam-simulate", () => {
  test.each(SEMANTICS)("%s", async (_name, policy, requests) => {
    const ours = new PolicyEvaluator([policy]);
    for (const r of requests)
      expect({ request: r, decision: await simulate([policy], r) }).toEqual({ request: r, decision: ours.evaluate(r).decision });
  });

  test("on every call of every add-on case (aws partition)", async () => {
    const env = literal(ENVIRONMENTS.aws);
    const differences: string[] = [];
    let compared = 0;
    for (const [name, addon] of Object.entries(ADDON_CASES)) {
      const synthesized = synthAddon(addon.policy);
      const policies = synthesized.policies("aws");
      const ours = new PolicyEvaluator(policies);
      for (const r of [...addon.allowed(env), ...addon.denied(env)]) {
        compared++;
        const theirs = await simulate(policies, r);
        if (theirs !== ours.evaluate(r).decision) differences.push(`${name}: ${r.action}: ${theirs}`);
      }
    }
    expect(compared).toBeGreaterThan(150);
    // What iam-simulate cannot evaluate, and why:
    expect(differences).toEqual([
      // Public SSM parameters (arn:aws:ssm:<region>::parameter/aws/service/...) have no account;
      // iam-data's parameter ARN pattern requires one.
      'karpenterController: ssm:GetParameter: error: {"message":"no.resource.types"}',
      // iam-data lists Secrets Manager's tag key as the literal "secretsmanager:ResourceTag/tag-key".
      ...Array(2).fill(`externalSecrets (allowCreate, KMS): secretsmanager:DeleteSecret: error: Condition key ${MANAGED_BY} not found`),
    ]);
  }, 60000);
});
