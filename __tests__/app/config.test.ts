/**
 * The app's configuration as a new user meets it: a config file stands alone unless it says
 * "extends"; every error names the source it came from and the field; a role id is never shared.
 */
import { Testing } from "cdktf";
import { mkdtempSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { loadConfig } from "../../app/config";
import { IrsaAppStack, providerMatchesCluster } from "../../app/stack";
import { IrsaAssertions } from "../../lib/testing";
import { dataSources, Json, only, resources } from "../support/synth";

const ROOT = join(__dirname, "..", "..");
const CONTEXT = JSON.parse(readFileSync(join(ROOT, "cdktf.json"), "utf8")).context;
const dir = mkdtempSync(join(tmpdir(), "irsa-config-"));
let files = 0;

/** Writes a config file and loads it over the embedded context. */
function loadFile(content: unknown, context = CONTEXT) {
  const file = join(dir, `config-${files++}.json`);
  writeFileSync(file, typeof content === "string" ? content : JSON.stringify(content));
  return { file, load: () => loadConfig(context, { IRSA_CONFIG: file }) };
}

const synthJson = (config: ReturnType<typeof loadConfig>): Json =>
  JSON.parse(Testing.synth(new IrsaAppStack(Testing.app(), config, {}), true));
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");

describe("a config file", () => {
  test("stands alone: one that omits clusterName fails instead of deploying the example's cluster", () => {
    const { file, load } = loadFile({ region: "eu-west-1", serviceAccounts: [{ namespace: "payments", name: "api" }] });
    expect(load).toThrow(new RegExp(`^config file "${escape(file)}": clusterName is missing; it must be a string$`));
    const noAccounts = loadFile({ region: "eu-west-1", clusterName: "prod" });
    expect(noAccounts.load).toThrow(/serviceAccounts is missing; it must list at least one/);
  });

  test('with "extends": "cdktf.json" it replaces the embedded fields it sets and keeps the others', () => {
    const { load } = loadFile({ extends: "cdktf.json", clusterName: "prod" });
    const config = load();
    expect(config.clusterName).toBe("prod");
    expect(config.serviceAccounts.map((sa) => `${sa.namespace}/${sa.name}`)).toEqual(["default/s3-echoer"]);
    expect(loadFile({ extends: "base.json" }).load).toThrow(/extends "base.json" must be "cdktf.json"/);
  });

  test("an existing provider by ARN, several accounts with modes and policies", () => {
    const arn = "arn:aws:iam::111122223333:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/ABC";
    const { load } = loadFile({
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
    });
    const config = load();
    expect(config.stackName).toBe("eks-irsa");
    const text = Testing.synth(new IrsaAppStack(Testing.app(), config, {}), true);
    expect(text).toMatchSnapshot();
    const json = JSON.parse(text);
    expect(resources(json, "aws_iam_openid_connect_provider")).toEqual({});
    expect(json.data.tls_certificate).toBeUndefined();
    expect(json.output.oidc_provider_arn.value).toBe(arn);
    expect(Object.values(resources(json, "kubernetes_service_account_v1")).map((sa) => sa.metadata.name)).toEqual(["exporter"]);
    expect(Object.values(resources(json, "kubernetes_annotations")).map((a) => a.metadata.name)).toEqual(["payments-service-user"]);
    expect(json.provider.aws).toEqual([{ region: "eu-west-1", default_tags: [{ tags: { owner: "platform" } }] }]);
    const assertions = IrsaAssertions.fromSynth(text);
    for (const roleId of Object.keys(resources(json, "aws_iam_role"))) {
      expect(JSON.parse(assertions.trustPolicyJson(`aws_iam_role.${roleId}`)).Statement[0].Principal.Federated).toEqual([arn]);
    }
  });

  test("a provider ARN of another cluster fails the plan: a postcondition compares it with the cluster's issuer", () => {
    const arn = "arn:aws:iam::111122223333:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/ABC";
    const json = synthJson(loadFile({ extends: "cdktf.json", oidcProviderArn: arn }).load());
    const [, cluster] = only(dataSources(json, "aws_eks_cluster"));
    expect(cluster.lifecycle.postcondition).toEqual(
      [providerMatchesCluster(arn, "my-cluster", "self.identity[0].oidc[0].issuer")].map((c) => ({
        condition: c.condition,
        error_message: c.errorMessage,
      })),
    );
    expect(cluster.lifecycle.postcondition[0].condition).toBe(
      '${trimprefix(self.identity[0].oidc[0].issuer, "https://") == "oidc.eks.eu-west-1.amazonaws.com/id/ABC"}',
    );
    // Without an ARN there is nothing to compare.
    expect(only(dataSources(synthJson(loadConfig(CONTEXT, {})), "aws_eks_cluster"))[1].lifecycle).toBeUndefined();
  });

  test('"lookupOidcProvider": true finds the existing provider by the cluster\'s issuer', () => {
    const json = synthJson(loadFile({ extends: "cdktf.json", lookupOidcProvider: true }).load());
    expect(resources(json, "aws_iam_openid_connect_provider")).toEqual({});
    const [lookupId, lookup] = only(dataSources(json, "aws_iam_openid_connect_provider"));
    expect(lookup.url).toBe("${data.aws_eks_cluster.cluster.identity[0].oidc[0].issuer}");
    const [roleId] = only(resources(json, "aws_iam_role"));
    const arn = "arn:aws:iam::111122223333:oidc-provider/oidc.eks.us-west-2.amazonaws.com/id/EXAMPLE";
    const assertions = IrsaAssertions.fromSynth(JSON.stringify(json), {
      providerArns: { [`data.aws_iam_openid_connect_provider.${lookupId}`]: arn },
    });
    const [statement] = JSON.parse(assertions.trustPolicyJson(`aws_iam_role.${roleId}`)).Statement;
    expect(statement.Principal.Federated).toEqual([arn]);
    const both = loadFile({ extends: "cdktf.json", lookupOidcProvider: true, oidcProviderArn: arn });
    expect(both.load).toThrow(/lookupOidcProvider true cannot be used together with oidcProviderArn/);
  });

  test("two accounts that would share a role id: an error naming both, and an id to tell them apart", () => {
    const clash = [
      { namespace: "a", name: "b-c" },
      { namespace: "a-b", name: "c" },
    ];
    expect(loadFile({ extends: "cdktf.json", serviceAccounts: clash }).load).toThrow(
      /serviceAccounts\[1\] .* gets the role id "a-b-c", as serviceAccounts\[0\] does; give one of them an "id"/,
    );
    const config = loadFile({ extends: "cdktf.json", serviceAccounts: [clash[0], { ...clash[1], id: "ab-c" }] }).load();
    const roles = Object.values(resources(synthJson(config), "aws_iam_role")).map((r) => r.name_prefix);
    expect(roles.sort()).toEqual(["a-b-c-", "ab-c-"]);
  });
});

describe("errors name the source and the field", () => {
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
      /serviceAccounts\[0\]\.mode "create" is now spelled "serviceAccountMode"/,
    ],
    [{ thumbprints: ["AB:CD"] }, /thumbprints\[0\] "AB:CD" is not a SHA-1 thumbprint/],
    [{ fetchThumbprint: "no" }, /fetchThumbprint "no" must be true or false/],
    [{ tags: JSON.parse('{"__proto__":"x"}') }, /tags key "__proto__" cannot be a key/],
    [
      { serviceAccounts: [{ namespace: "a", name: "b", inlinePolicies: JSON.parse('{"__proto__":{}}') }] },
      /inlinePolicies key "__proto__"/,
    ],
  ])("bad field in the file %j: blamed on the file", (override, message) => {
    const { file, load } = loadFile({ extends: "cdktf.json", ...override });
    expect(load).toThrow(message);
    expect(load).toThrow(new RegExp(`^config file "${escape(file)}": `));
  });

  test("a typo in cdktf.json is blamed on cdktf.json, also when a file extends it", () => {
    const context = { irsa: { ...CONTEXT.irsa, regoin: "us-west-2" } };
    expect(() => loadConfig(context, {})).toThrow(/^cdktf.json context "irsa": regoin "us-west-2" is not a config field/);
    expect(loadFile({ extends: "cdktf.json", clusterName: "prod" }, context).load).toThrow(/^cdktf.json context "irsa": regoin/);
    const badRegion = { irsa: { ...CONTEXT.irsa, region: "mars" } };
    expect(loadFile({ extends: "cdktf.json", clusterName: "prod" }, badRegion).load).toThrow(/^cdktf.json context "irsa": region "mars"/);
  });

  test("unreadable and malformed files get one clear message", () => {
    expect(() => loadConfig(CONTEXT, { IRSA_CONFIG: join(dir, "missing.json") })).toThrow(
      /config file ".*missing.json" cannot be read: ENOENT/,
    );
    expect(loadFile("{ not json").load).toThrow(/config file ".*" is not valid JSON/);
    expect(loadFile("[1]").load).toThrow(/config file ".*" must hold a JSON object/);
  });
});

describe("EKS Pod Identity in the app", () => {
  test('"identity": "pod-identity" makes a PodIdentityRole: associations, no annotation, no web identity', () => {
    const json = synthJson(
      loadFile({ extends: "cdktf.json", serviceAccounts: [{ namespace: "orders", name: "api", identity: "pod-identity" }] }).load(),
    );
    const [, association] = only(resources(json, "aws_eks_pod_identity_association"));
    expect(association).toMatchObject({ cluster_name: "my-cluster", namespace: "orders", service_account: "api" });
    expect(resources(json, "kubernetes_annotations")).toEqual({});
    const [, trust] = only(dataSources(json, "aws_iam_policy_document"));
    expect(trust.statement.map((s: Json) => s.principals[0].type)).toEqual(["Service"]);
  });

  test("an IRSA account migrates in three config changes; the role's address and name stay", () => {
    const account = { namespace: "default", name: "s3-echoer" };
    const steps = [
      {},
      { podIdentity: true },
      { podIdentity: true, serviceAccountMode: "none" },
      { podIdentity: true, serviceAccountMode: "none", webIdentityTrust: false },
    ];
    const jsons = steps.map((step) => synthJson(loadFile({ extends: "cdktf.json", serviceAccounts: [{ ...account, ...step }] }).load()));
    for (const json of jsons) expect(resources(json, "aws_iam_role")).toEqual(resources(jsons[0], "aws_iam_role"));
    expect(jsons.map((json) => Object.keys(resources(json, "aws_eks_pod_identity_association")).length)).toEqual([0, 1, 1, 1]);
    expect(jsons.map((json) => Object.keys(resources(json, "kubernetes_annotations")).length)).toEqual([1, 1, 0, 0]);
    const principals = (json: Json) =>
      only(dataSources(json, "aws_iam_policy_document"))[1].statement.map((s: Json) => s.principals[0].type);
    expect(jsons.map(principals)).toEqual([["Federated"], ["Federated", "Service"], ["Federated", "Service"], ["Service"]]);
  });

  test.each([
    [{ identity: "pod" }, /serviceAccounts\[0\]\.identity "pod" is not one of "irsa", "pod-identity"/],
    [{ identity: "pod-identity", serviceAccountMode: "annotate" }, /serviceAccountMode "annotate" is not one of "none", "create"/],
    [{ identity: "pod-identity", podIdentity: true }, /is a "pod-identity" account: podIdentity and webIdentityTrust are migration steps/],
    [{ webIdentityTrust: false, serviceAccountMode: "none" }, /webIdentityTrust false needs podIdentity: true first/],
    [{ podIdentity: true, webIdentityTrust: false }, /webIdentityTrust false needs serviceAccountMode "none" first/],
  ])("%j is rejected with the field named", (fields, message) => {
    expect(loadFile({ extends: "cdktf.json", serviceAccounts: [{ namespace: "a", name: "b", ...fields }] }).load).toThrow(message);
  });
});
