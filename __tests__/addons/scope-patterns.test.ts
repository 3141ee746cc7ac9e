/**
 * Issue 18.3 and 18.5: every scoping input of every add-on is judged by what it can match (a
 * pattern that matches every resource of its type is rejected however it is spelled; normal
 * prefixes are not), and an ARN whose partition cannot hold its Region is rejected.
 */
import * as fc from "fast-check";
import { AddonPolicies, AddonPolicy } from "../../lib";
import { ValidationError } from "../../lib/internal";
import { ADDON_CATALOG } from "../../lib/addons/catalog";
import { partitionOfRegion, partitionRegionMismatch } from "../../lib/facts/partitions";
import { LOG_GROUP_NAME, matchesEveryName, PARAMETER_NAME, SECRET_NAME } from "../../lib/addons/scope-patterns";
import { iamGlobRegExp as globRegExp } from "../../lib/facts/iam";

const ACCOUNT = "111122223333";
const secret = (name: string, region = "us-west-2", account = ACCOUNT, p = "aws") =>
  `arn:${p}:secretsmanager:${region}:${account}:secret:${name}`;
const parameter = (name: string, region = "us-west-2", account = ACCOUNT) => `arn:aws:ssm:${region}:${account}:parameter/${name}`;
const logGroup = (name: string, p = "aws", region = "us-west-2") => `arn:${p}:logs:${region}:${ACCOUNT}:log-group:${name}`;

function errorOf(build: () => unknown): string | undefined {
  try {
    build();
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    return (e as Error).message;
  }
  return undefined;
}

/** One scoping input of one add-on: how to build the policy from one entry. */
const INPUTS: { [input: string]: (value: string) => AddonPolicy } = {
  "externalSecrets.secretsManagerArns": (v) => AddonPolicies.externalSecrets({ secretsManagerArns: [v] }),
  "secretsStoreCsiProvider.secretsManagerArns": (v) => AddonPolicies.secretsStoreCsiProvider({ secretsManagerArns: [v] }),
  "externalSecrets.ssmParameterArns": (v) => AddonPolicies.externalSecrets({ ssmParameterArns: [v] }),
  "secretsStoreCsiProvider.ssmParameterArns": (v) => AddonPolicies.secretsStoreCsiProvider({ ssmParameterArns: [v] }),
  "fluentBit.logGroupArns": (v) => AddonPolicies.fluentBit({ logGroupArns: [v] }),
  "externalDns.hostedZoneArns": (v) => AddonPolicies.externalDns({ hostedZoneArns: [v] }),
  "certManager.hostedZoneArns": (v) => AddonPolicies.certManager({ hostedZoneArns: [v] }),
  "velero.bucketArns": (v) => AddonPolicies.velero({ bucketArns: [v] }),
  "mountpointS3Csi.bucketArns": (v) => AddonPolicies.mountpointS3Csi({ bucketArns: [v] }),
  "nodeTerminationHandler.queueArns": (v) => AddonPolicies.nodeTerminationHandler({ queueArns: [v] }),
  "karpenterController.interruptionQueueArn": (v) =>
    AddonPolicies.karpenterController({
      clusterName: "prod",
      nodeRoleArns: [`arn:aws:iam::${ACCOUNT}:role/node`],
      interruptionQueueArn: v,
    }),
  "karpenterController.nodeRoleArns": (v) => AddonPolicies.karpenterController({ clusterName: "prod", nodeRoleArns: [v] }),
  "ebsCsiDriver.kmsKeyArns": (v) => AddonPolicies.ebsCsiDriver({ kmsKeyArns: [v] }),
  "mountpointS3Csi.kmsKeyArns": (v) => AddonPolicies.mountpointS3Csi({ bucketArns: ["arn:aws:s3:::data-lake"], kmsKeyArns: [v] }),
  "externalSecrets.kmsKeyArns": (v) => AddonPolicies.externalSecrets({ ssmParameterArns: [parameter("app/x")], kmsKeyArns: [v] }),
  "privateCaIssuer.certificateAuthorityArns": (v) => AddonPolicies.privateCaIssuer({ certificateAuthorityArns: [v] }),
  "managedPrometheus.workspaceArns": (v) => AddonPolicies.managedPrometheus({ workspaceArns: [v] }),
  "loadBalancerControllerTargetGroupBinding.targetGroupArns": (v) =>
    AddonPolicies.loadBalancerControllerTargetGroupBinding({ targetGroupArns: [v] }),
  "fsxLustreCsi.serviceRoleArns": (v) => AddonPolicies.fsxLustreCsi({ serviceRoleArns: [v] }),
  "clusterAutoscaler.clusterNames": (v) => AddonPolicies.clusterAutoscaler({ clusterNames: [v] }),
  "karpenterController.clusterName": (v) =>
    AddonPolicies.karpenterController({ clusterName: v, nodeRoleArns: [`arn:aws:iam::${ACCOUNT}:role/n`] }),
};

/** Per input: values that match every resource of the type (rejected) and normal narrow ones (accepted). */
const CASES: { [input: string]: { everything: string[]; narrow: string[] } } = {
  secrets: {
    everything: [
      secret("*"),
      secret("*-*"),
      secret("*-??????"),
      secret("?*"),
      secret("*?"),
      secret("*-??????*"),
      secret("**"),
      secret("*", "*", "*"),
      secret("*-??????", "*", "*"),
    ],
    narrow: [
      secret("team-a/*"),
      secret("team-a/*", "*", "*"),
      secret("prod/db-??????"),
      secret("prod-*"),
      secret("MySecret-??????"),
      secret("*/db-??????"),
      secret("app-*-??????"),
    ],
  },
  parameters: {
    everything: [parameter("*"), parameter("?*"), parameter("*?*"), parameter("*", "*", "*")],
    narrow: [parameter("team-a/*"), parameter("team-a/*", "*", "*"), parameter("prod/db/password"), parameter("*/password")],
  },
  logGroups: {
    everything: [logGroup("*"), logGroup("?*"), logGroup("**")],
    narrow: [logGroup("/aws/eks/prod/*"), logGroup("/aws/containerinsights/prod/application"), logGroup("team-a-*")],
  },
};

const INPUT_CASES: { [input: string]: { everything: string[]; narrow: string[] } } = {
  "externalSecrets.secretsManagerArns": CASES.secrets,
  "secretsStoreCsiProvider.secretsManagerArns": CASES.secrets,
  "externalSecrets.ssmParameterArns": CASES.parameters,
  "secretsStoreCsiProvider.ssmParameterArns": CASES.parameters,
  "fluentBit.logGroupArns": CASES.logGroups,
  "externalDns.hostedZoneArns": {
    everything: ["arn:aws:route53:::hostedzone/*", "arn:aws:route53:::hostedzone/?*"],
    narrow: ["arn:aws:route53:::hostedzone/Z1D633PJN98FT9"],
  },
  "certManager.hostedZoneArns": { everything: ["arn:aws:route53:::hostedzone/*"], narrow: ["arn:aws:route53:::hostedzone/Z1D633PJN98FT9"] },
  "velero.bucketArns": { everything: ["arn:aws:s3:::*", "arn:aws:s3:::?*"], narrow: ["arn:aws:s3:::velero-backups"] },
  "mountpointS3Csi.bucketArns": { everything: ["arn:aws:s3:::*", "arn:aws:s3:::*-*"], narrow: ["arn:aws:s3:::data-lake"] },
  "nodeTerminationHandler.queueArns": {
    everything: [`arn:aws:sqs:us-west-2:${ACCOUNT}:*`, `arn:aws:sqs:*:${ACCOUNT}:nth`, `arn:aws:sqs:us-west-2:*:nth`],
    narrow: [`arn:aws:sqs:us-west-2:${ACCOUNT}:nth-queue`],
  },
  "karpenterController.interruptionQueueArn": {
    everything: [`arn:aws:sqs:us-west-2:${ACCOUNT}:*`],
    narrow: [`arn:aws:sqs:us-west-2:${ACCOUNT}:karpenter-prod`],
  },
  "karpenterController.nodeRoleArns": {
    everything: [`arn:aws:iam::${ACCOUNT}:role/*`, `arn:aws:iam::*:role/node`, `arn:aws:iam::${ACCOUNT}:role/?*`],
    narrow: [`arn:aws:iam::${ACCOUNT}:role/KarpenterNodeRole-prod`],
  },
  "ebsCsiDriver.kmsKeyArns": {
    everything: [
      `arn:aws:kms:us-west-2:${ACCOUNT}:key/*`,
      `arn:aws:kms:*:${ACCOUNT}:key/1234abcd`,
      `arn:aws:kms:us-west-2:${ACCOUNT}:key/?*`,
    ],
    narrow: [`arn:aws:kms:us-west-2:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`],
  },
  "mountpointS3Csi.kmsKeyArns": {
    everything: [`arn:aws:kms:us-west-2:${ACCOUNT}:key/*`],
    narrow: [`arn:aws:kms:us-west-2:${ACCOUNT}:key/1234abcd`],
  },
  "externalSecrets.kmsKeyArns": {
    everything: [`arn:aws:kms:us-west-2:${ACCOUNT}:key/*`],
    narrow: [`arn:aws:kms:us-west-2:${ACCOUNT}:key/1234abcd`],
  },
  "privateCaIssuer.certificateAuthorityArns": {
    everything: [`arn:aws:acm-pca:us-west-2:${ACCOUNT}:certificate-authority/*`, `arn:aws:acm-pca:*:${ACCOUNT}:certificate-authority/*`],
    narrow: [`arn:aws:acm-pca:us-west-2:${ACCOUNT}:certificate-authority/11223344-1234-1122-2233-112233445566`],
  },
  "managedPrometheus.workspaceArns": {
    everything: [`arn:aws:aps:us-west-2:${ACCOUNT}:workspace/*`, `arn:aws:aps:us-west-2:${ACCOUNT}:workspace/ws-*`],
    narrow: [`arn:aws:aps:us-west-2:${ACCOUNT}:workspace/ws-1a2b3c4d`],
  },
  "loadBalancerControllerTargetGroupBinding.targetGroupArns": {
    everything: [
      `arn:aws:elasticloadbalancing:us-west-2:${ACCOUNT}:targetgroup/*/*`,
      `arn:aws:elasticloadbalancing:us-west-2:${ACCOUNT}:targetgroup/*`,
    ],
    narrow: [
      `arn:aws:elasticloadbalancing:us-west-2:${ACCOUNT}:targetgroup/web/*`,
      `arn:aws:elasticloadbalancing:us-west-2:${ACCOUNT}:targetgroup/web/73e2d6bc24d8a067`,
    ],
  },
  "fsxLustreCsi.serviceRoleArns": {
    everything: ["arn:aws:iam::*:role/aws-service-role/*/*", "arn:aws:iam::*:role/*"],
    narrow: ["arn:aws:iam::*:role/aws-service-role/s3.data-source.lustre.fsx.amazonaws.com/*"],
  },
  "clusterAutoscaler.clusterNames": { everything: ["*", "?*"], narrow: ["prod", "prod-eu"] },
  "karpenterController.clusterName": { everything: ["*"], narrow: ["prod"] },
};

describe("a scoping pattern that matches every resource of its type is rejected, however it is spelled", () => {
  test("every scoping input of every add-on has cases", () => {
    const scoping = ADDON_CATALOG.flatMap((d) => d.inputs.filter((i) => i.rule !== undefined).map((i) => `${d.factory}.${i.name}`));
    expect(Object.keys(INPUTS).sort()).toEqual(scoping.sort());
    expect(Object.keys(INPUT_CASES).sort()).toEqual(Object.keys(INPUTS).sort());
  });

  for (const [input, cases] of Object.entries(INPUT_CASES)) {
    test.each(cases.everything)(`${input}: %s is rejected`, (value) => {
      const message = errorOf(() => INPUTS[input](value));
      expect(message).toBeDefined();
      expect(message).toContain(JSON.stringify(value));
    });
    test.each(cases.narrow)(`${input}: %s is accepted`, (value) => {
      expect(errorOf(() => INPUTS[input](value))).toBeUndefined();
    });
  }

  test("the message names the prop, the value and why", () => {
    expect(errorOf(() => INPUTS["externalSecrets.secretsManagerArns"](secret("*-??????")))).toBe(
      `AddonPolicies.externalSecrets: secretsManagerArns[0] "${secret("*-??????")}" matches every secret of the account ` +
        `(every secret ARN ends in its name, '-' and six random characters, and "*-??????" accepts any of them); ` +
        "list names or a name prefix such as team-a/*",
    );
    expect(errorOf(() => INPUTS["fluentBit.logGroupArns"](logGroup("?*")))).toContain(
      `fluentBit: logGroupArns[0] "${logGroup("?*")}" matches every log group of the account`,
    );
    expect(errorOf(() => INPUTS["externalSecrets.ssmParameterArns"](parameter("*", "*", "*")))).toContain(
      "matches every parameter in every Region or account it names",
    );
  });
});

describe("the name models", () => {
  test.each([SECRET_NAME, PARAMETER_NAME, LOG_GROUP_NAME])(
    "$kind: its witnesses are valid names and no literal prefix matches them all",
    (type) => {
      for (const w of type.witnesses) expect(matchesEveryName(w, type)).toBe(false);
      for (const first of new Set(type.witnesses.map((w) => w[0]))) expect(matchesEveryName(`${first}*`, type)).toBe(false);
      expect(matchesEveryName("*", type)).toBe(true);
    },
  );

  test("glob: * is any run, ? one character, the rest literal", () => {
    expect(globRegExp("a.b*").test("a.bcd")).toBe(true);
    expect(globRegExp("a.b*").test("axbcd")).toBe(false);
    expect(globRegExp("db-??????").test("db-AbCdEf")).toBe(true);
    expect(globRegExp("db-??????").test("db-AbCdE")).toBe(false);
  });
});

describe("an ARN whose partition cannot hold its Region is rejected (18.5)", () => {
  test.each<[string, () => AddonPolicy, string]>([
    [
      "aws-cn with a commercial Region",
      () => AddonPolicies.nodeTerminationHandler({ queueArns: [`arn:aws-cn:sqs:us-west-2:${ACCOUNT}:q`] }),
      `AddonPolicies.nodeTerminationHandler: queueArns[0] "arn:aws-cn:sqs:us-west-2:${ACCOUNT}:q" ` +
        "names Region us-west-2 in partition aws-cn, " +
        "which holds only cn-* Regions (cn-north-1, cn-northwest-1); us-west-2 is in aws: no such SQS queue ARN can exist",
    ],
    [
      "aws with a China Region",
      () => AddonPolicies.ebsCsiDriver({ kmsKeyArns: [`arn:aws:kms:cn-north-1:${ACCOUNT}:key/k`] }),
      "names Region cn-north-1 in partition aws, which holds only the commercial Regions (us-*, eu-*, ap-*, ...); cn-north-1 is in aws-cn",
    ],
    [
      "aws-us-gov with a commercial Region",
      () => AddonPolicies.externalSecrets({ secretsManagerArns: [secret("app/*", "us-east-1", ACCOUNT, "aws-us-gov")] }),
      "names Region us-east-1 in partition aws-us-gov, which holds only us-gov-* Regions",
    ],
    [
      "aws with a GovCloud Region",
      () => AddonPolicies.fluentBit({ logGroupArns: [logGroup("/aws/eks/*", "aws", "us-gov-west-1")] }),
      "names Region us-gov-west-1 in partition aws, which holds only the commercial Regions",
    ],
    [
      "an ISO partition with a commercial Region",
      () =>
        AddonPolicies.privateCaIssuer({
          certificateAuthorityArns: [`arn:aws-iso:acm-pca:us-east-1:${ACCOUNT}:certificate-authority/11223344-1234-1122-2233-112233445566`],
        }),
      "names Region us-east-1 in partition aws-iso, which holds only us-iso-* Regions",
    ],
    [
      "a partition AWS does not have",
      () => AddonPolicies.velero({ bucketArns: ["arn:aws-mars:s3:::bk1"] }),
      'bucketArns[0] "arn:aws-mars:s3:::bk1" names partition aws-mars, which AWS does not have',
    ],
  ])("%s", (_what, build, message) => {
    expect(errorOf(build)).toContain(message);
  });

  test.each([
    ["aws", "us-west-2"],
    ["aws", "ap-southeast-2"],
    ["aws-cn", "cn-north-1"],
    ["aws-cn", "cn-northwest-1"],
    ["aws-us-gov", "us-gov-west-1"],
    ["aws-us-gov", "us-gov-east-1"],
    ["aws-iso", "us-iso-east-1"],
    ["aws-iso-b", "us-isob-east-1"],
    ["aws-eusc", "eusc-de-east-1"],
  ])("%s holds %s", (partition, region) => {
    expect(partitionOfRegion(region)).toBe(partition);
    expect(partitionRegionMismatch(partition, region)).toBeUndefined();
    expect(
      errorOf(() => AddonPolicies.nodeTerminationHandler({ queueArns: [`arn:${partition}:sqs:${region}:${ACCOUNT}:q`] })),
    ).toBeUndefined();
  });

  test("the ARNs of one add-on are all in one partition", () => {
    expect(
      errorOf(() =>
        AddonPolicies.externalSecrets({
          secretsManagerArns: [secret("app/*")],
          kmsKeyArns: [`arn:aws-cn:kms:cn-north-1:${ACCOUNT}:key/k1`],
        }),
      ),
    ).toBe(
      `AddonPolicies.externalSecrets: kmsKeyArns[0] "arn:aws-cn:kms:cn-north-1:${ACCOUNT}:key/k1" is in partition aws-cn, ` +
        "but secretsManagerArns[0] is in aws: a role's ARNs are all in its own partition",
    );
    expect(errorOf(() => AddonPolicies.velero({ bucketArns: ["arn:aws:s3:::bk1", "arn:aws-us-gov:s3:::bk2"] }))).toContain(
      'bucketArns[1] "arn:aws-us-gov:s3:::bk2" is in partition aws-us-gov, but bucketArns[0] is in aws',
    );
    expect(errorOf(() => AddonPolicies.velero({ bucketArns: ["arn:aws-cn:s3:::bk1", "arn:aws-cn:s3:::bk2"] }))).toBeUndefined();
  });

  test("a Region no partition holds", () => {
    expect(partitionOfRegion("xx-north-1")).toBeUndefined();
    expect(errorOf(() => AddonPolicies.nodeTerminationHandler({ queueArns: [`arn:aws:sqs:xx-north-1:${ACCOUNT}:q`] }))).toContain(
      "names Region xx-north-1 in partition aws, which holds only the commercial Regions (us-*, eu-*, ap-*, ...); " +
        "no partition has such a Region",
    );
  });

  test("global ARNs and a Region of * fit every known partition", () => {
    expect(partitionRegionMismatch("aws-cn", "")).toBeUndefined();
    expect(partitionRegionMismatch("aws-us-gov", "*")).toBeUndefined();
    expect(errorOf(() => AddonPolicies.velero({ bucketArns: ["arn:aws-cn:s3:::bk1"] }))).toBeUndefined();
  });
});

describe("the judgement is sound: a rejected pattern matches every valid name (property test)", () => {
  const chars = (alphabet: string, min: number, max: number) =>
    fc.array(fc.constantFrom(...alphabet.split("")), { minLength: min, maxLength: max }).map((a) => a.join(""));
  const ALNUM = "abcXYZ019";
  const TYPES = [
    {
      type: SECRET_NAME,
      valid: /^[A-Za-z0-9/_+=.@-]{1,512}-[A-Za-z0-9]{6}$/,
      name: fc.tuple(chars("aZ9/_+=.@-", 1, 12), chars(ALNUM, 6, 6)).map(([n, s]) => `${n}-${s}`),
      pattern: chars("*?-a/Z9", 1, 12),
    },
    { type: PARAMETER_NAME, valid: /^[A-Za-z0-9/_.-]{1,2048}$/, name: chars("aZ9/_.-", 1, 14), pattern: chars("*?-a/Z9", 1, 8) },
    { type: LOG_GROUP_NAME, valid: /^[A-Za-z0-9/_.#-]{1,512}$/, name: chars("aZ9/_.#-", 1, 14), pattern: chars("*?-a/#9", 1, 8) },
  ];

  test.each(TYPES)("$type.kind: witnesses are valid names", ({ type, valid }) => {
    for (const w of type.witnesses) expect(w).toMatch(valid);
  });

  test.each(TYPES)("$type.kind: every rejected pattern matches every generated valid name", ({ type, name, pattern }) => {
    fc.assert(
      fc.property(pattern, fc.array(name, { minLength: 1, maxLength: 20 }), (p, names) => {
        if (!matchesEveryName(p, type)) return true;
        const re = globRegExp(p);
        return names.every((n) => re.test(n));
      }),
      { numRuns: 3000 },
    );
  });
});
