/**
 * Rules for the ARNs and names that scope add-on policies: the right service and resource type, a
 * partition that holds the ARN's Region, and a scope narrower than "all of them". Wildcards are
 * accepted only where the add-on's own docs scope with them (a secret, parameter or log group name
 * prefix, a target group ID, the service-linked role path), and a pattern is judged by what it can
 * match (scope-patterns.ts), not by how it is spelled.
 */
import { Rule } from "../validation/validator";
import { partitionRegionMismatch } from "../facts/partitions";
import { LOG_GROUP_NAME, matchesEveryName, NameShape, PARAMETER_NAME, SECRET_NAME } from "./scope-patterns";

const PARTITION = "aws(?:-[a-z]+)*";
/** A Region name (`us-west-2`, `us-gov-west-1`, `us-isob-east-1`, `eusc-de-east-1`). */
const REGION = "[a-z]{2,4}(?:-[a-z]+)+-\\d{1,2}";
const ACCOUNT = "\\d{12}";
const ANY = "\\*";

interface ArnShape {
  /** What the ARN is, for messages: "a Route 53 hosted zone ARN". */
  readonly what: string;
  /** Its format, for messages. */
  readonly format: string;
  readonly service: string;
  /** RegExp source of the Region part ("" for global services). */
  readonly region?: string;
  /** RegExp source of the account part ("" where there is none). */
  readonly account?: string;
  /** RegExp source of the resource part. */
  readonly resource: string;
  /** Where a wildcard pattern may stand in the resource: the text before the name, and the name's type. */
  readonly pattern?: { readonly before: string; readonly type: NameShape };
}

function arnRule(shape: ArnShape): Rule<string> {
  const regionPart = `(?<region>${shape.region ?? ""})`;
  const accountPart = `(?<account>${shape.account ?? ""})`;
  const re = new RegExp(`^arn:(?<partition>${PARTITION}):${shape.service}:${regionPart}:${accountPart}:${shape.resource}$`);
  return (value) => {
    const match = re.exec(value);
    if (match === null) return `is not ${shape.what} (${shape.format})`;
    const { partition, region, account } = match.groups as { partition: string; region: string; account: string };
    const mismatch = partitionRegionMismatch(partition, region);
    if (mismatch !== undefined) return `${mismatch}: no such ${shape.what.replace(/^an? /, "")} can exist`;
    if (shape.pattern === undefined) return undefined;
    const name = value.slice(value.indexOf(shape.pattern.before) + shape.pattern.before.length);
    if (!matchesEveryName(name, shape.pattern.type)) return undefined;
    const where = region === "*" || account === "*" ? "in every Region or account it names" : "of the account";
    return (
      `matches every ${shape.pattern.type.kind} ${where} (${shape.pattern.type.shape}, and "${name}" accepts any of them); ` +
      "list names or a name prefix such as team-a/*"
    );
  };
}

export const hostedZoneArn = arnRule({
  what: "a Route 53 hosted zone ARN",
  format: "arn:<partition>:route53:::hostedzone/<id>",
  service: "route53",
  resource: "hostedzone/[A-Z0-9]{1,32}",
});

export const s3BucketArn = arnRule({
  what: "an S3 bucket ARN",
  format: "arn:<partition>:s3:::<bucket>, without a key or wildcard",
  service: "s3",
  resource: "[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]",
});

export const kmsKeyArn = arnRule({
  what: "a KMS key ARN",
  format: "arn:<partition>:kms:<region>:<account>:key/<key id>; an alias does not grant use of its key",
  service: "kms",
  region: REGION,
  account: ACCOUNT,
  resource: "key/[A-Za-z0-9-]{1,128}",
});

export const sqsQueueArn = arnRule({
  what: "an SQS queue ARN",
  format: "arn:<partition>:sqs:<region>:<account>:<queue name>",
  service: "sqs",
  region: REGION,
  account: ACCOUNT,
  resource: "[A-Za-z0-9_-]{1,80}(?:\\.fifo)?",
});

export const secretArn = arnRule({
  what: "a Secrets Manager secret ARN",
  format: "arn:<partition>:secretsmanager:<region or *>:<account or *>:secret:<name or name prefix*>",
  service: "secretsmanager",
  region: `${REGION}|${ANY}`,
  account: `${ACCOUNT}|${ANY}`,
  resource: "secret:[A-Za-z0-9/_+=.@*?-]{1,512}",
  pattern: { before: ":secret:", type: SECRET_NAME },
});

export const ssmParameterArn = arnRule({
  what: "an SSM parameter ARN",
  format: "arn:<partition>:ssm:<region or *>:<account or *>:parameter/<name or name prefix*>",
  service: "ssm",
  region: `${REGION}|${ANY}`,
  account: `${ACCOUNT}|${ANY}`,
  resource: "parameter/[A-Za-z0-9/_.*?-]{1,2048}",
  pattern: { before: ":parameter/", type: PARAMETER_NAME },
});

export const logGroupArn = arnRule({
  what: "a CloudWatch Logs log group ARN",
  format: "arn:<partition>:logs:<region>:<account>:log-group:<name or name prefix*>, without :log-stream or a trailing :*",
  service: "logs",
  region: REGION,
  account: ACCOUNT,
  resource: "log-group:[A-Za-z0-9_./#*?-]{1,512}",
  pattern: { before: ":log-group:", type: LOG_GROUP_NAME },
});

export const certificateAuthorityArn = arnRule({
  what: "an AWS Private CA certificate authority ARN",
  format: "arn:<partition>:acm-pca:<region>:<account>:certificate-authority/<id>, without wildcards",
  service: "acm-pca",
  region: REGION,
  account: ACCOUNT,
  resource: "certificate-authority/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}",
});

export const prometheusWorkspaceArn = arnRule({
  what: "an Amazon Managed Service for Prometheus workspace ARN",
  format: "arn:<partition>:aps:<region>:<account>:workspace/<workspace id>",
  service: "aps",
  region: REGION,
  account: ACCOUNT,
  resource: "workspace/[A-Za-z0-9_-]{1,64}",
});

export const targetGroupArn = arnRule({
  what: "an Elastic Load Balancing target group ARN",
  format: "arn:<partition>:elasticloadbalancing:<region>:<account>:targetgroup/<name>/<id or *>",
  service: "elasticloadbalancing",
  region: REGION,
  account: ACCOUNT,
  resource: "targetgroup/[A-Za-z0-9-]{1,32}/(?:[0-9a-f]{1,32}|\\*)",
});

export const iamRoleArn = arnRule({
  what: "an IAM role ARN",
  format: "arn:<partition>:iam::<account>:role/<path and name>, without wildcards",
  service: "iam",
  account: ACCOUNT,
  resource: "role/[A-Za-z0-9+=,.@_/-]{1,576}",
});

export const serviceLinkedRoleArn = arnRule({
  what: "an IAM service-linked role ARN",
  format: "arn:<partition>:iam::<account or *>:role/aws-service-role/<service>/<name or *>",
  service: "iam",
  account: `${ACCOUNT}|${ANY}`,
  resource: "role/aws-service-role/[a-z0-9.-]+/[A-Za-z0-9+=,.@_*-]+",
});

export const eksClusterName: Rule<string> = (name) =>
  /^[0-9A-Za-z][A-Za-z0-9_-]{0,99}$/.test(name)
    ? undefined
    : "is not an EKS cluster name (1 to 100 letters, digits, '-' and '_', starting with a letter or digit)";
