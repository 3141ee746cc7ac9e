/**
 * Bad add-on input fails at the factory with a ValidationError naming the factory, the property,
 * the value and the rule; a list that would pass IAM's managed policy size limit fails too.
 */
import { Token } from "cdktf";
import { AddonPolicies } from "../../lib";
import { ValidationError } from "../../lib/internal";

const ZONE = "arn:aws:route53:::hostedzone/Z1D633PJN98FT9";
const ROLE = "arn:aws:iam::111122223333:role/KarpenterNodeRole-prod";

function errorOf(build: () => unknown): string {
  try {
    build();
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    return (e as Error).message;
  }
  throw new Error("expected a ValidationError");
}

test.each<[string, () => unknown, string]>([
  [
    "wrong service",
    () => AddonPolicies.externalDns({ hostedZoneArns: ["arn:aws:s3:::x"] }),
    'AddonPolicies.externalDns: hostedZoneArns[0] "arn:aws:s3:::x" ' +
      "is not a Route 53 hosted zone ARN (arn:<partition>:route53:::hostedzone/<id>)",
  ],
  [
    "wrong resource type",
    () => AddonPolicies.certManager({ hostedZoneArns: [ZONE, "arn:aws:route53:::change/C1"] }),
    'AddonPolicies.certManager: hostedZoneArns[1] "arn:aws:route53:::change/C1" is not a Route 53 hosted zone ARN',
  ],
  [
    "an empty required list",
    () => AddonPolicies.velero({ bucketArns: [] }),
    "AddonPolicies.velero: bucketArns [] is empty: list at least one S3 bucket ARN (the policy never falls back to all of them)",
  ],
  [
    "a missing required list",
    () => AddonPolicies.nodeTerminationHandler({} as never),
    "AddonPolicies.nodeTerminationHandler: queueArns is required: list at least one SQS queue ARN",
  ],
  [
    "no props at all",
    () => AddonPolicies.externalDns(undefined as never),
    "AddonPolicies.externalDns: props are required (hostedZoneArns)",
  ],
  ["props that are no object", () => AddonPolicies.ebsCsiDriver(null as never), "AddonPolicies.ebsCsiDriver: props null must be an object"],
  [
    "a bucket ARN with a key",
    () => AddonPolicies.mountpointS3Csi({ bucketArns: ["arn:aws:s3:::data/prefix/*"] }),
    'AddonPolicies.mountpointS3Csi: bucketArns[0] "arn:aws:s3:::data/prefix/*" ' +
      "is not an S3 bucket ARN (arn:<partition>:s3:::<bucket>, without a key or wildcard)",
  ],
  [
    "a KMS alias instead of a key",
    () => AddonPolicies.ebsCsiDriver({ kmsKeyArns: ["arn:aws:kms:us-west-2:111122223333:alias/ebs"] }),
    "is not a KMS key ARN (arn:<partition>:kms:<region>:<account>:key/<key id>; an alias does not grant use of its key)",
  ],
  [
    "a secret wildcard that matches every secret",
    () => AddonPolicies.externalSecrets({ secretsManagerArns: ["arn:aws:secretsmanager:us-west-2:111122223333:secret:*"] }),
    'secretsManagerArns[0] "arn:aws:secretsmanager:us-west-2:111122223333:secret:*" ' +
      "matches every secret of the account (every secret ARN ends in its name, '-' and six random characters, " +
      'and "*" accepts any of them); ' +
      "list names or a name prefix such as team-a/*",
  ],
  [
    "neither secrets nor parameters",
    () => AddonPolicies.externalSecrets({ kmsKeyArns: [] }),
    "AddonPolicies.externalSecrets: secretsManagerArns and ssmParameterArns are both empty: list the secrets or parameters ESO may read",
  ],
  [
    "a Prometheus ARN with the wrong service name",
    () => AddonPolicies.managedPrometheus({ workspaceArns: ["arn:aws:prometheus:us-west-2:111122223333:workspace/ws-1"] }),
    "is not an Amazon Managed Service for Prometheus workspace ARN (arn:<partition>:aps:<region>:<account>:workspace/<workspace id>)",
  ],
  [
    "a target group ARN without its ID",
    () =>
      AddonPolicies.loadBalancerControllerTargetGroupBinding({
        targetGroupArns: ["arn:aws:elasticloadbalancing:us-west-2:111122223333:targetgroup/web"],
      }),
    "targetGroupArns[0]",
  ],
  ["a duplicate", () => AddonPolicies.externalDns({ hostedZoneArns: [ZONE, ZONE] }), `hostedZoneArns[1] "${ZONE}" is listed twice`],
  [
    "a token list",
    () => AddonPolicies.externalDns({ hostedZoneArns: Token.asList({ resolve: () => [ZONE] }) }),
    "AddonPolicies.externalDns: hostedZoneArns must be a literal list (its entries may be tokens): the policy names each one",
  ],
  [
    "a list that is a string",
    () => AddonPolicies.velero({ bucketArns: "arn:aws:s3:::b" as never }),
    'bucketArns "arn:aws:s3:::b" must be a list of S3 bucket ARNs',
  ],
  [
    "a misspelled property",
    () => AddonPolicies.externalDns({ hostedZoneArns: [ZONE], hostedZones: [] } as never),
    "AddonPolicies.externalDns: hostedZones [] is not a property of the external-dns policy (known: hostedZoneArns)",
  ],
  [
    "an invalid cluster name",
    () => AddonPolicies.clusterAutoscaler({ clusterNames: ["prod cluster"] }),
    'clusterNames[0] "prod cluster" is not an EKS cluster name',
  ],
  [
    "a Karpenter node role that is not a role",
    () => AddonPolicies.karpenterController({ clusterName: "prod", nodeRoleArns: ["arn:aws:iam::111122223333:instance-profile/x"] }),
    'nodeRoleArns[0] "arn:aws:iam::111122223333:instance-profile/x" is not an IAM role ARN',
  ],
  [
    "a Karpenter interruption queue that is not a queue",
    () =>
      AddonPolicies.karpenterController({
        clusterName: "prod",
        nodeRoleArns: [ROLE],
        interruptionQueueArn: "arn:aws:sns:us-west-2:111122223333:q",
      }),
    'interruptionQueueArn "arn:aws:sns:us-west-2:111122223333:q" is not an SQS queue ARN',
  ],
  [
    "a Karpenter cluster name missing",
    () => AddonPolicies.karpenterController({ nodeRoleArns: [ROLE] } as never),
    "clusterName is required (EKS cluster name)",
  ],
  [
    "VPC CNI with neither family",
    () => AddonPolicies.vpcCni({ ipv4: false }),
    "AddonPolicies.vpcCni: ipv4 and ipv6 are both false: the plugin needs the permissions of at least one IP family",
  ],
  [
    "a flag that is no boolean",
    () => AddonPolicies.vpcCni({ ipv6: "yes" as never }),
    'AddonPolicies.vpcCni: ipv6 "yes" must be true or false',
  ],
])("%s", (_what, build, message) => {
  expect(errorOf(build)).toContain(message);
});

test("token entries skip the literal checks", () => {
  const zone = Token.asString({ resolve: () => ZONE });
  expect(AddonPolicies.externalDns({ hostedZoneArns: [zone, zone] }).name).toBe("external-dns");
});

describe("IAM's managed policy size limit (6144 characters without whitespace)", () => {
  const zones = (n: number) => Array.from({ length: n }, (_, i) => `arn:aws:route53:::hostedzone/Z${String(i).padStart(12, "0")}`);

  test("a list that makes the document too big fails, naming the add-on and the list", () => {
    const message = errorOf(() => AddonPolicies.externalDns({ hostedZoneArns: zones(150) }));
    expect(message).toMatch(
      /^AddonPolicies\.externalDns: hostedZoneArns has 150 entries, which make the external-dns policy about (\d+) characters; /,
    );
    expect(Number(/about (\d+) characters/.exec(message)![1])).toBeGreaterThan(6144);
    expect(message).toMatch(
      /; IAM allows at most 6144 characters in a managed policy \(counted without whitespace\)\. Split them across several roles$/,
    );
    expect(AddonPolicies.externalDns({ hostedZoneArns: zones(100) }).name).toBe("external-dns");
  });

  test("the biggest list is named; tokens count at a typical length", () => {
    const tokens = Array.from({ length: 100 }, () => Token.asString({ resolve: () => "x" }));
    expect(errorOf(() => AddonPolicies.velero({ bucketArns: tokens }))).toMatch(/^AddonPolicies\.velero: bucketArns has 100 entries/);
    const many = Array.from({ length: 120 }, (_, i) => `cluster-${i}`);
    expect(errorOf(() => AddonPolicies.clusterAutoscaler({ clusterNames: many }))).toContain("clusterNames has 120 entries");
    const secrets = Array.from({ length: 40 }, (_, i) => `arn:aws:secretsmanager:us-west-2:111122223333:secret:app-${i}-*`);
    const keys = Array.from({ length: 30 }, (_, i) => `arn:aws:kms:us-west-2:111122223333:key/${i}`);
    expect(errorOf(() => AddonPolicies.externalSecrets({ secretsManagerArns: secrets, kmsKeyArns: keys, allowCreate: true }))).toContain(
      "secretsManagerArns has 40 entries, which make the external-secrets policy",
    );
  });

  test("the upstream documents fit, estimated in the longest partition", () => {
    for (const policy of [
      AddonPolicies.loadBalancerController(),
      AddonPolicies.ebsCsiDriver(),
      AddonPolicies.karpenterController({ clusterName: "a".repeat(100), nodeRoleArns: [ROLE] }),
    ]) {
      expect(policy.policyNames.length).toBeGreaterThan(0);
    }
  });
});
