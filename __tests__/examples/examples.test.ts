import { Testing } from "cdktf";
import { build as airGapped, THUMBPRINT } from "../../examples/air-gapped/main";
import { build as existingServiceAccount } from "../../examples/existing-service-account/main";
import { build as multiCluster } from "../../examples/multi-cluster/main";
import { build as paymentsDynamodb } from "../../examples/payments-dynamodb/main";
import { build as s3Echoer } from "../../examples/s3-echoer/main";
import { IrsaAssertions } from "../../lib/testing";
import { dataSources, Json, only, resources } from "../support/synth";

function synthExample(build: typeof s3Echoer): { text: string; json: Json } {
  const text = Testing.synth(build(Testing.app()), true);
  return { text, json: JSON.parse(text) };
}

/** Assertions over the example's only role, with the ARN IAM would give each created provider. */
function trust(json: Json, arns: { [address: string]: string } = {}) {
  const [roleId] = only(resources(json, "aws_iam_role"));
  const assertions = IrsaAssertions.fromSynth(JSON.stringify(json), { providerArns: arns });
  const role = `aws_iam_role.${roleId}`;
  return {
    admits: (issuerHost: string, namespace: string, name: string) => assertions.canAssume(role, { issuerHost, namespace, name }),
    policy: () => JSON.parse(assertions.trustPolicyJson(role)),
  };
}

const arnOf = (host: string) => `arn:aws:iam::111122223333:oidc-provider/${host}`;
const createdProviderArn = (json: Json, id = only(resources(json, "aws_iam_openid_connect_provider"))[0]) =>
  `aws_iam_openid_connect_provider.${id}`;

describe("examples", () => {
  test("s3-echoer: trusts default/s3-echoer; may only put objects into its bucket", () => {
    const { text, json } = synthExample(s3Echoer);
    expect(text).toMatchSnapshot();
    const host = "oidc.eks.us-west-2.amazonaws.com/id/EXAMPLE";
    const role = trust(json, { [createdProviderArn(json)]: arnOf(host) });
    expect(role.admits(host, "default", "s3-echoer")).toBe(true);
    expect(role.admits(host, "default", "other")).toBe(false);
    const [, inline] = only(resources(json, "aws_iam_role_policy"));
    const [policyId] = Object.entries(dataSources(json, "aws_iam_policy_document")).find(
      ([, d]) => d.statement[0].actions[0] === "s3:PutObject",
    )!;
    expect(inline.policy).toBe(`\${data.aws_iam_policy_document.${policyId}.json}`);
    const [bucketId] = only(resources(json, "aws_s3_bucket"));
    expect(dataSources(json, "aws_iam_policy_document")[policyId].statement).toEqual([
      { effect: "Allow", actions: ["s3:PutObject"], resources: [`\${aws_s3_bucket.${bucketId}.arn}/*`] },
    ]);
  });

  test("payments-dynamodb: payments-service-user in default; table actions on one table", () => {
    const { text, json } = synthExample(paymentsDynamodb);
    expect(text).toMatchSnapshot();
    const host = "oidc.eks.eu-west-1.amazonaws.com/id/PAYMENTS";
    const role = trust(json, { [createdProviderArn(json)]: arnOf(host) });
    expect(role.admits(host, "default", "payments-service-user")).toBe(true);
    expect(role.admits(host, "payments", "payments-service-user")).toBe(false);
    const [tableId] = only(resources(json, "aws_dynamodb_table"));
    const access = Object.values(dataSources(json, "aws_iam_policy_document")).find((d) => !d.statement[0].principals)!;
    expect(access.statement[0].resources).toEqual([
      `\${aws_dynamodb_table.${tableId}.arn}`,
      `\${aws_dynamodb_table.${tableId}.arn}/index/*`,
    ]);
    expect(access.statement[0].actions).not.toContain("dynamodb:*");
    const [, annotation] = only(resources(json, "kubernetes_annotations"));
    expect(annotation.metadata).toEqual({ name: "payments-service-user", namespace: "default" });
  });

  test("existing-service-account: annotates the Helm-made account; the Deployment waits for role, policy and annotation", () => {
    const { text, json } = synthExample(existingServiceAccount);
    expect(text).toMatchSnapshot();
    expect(resources(json, "aws_iam_openid_connect_provider")).toEqual({});
    const host = "oidc.eks.us-west-2.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE";
    expect(trust(json).admits(host, "kube-system", "external-dns")).toBe(true);
    const [annotationId, annotation] = only(resources(json, "kubernetes_annotations"));
    expect(annotation.metadata).toEqual({ name: "external-dns", namespace: "kube-system" });
    expect(annotation.annotations["eks.amazonaws.com/sts-regional-endpoints"]).toBe("true");
    expect(resources(json, "kubernetes_service_account_v1")).toEqual({});
    const [, deployment] = only(resources(json, "kubernetes_deployment_v1"));
    const [roleId] = only(resources(json, "aws_iam_role"));
    const [attachmentId] = only(resources(json, "aws_iam_role_policy_attachment"));
    expect([...deployment.depends_on].sort()).toEqual(
      [`aws_iam_role.${roleId}`, `aws_iam_role_policy_attachment.${attachmentId}`, `kubernetes_annotations.${annotationId}`].sort(),
    );
    expect(deployment.spec.template.spec.service_account_name).toBe("external-dns");
  });

  test("multi-cluster: one role, one statement per cluster, each account annotated in its own cluster", () => {
    const { text, json } = synthExample(multiCluster);
    expect(text).toMatchSnapshot();
    const providers = Object.entries<Json>(resources(json, "aws_iam_openid_connect_provider"));
    expect(providers).toHaveLength(2);
    const idOf = (cluster: string) => providers.find(([, p]) => p.url.includes(`aws_eks_cluster.${cluster}.`))![0];
    const primary = "oidc.eks.us-west-2.amazonaws.com/id/PRIMARY";
    const dr = "oidc.eks.us-east-1.amazonaws.com/id/DR";
    const role = trust(json, {
      [createdProviderArn(json, idOf("primary"))]: arnOf(primary),
      [createdProviderArn(json, idOf("dr"))]: arnOf(dr),
    });
    expect(role.policy().Statement).toHaveLength(2);
    expect(role.admits(primary, "orders", "orders-api")).toBe(true);
    expect(role.admits(dr, "orders", "orders-api")).toBe(true);
    expect(role.admits(dr, "orders", "other")).toBe(false);
    expect(
      Object.values(resources(json, "kubernetes_annotations"))
        .map((a) => a.provider)
        .sort(),
    ).toEqual(["kubernetes.dr", "kubernetes.primary"]);
    expect(dataSources(json, "aws_eks_cluster")).toMatchObject({ dr: { provider: "aws.dr" } });
  });

  test("air-gapped: no tls_certificate data source, the static thumbprint pinned, literal trust keys", () => {
    const { text, json } = synthExample(airGapped);
    expect(text).toMatchSnapshot();
    expect(json.data.tls_certificate).toBeUndefined();
    const [, provider] = only(resources(json, "aws_iam_openid_connect_provider"));
    expect(provider.thumbprint_list).toEqual([THUMBPRINT]);
    const role = trust(json);
    const host = "oidc.eks.us-gov-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE";
    expect(Object.keys(role.policy().Statement[0].Condition.StringEquals)).toEqual([`${host}:sub`, `${host}:aud`]);
    expect(role.admits(host, "ledger", "ledger-writer")).toBe(true);
    expect(role.admits(host, "ledger", "other")).toBe(false);
  });
});
