/** IrsaTrustChecks added to the App (cdktf runs aspects only from each stack down), Terraform modules, and users' own tests. */
import { DataAwsIamPolicyDocument } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { TlsProvider } from "@cdktf/provider-tls/lib/provider";
import { App, Aspects, TerraformHclModule, TerraformStack, Testing } from "cdktf";
import { mkdtempSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { loadConfig } from "../../app/config";
import { IrsaAppStack } from "../../app/stack";
import { EksOidcProvider, IrsaRole, IrsaTrustChecks, ServiceAccountMode } from "../../lib";
import { IrsaAssertions } from "../../lib/testing";
import { errorsOf, warningsOf } from "../support/annotations";
import { newStack } from "../support/synth";

const HOST = "oidc.eks.us-west-2.amazonaws.com/id/AAAA";
const ARN = `arn:aws:iam::111122223333:oidc-provider/${HOST}`;
const AUD_ONLY = [
  {
    actions: ["sts:AssumeRoleWithWebIdentity"],
    principals: [{ type: "Federated", identifiers: [ARN] }],
    condition: [{ test: "StringEquals", variable: `${HOST}:aud`, values: ["sts.amazonaws.com"] }],
  },
];

/** A stack of an App with our IrsaRole and a hand-written aud-only trust. */
function appWithBadTrust(app = new App({ outdir: mkdtempSync(join(tmpdir(), "irsa-app-checks-")) })) {
  const stack = new TerraformStack(app, "payments");
  new AwsProvider(stack, "aws", { region: "us-west-2" });
  const oidc = EksOidcProvider.fromArn(stack, "oidc", ARN);
  new IrsaRole(stack, "ours", {
    oidcProvider: oidc,
    serviceAccounts: [{ namespace: "a", name: "b" }],
    serviceAccountMode: ServiceAccountMode.NONE,
  });
  const doc = new DataAwsIamPolicyDocument(stack, "aud-only", { statement: AUD_ONLY });
  new IamRole(stack, "hand-written", { assumeRolePolicy: doc.json });
  return { app, stack };
}

function synthError(app: App): string {
  try {
    app.synth();
    return "";
  } catch (e) {
    return (e as Error).message;
  }
}

describe("IrsaTrustChecks on the App", () => {
  test("cdktf alone never visits an App-level aspect; ours reach the stack before its validations: synth fails on the finding", () => {
    const { app, stack } = appWithBadTrust();
    Aspects.of(app).add(new IrsaTrustChecks());
    const message = synthError(app);
    expect(message).toContain("[payments/aud-only] IrsaTrustChecks IRSA002 (missing-sub)");
    expect(message.match(/IrsaTrustChecks IRSA/g)).toHaveLength(1);
    expect(errorsOf(stack)).toHaveLength(1);
  });

  test("Testing.synth(stack, true) (validations on) records the App-level findings as error annotations", () => {
    const { app, stack } = appWithBadTrust();
    Aspects.of(app).add(new IrsaTrustChecks({ warnOnly: true }));
    expect(Testing.synth(stack, true)).toMatchSnapshot();
    expect(errorsOf(stack)).toEqual([]);
    expect(warningsOf(stack)).toEqual([
      expect.stringMatching(/^IrsaTrustChecks IRSA002 \(missing-sub\): aws_iam_policy_document at payments\/aud-only/),
    ]);
    expect(synthError(app)).toBe("");
  });

  test("checks on the stack as well as on the App: each instance runs once per stack", () => {
    const { app, stack } = appWithBadTrust();
    const checks = new IrsaTrustChecks();
    Aspects.of(app).add(checks);
    Aspects.of(stack).add(new IrsaTrustChecks({ warnOnly: true }));
    expect(synthError(app)).toContain("IRSA002");
    expect(errorsOf(stack)).toHaveLength(1);
    expect(warningsOf(stack)).toHaveLength(1);
    const same = appWithBadTrust();
    const one = new IrsaTrustChecks();
    Aspects.of(same.app).add(one);
    Aspects.of(same.stack).add(one);
    expect(synthError(same.app)).toContain("IRSA002");
    expect(errorsOf(same.stack)).toHaveLength(1);
  });

  test("a stack with no construct of this library is reached too: hand-written trusts in every stack of the App", () => {
    const app = new App({ outdir: mkdtempSync(join(tmpdir(), "irsa-app-checks-")) });
    const first = new TerraformStack(app, "hand-written-first");
    new AwsProvider(first, "aws", { region: "us-west-2" });
    new IamRole(first, "role", { assumeRolePolicy: new DataAwsIamPolicyDocument(first, "aud-only", { statement: AUD_ONLY }).json });
    const { stack } = appWithBadTrust(app);
    Aspects.of(app).add(new IrsaTrustChecks());
    const message = synthError(app);
    expect(message).toContain("[hand-written-first/aud-only] IrsaTrustChecks IRSA002 (missing-sub)");
    expect(errorsOf(first)).toHaveLength(1);
    expect(errorsOf(stack)).toEqual([]);
  });

  test("a clean App stays clean", () => {
    const app = new App({ outdir: mkdtempSync(join(tmpdir(), "irsa-app-checks-")) });
    const stack = new TerraformStack(app, "clean");
    new AwsProvider(stack, "aws", { region: "us-west-2" });
    new TlsProvider(stack, "tls");
    new IrsaRole(stack, "ours", {
      oidcProvider: new EksOidcProvider(stack, "oidc", { issuerUrl: `https://${HOST}` }),
      serviceAccounts: [{ namespace: "a", name: "b" }],
      serviceAccountMode: ServiceAccountMode.NONE,
    });
    Aspects.of(app).add(new IrsaTrustChecks());
    expect(synthError(app)).toBe("");
    expect(errorsOf(stack)).toEqual([]);
    expect(warningsOf(stack)).toEqual([]);
  });
});

describe("a Terraform module in a stack", () => {
  test("TerraformHclModule: a named warning (its trusts cannot be read at synth)", () => {
    const stack = newStack();
    new TerraformHclModule(stack, "irsa-module", {
      source: "terraform-aws-modules/iam/aws//modules/iam-role-for-service-accounts",
      variables: { role_name: "payments" },
    });
    Aspects.of(stack).add(new IrsaTrustChecks());
    expect(Testing.synth(stack)).toMatchSnapshot();
    expect(errorsOf(stack)).toEqual([]);
    expect(warningsOf(stack)).toEqual([
      "IrsaTrustChecks IRSA011 (unreadable-trust): module at test/irsa-module (source terraform-aws-modules/iam/aws//modules/" +
        "iam-role-for-service-accounts): the trust policies, OIDC providers and annotations it creates cannot be read at synth; " +
        "run `cdktf-eks-irsa check` on the plan (terraform show -json)",
    ]);
  });
});

describe("users' own tests: IrsaAssertions findings", () => {
  test("findings() lists every trust finding of a synthesized stack (Testing.synth does not throw on them)", () => {
    const stack = newStack();
    const doc = new DataAwsIamPolicyDocument(stack, "aud-only", { statement: AUD_ONLY });
    new IamRole(stack, "hand-written", { assumeRolePolicy: doc.json });
    expect(IrsaAssertions.fromSynth(Testing.synth(stack)).findings()).toEqual([
      {
        ruleId: "IRSA002",
        ruleName: "missing-sub",
        severity: "error",
        address: "data.aws_iam_policy_document.aud-only",
        message: expect.stringMatching(/has no \S+:sub condition/),
      },
    ]);
    expect(IrsaAssertions.trustFindings(stack)).toHaveLength(1);
  });

  test("the default app and our constructs have none", () => {
    const stack = new IrsaAppStack(
      Testing.app(),
      loadConfig({ irsa: { region: "us-west-2", clusterName: "c", serviceAccounts: [{ namespace: "a", name: "b" }] } }, {}),
    );
    expect(IrsaAssertions.trustFindings(stack)).toEqual([]);
    expect(errorsOf(stack)).toEqual([]);
    expect(warningsOf(stack)).toEqual([]);
  });
});
