/**
 * Moving an IrsaRole to EKS Pod Identity in three applies, without replacing the role: each step's
 * addresses are pinned, the role's block (address, name_prefix, trust reference) is identical in
 * every step, and the trust admits IRSA and Pod Identity exactly when the step says so.
 */
import { Aspects, Testing } from "cdktf";
import { EksOidcProvider, IrsaRole, IrsaRoleProps, IrsaTrustChecks, ServiceAccountMode } from "../../lib";
import { errorsOf, warningsOf } from "../support/annotations";
import { addresses, Json, newStack, only, ref, resources, synth } from "../support/synth";
import { clusterArnOf, podIdentityRequest, TEST_ENV, trustEvaluator, webIdentityRequest } from "../support/iam-requests";

const HOST = "oidc.eks.eu-west-1.amazonaws.com/id/ORDERS";
const PROVIDER_ARN = `arn:aws:iam::111122223333:oidc-provider/${HOST}`;

const STEPS: [string, Partial<IrsaRoleProps>][] = [
  ["before: IRSA only", {}],
  ["step 1: both trusts and the associations", { podIdentityClusterName: "prod" }],
  ["step 2: annotation removed", { podIdentityClusterName: "prod", serviceAccountMode: ServiceAccountMode.NONE }],
  ["step 3: Pod Identity only", { podIdentityClusterName: "prod", serviceAccountMode: ServiceAccountMode.NONE, webIdentityTrust: false }],
];

function build(props: Partial<IrsaRoleProps>) {
  const stack = newStack("orders");
  const oidc = new EksOidcProvider(stack, "oidc", { issuerUrl: `https://${HOST}` });
  const role = new IrsaRole(stack, "orders-api", { oidcProvider: oidc, serviceAccounts: [{ namespace: "orders", name: "api" }], ...props });
  Aspects.of(stack).add(new IrsaTrustChecks());
  const { text, json } = synth(stack);
  return { stack, role, text, json };
}

function decisions(json: Json) {
  const [roleId] = only(resources(json, "aws_iam_role"));
  const [providerId] = only(resources(json, "aws_iam_openid_connect_provider"));
  const trust = trustEvaluator(json, roleId, { [`aws_iam_openid_connect_provider.${providerId}`]: PROVIDER_ARN });
  return {
    irsa: trust.isAllowed(webIdentityRequest(PROVIDER_ARN, HOST, "orders", "api")),
    irsaOther: trust.isAllowed(webIdentityRequest(PROVIDER_ARN, HOST, "orders", "worker")),
    podIdentity:
      trust.isAllowed(podIdentityRequest("prod", "orders", "api")) &&
      trust.isAllowed(podIdentityRequest("prod", "orders", "api", "sts:TagSession")),
    podIdentityOther:
      trust.isAllowed(podIdentityRequest("prod", "orders", "worker")) ||
      trust.isAllowed(podIdentityRequest("staging", "orders", "api")) ||
      // A cluster of the same name in another Region or account of the partition.
      trust.isAllowed(
        podIdentityRequest("prod", "orders", "api", "sts:AssumeRole", true, clusterArnOf("prod", { ...TEST_ENV, region: "eu-central-1" })),
      ) ||
      trust.isAllowed(
        podIdentityRequest(
          "prod",
          "orders",
          "api",
          "sts:AssumeRole",
          true,
          clusterArnOf("prod", { ...TEST_ENV, accountId: "444455556666" }),
        ),
      ),
  };
}

describe("IrsaRole: migration to EKS Pod Identity", () => {
  const built = STEPS.map(([name, props]) => ({ name, ...build(props) }));

  test("the role's block is identical in every step: same address, same name_prefix, same trust reference", () => {
    const roles = built.map(({ json }) => resources(json, "aws_iam_role"));
    for (const r of roles) expect(r).toEqual(roles[0]);
    expect(Object.keys(roles[0])).toEqual(["orders-api_role_35671CCE"]);
    expect(Object.values(roles[0])[0].name_prefix).toBe("orders-api-");
  });

  test("each step's addresses", () => {
    const common = [
      "aws_iam_openid_connect_provider.oidc_provider_F68E095F",
      "aws_iam_role.orders-api_role_35671CCE",
      "data.aws_iam_policy_document.orders-api_trust_6D48FE70",
      "data.tls_certificate.oidc_certificate_BAD3AFB8",
    ];
    const annotation = "kubernetes_annotations.orders-api_annotations-ordersapi_F8C6BFF9";
    const association = "aws_eks_pod_identity_association.orders-api_pod-identity-prod-ordersapi_A3F44180";
    // The cluster ARN in the Pod Identity statement comes from the stack's shared data sources (new addresses; none renamed).
    const stackData = ["data.aws_caller_identity.aws-caller-identity", "data.aws_partition.aws-partition", "data.aws_region.aws-region"];
    expect(built.map(({ json }) => addresses(json))).toEqual([
      [...common, annotation].sort(),
      [association, ...common, ...stackData, annotation].sort(),
      [association, ...common, ...stackData].sort(),
      [association, ...common, ...stackData].sort(),
    ]);
  });

  test("who may assume the role in each step", () => {
    expect(built.map(({ json }) => decisions(json))).toEqual([
      { irsa: true, irsaOther: false, podIdentity: false, podIdentityOther: false },
      { irsa: true, irsaOther: false, podIdentity: true, podIdentityOther: false },
      { irsa: true, irsaOther: false, podIdentity: true, podIdentityOther: false },
      { irsa: false, irsaOther: false, podIdentity: true, podIdentityOther: false },
    ]);
    expect(built.map(({ role }) => role.trustedSubjects.map((s) => s.via))).toEqual([
      ["web-identity"],
      ["web-identity", "pod-identity"],
      ["web-identity", "pod-identity"],
      ["pod-identity"],
    ]);
  });

  test("the association points at the role, in cluster prod, for orders/api; the trust checks pass every step", () => {
    for (const { json, stack, name } of built.slice(1)) {
      const [roleId] = only(resources(json, "aws_iam_role"));
      const [, association] = only(resources(json, "aws_eks_pod_identity_association"));
      expect({ name, ...association }).toEqual({
        name,
        cluster_name: "prod",
        namespace: "orders",
        service_account: "api",
        role_arn: ref("aws_iam_role", roleId, "arn"),
      });
      expect([...errorsOf(stack), ...warningsOf(stack)]).toEqual([]);
    }
    expect(built[1].text).toMatchSnapshot();
  });

  test.each<[string, Partial<IrsaRoleProps>, RegExp]>([
    [
      "webIdentityTrust false without Pod Identity",
      { webIdentityTrust: false, serviceAccountMode: ServiceAccountMode.NONE },
      /webIdentityTrust false would leave the first cluster without any trust/,
    ],
    [
      "webIdentityTrust false while annotated",
      { podIdentityClusterName: "prod", webIdentityTrust: false },
      /needs serviceAccountMode "none" \(step 2\)/,
    ],
    [
      "a cluster name that EKS rejects",
      { podIdentityClusterName: "prod cluster" },
      /podIdentityClusterName "prod cluster" is not an EKS cluster name/,
    ],
    [
      "Pod Identity with allowWildcards",
      { podIdentityClusterName: "prod", allowWildcards: true, serviceAccountMode: ServiceAccountMode.NONE },
      /cannot be used with allowWildcards/,
    ],
  ])("%s is rejected", (_what, props, message) => {
    const stack = newStack();
    const oidc = new EksOidcProvider(stack, "oidc", { issuerUrl: `https://${HOST}` });
    expect(
      () => new IrsaRole(stack, "r", { oidcProvider: oidc, serviceAccounts: [{ namespace: "orders", name: "api" }], ...props }),
    ).toThrow(message);
  });

  test("an additional cluster migrates with its own podIdentityClusterName; step 3 needs every cluster migrated", () => {
    const stack = newStack();
    const a = new EksOidcProvider(stack, "a", { issuerUrl: `https://${HOST}` });
    const b = EksOidcProvider.fromArn(stack, "b", "arn:aws:iam::111122223333:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/DR");
    const props = (dr: object) => ({
      oidcProvider: a,
      podIdentityClusterName: "prod",
      serviceAccountMode: ServiceAccountMode.NONE,
      webIdentityTrust: false,
      serviceAccounts: [{ namespace: "orders", name: "api" }],
      additionalClusters: [{ oidcProvider: b, serviceAccounts: [{ namespace: "orders", name: "api" }], ...dr }],
    });
    expect(() => new IrsaRole(stack, "r1", props({}))).toThrow(/would leave additionalClusters\[0\] without any trust/);
    const role = new IrsaRole(stack, "r2", props({ podIdentityClusterName: "dr" }));
    expect(role.podIdentityAssociations.map((x) => x.clusterNameInput)).toEqual(["prod", "dr"]);
    Testing.synth(stack);
  });
});
