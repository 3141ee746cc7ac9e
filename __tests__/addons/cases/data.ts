/** External Secrets, Velero, Managed Prometheus, CloudWatch Observability: the add-on policy, calls in its scope and calls outside it. */
import { AddonPolicies } from "../../../lib";
import { AddonCase, ArnBuilder, request } from "../harness";

const secret = (e: ArnBuilder, name: string) => e.arn("secretsmanager", e.region, e.accountId, `secret:${name}`);
const parameter = (e: ArnBuilder, name: string) => e.arn("ssm", e.region, e.accountId, `parameter/${name}`);
const key = (e: ArnBuilder, id = "1234abcd-12ab") => e.arn("kms", e.region, e.accountId, `key/${id}`);
const MANAGED_BY_ESO = { "secretsmanager:ResourceTag/managed-by": "external-secrets", "aws:ResourceTag/managed-by": "external-secrets" };

const workspace = (e: ArnBuilder, id = "ws-1a2b3c4d-0000-1111-2222-333344445555") => e.arn("aps", e.region, e.accountId, `workspace/${id}`);

export const DATA_CASES: { [name: string]: AddonCase } = {
  "externalSecrets (read only)": {
    policy: (ref) =>
      AddonPolicies.externalSecrets({ secretsManagerArns: [secret(ref, "prod/*")], ssmParameterArns: [parameter(ref, "prod/*")] }),
    allowed: (e) => [
      request("secretsmanager:GetSecretValue", secret(e, "prod/db-AbCdEf")),
      request("secretsmanager:DescribeSecret", secret(e, "prod/db-AbCdEf")),
      request("secretsmanager:ListSecrets", "*"),
      request("ssm:GetParameter", parameter(e, "prod/db/password")),
      request("ssm:GetParametersByPath", parameter(e, "prod/db")),
    ],
    denied: (e) => [
      request("secretsmanager:GetSecretValue", secret(e, "dev/db-AbCdEf")),
      request("secretsmanager:CreateSecret", secret(e, "prod/new-AbCdEf")),
      request("secretsmanager:PutSecretValue", secret(e, "prod/db-AbCdEf")),
      request("ssm:GetParameter", parameter(e, "dev/db/password")),
      request("ssm:PutParameter", parameter(e, "prod/db/password")),
      request("kms:Decrypt", key(e)),
    ],
  },
  "externalSecrets (allowCreate, KMS)": {
    policy: (ref) =>
      AddonPolicies.externalSecrets({
        secretsManagerArns: [secret(ref, "prod/*")],
        ssmParameterArns: [parameter(ref, "prod/*")],
        kmsKeyArns: [key(ref)],
        allowCreate: true,
      }),
    allowed: (e) => [
      request("secretsmanager:GetSecretValue", secret(e, "prod/db-AbCdEf")),
      request("secretsmanager:CreateSecret", secret(e, "prod/new-AbCdEf")),
      request("secretsmanager:PutSecretValue", secret(e, "prod/db-AbCdEf")),
      request("secretsmanager:DeleteSecret", secret(e, "prod/db-AbCdEf"), MANAGED_BY_ESO),
      request("ssm:PutParameter", parameter(e, "prod/db/password")),
      request("kms:Decrypt", key(e)),
    ],
    denied: (e) => [
      request("secretsmanager:DeleteSecret", secret(e, "prod/db-AbCdEf")),
      request("secretsmanager:DeleteSecret", secret(e, "prod/db-AbCdEf"), { "secretsmanager:ResourceTag/managed-by": "terraform" }),
      request("secretsmanager:CreateSecret", secret(e, "dev/new-AbCdEf")),
      request("ssm:DeleteParameter", parameter(e, "prod/db/password")),
      request("kms:Decrypt", key(e, "other")),
      request("kms:Encrypt", key(e)),
    ],
  },
  velero: {
    policy: (ref) => AddonPolicies.velero({ bucketArns: [ref.arn("s3", "", "", "velero-backups")] }),
    allowed: (e) => [
      request("s3:ListBucket", e.arn("s3", "", "", "velero-backups")),
      request("s3:PutObject", e.arn("s3", "", "", "velero-backups/backups/nightly/velero-backup.json")),
      request("s3:GetObject", e.arn("s3", "", "", "velero-backups/backups/nightly/velero-backup.json")),
      request("s3:DeleteObject", e.arn("s3", "", "", "velero-backups/backups/nightly/velero-backup.json")),
      request("ec2:CreateSnapshot", e.arn("ec2", e.region, e.accountId, "volume/vol-0a1")),
      request("ec2:DescribeSnapshots", "*"),
    ],
    denied: (e) => [
      request("s3:ListBucket", e.arn("s3", "", "", "other-bucket")),
      request("s3:PutObject", e.arn("s3", "", "", "other-bucket/backups/x")),
      request("s3:GetObject", e.arn("s3", "", "", "velero-backups-2/x")),
      request("s3:DeleteBucket", e.arn("s3", "", "", "velero-backups")),
      request("ec2:DeleteVolume", e.arn("ec2", e.region, e.accountId, "volume/vol-0a1")),
    ],
  },
  managedPrometheus: {
    policy: (ref) => AddonPolicies.managedPrometheus({ workspaceArns: [workspace(ref)] }),
    allowed: (e) => [
      request("aps:RemoteWrite", workspace(e)),
      request("aps:GetSeries", workspace(e)),
      request("aps:GetLabels", workspace(e)),
      request("aps:GetMetricMetadata", workspace(e)),
    ],
    denied: (e) => [
      request("aps:RemoteWrite", workspace(e, "ws-other")),
      request("aps:QueryMetrics", workspace(e)),
      request("aps:DeleteWorkspace", workspace(e)),
    ],
  },
  "cloudWatchObservability (AWS managed policies)": {
    policy: () => AddonPolicies.cloudWatchObservability(),
    allowed: (e) => [
      request("cloudwatch:PutMetricData", "*"),
      request("logs:PutLogEvents", e.arn("logs", e.region, e.accountId, "log-group:/aws/containerinsights/prod/application:log-stream:x")),
      request("xray:PutTraceSegments", "*"),
      request("ssm:GetParameter", e.arn("ssm", e.region, e.accountId, "parameter/AmazonCloudWatch-linux")),
    ],
    denied: (e) => [
      request("ssm:GetParameter", e.arn("ssm", e.region, e.accountId, "parameter/prod/db/password")),
      request("logs:DeleteLogGroup", e.arn("logs", e.region, e.accountId, "log-group:/aws/containerinsights/prod/application")),
      request("s3:GetObject", e.arn("s3", "", "", "bucket/key")),
    ],
  },
};
