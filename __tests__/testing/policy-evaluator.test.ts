/** The parts of PolicyEvaluator the cross-check cannot reach: principals, versions, variable syntax, bad documents. */
import { Decision, PolicyEvaluator } from "../../lib/evaluation/policy-evaluator";

const doc = (Statement: object | object[], Version = "2012-10-17") => JSON.stringify({ Version, Statement });
const bucket = (path: string) => `arn:aws:s3:::${path}`;

test("the decision names the statements that made it (Sid, or the statement's place)", () => {
  const evaluator = new PolicyEvaluator([
    doc([{ Sid: "Read", Effect: "Allow", Action: "s3:GetObject", Resource: "*" }]),
    doc([{ Effect: "Deny", Action: "s3:*", Resource: bucket("secret/*") }]),
  ]);
  expect(evaluator.evaluate({ action: "s3:GetObject", resource: bucket("a/b") })).toEqual({
    decision: Decision.ALLOWED,
    allowedBy: ["Read"],
    deniedBy: [],
  });
  expect(evaluator.evaluate({ action: "s3:GetObject", resource: bucket("secret/b") })).toEqual({
    decision: Decision.EXPLICIT_DENY,
    allowedBy: ["Read"],
    deniedBy: ["policy[1].Statement[0]"],
  });
  expect(evaluator.evaluate({ action: "s3:PutObject", resource: bucket("a/b") }).decision).toBe(Decision.IMPLICIT_DENY);
});

test("a Statement may be a single object; condition keys ignore case, values do not", () => {
  const evaluator = new PolicyEvaluator([
    doc({ Effect: "Allow", Action: "ec2:RunInstances", Resource: "*", Condition: { StringEquals: { "AWS:requesttag/Team": "Payments" } } }),
  ]);
  expect(evaluator.isAllowed({ action: "ec2:RunInstances", resource: "*", context: { "aws:RequestTag/team": "Payments" } })).toBe(true);
  expect(evaluator.isAllowed({ action: "ec2:RunInstances", resource: "*", context: { "aws:RequestTag/team": "payments" } })).toBe(false);
});

test("Principal and NotPrincipal (trust and other resource policies)", () => {
  const provider = "arn:aws:iam::111122223333:oidc-provider/oidc.eks.us-west-2.amazonaws.com/id/AAAA";
  const evaluator = new PolicyEvaluator([
    doc([
      { Effect: "Allow", Principal: { Federated: provider }, Action: "sts:AssumeRoleWithWebIdentity" },
      { Effect: "Allow", Principal: "*", Action: "sts:TagSession" },
      { Effect: "Deny", NotPrincipal: { Service: ["pods.eks.amazonaws.com"] }, Action: "sts:AssumeRole" },
      { Effect: "Allow", Principal: { Service: "pods.eks.amazonaws.com" }, Action: "sts:AssumeRole" },
    ]),
  ]);
  const assume = (action: string, type: string, id: string) =>
    evaluator.evaluate({ action, resource: "*", principal: { type, id } }).decision;
  expect(assume("sts:AssumeRoleWithWebIdentity", "Federated", provider)).toBe(Decision.ALLOWED);
  expect(assume("sts:AssumeRoleWithWebIdentity", "Federated", provider.replace("AAAA", "BBBB"))).toBe(Decision.IMPLICIT_DENY);
  expect(assume("sts:AssumeRoleWithWebIdentity", "AWS", provider)).toBe(Decision.IMPLICIT_DENY);
  expect(assume("sts:TagSession", "AWS", "arn:aws:iam::444455556666:root")).toBe(Decision.ALLOWED);
  expect(assume("sts:AssumeRole", "Service", "pods.eks.amazonaws.com")).toBe(Decision.ALLOWED);
  expect(assume("sts:AssumeRole", "Service", "ec2.amazonaws.com")).toBe(Decision.EXPLICIT_DENY);
  expect(evaluator.isAllowed({ action: "sts:AssumeRoleWithWebIdentity", resource: "*" })).toBe(false);
});

describe("policy variables", () => {
  const home = doc({ Effect: "Allow", Action: "s3:GetObject", Resource: bucket("home/${aws:username}/*") });

  test("a missing variable matches nothing; a default value stands in", () => {
    expect(new PolicyEvaluator([home]).isAllowed({ action: "s3:GetObject", resource: bucket("home/${aws:username}/x") })).toBe(false);
    const withDefault = doc({ Effect: "Allow", Action: "s3:GetObject", Resource: bucket("home/${aws:username, 'guest'}/*") });
    expect(new PolicyEvaluator([withDefault]).isAllowed({ action: "s3:GetObject", resource: bucket("home/guest/x") })).toBe(true);
  });

  test("a variable's value is literal, ${*} is a literal '*'", () => {
    const evaluator = new PolicyEvaluator([home]);
    expect(evaluator.isAllowed({ action: "s3:GetObject", resource: bucket("home/bob/x"), context: { "aws:username": "*" } })).toBe(false);
    expect(evaluator.isAllowed({ action: "s3:GetObject", resource: bucket("home/*/x"), context: { "aws:username": "*" } })).toBe(true);
    const star = new PolicyEvaluator([doc({ Effect: "Allow", Action: "s3:GetObject", Resource: bucket("literal-${*}/*") })]);
    expect(star.isAllowed({ action: "s3:GetObject", resource: bucket("literal-*/x") })).toBe(true);
    expect(star.isAllowed({ action: "s3:GetObject", resource: bucket("literal-a/x") })).toBe(false);
  });

  test("Version 2008-10-17 (or none) has no variables: ${...} is plain text", () => {
    const old = new PolicyEvaluator([
      doc({ Effect: "Allow", Action: "s3:GetObject", Resource: bucket("home/${aws:username}/*") }, "2008-10-17"),
    ]);
    expect(old.isAllowed({ action: "s3:GetObject", resource: bucket("home/bob/x"), context: { "aws:username": "bob" } })).toBe(false);
    expect(old.isAllowed({ action: "s3:GetObject", resource: bucket("home/${aws:username}/x") })).toBe(true);
  });

  test("a multivalued key is no variable", () => {
    const evaluator = new PolicyEvaluator([home]);
    expect(
      evaluator.isAllowed({ action: "s3:GetObject", resource: bucket("home/bob/x"), multiValuedContext: { "aws:username": ["bob"] } }),
    ).toBe(false);
  });
});

test.each([
  ["not JSON", "{", /policy\[0\] is not valid JSON/],
  ["an unknown element", doc({ Effect: "Allow", Actions: "s3:*", Resource: "*" }), /Statement\[0\] has unknown elements: Actions/],
  ["a bad Effect", doc({ Effect: "allow", Action: "s3:*", Resource: "*" }), /Effect must be "Allow" or "Deny"/],
  [
    "Action and NotAction",
    doc({ Effect: "Allow", Action: "s3:*", NotAction: "iam:*", Resource: "*" }),
    /exactly one of Action and NotAction/,
  ],
  ["Resource and NotResource", doc({ Effect: "Allow", Action: "s3:*", Resource: "*", NotResource: "x" }), /both Resource and NotResource/],
  [
    "an unknown operator",
    doc({ Effect: "Allow", Action: "s3:*", Resource: "*", Condition: { StringEqual: { a: "b" } } }),
    /unknown condition operator "StringEqual"/,
  ],
  [
    "Null with IfExists",
    doc({ Effect: "Allow", Action: "s3:*", Resource: "*", Condition: { NullIfExists: { a: "true" } } }),
    /unknown condition operator/,
  ],
  ["a non-string Action", doc({ Effect: "Allow", Action: [1], Resource: "*" }), /Action must be a string or a list of strings/],
  ["an unknown Version", JSON.stringify({ Version: "2020-01-01", Statement: [] }), /Version "2020-01-01" is not an IAM version/],
])("a document with %s throws, saying where", (_what, json, message) => {
  expect(() => new PolicyEvaluator([json])).toThrow(message);
});
