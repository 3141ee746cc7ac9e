/** IRSA040: a service account's role annotation held against the role's trust, with the IAM evaluator; JSON, exports and the Aspect. */
import { DataAwsEksCluster } from "@cdktf/provider-aws/lib/data-aws-eks-cluster";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { Annotations as KubernetesAnnotations } from "@cdktf/provider-kubernetes/lib/annotations";
import { ServiceAccountV1 } from "@cdktf/provider-kubernetes/lib/service-account-v1";
import { Aspects, Testing } from "cdktf";
import { reportTerraformConfig } from "../../lib/checks/check-trust";
import { EksOidcProvider, IrsaRole, IrsaTrustChecks, PodIdentityRole, ServiceAccountMode } from "../../lib";
import { errorsOf, warningsOf } from "../support/annotations";
import { newStack } from "../support/synth";

const HOST = "oidc.eks.us-west-2.amazonaws.com/id/AAAA";
const PROVIDER_ARN = `arn:aws:iam::111122223333:oidc-provider/${HOST}`;
const ROLE_ARN = "${aws_iam_role.payments.arn}";

type Json = { [key: string]: any };

function trust(conditions: Json, principal = PROVIDER_ARN): string {
  return JSON.stringify({
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Action: "sts:AssumeRoleWithWebIdentity", Principal: { Federated: principal }, Condition: conditions }],
  });
}

const PAYMENTS_API = trust({
  StringEquals: { [`${HOST}:sub`]: "system:serviceaccount:payments:api", [`${HOST}:aud`]: "sts.amazonaws.com" },
});

function annotation(namespace: string, name: string, roleArn = ROLE_ARN, extra: Json = {}) {
  return {
    api_version: "v1",
    kind: "ServiceAccount",
    metadata: { name, namespace },
    annotations: { "eks.amazonaws.com/role-arn": roleArn, ...extra },
  };
}

function configWith(annotations: Json, assumeRolePolicy = PAYMENTS_API, role: Json = {}) {
  return {
    resource: {
      aws_iam_role: { payments: { name: "payments", assume_role_policy: assumeRolePolicy, ...role } },
      ...annotations,
    },
  };
}

const irsa040 = (cfg: object, syntax: "terraform" | "iam" = "terraform") =>
  reportTerraformConfig(cfg, syntax)
    .findings.filter((f) => f.ruleId === "IRSA040")
    .map((f) => `${f.address.type}.${f.address.name}: ${f.message}`);

describe("IRSA040 on synthesized JSON", () => {
  test("an annotation on an account the trust admits passes; one on another account fails; both are judged", () => {
    const cfg = configWith({ kubernetes_annotations: { api: annotation("payments", "api"), web: annotation("payments", "web") } });
    expect(irsa040(cfg)).toEqual([
      "kubernetes_annotations.web: puts eks.amazonaws.com/role-arn ${aws_iam_role.payments.arn} on payments/web, but the trust of " +
        "aws_iam_role.payments does not admit system:serviceaccount:payments:web with audience sts.amazonaws.com",
    ]);
    const report = reportTerraformConfig(cfg);
    expect(report.judged.annotations).toBe(2);
    expect(report.annotationsNotJudged).toBe(0);
  });

  test("kubernetes_service_account and _v1 (metadata as an array, as hcl2json has it) and kubernetes_manifest", () => {
    const meta = (name: string) => ({ name, namespace: "payments", annotations: { "eks.amazonaws.com/role-arn": ROLE_ARN } });
    const cfg = configWith({
      kubernetes_service_account: { a: { metadata: meta("api") }, b: { metadata: meta("batch") } },
      kubernetes_service_account_v1: { c: [{ metadata: [meta("cron")] }] },
      kubernetes_manifest: { d: { manifest: { apiVersion: "v1", kind: "ServiceAccount", metadata: meta("debug") } } },
    });
    expect(irsa040(cfg).map((f) => f.split(":")[0])).toEqual([
      "kubernetes_service_account.b",
      "kubernetes_service_account_v1.c",
      "kubernetes_manifest.d",
    ]);
  });

  test("decided with IAM's rules, not by string matching: a StringLike pattern admits, a case-different namespace does not", () => {
    const pattern = trust({
      StringLike: { [`${HOST}:sub`]: "system:serviceaccount:payments:api-*" },
      StringEquals: { [`${HOST}:aud`]: "sts.amazonaws.com" },
    });
    expect(irsa040(configWith({ kubernetes_annotations: { a: annotation("payments", "api-v2") } }, pattern))).toEqual([]);
    expect(irsa040(configWith({ kubernetes_annotations: { a: annotation("Payments", "api") } }))).toHaveLength(1);
  });

  test("the audience: sts.amazonaws.com by default, or the eks.amazonaws.com/audience annotation's value", () => {
    const custom = trust({ StringEquals: { [`${HOST}:sub`]: "system:serviceaccount:payments:api", [`${HOST}:aud`]: "vault" } });
    expect(irsa040(configWith({ kubernetes_annotations: { a: annotation("payments", "api") } }, custom))).toEqual([
      expect.stringContaining("does not admit system:serviceaccount:payments:api with audience sts.amazonaws.com"),
    ]);
    const withAudience = annotation("payments", "api", ROLE_ARN, { "eks.amazonaws.com/audience": "vault" });
    expect(irsa040(configWith({ kubernetes_annotations: { a: withAudience } }, custom))).toEqual([]);
  });

  test("a role found by a literal ARN (name and path); a role of another configuration is not judged and says nothing", () => {
    const byArn = annotation("payments", "web", "arn:aws:iam::111122223333:role/apps/payments");
    expect(irsa040(configWith({ kubernetes_annotations: { a: byArn } }, PAYMENTS_API, { path: "/apps/" }))).toHaveLength(1);
    expect(irsa040(configWith({ kubernetes_annotations: { a: byArn } }))).toEqual([]);
    const elsewhere = configWith({ kubernetes_annotations: { a: annotation("payments", "web", "arn:aws:iam::111122223333:role/other") } });
    const report = reportTerraformConfig(elsewhere);
    expect(report.findings).toEqual([]);
    expect(report.judged.annotations).toBe(0);
    expect(report.annotationsNotJudged).toBe(1);
  });

  test("a trust known only at apply is not judged: no finding, counted", () => {
    const cfg = configWith({ kubernetes_annotations: { a: annotation("payments", "web") } }, "${var.trust}");
    const report = reportTerraformConfig(cfg);
    expect(report.findings.filter((f) => f.ruleId === "IRSA040")).toEqual([]);
    expect(report.annotationsNotJudged).toBe(1);
  });

  test("every JSON form gives the same findings (arrays of objects at every level)", () => {
    const objectForm = configWith({ kubernetes_annotations: { web: annotation("payments", "web") } });
    const arrayForm = {
      resource: [
        { aws_iam_role: [{ payments: [{ name: "payments", assume_role_policy: PAYMENTS_API }] }] },
        { kubernetes_annotations: [{ web: [{ ...annotation("payments", "web"), metadata: [{ name: "web", namespace: "payments" }] }] }] },
      ],
    };
    expect(irsa040(arrayForm)).toEqual(irsa040(objectForm));
    expect(irsa040(arrayForm)).toHaveLength(1);
  });

  test("exports of a live account and cluster (check's synthetic config, syntax iam): literal ARNs matched to roles' arn", () => {
    const arn = "arn:aws:iam::111122223333:role/payments";
    const exported = {
      resource: {
        aws_iam_role: { [arn]: { name: "payments", path: "/", arn, assume_role_policy: PAYMENTS_API } },
        kubernetes_annotations: { "payments/api": annotation("payments", "api", arn), "payments/web": annotation("payments", "web", arn) },
      },
    };
    expect(irsa040(exported, "iam")).toEqual([
      `kubernetes_annotations.payments/web: puts eks.amazonaws.com/role-arn ${arn} on payments/web, but that role's trust ` +
        "does not admit system:serviceaccount:payments:web with audience sts.amazonaws.com",
    ]);
  });
});

describe("IRSA040 through the IrsaTrustChecks Aspect", () => {
  test("IrsaRole's own annotations pass; a hand-written annotation and service account naming its role for other accounts fail", () => {
    const stack = newStack();
    const oidc = new EksOidcProvider(stack, "oidc", { issuerUrl: `https://${HOST}` });
    const role = new IrsaRole(stack, "payments", { oidcProvider: oidc, serviceAccounts: [{ namespace: "payments", name: "api" }] });
    new KubernetesAnnotations(stack, "web", {
      apiVersion: "v1",
      kind: "ServiceAccount",
      metadata: { name: "web", namespace: "payments" },
      annotations: { "eks.amazonaws.com/role-arn": role.roleArn },
    });
    new ServiceAccountV1(stack, "batch", {
      metadata: { name: "batch", namespace: "jobs", annotations: { "eks.amazonaws.com/role-arn": role.roleArn } },
    });
    Aspects.of(stack).add(new IrsaTrustChecks());
    expect(Testing.synth(stack)).toMatchSnapshot();
    expect(errorsOf(stack)).toEqual([
      expect.stringMatching(
        /^IrsaTrustChecks IRSA040 \(annotation-not-trusted\): kubernetes_annotations at test\/web: .* on payments\/web/,
      ),
      expect.stringMatching(
        /^IrsaTrustChecks IRSA040 \(annotation-not-trusted\): kubernetes_service_account_v1 at test\/batch: .* on jobs\/batch/,
      ),
    ]);
  });

  test("our constructs are judged and admitted: the IrsaRole annotation and a token issuer URL, a PodIdentityRole next to it", () => {
    const stack = newStack();
    const cluster = new DataAwsEksCluster(stack, "cluster", { name: "c" });
    const oidc = new EksOidcProvider(stack, "oidc", { issuerUrl: cluster.identity.get(0).oidc.get(0).issuer });
    new IrsaRole(stack, "payments", {
      oidcProvider: oidc,
      serviceAccounts: [
        { namespace: "payments", name: "api" },
        { namespace: "jobs", name: "batch" },
      ],
    });
    new PodIdentityRole(stack, "pods", { clusterName: "c", serviceAccounts: [{ namespace: "a", name: "b" }] });
    new IamRole(stack, "unrelated", { assumeRolePolicy: PAYMENTS_API });
    Aspects.of(stack).add(new IrsaTrustChecks());
    const json = JSON.parse(Testing.synth(stack));
    expect(errorsOf(stack)).toEqual([]);
    expect(warningsOf(stack)).toEqual([]);
    const report = reportTerraformConfig(json);
    expect(report.findings).toEqual([]);
    expect(report.judged.annotations).toBe(2);
  });

  test("IrsaRole with a custom audience and created service accounts: judged, admitted", () => {
    const stack = newStack();
    const oidc = new EksOidcProvider(stack, "oidc", { issuerUrl: `https://${HOST}`, clientIds: ["sts.amazonaws.com", "vault"] });
    new IrsaRole(stack, "vault", { oidcProvider: oidc, serviceAccounts: [{ namespace: "vault", name: "agent" }], audience: "vault" });
    new IrsaRole(stack, "created", {
      oidcProvider: oidc,
      serviceAccounts: [{ namespace: "jobs", name: "batch" }],
      serviceAccountMode: ServiceAccountMode.CREATE,
    });
    Aspects.of(stack).add(new IrsaTrustChecks());
    const report = reportTerraformConfig(JSON.parse(Testing.synth(stack)));
    expect(errorsOf(stack)).toEqual([]);
    expect(warningsOf(stack)).toEqual([]);
    expect(report.findings).toEqual([]);
    expect(report.judged.annotations).toBe(2);
  });
});
