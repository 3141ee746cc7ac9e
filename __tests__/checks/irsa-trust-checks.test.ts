import { DataAwsIamPolicyDocument, DataAwsIamPolicyDocumentStatement } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { App, Aspects, TerraformStack, Testing } from "cdktf";
import { mkdtempSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { EksOidcProvider, IrsaRole, IrsaTrustChecks, ServiceAccountMode } from "../../lib";
import { IrsaAppStack } from "../../app/stack";
import { loadConfig } from "../../app/config";
import { checkTrustPolicy } from "../../lib/checks/check-trust";
import { policyFromJson } from "../../lib/config-model/policy-json";
import { errorsOf, warningsOf } from "../support/annotations";
import { newStack, synth } from "../support/synth";

const HOST = "oidc.eks.us-west-2.amazonaws.com/id/AAAA";
const ARN = `arn:aws:iam::111122223333:oidc-provider/${HOST}`;
const SUB = { test: "StringEquals", variable: `${HOST}:sub`, values: ["system:serviceaccount:default:app"] };
const AUD = { test: "StringEquals", variable: `${HOST}:aud`, values: ["sts.amazonaws.com"] };

function webIdentity(
  condition: DataAwsIamPolicyDocumentStatement["condition"],
  extra: Partial<DataAwsIamPolicyDocumentStatement> = {},
): DataAwsIamPolicyDocumentStatement {
  return { actions: ["sts:AssumeRoleWithWebIdentity"], principals: [{ type: "Federated", identifiers: [ARN] }], condition, ...extra };
}

/** A stack with a correct IrsaRole, plus a hand-written trust document elsewhere. */
function stackWith(statements: DataAwsIamPolicyDocumentStatement[], checks = new IrsaTrustChecks()) {
  const stack = newStack();
  const oidc = new EksOidcProvider(stack, "oidc", { issuerUrl: `https://${HOST}` });
  new IrsaRole(stack, "ours", { oidcProvider: oidc, serviceAccounts: [{ namespace: "default", name: "app" }] });
  const handWritten = new DataAwsIamPolicyDocument(stack, "hand-written", { statement: statements });
  new IamRole(stack, "hand-written-role", { assumeRolePolicy: handWritten.json });
  Aspects.of(stack).add(checks);
  return stack;
}

/** Runs the aspects (as synth does) and returns the error annotations. */
function synthErrors(stack: TerraformStack): string[] {
  Testing.synth(stack);
  return errorsOf(stack);
}

describe("IrsaTrustChecks", () => {
  test("our constructs pass, and a correct hand-written policy passes, without warnings", () => {
    const stack = stackWith([webIdentity([SUB, AUD])]);
    const { text } = synth(stack);
    expect(text).toMatchSnapshot();
    expect(warningsOf(stack)).toEqual([]);
  });

  test("a hand-written aud-only trust policy elsewhere in the stack: an error annotation on that document", () => {
    const stack = stackWith([webIdentity([AUD])]);
    expect(synthErrors(stack)).toEqual([
      "IrsaTrustChecks IRSA002 (missing-sub): aws_iam_policy_document at test/hand-written: statement 0 (Federated " +
        "arn:aws:iam::111122223333:oidc-provider/oidc.eks.us-west-2.amazonaws.com/id/AAAA) has no " +
        "oidc.eks.us-west-2.amazonaws.com/id/AAAA:sub condition: every " +
        "identity of that issuer (every service account of the cluster) can assume the role",
    ]);
    const handWritten = stack.node.findChild("hand-written");
    expect(handWritten.node.metadata.map((m) => m.type).filter((t) => t.startsWith("@cdktf/"))).toEqual(["@cdktf/error"]);
  });

  test("synth lists every finding of every construct, then fails", () => {
    const app = new App({ outdir: mkdtempSync(join(tmpdir(), "irsa-checks-")) });
    const stack = new TerraformStack(app, "two-bad");
    new AwsProvider(stack, "aws", { region: "us-west-2" });
    const oidc = EksOidcProvider.fromArn(stack, "oidc", ARN);
    new DataAwsIamPolicyDocument(stack, "aud-only", { statement: [webIdentity([AUD])] });
    new DataAwsIamPolicyDocument(stack, "wide-open", {
      statement: [webIdentity(undefined), webIdentity([{ ...SUB, test: "StringLike", values: ["system:serviceaccount:*:x"] }, AUD])],
    });
    new IrsaRole(stack, "ours", {
      oidcProvider: oidc,
      serviceAccounts: [{ namespace: "a", name: "b" }],
      serviceAccountMode: ServiceAccountMode.NONE,
    });
    Aspects.of(stack).add(new IrsaTrustChecks());
    let message = "";
    try {
      app.synth();
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain("[two-bad/aud-only] IrsaTrustChecks IRSA002 (missing-sub)");
    expect(message).toContain("[two-bad/wide-open] IrsaTrustChecks IRSA001 (no-condition)");
    expect(message).toContain("[two-bad/wide-open] IrsaTrustChecks IRSA005 (wildcard-namespace)");
    expect(message.match(/IrsaTrustChecks IRSA/g)).toHaveLength(3);
  });

  test.each<[string, DataAwsIamPolicyDocumentStatement[], RegExp]>([
    ["sub only", [webIdentity([SUB])], /has no oidc\.eks\.us-west-2\.amazonaws\.com\/id\/AAAA:aud condition/],
    [
      "sub and aud split across statements",
      [webIdentity([SUB]), webIdentity([AUD])],
      /has no \S+:aud condition; it is in another statement, but statements are OR'ed/,
    ],
    ["no condition at all", [webIdentity(undefined)], /with no condition: every identity of that issuer can assume the role/],
    [
      "ForAllValues on sub",
      [webIdentity([{ ...SUB, test: "ForAllValues:StringEquals" }, AUD])],
      /uses ForAllValues:StringEquals on .*:sub \(ForAllValues passes when the claim is missing\)/,
    ],
    ["IfExists on aud", [webIdentity([SUB, { ...AUD, test: "StringEqualsIfExists" }])], /uses StringEqualsIfExists on .*:aud/],
    [
      "StringNotEquals on sub",
      [webIdentity([{ ...SUB, test: "StringNotEquals" }, AUD])],
      /uses StringNotEquals on .*:sub \(StringNot\.\.\. admits/,
    ],
    ["Null on sub", [webIdentity([{ ...SUB, test: "Null", values: ["false"] }, AUD])], /uses Null on .*:sub/],
    [
      "wildcard namespace",
      [webIdentity([{ ...SUB, test: "StringLike", values: ["system:serviceaccount:*:app"] }, AUD])],
      /has a wildcard namespace/,
    ],
    [
      "wildcard over namespace and name",
      [webIdentity([{ ...SUB, test: "StringLike", values: ["system:serviceaccount:*"] }, AUD])],
      /has a wildcard namespace/,
    ],
    ["bare wildcard sub", [webIdentity([{ ...SUB, test: "StringLike", values: ["*"] }, AUD])], /is a wildcard over the namespace/],
    [
      "partial namespace wildcard",
      [webIdentity([{ ...SUB, test: "StringLike", values: ["system:serviceaccount:team-?:app"] }, AUD])],
      /has a wildcard namespace/,
    ],
    ["wildcard audience", [webIdentity([SUB, { ...AUD, test: "StringLike", values: ["*"] }])], /matches .*:aud with a wildcard/],
    [
      "keys of another provider",
      [
        webIdentity([
          { ...SUB, variable: "oidc.eks.eu-west-1.amazonaws.com/id/BBBB:sub" },
          { ...AUD, variable: "oidc.eks.eu-west-1.amazonaws.com/id/BBBB:aud" },
        ]),
      ],
      /does not belong to arn:aws:iam::111122223333:oidc-provider\/oidc\.eks\.us-west-2\.amazonaws\.com\/id\/AAAA/,
    ],
    [
      "action given by wildcard",
      [webIdentity([AUD], { actions: ["sts:*"] })],
      /has no oidc\.eks\.us-west-2\.amazonaws\.com\/id\/AAAA:sub condition/,
    ],
    [
      "two providers in one statement",
      [webIdentity([SUB, AUD], { principals: [{ type: "Federated", identifiers: [ARN, ARN.replace("AAAA", "BBBB")] }] })],
      /names several Federated principals/,
    ],
  ])("fails synth: %s", (_name, statements, message) => {
    const errors = synthErrors(stackWith(statements));
    expect(errors).toEqual(expect.arrayContaining([expect.stringMatching(message)]));
    expect(errors.every((e) => e.includes("at test/hand-written:"))).toBe(true);
  });

  test("an opted-in name wildcard is a warning, not a failure", () => {
    const stack = stackWith([webIdentity([{ ...SUB, test: "StringLike", values: ["system:serviceaccount:ci:runner-*"] }, AUD])]);
    synth(stack);
    expect(warningsOf(stack)).toEqual([
      expect.stringContaining('sub value "system:serviceaccount:ci:runner-*" matches service account names by wildcard in namespace "ci"'),
    ]);
  });

  test("IrsaRole with allowWildcards passes with a warning", () => {
    const stack = newStack();
    const oidc = new EksOidcProvider(stack, "oidc", { issuerUrl: `https://${HOST}` });
    new IrsaRole(stack, "ci", {
      oidcProvider: oidc,
      serviceAccounts: [{ namespace: "ci", name: "runner-*" }],
      allowWildcards: true,
      serviceAccountMode: ServiceAccountMode.NONE,
    });
    Aspects.of(stack).add(new IrsaTrustChecks());
    synth(stack);
    expect(warningsOf(stack)).toHaveLength(1);
  });

  test("a '*' under StringEquals is matched literally: a warning that it is probably a mistake", () => {
    const stack = stackWith([webIdentity([{ ...SUB, values: ["system:serviceaccount:default:*"] }, AUD])]);
    synth(stack);
    expect(warningsOf(stack)).toEqual([expect.stringContaining("StringEquals matches it literally")]);
  });

  test("literal assume_role_policy JSON on aws_iam_role is checked too, tokens inside included", () => {
    const stack = newStack();
    const oidc = new EksOidcProvider(stack, "oidc", { issuerUrl: `https://${HOST}` });
    new IamRole(stack, "literal", {
      assumeRolePolicy: JSON.stringify({
        Version: "2012-10-17",
        Statement: [
          {
            Effect: "Allow",
            Action: "sts:AssumeRoleWithWebIdentity",
            Principal: { Federated: oidc.arn },
            Condition: { StringEquals: { [`${HOST}:aud`]: "sts.amazonaws.com" } },
          },
        ],
      }),
    });
    Aspects.of(stack).add(new IrsaTrustChecks());
    expect(synthErrors(stack)).toEqual([
      expect.stringMatching(
        /aws_iam_role at test\/literal: statement 0 .* has no oidc\.eks\.us-west-2\.amazonaws\.com\/id\/AAAA:sub condition/,
      ),
    ]);
  });

  test("trusts that are not OIDC web identity are left alone", () => {
    const stack = stackWith([
      { actions: ["sts:AssumeRole"], principals: [{ type: "Service", identifiers: ["ec2.amazonaws.com"] }] },
      webIdentity([{ test: "StringEquals", variable: "cognito-identity.amazonaws.com:aud", values: ["us-east-1:pool"] }], {
        principals: [{ type: "Federated", identifiers: ["cognito-identity.amazonaws.com"] }],
      }),
      webIdentity(undefined, { effect: "Deny" }),
    ]);
    expect(synthErrors(stack)).toEqual([]);
  });

  test("warnOnly reports failures as warnings", () => {
    const stack = stackWith([webIdentity([AUD])], new IrsaTrustChecks({ warnOnly: true }));
    expect(synthErrors(stack)).toEqual([]);
    expect(warningsOf(stack)).toEqual([expect.stringContaining("has no oidc.eks.us-west-2.amazonaws.com/id/AAAA:sub condition")]);
  });

  test("the default app enables the checks", () => {
    const stack = new IrsaAppStack(
      Testing.app(),
      loadConfig({ irsa: { region: "us-west-2", clusterName: "c", serviceAccounts: [{ namespace: "a", name: "b" }] } }, {}),
    );
    expect(Aspects.of(stack).all.some((a) => a instanceof IrsaTrustChecks)).toBe(true);
  });

  test("rules as pure functions: JSON with a single Statement object and scalar values", () => {
    const policy = policyFromJson(
      JSON.stringify({
        Statement: {
          Effect: "Allow",
          Action: "sts:AssumeRoleWithWebIdentity",
          Principal: { Federated: ARN },
          Condition: { StringEquals: { [`${HOST}:sub`]: "system:serviceaccount:a:b", [`${HOST}:aud`]: "sts.amazonaws.com" } },
        },
      }),
      "iam",
    );
    expect(policy.kind === "statements" && policy.statements).toHaveLength(1);
    expect(checkTrustPolicy(policy)).toEqual([]);
    expect(policyFromJson("not json", "terraform")).toEqual({ kind: "malformed", reason: expect.stringMatching(/^is not valid JSON/) });
  });
});
