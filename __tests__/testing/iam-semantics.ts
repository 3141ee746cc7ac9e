/** A table of IAM semantics: policies and the requests that probe them, for the evaluator cross-check. */
import { AuthorizationRequest } from "../../lib/evaluation/policy-evaluator";
import { request } from "../addons/harness";

export const ACCOUNT = "111122223333";
const doc = (...Statement: object[]) => JSON.stringify({ Version: "2012-10-17", Statement });
const bucket = (path: string) => `arn:aws:s3:::${path}`;
const instance = `arn:aws:ec2:us-west-2:${ACCOUNT}:instance/i-0a1`;

/** IAM semantics, one policy and the requests that probe it. */
export const SEMANTICS: Array<[string, string, AuthorizationRequest[]]> = [
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
