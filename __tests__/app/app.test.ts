import { execFileSync, spawnSync } from "child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { Testing } from "cdktf";
import { AppConfig, loadConfig, validateConfig } from "../../app/config";
import { backendSettings, IrsaAppStack } from "../../app/stack";
import { admits, Resolver, trustOfRole } from "../support/iam-eval";
import { addresses, dataSources, Json, only, resources } from "../support/synth";

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
    expect(Object.keys(json.data).sort()).toEqual(["aws_eks_cluster", "aws_iam_policy_document", "tls_certificate"]);
    expect(Object.keys(json.resource).sort()).toEqual([
      "aws_iam_openid_connect_provider",
      "aws_iam_role",
      "aws_iam_role_policy",
      "kubernetes_annotations",
    ]);
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
    const arn = "arn:aws:iam::111122223333:oidc-provider/oidc.eks.us-west-2.amazonaws.com/id/EXAMPLE";
    const [roleId] = only(resources(json, "aws_iam_role"));
    const statements = trustOfRole(json, roleId, new Resolver({ [`aws_iam_openid_connect_provider.${providerId}`]: arn }));
    expect(admits(statements, arn, "default", "s3-echoer")).toBe(true);
    expect(admits(statements, arn, "default", "s3-echoer-x")).toBe(false);
    expect(admits(statements, arn, "kube-system", "s3-echoer")).toBe(false);
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
    // An organization without a workspace name stays local rather than guessing.
    expect(backendSettings(DEFAULT_CONFIG, { TF_CLOUD_ORGANIZATION: "acme" })).toEqual({ kind: "local" });
    const fromConfig = validateConfig({ ...CONTEXT.irsa, terraformCloud: { workspace: "w", hostname: "tfe.example.com" } }, "test");
    expect(synthApp(fromConfig, { TF_CLOUD_ORGANIZATION: "acme" }).json.terraform.cloud).toEqual({
      organization: "acme",
      hostname: "tfe.example.com",
      workspaces: { name: "w" },
    });
  });

  test("byte-identical output from two synths", () => {
    expect(synthApp().text).toBe(synthApp().text);
  });
});

describe("config file override", () => {
  const dir = mkdtempSync(join(tmpdir(), "irsa-config-"));

  test("an existing provider by ARN, several accounts with modes and policies", () => {
    const file = join(dir, "override.json");
    const arn = "arn:aws:iam::111122223333:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/ABC";
    writeFileSync(
      file,
      JSON.stringify({
        clusterName: "prod",
        region: "eu-west-1",
        oidcProviderArn: arn,
        tags: { owner: "platform" },
        serviceAccounts: [
          {
            namespace: "payments",
            name: "payments-service-user",
            managedPolicyArns: ["arn:aws:iam::aws:policy/AmazonDynamoDBReadOnlyAccess"],
          },
          { namespace: "batch", name: "exporter", serviceAccountMode: "create" },
        ],
      }),
    );
    const config = loadConfig(CONTEXT, { IRSA_CONFIG: file });
    expect(config.stackName).toBe("eks-irsa");
    const { text, json } = synthApp(config);
    expect(text).toMatchSnapshot();
    expect(resources(json, "aws_iam_openid_connect_provider")).toEqual({});
    expect(json.data.tls_certificate).toBeUndefined();
    expect(json.output.oidc_provider_arn.value).toBe(arn);
    expect(Object.keys(resources(json, "aws_iam_role"))).toHaveLength(2);
    expect(Object.values(resources(json, "kubernetes_service_account_v1")).map((sa) => sa.metadata.name)).toEqual(["exporter"]);
    expect(Object.values(resources(json, "kubernetes_annotations")).map((a) => a.metadata.name)).toEqual(["payments-service-user"]);
    expect(json.provider.aws).toEqual([{ region: "eu-west-1", default_tags: [{ tags: { owner: "platform" } }] }]);
    for (const roleId of Object.keys(resources(json, "aws_iam_role"))) {
      const statements = trustOfRole(json, roleId, new Resolver({}));
      expect(statements[0].federated).toEqual([arn]);
    }
  });

  test.each([
    [
      { serviceAccounts: [{ namespace: "Prod", name: "api" }] },
      /serviceAccounts\[0\]\.namespace "Prod" is not a valid Kubernetes namespace/,
    ],
    [{ serviceAccounts: [] }, /serviceAccounts \[\] must list at least one/],
    [{ region: "mars" }, /region "mars" is not an AWS region/],
    [{ clustername: "x" }, /clustername "x" is not a config field/],
    [{ oidcProviderArn: "arn:aws:iam::1:role/x" }, /oidcProviderArn "arn:aws:iam::1:role\/x" is not an IAM OIDC provider ARN/],
    [
      { serviceAccounts: [{ namespace: "a", name: "b", inlinePolicies: { p: "{" } }] },
      /serviceAccounts\[0\]\.inlinePolicies\["p"\] "\{" is not valid JSON/,
    ],
    [
      { serviceAccounts: [{ namespace: "a", name: "b", serviceAccountMode: "patch" }] },
      /serviceAccounts\[0\]\.serviceAccountMode "patch" is not one of "annotate", "create", "none"/,
    ],
    [
      { serviceAccounts: [{ namespace: "a", name: "b", mode: "create" }] },
      /serviceAccounts\[0\]\.mode "create" is now spelled "serviceAccountMode", as in the library/,
    ],
    [{ thumbprints: ["AB:CD"] }, /thumbprints\[0\] "AB:CD" is not a SHA-1 thumbprint/],
    [{ fetchThumbprint: "no" }, /fetchThumbprint "no" must be true or false/],
  ])("bad config %j names the field", (override, message) => {
    const file = join(dir, "bad.json");
    writeFileSync(file, JSON.stringify(override));
    expect(() => loadConfig(CONTEXT, { IRSA_CONFIG: file })).toThrow(message);
    expect(() => loadConfig(CONTEXT, { IRSA_CONFIG: file })).toThrow(
      new RegExp(`^config file "${file.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}": `),
    );
  });

  test("unreadable and malformed files get one clear message", () => {
    expect(() => loadConfig(CONTEXT, { IRSA_CONFIG: join(dir, "missing.json") })).toThrow(
      /config file ".*missing.json" cannot be read: ENOENT/,
    );
    const file = join(dir, "broken.json");
    writeFileSync(file, "{ not json");
    expect(() => loadConfig(CONTEXT, { IRSA_CONFIG: file })).toThrow(/config file ".*broken.json" is not valid JSON/);
  });

  test("main.ts prints one line naming the field and exits 1, without a stack trace", () => {
    const file = join(dir, "main-bad.json");
    writeFileSync(file, JSON.stringify({ serviceAccounts: [{ namespace: "default", name: "Bad_Name" }] }));
    const run = spawnSync(process.execPath, ["-r", "sucrase/register/ts", "main.ts"], {
      cwd: ROOT,
      env: { ...process.env, IRSA_CONFIG: file, CDKTF_OUTDIR: join(dir, "out") },
      encoding: "utf8",
    });
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split("\n")).toEqual([
      `Error: config file "${file}": serviceAccounts[0].name "Bad_Name" is not a valid Kubernetes service account name ` +
        `(RFC 1123 subdomain: dot-separated labels of lowercase alphanumerics and '-', each starting and ending ` +
        `alphanumeric, at most 253 characters)`,
    ]);
  });

  test("main.ts with plain node synthesizes the default app into the outdir", () => {
    const out = join(dir, "plain-out");
    execFileSync(process.execPath, ["-r", "sucrase/register/ts", "main.ts"], { cwd: ROOT, env: { ...process.env, CDKTF_OUTDIR: out } });
    const json = JSON.parse(readFileSync(join(out, "stacks", "eks-irsa", "cdk.tf.json"), "utf8"));
    expect(Object.keys(json.resource).sort()).toEqual([
      "aws_iam_openid_connect_provider",
      "aws_iam_role",
      "aws_iam_role_policy",
      "kubernetes_annotations",
    ]);
  });
});
