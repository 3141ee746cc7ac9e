/**
 * IrsaAssertions (cdktf-eks-irsa/testing): who may assume a role, read from the synthesized JSON
 * and decided by the IAM policy evaluator, for our roles and for hand-written trusts.
 */
import { DataAwsEksCluster } from "@cdktf/provider-aws/lib/data-aws-eks-cluster";
import { DataAwsIamPolicyDocument } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { Fn, TerraformStack, Testing } from "cdktf";
import { readFileSync } from "fs";
import { join } from "path";
import { EksOidcProvider, IrsaRole } from "../../lib";
import { IrsaAssertions, UnresolvedValueError } from "../../lib/testing";
import { newStack, only, resources, synth } from "../support/synth";

const HOST = "oidc.eks.us-west-2.amazonaws.com/id/AAAA";
const OTHER_HOST = "oidc.eks.eu-west-1.amazonaws.com/id/BBBB";
const ARN = `arn:aws:iam::111122223333:oidc-provider/${HOST}`;
const sa = (namespace: string, name: string, issuerHost = HOST, audience?: string) => ({ issuerHost, namespace, name, audience });

function literalRole(stack = newStack()) {
  const oidc = new EksOidcProvider(stack, "oidc", { issuerUrl: `https://${HOST}` });
  const role = new IrsaRole(stack, "app", {
    oidcProvider: oidc,
    serviceAccounts: [
      { namespace: "default", name: "s3-echoer" },
      { namespace: "batch", name: "exporter" },
    ],
  });
  return { stack, role };
}

/** A role whose trust is the given statements, written by hand. */
function handWritten(statement: object[] | object) {
  const stack = newStack();
  const role = new IamRole(stack, "role", { assumeRolePolicy: JSON.stringify({ Version: "2012-10-17", Statement: statement }) });
  return { assertions: IrsaAssertions.fromSynth(Testing.synth(stack)), role };
}

describe("our roles", () => {
  test("whoCanAssume lists exactly what the construct says it trusts", () => {
    const { stack, role } = literalRole();
    const assertions = IrsaAssertions.fromSynth(Testing.synth(stack));
    expect(assertions.whoCanAssume(role)).toEqual(role.trustedSubjects);
    expect(role.trustedSubjects).toHaveLength(2);
  });

  test("canAssume: the declared accounts with the default audience, and nothing else", () => {
    const { stack, role } = literalRole();
    const a = IrsaAssertions.fromSynth(Testing.synth(stack));
    expect(a.canAssume(role, sa("default", "s3-echoer"))).toBe(true);
    expect(a.canAssume(role, sa("batch", "exporter"))).toBe(true);
    expect(a.canAssume(role, sa("default", "exporter"))).toBe(false);
    expect(a.canAssume(role, sa("default", "s3-echoer", OTHER_HOST))).toBe(false);
    expect(a.canAssume(role, sa("default", "s3-echoer", HOST, "vault"))).toBe(false);
    expect(a.canAssumeWithWebIdentity(role, { issuerHost: HOST, claims: { aud: "sts.amazonaws.com" } })).toBe(false);
    expect(a.canAssumeWithPodIdentity(role, { clusterName: "demo", namespace: "default", name: "s3-echoer" })).toBe(false);
  });

  test("the role can be named by IrsaRole, its IamRole, or its address", () => {
    const { stack, role } = literalRole();
    const json = Testing.synth(stack);
    const a = IrsaAssertions.fromSynth(json);
    const [roleId] = only(resources(JSON.parse(json), "aws_iam_role"));
    expect(a.whoCanAssume(role.role)).toEqual(role.trustedSubjects);
    expect(a.whoCanAssume(`aws_iam_role.${roleId}`)).toEqual(role.trustedSubjects);
    expect(() => a.whoCanAssume("app")).toThrow(/"app" is not a role address; write it as aws_iam_role.<name>/);
    expect(() => a.whoCanAssume("aws_iam_role.nope")).toThrow(new RegExp(`no aws_iam_role.nope .*roles: aws_iam_role.${roleId}`));
    expect(() => a.whoCanAssume(new TerraformStack(Testing.app(), "empty"))).toThrow(/cannot tell which aws_iam_role empty is/);
  });

  test("trustPolicyJson is the document IAM receives: references resolved, lists as arrays", () => {
    const { stack, role } = literalRole();
    const policy = JSON.parse(IrsaAssertions.fromSynth(Testing.synth(stack)).trustPolicyJson(role));
    expect(policy).toEqual({
      Version: "2012-10-17",
      Statement: [
        {
          Effect: "Allow",
          Action: ["sts:AssumeRoleWithWebIdentity"],
          Principal: { Federated: [ARN] },
          Condition: {
            StringEquals: {
              [`${HOST}:sub`]: ["system:serviceaccount:default:s3-echoer", "system:serviceaccount:batch:exporter"],
              [`${HOST}:aud`]: ["sts.amazonaws.com"],
            },
          },
        },
      ],
    });
  });

  test("an issuer known only at apply: an error naming the expression and the option, then each option works", () => {
    const stack = newStack();
    const cluster = new DataAwsEksCluster(stack, "cluster", { name: "demo" });
    const oidc = new EksOidcProvider(stack, "oidc", { issuerUrl: cluster.identity.get(0).oidc.get(0).issuer });
    const role = new IrsaRole(stack, "app", { oidcProvider: oidc, serviceAccounts: [{ namespace: "default", name: "app" }] });
    const json = Testing.synth(stack);
    const providerAddress = `aws_iam_openid_connect_provider.${oidc.resource!.friendlyUniqueId}`;
    const bare = IrsaAssertions.fromSynth(json);
    expect(() => bare.whoCanAssume(role)).toThrow(UnresolvedValueError);
    expect(() => bare.whoCanAssume(role)).toThrow(
      new RegExp(
        `cannot resolve \\$\\{${providerAddress}\\.arn\\} in the trust policy of aws_iam_role\\.\\S+ at synth: ` +
          `${providerAddress}\\.arn is known only at apply .*Supply it: IrsaAssertions\\.fromSynth\\(json, \\{ providerArns: ` +
          `\\{ "${providerAddress}": "arn:aws:iam::111122223333:oidc-provider/<issuer host>" \\} \\}.* or \\{ values: ` +
          `\\{ "data\\.aws_eks_cluster\\.cluster\\.identity\\[0\\]\\.oidc\\[0\\]\\.issuer": "<value>" \\} \\}`,
      ),
    );
    const options = [
      { providerArns: { [providerAddress]: `arn:aws:iam::111122223333:oidc-provider/${OTHER_HOST}` } },
      { issuerHosts: { [providerAddress]: OTHER_HOST } },
      { values: { "data.aws_eks_cluster.cluster.identity[0].oidc[0].issuer": `https://${OTHER_HOST}` } },
    ];
    for (const option of options) {
      const a = IrsaAssertions.fromSynth(json, option);
      expect(a.whoCanAssume(role)).toEqual([
        expect.objectContaining({ issuerHost: OTHER_HOST, namespace: "default", serviceAccountName: "app" }),
      ]);
      expect(a.canAssume(role, sa("default", "app", OTHER_HOST))).toBe(true);
      expect(a.canAssume(role, sa("default", "app", HOST))).toBe(false);
    }
    expect(() => bare.canAssume(role, { issuerHost: oidc.issuerHost, namespace: "default", name: "app" })).toThrow(/issuerHost is a token/);
  });

  test("fromSynth takes the synthesized JSON text", () => {
    expect(() => IrsaAssertions.fromSynth("{")).toThrow(/takes the JSON text of Testing.synth\(stack\)/);
    expect(() => IrsaAssertions.fromSynth("[]")).toThrow(/a JSON object/);
  });
});

describe("hand-written trusts", () => {
  const subOf = (ns: string, name: string) => `system:serviceaccount:${ns}:${name}`;
  const irsa = (condition: object) => ({
    Effect: "Allow",
    Action: "sts:AssumeRoleWithWebIdentity",
    Principal: { Federated: ARN },
    Condition: condition,
  });

  test("an aud-only statement: every service account of the cluster, shown as *", () => {
    const { assertions, role } = handWritten(irsa({ StringEquals: { [`${HOST}:aud`]: "sts.amazonaws.com" } }));
    expect(assertions.whoCanAssume(role)).toEqual([
      { via: "web-identity", namespace: "*", serviceAccountName: "*", issuerHost: HOST, subject: "*", audience: "sts.amazonaws.com" },
    ]);
    expect(assertions.canAssume(role, sa("kube-system", "anything"))).toBe(true);
  });

  test("StringLike patterns, IAM's case rules, and a Deny that takes one account out", () => {
    const { assertions, role } = handWritten([
      irsa({ StringLike: { [`${HOST}:sub`]: subOf("ci", "runner-*") }, StringEquals: { [`${HOST}:AUD`]: "sts.amazonaws.com" } }),
      { ...irsa({ StringEquals: { [`${HOST}:sub`]: subOf("ci", "runner-evil") } }), Effect: "Deny" },
    ]);
    expect(assertions.canAssume(role, sa("ci", "runner-1"))).toBe(true);
    expect(assertions.canAssume(role, sa("ci", "Runner-1"))).toBe(false);
    expect(assertions.canAssume(role, sa("ci", "runner-evil"))).toBe(false);
    expect(assertions.whoCanAssume(role)).toEqual([expect.objectContaining({ namespace: "ci", serviceAccountName: "runner-*" })]);
  });

  test("a fail-open operator (ForAllValues) admits a token without sub", () => {
    const { assertions, role } = handWritten(
      irsa({ "ForAllValues:StringEquals": { [`${HOST}:sub`]: subOf("a", "b") }, StringEquals: { [`${HOST}:aud`]: "sts.amazonaws.com" } }),
    );
    expect(assertions.canAssumeWithWebIdentity(role, { issuerHost: HOST, claims: { aud: "sts.amazonaws.com" } })).toBe(true);
  });

  test("GitHub Actions' documented trust: the repository's subjects, not Kubernetes accounts", () => {
    const host = "token.actions.githubusercontent.com";
    const { assertions, role } = handWritten({
      Effect: "Allow",
      Action: "sts:AssumeRoleWithWebIdentity",
      Principal: { Federated: `arn:aws:iam::111122223333:oidc-provider/${host}` },
      Condition: { StringEquals: { [`${host}:aud`]: "sts.amazonaws.com" }, StringLike: { [`${host}:sub`]: "repo:octo-org/octo-repo:*" } },
    });
    expect(assertions.whoCanAssume(role)).toEqual([
      {
        via: "web-identity",
        namespace: "",
        serviceAccountName: "",
        issuerHost: host,
        subject: "repo:octo-org/octo-repo:*",
        audience: "sts.amazonaws.com",
      },
    ]);
    const claims = (sub: string) => ({ issuerHost: host, claims: { sub, aud: "sts.amazonaws.com" } });
    expect(assertions.canAssumeWithWebIdentity(role, claims("repo:octo-org/octo-repo:ref:refs/heads/main"))).toBe(true);
    expect(assertions.canAssumeWithWebIdentity(role, claims("repo:evil-org/octo-repo:ref:refs/heads/main"))).toBe(false);
  });

  test("a jsonencode'd trust is resolved like any expression", () => {
    const stack = newStack();
    const statement = { Effect: "Allow", Action: "sts:AssumeRoleWithWebIdentity", Principal: { Federated: ARN } };
    const cond = { StringEquals: { [`${HOST}:sub`]: subOf("default", "app"), [`${HOST}:aud`]: "sts.amazonaws.com" } };
    const role = new IamRole(stack, "role", {
      assumeRolePolicy: Fn.jsonencode({ Version: "2012-10-17", Statement: [{ ...statement, Condition: cond }] }),
    });
    const assertions = IrsaAssertions.fromSynth(synth(stack).text);
    expect(assertions.canAssume(role, sa("default", "app"))).toBe(true);
    expect(assertions.canAssume(role, sa("default", "other"))).toBe(false);
  });

  test("EKS Pod Identity: the service, both actions, and the session-tag conditions", () => {
    const stack = newStack();
    const podIdentity = (actions: string[]) =>
      new DataAwsIamPolicyDocument(stack, `trust-${actions.length}`, {
        statement: [
          {
            actions,
            principals: [{ type: "Service", identifiers: ["pods.eks.amazonaws.com"] }],
            condition: [
              { test: "StringEquals", variable: "aws:RequestTag/eks-cluster-name", values: ["prod"] },
              { test: "StringEquals", variable: "aws:RequestTag/kubernetes-namespace", values: ["payments"] },
              { test: "StringEquals", variable: "aws:RequestTag/kubernetes-service-account", values: ["api", "worker"] },
            ],
          },
        ],
      });
    const role = new IamRole(stack, "role", { assumeRolePolicy: podIdentity(["sts:AssumeRole", "sts:TagSession"]).json });
    const noTagSession = new IamRole(stack, "no-tag-session", { assumeRolePolicy: podIdentity(["sts:AssumeRole"]).json });
    const assertions = IrsaAssertions.fromSynth(Testing.synth(stack));
    const subject = (name: string) => ({
      via: "pod-identity",
      namespace: "payments",
      serviceAccountName: name,
      service: "pods.eks.amazonaws.com",
      clusterName: "prod",
    });
    expect(assertions.whoCanAssume(role)).toEqual([subject("api"), subject("worker")]);
    expect(assertions.canAssumeWithPodIdentity(role, { clusterName: "prod", namespace: "payments", name: "api" })).toBe(true);
    expect(assertions.canAssumeWithPodIdentity(role, { clusterName: "dev", namespace: "payments", name: "api" })).toBe(false);
    expect(assertions.canAssumeWithPodIdentity(role, { clusterName: "prod", namespace: "default", name: "api" })).toBe(false);
    // Pod Identity calls TagSession too; a trust without it admits nobody.
    expect(assertions.whoCanAssume(noTagSession)).toEqual([]);
    expect(assertions.canAssumeWithPodIdentity(noTagSession, { clusterName: "prod", namespace: "payments", name: "api" })).toBe(false);
  });
});

test("the helper is an independent check: nothing it loads derives issuer hosts the way the library does", () => {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(file, "utf8");
    for (const m of text.matchAll(/from "(\.[^"]+)"/g)) visit(join(file, "..", `${m[1]}.ts`));
  };
  visit(join(__dirname, "..", "..", "lib", "testing", "index.ts"));
  expect(seen.size).toBeGreaterThan(10);
  expect([...seen].filter((f) => /oidc[/\\]issuer-host\.ts$/.test(f))).toEqual([]);
});
