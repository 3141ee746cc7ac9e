import { readFileSync } from "fs";
import { join } from "path";
import { Testing } from "cdktf";
import { AppConfig, loadConfig, validateConfig } from "../../app/config";
import { backendSettings, IrsaAppStack } from "../../app/stack";
import { ValidationError } from "../../lib/internal";
import { IrsaAssertions } from "../../lib/testing";
import { addresses, dataSources, DEFAULT_APP_TYPES, Json, only, resources, typesOf } from "../support/synth";

const ROOT = join(__dirname, "..", "..");
const CONTEXT = JSON.parse(readFileSync(join(ROOT, "cdktf.json"), "utf8")).context;
const DEFAULT_CONFIG = loadConfig(CONTEXT, {});

function synthApp(
  config: AppConfig = DEFAULT_CONFIG,
  env: { [key: string]: string } = {},
): { text: string; json: Json; stack: IrsaAppStack } {
  const stack = new IrsaAppStack(Testing.app(), config, env);
  const text = Testing.synth(stack, true);
  return { text, json: JSON.parse(text), stack };
}

describe("default app", () => {
  test("synthesizes the five wrapped resource types from the embedded config", () => {
    const { text, json } = synthApp();
    expect(text).toMatchSnapshot();
    expect(typesOf(json)).toEqual(DEFAULT_APP_TYPES);
  });

  test("Terraform addresses of the default app are pinned (renaming one would replace a live role)", () => {
    expect(addresses(synthApp().json)).toEqual([
      "aws_iam_openid_connect_provider.oidc_provider_F68E095F",
      "aws_iam_role.default-s3-echoer_role_9CDA9B2E",
      "aws_iam_role_policy.default-s3-echoer_inline-policy-s3-echoer-put-objects_B6634D51",
      "data.aws_eks_cluster.cluster",
      "data.aws_iam_policy_document.default-s3-echoer_trust_22C2C622",
      "data.tls_certificate.oidc_certificate_BAD3AFB8",
      "kubernetes_annotations.default-s3-echoer_annotations-defaults3-echoer_B92536B9",
    ]);
  });

  test("the cluster is looked up by name and configures the kubernetes provider", () => {
    const { json } = synthApp();
    expect(only(dataSources(json, "aws_eks_cluster"))[1]).toEqual({ name: "my-cluster" });
    expect(json.provider.kubernetes).toEqual([
      {
        host: "${data.aws_eks_cluster.cluster.endpoint}",
        cluster_ca_certificate: "${base64decode(data.aws_eks_cluster.cluster.certificate_authority[0].data)}",
        exec: [
          {
            api_version: "client.authentication.k8s.io/v1beta1",
            command: "aws",
            args: ["eks", "get-token", "--cluster-name", "my-cluster", "--region", "us-west-2"],
          },
        ],
      },
    ]);
    expect(json.provider.aws).toEqual([{ region: "us-west-2" }]);
  });

  test("the OIDC provider is created from the cluster's issuer, and the role trusts exactly s3-echoer", () => {
    const { json } = synthApp();
    const [providerId, provider] = only(resources(json, "aws_iam_openid_connect_provider"));
    expect(provider.url).toBe("${data.aws_eks_cluster.cluster.identity[0].oidc[0].issuer}");
    const issuerHost = "oidc.eks.us-west-2.amazonaws.com/id/EXAMPLE";
    const arn = `arn:aws:iam::111122223333:oidc-provider/${issuerHost}`;
    const [roleId] = only(resources(json, "aws_iam_role"));
    const a = IrsaAssertions.fromSynth(JSON.stringify(json), { providerArns: { [`aws_iam_openid_connect_provider.${providerId}`]: arn } });
    const role = `aws_iam_role.${roleId}`;
    expect(a.canAssume(role, { issuerHost, namespace: "default", name: "s3-echoer" })).toBe(true);
    expect(a.canAssume(role, { issuerHost, namespace: "default", name: "s3-echoer-x" })).toBe(false);
    expect(a.canAssume(role, { issuerHost, namespace: "kube-system", name: "s3-echoer" })).toBe(false);
    const [, inline] = only(resources(json, "aws_iam_role_policy"));
    expect(JSON.parse(inline.policy).Statement[0]).toEqual({
      Effect: "Allow",
      Action: ["s3:PutObject"],
      Resource: ["arn:aws:s3:::s3-echoer-example/*"],
    });
    const [, annotation] = only(resources(json, "kubernetes_annotations"));
    expect(annotation.metadata).toEqual({ name: "s3-echoer", namespace: "default" });
  });

  test("outputs: one role ARN per service account and the provider ARN", () => {
    const { json } = synthApp();
    const [roleId] = only(resources(json, "aws_iam_role"));
    const [providerId] = only(resources(json, "aws_iam_openid_connect_provider"));
    expect(json.output).toEqual({
      "role_arn_default-s3-echoer": {
        value: `\${aws_iam_role.${roleId}.arn}`,
        description: "IAM role of service account default/s3-echoer",
      },
      oidc_provider_arn: { value: `\${aws_iam_openid_connect_provider.${providerId}.arn}` },
    });
  });

  test("local backend by default; CloudBackend with TF_CLOUD_ORGANIZATION and a workspace", () => {
    expect(synthApp().json.terraform.backend).toEqual({ local: { path: "terraform.eks-irsa.tfstate" } });
    const cloud = synthApp(DEFAULT_CONFIG, { TF_CLOUD_ORGANIZATION: "acme", TF_WORKSPACE: "irsa-prod" }).json.terraform;
    expect(cloud.backend).toBeUndefined();
    expect(cloud.cloud).toEqual({ organization: "acme", workspaces: { name: "irsa-prod" } });
    const fromConfig = validateConfig({ ...CONTEXT.irsa, terraformCloud: { workspace: "w", hostname: "tfe.example.com" } }, "test");
    expect(synthApp(fromConfig, { TF_CLOUD_ORGANIZATION: "acme" }).json.terraform.cloud).toEqual({
      organization: "acme",
      hostname: "tfe.example.com",
      workspaces: { name: "w" },
    });
  });

  test("only one of organization and workspace: an error naming the missing one, never a silent local backend", () => {
    expect(() => backendSettings(DEFAULT_CONFIG, { TF_CLOUD_ORGANIZATION: "acme" })).toThrow(
      /^Terraform Cloud: the organization is set \("acme"\) but no workspace: set TF_WORKSPACE or terraformCloud.workspace/,
    );
    expect(() => backendSettings(DEFAULT_CONFIG, { TF_WORKSPACE: "irsa-prod" })).toThrow(
      /^Terraform Cloud: the workspace is set \("irsa-prod"\) but no organization: set TF_CLOUD_ORGANIZATION/,
    );
    const workspaceOnly = validateConfig({ ...CONTEXT.irsa, terraformCloud: { workspace: "w" } }, "test");
    expect(() => synthApp(workspaceOnly)).toThrow(ValidationError);
  });

  test("byte-identical output from two synths", () => {
    expect(synthApp().text).toBe(synthApp().text);
  });
});
