/** IrsaTrustChecks on EKS Pod Identity trusts: TagSession, narrowness, and a narrow trust mixed with an unsafe IRSA statement. */
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { Aspects, Testing } from "cdktf";
import { IrsaTrustChecks } from "../../lib";
import { errorsOf, warningsOf } from "../support/annotations";
import { newStack } from "../support/synth";
import { NARROW, PODS } from "./rule-cases/pod-identity";

const HOST = "oidc.eks.us-west-2.amazonaws.com/id/AAAA";
const WEB_IDENTITY = {
  Effect: "Allow",
  Action: "sts:AssumeRoleWithWebIdentity",
  Principal: { Federated: `arn:aws:iam::111122223333:oidc-provider/${HOST}` },
};

function judge(...statements: object[]): [string[], string[]] {
  const stack = newStack();
  new IamRole(stack, "role", { assumeRolePolicy: JSON.stringify({ Version: "2012-10-17", Statement: statements }) });
  Aspects.of(stack).add(new IrsaTrustChecks());
  Testing.synth(stack);
  return [errorsOf(stack), warningsOf(stack)];
}

test("the documented narrow trust passes", () => {
  expect(judge({ Effect: "Allow", Principal: PODS, Action: ["sts:AssumeRole", "sts:TagSession"], Condition: NARROW })).toEqual([[], []]);
});

test("without sts:TagSession: an error (EKS passes session tags, so associations fail)", () => {
  const [errors] = judge({ Effect: "Allow", Principal: PODS, Action: "sts:AssumeRole", Condition: NARROW });
  expect(errors).toEqual([
    expect.stringMatching(/IRSA020 \(pod-identity-without-tag-session\): .*allows sts:AssumeRole without sts:TagSession/),
  ]);
  // TagSession in a separate statement is enough.
  expect(
    judge(
      { Effect: "Allow", Principal: PODS, Action: "sts:AssumeRole", Condition: NARROW },
      { Effect: "Allow", Principal: PODS, Action: "sts:TagSession" },
    )[0],
  ).toEqual([]);
});

test("open to every service account of the account: a warning, with what it is narrowed by", () => {
  const [errors, warnings] = judge({ Effect: "Allow", Principal: PODS, Action: ["sts:AssumeRole", "sts:TagSession"] });
  expect(errors).toEqual([]);
  expect(warnings).toEqual([
    expect.stringMatching(/IRSA021 .*has no session-tag condition: every Pod Identity association in the account can use the role/),
  ]);
  const byCluster = { StringEquals: { "aws:RequestTag/eks-cluster-name": "prod" } };
  const [, clusterOnly] = judge({ Effect: "Allow", Principal: PODS, Action: ["sts:AssumeRole", "sts:TagSession"], Condition: byCluster });
  expect(clusterOnly).toEqual([
    expect.stringMatching(/narrows only by aws:RequestTag\/eks-cluster-name: every service account there can use the role/),
  ]);
});

test("a narrow Pod Identity trust mixed with an unsafe web-identity statement is an error of its own", () => {
  const audOnly = { ...WEB_IDENTITY, Condition: { StringEquals: { [`${HOST}:aud`]: "sts.amazonaws.com" } } };
  const [errors] = judge({ Effect: "Allow", Principal: PODS, Action: ["sts:AssumeRole", "sts:TagSession"], Condition: NARROW }, audOnly);
  expect(errors).toEqual(
    expect.arrayContaining([
      expect.stringMatching(/IRSA002 \(missing-sub\)/),
      expect.stringMatching(
        /IRSA022 \(pod-identity-mixed-with-unsafe-web-identity\): .*: the role trusts EKS Pod Identity, but a web-identity/,
      ),
    ]),
  );
  const safe = {
    ...WEB_IDENTITY,
    Condition: { StringEquals: { [`${HOST}:aud`]: "sts.amazonaws.com", [`${HOST}:sub`]: "system:serviceaccount:orders:api" } },
  };
  expect(judge({ Effect: "Allow", Principal: PODS, Action: ["sts:AssumeRole", "sts:TagSession"], Condition: NARROW }, safe)).toEqual([
    [],
    [],
  ]);
});
