/** The app's `addons`: one role per add-on, for its default service account, keyed by add-on name; config errors name the field. */
import { readFileSync } from "fs";
import { join } from "path";
import { Testing } from "cdktf";
import { validateConfig } from "../../app/config";
import { IrsaAppStack } from "../../app/stack";
import { PolicyEvaluator } from "../../lib/evaluation/policy-evaluator";
import { ENVIRONMENTS, rolePolicies } from "../support/permissions";
import { addresses, dataSources, Json, resources } from "../support/synth";

const ROOT = join(__dirname, "..", "..");
const BASE = JSON.parse(readFileSync(join(ROOT, "cdktf.json"), "utf8")).context.irsa;
const ZONE = "arn:aws:route53:::hostedzone/Z1D633PJN98FT9";

function synthConfig(raw: object): Json {
  return JSON.parse(Testing.synth(new IrsaAppStack(Testing.app(), validateConfig({ ...BASE, ...raw }, "test")), true));
}

const ADDONS = [
  { addon: "external-dns", hostedZoneArns: [ZONE] },
  { addon: "load-balancer-controller" },
  { addon: "vpc-cni", serviceAccount: { namespace: "kube-system", name: "aws-node" }, serviceAccountMode: "none" },
];

test("each add-on becomes one role for its default service account, with its policy and an output", () => {
  const json = synthConfig({ serviceAccounts: undefined, addons: ADDONS });
  expect(addresses(json).filter((a) => a.includes("addons") || a.includes("aws_partition"))).toEqual([
    "aws_iam_policy.addons_external-dns_addon-external-dns-policy_81283140",
    "aws_iam_policy.addons_load-balancer-controller_addon-load-balancer-controller-policy_3D3665CC",
    "aws_iam_role.addons_external-dns_role_580B7806",
    "aws_iam_role.addons_load-balancer-controller_role_C364F1EF",
    "aws_iam_role.addons_vpc-cni_role_F942E586",
    "aws_iam_role_policy_attachment.addons_external-dns_addon-external-dns-attachment_81A893B2",
    "aws_iam_role_policy_attachment.addons_load-balancer-controller_addon-load-balancer-controller-attachment_A077C986",
    "aws_iam_role_policy_attachment.addons_vpc-cni_addon-vpc-cni-AmazonEKS_CNI_Policy-attachment_DF92520F",
    "data.aws_iam_policy_document.addons_external-dns_trust_70AAD3A6",
    "data.aws_iam_policy_document.addons_load-balancer-controller_trust_30BA3D71",
    "data.aws_iam_policy_document.addons_vpc-cni_trust_66039AAE",
    "data.aws_partition.aws-partition",
    "kubernetes_annotations.addons_external-dns_annotations-defaultexternal-dns_6FC2DFD0",
    "kubernetes_annotations.addons_load-balancer-controller_annotations-kube-systemaws-load-balancer-controller_E228DB4D",
  ]);
  const subjects = Object.values<Json>(dataSources(json, "aws_iam_policy_document")).map((d) => d.statement[0].condition[0].values[0]);
  expect(subjects.sort()).toEqual([
    "system:serviceaccount:default:external-dns",
    "system:serviceaccount:kube-system:aws-load-balancer-controller",
    "system:serviceaccount:kube-system:aws-node",
  ]);
  expect(Object.keys(json.output).sort()).toEqual([
    "addon_role_arn_external_dns",
    "addon_role_arn_load_balancer_controller",
    "addon_role_arn_vpc_cni",
    "oidc_provider_arn",
  ]);
});

test("reordering add-ons keeps every address; the service-account roles stay as they were", () => {
  const forward = synthConfig({ addons: ADDONS });
  const backward = synthConfig({ addons: [...ADDONS].reverse() });
  expect(addresses(backward)).toEqual(addresses(forward));
  expect(backward.resource).toEqual(forward.resource);
  expect(addresses(forward)).toEqual(expect.arrayContaining(["aws_iam_role.default-s3-echoer_role_9CDA9B2E"]));
});

test("the external-dns role may change records in its zone only", () => {
  const json = synthConfig({ addons: [{ addon: "external-dns", hostedZoneArns: [ZONE] }] });
  const [roleId] = Object.keys(resources(json, "aws_iam_role")).filter((id) => id.startsWith("addons_external-dns"));
  const evaluator = new PolicyEvaluator(rolePolicies(json, roleId, ENVIRONMENTS.aws));
  expect(evaluator.isAllowed({ action: "route53:ChangeResourceRecordSets", resource: ZONE })).toBe(true);
  expect(evaluator.isAllowed({ action: "route53:ChangeResourceRecordSets", resource: ZONE.replace("Z1D633PJN98FT9", "Z2OTHER") })).toBe(
    false,
  );
});

test.each<[string, object, string]>([
  [
    "an unknown add-on",
    { addons: [{ addon: "istio" }] },
    'test: addons[0].addon "istio" is not a known add-on (known: ebs-csi-driver, efs-csi-driver,',
  ],
  ["a missing name", { addons: [{ hostedZoneArns: [ZONE] }] }, "test: addons[0].addon is missing; it must be a string"],
  [
    "a wrong ARN",
    { addons: [{ addon: "external-dns", hostedZoneArns: ["arn:aws:s3:::x"] }] },
    'test: addons[0].hostedZoneArns[0] "arn:aws:s3:::x" is not a Route 53 hosted zone ARN (arn:<partition>:route53:::hostedzone/<id>)',
  ],
  ["a missing list", { addons: [{ addon: "velero" }] }, "test: addons[0].bucketArns is required: list at least one S3 bucket ARN"],
  [
    "an unknown field",
    { addons: [{ addon: "external-dns", hostedZoneArns: [ZONE], zones: [] }] },
    "test: addons[0].zones [] is not a property of the external-dns policy (known: hostedZoneArns)",
  ],
  ["a flag of the wrong type", { addons: [{ addon: "vpc-cni", ipv6: "true" }] }, 'test: addons[0].ipv6 "true" must be true or false'],
  [
    "the same add-on twice",
    { addons: [{ addon: "vpc-cni" }, { addon: "vpc-cni", ipv6: true }] },
    'test: addons[1].addon "vpc-cni" is listed twice',
  ],
  ["addons that are no list", { addons: { addon: "vpc-cni" } }, 'test: addons {"addon":"vpc-cni"} must be a list'],
  [
    "a bad service account",
    { addons: [{ addon: "vpc-cni", serviceAccount: { namespace: "Kube", name: "aws-node" } }] },
    'test: addons[0].serviceAccount.namespace "Kube" is not a valid Kubernetes namespace',
  ],
  [
    "a bad mode",
    { addons: [{ addon: "vpc-cni", serviceAccountMode: "patch" }] },
    'test: addons[0].serviceAccountMode "patch" is not one of',
  ],
  [
    "neither service accounts nor add-ons",
    { serviceAccounts: [], addons: [] },
    "test: serviceAccounts [] must list at least one { namespace, name } (or give addons or managedAddons)",
  ],
])("%s fails with a message naming the field", (_what, raw, message) => {
  expect(() => validateConfig({ ...BASE, ...raw }, "test")).toThrow(message);
});
