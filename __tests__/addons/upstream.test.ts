/**
 * Where an add-on's project publishes its policy as a file, the library's document is that file:
 * statement for statement, in every partition the project publishes a variant for (copies in
 * fixtures/upstream, see its README).
 */
import { readFileSync } from "fs";
import { join } from "path";
import { AddonPolicies, AddonPolicy } from "../../lib";
import { ENVIRONMENTS, Partition } from "../support/permissions";

const upstream = (file: string) => JSON.parse(readFileSync(join(__dirname, "fixtures", "upstream", file), "utf8"));
const ours = (policy: AddonPolicy, partition: Partition, name = policy.name) =>
  JSON.parse(policy.policyDocuments(ENVIRONMENTS[partition])[name]);
const statementSet = (doc: { Statement: object[] }) => doc.Statement.map((s) => JSON.stringify(s, Object.keys(s).sort())).sort();

test.each<[Partition, string]>([
  ["aws", "lbc-iam_policy.json"],
  ["aws-cn", "lbc-iam_policy_cn.json"],
  ["aws-us-gov", "lbc-iam_policy_us-gov.json"],
])("Load Balancer Controller in %s: the statements of %s", (partition, file) => {
  const document = ours(AddonPolicies.loadBalancerController(), partition);
  const published = upstream(file);
  expect(statementSet(document)).toEqual(statementSet(published));
  expect(document.Version).toBe(published.Version);
  if (partition === "aws") expect(document).toEqual(published);
});

test("EBS CSI driver: AmazonEBSCSIDriverPolicyV2.json, in order", () => {
  expect(ours(AddonPolicies.ebsCsiDriver(), "aws")).toEqual(upstream("ebs-AmazonEBSCSIDriverPolicyV2.json"));
});

test("EFS CSI driver: iam-policy-example.json, in order, the same in every partition", () => {
  const published = upstream("efs-iam-policy-example.json");
  for (const partition of ["aws", "aws-cn", "aws-us-gov"] as const)
    expect(ours(AddonPolicies.efsCsiDriver(), partition)).toEqual(published);
});

test.each(["aws", "aws-cn", "aws-us-gov"] as const)(
  "Gateway API Controller in %s: recommended-inline-policy.json, in order, with the partition's service-linked role ARNs",
  (partition) => {
    const published = JSON.stringify(upstream("gateway-api-recommended-inline-policy.json")).replace(/arn:aws:/g, `arn:${partition}:`);
    expect(ours(AddonPolicies.gatewayApiController(), partition)).toEqual(JSON.parse(published));
  },
);

test.each(["aws", "aws-cn", "aws-us-gov"] as const)(
  "FSx for OpenZFS CSI driver in %s: example-iam-policy.json, in order, with the partition's service-linked role path",
  (partition) => {
    const published = JSON.stringify(upstream("fsx-openzfs-example-iam-policy.json")).replace(/arn:aws:/g, `arn:${partition}:`);
    expect(ours(AddonPolicies.fsxOpenZfsCsi(), partition)).toEqual(JSON.parse(published));
  },
);

test.each(["aws", "aws-cn", "aws-us-gov"] as const)(
  "AWS Private CA Issuer in %s: the README's minimal policy, with each CA listed",
  (partition) => {
    const { region, accountId } = ENVIRONMENTS[partition];
    const ca = `arn:${partition}:acm-pca:${region}:${accountId}:certificate-authority/11223344-1234-1122-2233-112233445566`;
    const published = upstream("privateca-issuer-readme-policy.json");
    published.Statement[0].Resource = [ca];
    expect(ours(AddonPolicies.privateCaIssuer({ certificateAuthorityArns: [ca] }), partition)).toEqual(published);
  },
);
