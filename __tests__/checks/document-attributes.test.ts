/**
 * A role's trust given as `data.aws_iam_policy_document.<name>.minified_json` is the same policy as
 * `.json`: the checks judge the document once and do not warn that the role's trust is unreadable
 * (before: the role got "known only at apply"; the testing helper already read both).
 */
import { DataAwsIamPolicyDocument } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { Aspects, TerraformStack, Testing } from "cdktf";
import { IrsaTrustChecks } from "../../lib";
import { checkTerraformConfig } from "../../lib/checks/check-trust";
import { policyDocumentReference } from "../../lib/config-model/terraform-expression";
import { IrsaAssertions } from "../../lib/testing";
import { errorsOf, warningsOf } from "../support/annotations";
import { newStack } from "../support/synth";

const HOST = "oidc.eks.us-west-2.amazonaws.com/id/AAAA";
const ARN = `arn:aws:iam::111122223333:oidc-provider/${HOST}`;
const AUD = { test: "StringEquals", variable: `${HOST}:aud`, values: ["sts.amazonaws.com"] };

function stackWith(attribute: "json" | "minifiedJson"): TerraformStack {
  const stack = newStack();
  const document = new DataAwsIamPolicyDocument(stack, "doc", {
    statement: [{ actions: ["sts:AssumeRoleWithWebIdentity"], principals: [{ type: "Federated", identifiers: [ARN] }], condition: [AUD] }],
  });
  new IamRole(stack, "role", { assumeRolePolicy: document[attribute] });
  return stack;
}

test("policyDocumentReference reads json and minified_json, nothing else", () => {
  expect(policyDocumentReference("${data.aws_iam_policy_document.trust.json}")).toBe("trust");
  expect(policyDocumentReference("${data.aws_iam_policy_document.trust.minified_json}")).toBe("trust");
  expect(policyDocumentReference("${data.aws_iam_policy_document.trust.id}")).toBeUndefined();
  expect(policyDocumentReference("${data.aws_iam_policy_document.trust.json} ")).toBeUndefined();
});

describe.each(["json", "minifiedJson"] as const)("assume_role_policy = the document's %s", (attribute) => {
  test("the Aspect judges the document (missing-sub) and warns about nothing", () => {
    const stack = stackWith(attribute);
    Aspects.of(stack).add(new IrsaTrustChecks());
    const synthesized = Testing.synth(stack);
    expect(synthesized).toContain(attribute === "json" ? ".doc.json}" : ".doc.minified_json}");
    expect(warningsOf(stack)).toEqual([]);
    expect(errorsOf(stack)).toEqual([expect.stringMatching(/IRSA002 \(missing-sub\): aws_iam_policy_document at test\/doc/)]);
  });

  test("the check command's model finds one trust, the document, and nothing unreadable", () => {
    const config = JSON.parse(Testing.synth(stackWith(attribute)));
    const findings = checkTerraformConfig(config, "terraform");
    expect(findings.map((f) => [f.address.mode, f.address.type, f.ruleName])).toEqual([["data", "aws_iam_policy_document", "missing-sub"]]);
  });

  test("the testing helper evaluates it: any service account of the cluster", () => {
    const stack = stackWith(attribute);
    const assertions = IrsaAssertions.fromSynth(Testing.synth(stack));
    const role = Object.keys(JSON.parse(Testing.synth(stack)).resource.aws_iam_role)[0];
    expect(assertions.canAssume(`aws_iam_role.${role}`, { issuerHost: HOST, namespace: "any", name: "thing" })).toBe(true);
  });
});
