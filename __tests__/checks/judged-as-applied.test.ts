/**
 * IrsaTrustChecks judges what Terraform will apply, not what a constructor was given: raw
 * reference strings, NotAction, wildcard principals, merged source and override documents,
 * overrides and escape hatches, unreadable trusts, non-EKS issuers, policy variables, malformed
 * JSON. Each case failed (or passed silently) before the checks read the synthesized configuration.
 */
import { DataAwsIamPolicyDocument, DataAwsIamPolicyDocumentStatement } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { IamOpenidConnectProvider } from "@cdktf/provider-aws/lib/iam-openid-connect-provider";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { Aspects, Fn, TerraformIterator, TerraformLocal, TerraformResource, TerraformStack, TerraformVariable, Testing } from "cdktf";
import { IrsaTrustChecks } from "../../lib";
import { errorsOf, warningsOf } from "../support/annotations";
import { newStack } from "../support/synth";

const HOST = "oidc.eks.us-west-2.amazonaws.com/id/AAAA";
const ARN = `arn:aws:iam::111122223333:oidc-provider/${HOST}`;
const SUB = { test: "StringEquals", variable: `${HOST}:sub`, values: ["system:serviceaccount:default:app"] };
const AUD = { test: "StringEquals", variable: `${HOST}:aud`, values: ["sts.amazonaws.com"] };
const SAFE: DataAwsIamPolicyDocumentStatement = {
  sid: "Irsa",
  actions: ["sts:AssumeRoleWithWebIdentity"],
  principals: [{ type: "Federated", identifiers: [ARN] }],
  condition: [SUB, AUD],
};

/** Synthesizes with the checks and returns [errors, warnings]. */
function judge(build: (stack: TerraformStack) => void): [string[], string[]] {
  const stack = newStack();
  build(stack);
  Aspects.of(stack).add(new IrsaTrustChecks());
  Testing.synth(stack);
  return [errorsOf(stack), warningsOf(stack)];
}

const rolesWith = (stack: TerraformStack, policy: string) => new IamRole(stack, "role", { assumeRolePolicy: policy });
const json = (statement: object) => JSON.stringify({ Version: "2012-10-17", Statement: [statement] });

describe("judged as Terraform will apply it", () => {
  test("a Federated principal written as a raw ${aws_iam_openid_connect_provider.x.arn} string", () => {
    const [errors] = judge((stack) => {
      const provider = new IamOpenidConnectProvider(stack, "oidc", { url: `https://${HOST}`, clientIdList: ["sts.amazonaws.com"] });
      const raw = `\${aws_iam_openid_connect_provider.${provider.friendlyUniqueId}.arn}`;
      new DataAwsIamPolicyDocument(stack, "doc", {
        statement: [
          { actions: ["sts:AssumeRoleWithWebIdentity"], principals: [{ type: "Federated", identifiers: [raw] }], condition: [AUD] },
        ],
      });
    });
    expect(errors).toEqual([
      expect.stringMatching(/IRSA002 \(missing-sub\): aws_iam_policy_document at test\/doc: statement 0 \(Federated \$\{aws_iam/),
    ]);
  });

  test("NotAction (JSON) and not_actions (document) that leave AssumeRoleWithWebIdentity in", () => {
    const [errors] = judge((stack) => {
      rolesWith(stack, json({ Effect: "Allow", NotAction: "sts:AssumeRole", Principal: { Federated: ARN } }));
      new DataAwsIamPolicyDocument(stack, "doc", { statement: [{ ...SAFE, actions: undefined, notActions: ["s3:*"], condition: [AUD] }] });
    });
    expect(errors.sort()).toEqual([
      expect.stringMatching(/IRSA001 \(no-condition\): aws_iam_role at test\/role/),
      expect.stringMatching(/IRSA002 \(missing-sub\): aws_iam_policy_document at test\/doc/),
    ]);
  });

  test("empty not_actions and not_principals lists are unset, as the provider reads them (no false wildcard)", () => {
    const [errors] = judge((stack) => {
      const ec2 = { actions: ["sts:AssumeRole"], principals: [{ type: "Service", identifiers: ["ec2.amazonaws.com"] }] };
      new DataAwsIamPolicyDocument(stack, "doc", { statement: [{ ...ec2, notActions: [], notPrincipals: [] }] });
    });
    expect(errors).toEqual([]);
  });

  test.each([
    ['Principal "*"', { Effect: "Allow", Action: "sts:AssumeRoleWithWebIdentity", Principal: "*" }],
    ['AWS "*" with sts:AssumeRole', { Effect: "Allow", Action: "sts:AssumeRole", Principal: { AWS: "*" } }],
    ['Federated "*"', { Effect: "Allow", Action: "sts:AssumeRoleWithWebIdentity", Principal: { Federated: "*" } }],
    ["NotPrincipal", { Effect: "Allow", Action: "sts:AssumeRole", NotPrincipal: { AWS: "arn:aws:iam::111122223333:root" } }],
  ])("%s without a condition is an error", (_name, statement) => {
    const [errors] = judge((stack) => rolesWith(stack, json(statement)));
    expect(errors).toEqual([
      expect.stringMatching(/IRSA012 \(wildcard-principal\): aws_iam_role at test\/role: statement 0 lets every principal/),
    ]);
  });

  test('Federated "*" with sub and aud pinned to one issuer is judged like any web identity', () => {
    const statement = { Effect: "Allow", Action: "sts:AssumeRoleWithWebIdentity", Principal: { Federated: "*" } };
    const pinned = {
      ...statement,
      Condition: { StringEquals: { [`${HOST}:sub`]: "system:serviceaccount:a:b", [`${HOST}:aud`]: "sts.amazonaws.com" } },
    };
    expect(judge((stack) => rolesWith(stack, json(pinned)))[0]).toEqual([]);
    const audOnly = { ...statement, Condition: { StringEquals: { [`${HOST}:aud`]: "sts.amazonaws.com" } } };
    expect(judge((stack) => rolesWith(stack, json(audOnly)))[0]).toEqual([expect.stringMatching(/IRSA002/)]);
  });

  test("source_policy_documents: an unsafe source is judged in the merged document", () => {
    const [errors] = judge((stack) => {
      const source = new DataAwsIamPolicyDocument(stack, "source", { statement: [{ ...SAFE, sid: "Open", condition: [AUD] }] });
      new DataAwsIamPolicyDocument(stack, "merged", { sourcePolicyDocuments: [source.json], statement: [SAFE] });
    });
    expect(errors.filter((e) => e.includes("test/merged"))).toEqual([expect.stringMatching(/IRSA002 \(missing-sub\): .*statement 0/)]);
  });

  test("override_policy_documents: a statement with the same sid replaces the safe one; a safe override fixes an unsafe one", () => {
    const [errors] = judge((stack) => {
      const override = new DataAwsIamPolicyDocument(stack, "override", { statement: [{ ...SAFE, condition: [AUD] }] });
      new DataAwsIamPolicyDocument(stack, "replaced", { overridePolicyDocuments: [override.json], statement: [SAFE] });
      const fix = new DataAwsIamPolicyDocument(stack, "fix", { statement: [SAFE] });
      new DataAwsIamPolicyDocument(stack, "fixed", { overridePolicyDocuments: [fix.json], statement: [{ ...SAFE, condition: [AUD] }] });
    });
    expect(errors.filter((e) => e.includes("test/replaced"))).toEqual([expect.stringMatching(/IRSA002/)]);
    expect(errors.filter((e) => e.includes("test/fixed"))).toEqual([]);
  });

  test("the deprecated override_json replaces a statement by Sid too", () => {
    const [errors] = judge((stack) => {
      const override = new DataAwsIamPolicyDocument(stack, "override", { statement: [{ ...SAFE, condition: [AUD] }] });
      new DataAwsIamPolicyDocument(stack, "replaced", { overrideJson: override.json, statement: [SAFE] });
    });
    expect(errors.filter((e) => e.includes("test/replaced"))).toEqual([expect.stringMatching(/IRSA002/)]);
  });

  test("a literal JSON source document is merged too", () => {
    const [errors] = judge((stack) => {
      const open = json({ Sid: "Open", Effect: "Allow", Action: "sts:AssumeRoleWithWebIdentity", Principal: { Federated: ARN } });
      new DataAwsIamPolicyDocument(stack, "merged", { sourcePolicyDocuments: [open], statement: [SAFE] });
    });
    expect(errors).toEqual([expect.stringMatching(/IRSA001 \(no-condition\): aws_iam_policy_document at test\/merged: statement 0/)]);
  });

  test("addOverride that adds an aud-only statement to a safe document", () => {
    const [errors] = judge((stack) => {
      const doc = new DataAwsIamPolicyDocument(stack, "doc", { statement: [SAFE] });
      doc.addOverride("statement", [
        { actions: ["sts:AssumeRoleWithWebIdentity"], principals: [{ type: "Federated", identifiers: [ARN] }], condition: [AUD] },
      ]);
    });
    expect(errors).toEqual([expect.stringMatching(/IRSA002 \(missing-sub\): aws_iam_policy_document at test\/doc: statement 1/)]);
  });

  test("an escape-hatch aws_iam_role whose trust is set by override", () => {
    const [errors] = judge((stack) => {
      const role = new TerraformResource(stack, "raw-role", { terraformResourceType: "aws_iam_role" });
      role.addOverride(
        "assume_role_policy",
        json({ Effect: "Allow", Action: "sts:AssumeRoleWithWebIdentity", Principal: { Federated: ARN } }),
      );
    });
    expect(errors).toEqual([expect.stringMatching(/IRSA001 \(no-condition\): aws_iam_role at test\/raw-role/)]);
  });

  test("trusts it cannot read get a warning naming the resource: jsonencode, variable, local, dynamic block", () => {
    const [errors, warnings] = judge((stack) => {
      new IamRole(stack, "encoded", {
        assumeRolePolicy: Fn.jsonencode({
          Statement: [{ Effect: "Allow", Action: "sts:AssumeRoleWithWebIdentity", Principal: { Federated: ARN } }],
        }),
      });
      new IamRole(stack, "from-variable", { assumeRolePolicy: new TerraformVariable(stack, "trust", { type: "string" }).stringValue });
      new IamRole(stack, "from-local", { assumeRolePolicy: new TerraformLocal(stack, "local-trust", "{}").asString });
      const subjects = TerraformIterator.fromList(["system:serviceaccount:a:b"]);
      new DataAwsIamPolicyDocument(stack, "dynamic", {
        statement: subjects.dynamic({
          actions: ["sts:AssumeRoleWithWebIdentity"],
          principals: [{ type: "Federated", identifiers: [ARN] }],
        }),
      });
    });
    expect(errors).toEqual([]);
    expect(warnings.map((w) => w.replace(/: the trust policy .*/, "")).sort()).toEqual([
      "IrsaTrustChecks IRSA011 (unreadable-trust): aws_iam_policy_document at test/dynamic",
      "IrsaTrustChecks IRSA011 (unreadable-trust): aws_iam_role at test/encoded",
      "IrsaTrustChecks IRSA011 (unreadable-trust): aws_iam_role at test/from-local",
      "IrsaTrustChecks IRSA011 (unreadable-trust): aws_iam_role at test/from-variable",
    ]);
  });

  test("malformed JSON gets a finding, not a TypeError", () => {
    for (const [policy, reason] of [
      ['{"Version":"2012-10-17","Statement":[null]}', "Statement[0] is null"],
      ['{"Version":"2012-10-17","Statement":null}', "has no Statement"],
      ['{"Version":"2012-10-17","Statement":[]}', "has an empty Statement list"],
      [json({ Effect: "allow", Action: "sts:AssumeRoleWithWebIdentity", Principal: { Federated: ARN } }), 'Statement[0].Effect is "allow"'],
      [json({ Effect: "Allow", Action: "sts:AssumeRoleWithWebIdentity" }), "Statement[0] has no Principal"],
      ["[1, 2]", "is not a JSON object"],
      ["{ not json", "is not valid JSON"],
    ]) {
      const [errors] = judge((stack) => rolesWith(stack, policy));
      expect(errors).toEqual([
        expect.stringContaining(`IRSA014 (malformed-policy): aws_iam_role at test/role: the trust policy ${reason}`),
      ]);
    }
  });
});

describe("non-EKS web identities", () => {
  const google = { Effect: "Allow", Action: "sts:AssumeRoleWithWebIdentity", Principal: { Federated: "accounts.google.com" } };
  const cognito = { Effect: "Allow", Action: "sts:AssumeRoleWithWebIdentity", Principal: { Federated: "cognito-identity.amazonaws.com" } };

  test.each([
    ["Google without a condition", google, /IRSA001 \(no-condition\)/],
    [
      "Google without an audience",
      { ...google, Condition: { StringEquals: { "accounts.google.com:sub": "1234" } } },
      /IRSA003 \(missing-aud\)/,
    ],
    [
      "Cognito without the identity pool audience",
      { ...cognito, Condition: { "ForAnyValue:StringLike": { "cognito-identity.amazonaws.com:amr": "authenticated" } } },
      /IRSA003 \(missing-aud\)/,
    ],
  ])("%s is an error", (_name, statement, rule) => {
    expect(judge((stack) => rolesWith(stack, json(statement)))[0]).toEqual([expect.stringMatching(rule)]);
  });

  test("Cognito's documented trust (aud = pool, amr = authenticated) passes", () => {
    const statement = {
      ...cognito,
      Condition: {
        StringEquals: { "cognito-identity.amazonaws.com:aud": "us-east-1:12345678-abcd-abcd-abcd-123456789012" },
        "ForAnyValue:StringLike": { "cognito-identity.amazonaws.com:amr": "authenticated" },
      },
    };
    expect(judge((stack) => rolesWith(stack, json(statement)))).toEqual([[], []]);
  });

  const github = (sub: string) => ({
    Effect: "Allow",
    Action: "sts:AssumeRoleWithWebIdentity",
    Principal: { Federated: "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com" },
    Condition: {
      StringEquals: { "token.actions.githubusercontent.com:aud": "sts.amazonaws.com" },
      StringLike: { "token.actions.githubusercontent.com:sub": sub },
    },
  });
  const hcp = (sub: string) => ({
    Effect: "Allow",
    Action: "sts:AssumeRoleWithWebIdentity",
    Principal: { Federated: "arn:aws:iam::111122223333:oidc-provider/app.terraform.io" },
    Condition: { StringEquals: { "app.terraform.io:aud": "aws.workload.identity" }, StringLike: { "app.terraform.io:sub": sub } },
  });

  test("GitHub Actions' and HCP Terraform's documented trusts pass (StringLike on their own sub formats)", () => {
    for (const statement of [
      github("repo:octo-org/octo-repo:*"),
      github("repo:octo-org/*"),
      hcp("organization:my-org:project:my-project:workspace:my-workspace:run_phase:*"),
    ]) {
      expect(judge((stack) => rolesWith(stack, json(statement)))).toEqual([[], []]);
    }
  });

  test.each([
    ["GitHub sub *", github("*"), /sub value "\*" matches every subject of the issuer/],
    ["GitHub repo:*", github("repo:*"), /does not pin the owner; it must start with repo:<organization>\//],
    ["GitHub repo:octo-*/x:*", github("repo:octo-*/x:*"), /does not pin the owner/],
    ["HCP organization:*", hcp("organization:*:project:*"), /does not pin the owner; it must start with organization:<name>:/],
  ])("%s is an error", (_name, statement, message) => {
    expect(judge((stack) => rolesWith(stack, json(statement)))[0]).toEqual([expect.stringMatching(message)]);
  });
});

describe("values Terraform or IAM fills in later", () => {
  test("a policy variable in a sub value (&{...} in a document, $${...} escaped, ${...} in JSON IAM reads)", () => {
    const [errors] = judge((stack) => {
      new DataAwsIamPolicyDocument(stack, "doc", {
        statement: [{ ...SAFE, condition: [{ ...SUB, values: [`&{${HOST}:sub}`] }, AUD] }],
      });
    });
    expect(errors).toEqual([expect.stringMatching(/IRSA013 \(policy-variable-in-claim\): .*holds the policy variable \$\{oidc\.eks/)]);
  });

  test("a namespace known only at apply under StringLike is a warning", () => {
    const [errors, warnings] = judge((stack) => {
      const ns = new TerraformVariable(stack, "namespace", { type: "string" });
      new DataAwsIamPolicyDocument(stack, "doc", {
        statement: [
          { ...SAFE, condition: [{ ...SUB, test: "StringLike", values: [`system:serviceaccount:${ns.stringValue}:runner-*`] }, AUD] },
        ],
      });
    });
    expect(errors).toEqual([]);
    expect(warnings).toEqual(
      expect.arrayContaining([expect.stringMatching(/IRSA016 \(expression-namespace-pattern\): .*namespace is only known at apply/)]),
    );
  });
});
