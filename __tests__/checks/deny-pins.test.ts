/**
 * A claim pinned by a Deny is pinned: `Allow` with only `aud` plus `Deny StringNotEquals sub` for
 * the same principal and action is admitted by IAM for exactly the listed service account, so it is
 * not missing-sub (it was). A Deny that can fail open or does not apply to the Allow's requests
 * pins nothing: every such shape below still fails.
 */
import { checkTerraformConfig } from "../../lib/checks/check-trust";
import { IrsaAssertions } from "../../lib/testing";

const HOST = "oidc.eks.us-west-2.amazonaws.com/id/AAAA";
const OTHER = "oidc.eks.eu-west-1.amazonaws.com/id/BBBB";
const ARN = `arn:aws:iam::111122223333:oidc-provider/${HOST}`;
const SA = "system:serviceaccount:payments:api";
const ACTION = "sts:AssumeRoleWithWebIdentity";

const allowWith = (condition: object) => ({ Effect: "Allow", Action: ACTION, Principal: { Federated: ARN }, Condition: condition });
const AUD_ONLY = allowWith({ StringEquals: { [`${HOST}:aud`]: "sts.amazonaws.com" } });
const SUB_ONLY = allowWith({ StringEquals: { [`${HOST}:sub`]: SA } });
const deny = (condition: object, extra: object = {}) => ({
  Effect: "Deny",
  Action: ACTION,
  Principal: { Federated: ARN },
  Condition: condition,
  ...extra,
});
const PIN_SUB = deny({ StringNotEquals: { [`${HOST}:sub`]: SA } });

const policy = (...statements: object[]) => JSON.stringify({ Version: "2012-10-17", Statement: statements });
const rulesOf = (json: string) =>
  checkTerraformConfig({ resource: { aws_iam_role: { r: { assume_role_policy: json } } } }, "iam").map((f) => f.ruleName);

describe("pinned by a Deny: no finding", () => {
  test.each([
    ["Deny StringNotEquals sub, same Federated principal", [AUD_ONLY, PIN_SUB]],
    ["Deny StringNotEquals sub, Principal *", [AUD_ONLY, { ...PIN_SUB, Principal: "*" }]],
    [
      "Deny StringNotEqualsIfExists sub, Action sts:*",
      [AUD_ONLY, deny({ StringNotEqualsIfExists: { [`${HOST}:sub`]: SA } }, { Action: "sts:*" })],
    ],
    ["Deny ForAllValues:StringNotEquals sub", [AUD_ONLY, deny({ "ForAllValues:StringNotEquals": { [`${HOST}:sub`]: SA } })]],
    ["Deny StringNotLike sub without wildcards", [AUD_ONLY, deny({ StringNotLike: { [`${HOST}:sub`]: SA } })]],
    ["Deny StringNotEquals aud (Allow has sub only)", [SUB_ONLY, deny({ StringNotEquals: { [`${HOST}:aud`]: "sts.amazonaws.com" } })]],
  ])("%s", (_name, statements) => {
    expect(rulesOf(policy(...statements))).toEqual([]);
  });

  test("IAM (the helper's evaluator) admits exactly the pinned service account", () => {
    const json = policy(AUD_ONLY, PIN_SUB);
    const synthesized = JSON.stringify({ resource: { aws_iam_role: { r: { assume_role_policy: json } } } });
    const assertions = IrsaAssertions.fromSynth(synthesized);
    expect(assertions.canAssume("aws_iam_role.r", { issuerHost: HOST, namespace: "payments", name: "api" })).toBe(true);
    expect(assertions.canAssume("aws_iam_role.r", { issuerHost: HOST, namespace: "payments", name: "other" })).toBe(false);
    expect(assertions.whoCanAssume("aws_iam_role.r")).toEqual([
      expect.objectContaining({ namespace: "payments", serviceAccountName: "api" }),
    ]);
  });
});

describe("a Deny that pins nothing: still missing-sub", () => {
  test.each([
    ["no Deny", [AUD_ONLY]],
    ["Deny StringNotLike with a wildcard", [AUD_ONLY, deny({ StringNotLike: { [`${HOST}:sub`]: "system:serviceaccount:*" } })]],
    [
      "Deny ForAnyValue:StringNotEquals (a token without sub passes)",
      [AUD_ONLY, deny({ "ForAnyValue:StringNotEquals": { [`${HOST}:sub`]: SA } })],
    ],
    [
      "Deny with a second, ANDed condition",
      [AUD_ONLY, deny({ StringNotEquals: { [`${HOST}:sub`]: SA }, Bool: { "aws:SecureTransport": "false" } })],
    ],
    [
      "Deny for another principal",
      [AUD_ONLY, { ...PIN_SUB, Principal: { Federated: `arn:aws:iam::111122223333:oidc-provider/${OTHER}` } }],
    ],
    ["Deny for another action", [AUD_ONLY, { ...PIN_SUB, Action: "sts:AssumeRole" }]],
    ["Deny on another issuer's sub", [AUD_ONLY, deny({ StringNotEquals: { [`${OTHER}:sub`]: SA } })]],
    [
      "Deny with NotPrincipal",
      [AUD_ONLY, { Effect: "Deny", Action: ACTION, NotPrincipal: { AWS: "arn:aws:iam::111122223333:root" }, Condition: PIN_SUB.Condition }],
    ],
    ["Deny StringEquals sub (denies that account, pins nothing)", [AUD_ONLY, deny({ StringEquals: { [`${HOST}:sub`]: SA } })]],
    ["Deny with a policy variable", [AUD_ONLY, deny({ StringNotEquals: { [`${HOST}:sub`]: `\${${HOST}:sub}` } })]],
    [
      "Allow to any principal",
      [
        { ...AUD_ONLY, Principal: { Federated: "*" } },
        { ...PIN_SUB, Principal: "*" },
      ],
    ],
  ])("%s", (_name, statements) => {
    expect(rulesOf(policy(...statements))).toContain("missing-sub");
  });

  test("the message names the full condition key", () => {
    const findings = checkTerraformConfig({ resource: { aws_iam_role: { r: { assume_role_policy: policy(AUD_ONLY) } } } }, "iam");
    expect(findings.find((f) => f.ruleName === "missing-sub")?.message).toContain(`has no ${HOST}:sub condition`);
  });
});
