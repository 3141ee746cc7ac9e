/**
 * Rules for the ARNs and names that scope add-on policies: the right service and resource type, in
 * any partition. Wildcards are accepted only where the add-on's own docs scope with them (a secret
 * or parameter name prefix, a target group ID, the service-linked role path), never as the whole name.
 */
import { Rule } from "../validation/rule";

const PARTITION = "aws(?:-[a-z]+)*";
const REGION = "[a-z]{2}(?:-[a-z]+)+-\\d{1,2}";
const ACCOUNT = "\\d{12}";

function arnRule(what: string, format: string, resource: string, service: string, region = "", account = ""): Rule<string> {
  const pattern = new RegExp(`^arn:${PARTITION}:${service}:${region}:${account}:${resource}$`);
  return (value) => (pattern.test(value) ? undefined : `is not ${what} (${format})`);
}

/** Rejects a name that is nothing but a wildcard: it would match every resource of its kind. */
function notOnlyWildcard(rule: Rule<string>, separator: string, kind: string): Rule<string> {
  return (value) => {
    const reason = rule(value);
    if (reason !== undefined) return reason;
    const name = value.slice(value.indexOf(separator) + separator.length);
    return /^[*?/]*$/.test(name) ? `matches every ${kind} of the account; list names or a name prefix such as dev-*` : undefined;
  };
}

export const hostedZoneArn = arnRule(
  "a Route 53 hosted zone ARN",
  "arn:<partition>:route53:::hostedzone/<id>",
  "hostedzone/[A-Z0-9]{1,32}",
  "route53",
);

export const s3BucketArn = arnRule(
  "an S3 bucket ARN",
  "arn:<partition>:s3:::<bucket>, without a key or wildcard",
  "[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]",
  "s3",
);

export const kmsKeyArn = arnRule(
  "a KMS key ARN",
  "arn:<partition>:kms:<region>:<account>:key/<key id>; an alias does not grant use of its key",
  "key/[A-Za-z0-9-]{1,128}",
  "kms",
  REGION,
  ACCOUNT,
);

export const sqsQueueArn = arnRule(
  "an SQS queue ARN",
  "arn:<partition>:sqs:<region>:<account>:<queue name>",
  "[A-Za-z0-9_-]{1,80}(?:\\.fifo)?",
  "sqs",
  REGION,
  ACCOUNT,
);

export const secretArn = notOnlyWildcard(
  arnRule(
    "a Secrets Manager secret ARN",
    "arn:<partition>:secretsmanager:<region>:<account>:secret:<name or name prefix*>",
    "secret:[A-Za-z0-9/_+=.@*?-]{1,512}",
    "secretsmanager",
    REGION,
    ACCOUNT,
  ),
  ":secret:",
  "secret",
);

export const ssmParameterArn = notOnlyWildcard(
  arnRule(
    "an SSM parameter ARN",
    "arn:<partition>:ssm:<region>:<account>:parameter/<name or name prefix*>",
    "parameter/[A-Za-z0-9/_.*?-]{1,2048}",
    "ssm",
    REGION,
    ACCOUNT,
  ),
  ":parameter/",
  "parameter",
);

export const prometheusWorkspaceArn = arnRule(
  "an Amazon Managed Service for Prometheus workspace ARN",
  "arn:<partition>:aps:<region>:<account>:workspace/<workspace id>",
  "workspace/[A-Za-z0-9_-]{1,64}",
  "aps",
  REGION,
  ACCOUNT,
);

export const targetGroupArn = arnRule(
  "an Elastic Load Balancing target group ARN",
  "arn:<partition>:elasticloadbalancing:<region>:<account>:targetgroup/<name>/<id or *>",
  "targetgroup/[A-Za-z0-9-]{1,32}/(?:[0-9a-f]{1,32}|\\*)",
  "elasticloadbalancing",
  REGION,
  ACCOUNT,
);

export const iamRoleArn = arnRule(
  "an IAM role ARN",
  "arn:<partition>:iam::<account>:role/<path and name>, without wildcards",
  "role/[A-Za-z0-9+=,.@_/-]{1,576}",
  "iam",
  "",
  ACCOUNT,
);

export const serviceLinkedRoleArn = arnRule(
  "an IAM service-linked role ARN",
  "arn:<partition>:iam::<account or *>:role/aws-service-role/<service>/<name or *>",
  "role/aws-service-role/[a-z0-9.-]+/[A-Za-z0-9+=,.@_*-]+",
  "iam",
  "",
  `(?:${ACCOUNT}|\\*)`,
);

export const eksClusterName: Rule<string> = (name) =>
  /^[0-9A-Za-z][A-Za-z0-9_-]{0,99}$/.test(name)
    ? undefined
    : "is not an EKS cluster name (1 to 100 letters, digits, '-' and '_', starting with a letter or digit)";
