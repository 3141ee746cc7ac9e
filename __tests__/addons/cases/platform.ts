/** The add-ons of issue 17 item 4: the add-on policy, calls in its scope and calls outside it. */
import { AddonPolicies } from "../../../lib";
import { AddonCase, ArnBuilder, request } from "../harness";

const CA_ID = "11223344-1234-1122-2233-112233445566";
const ca = (e: ArnBuilder, id = CA_ID) => e.arn("acm-pca", e.region, e.accountId, `certificate-authority/${id}`);
const linkedRole = (e: ArnBuilder, service: string, name: string) =>
  e.arn("iam", "", e.accountId, `role/aws-service-role/${service}/${name}`);
const secret = (e: ArnBuilder, name: string) => e.arn("secretsmanager", e.region, e.accountId, `secret:${name}`);
const parameter = (e: ArnBuilder, name: string) => e.arn("ssm", e.region, e.accountId, `parameter/${name}`);
const logGroup = (e: ArnBuilder, name: string) => e.arn("logs", e.region, e.accountId, `log-group:${name}`);
const LATTICE = { "iam:AWSServiceName": "vpc-lattice.amazonaws.com" };
const LOG_DELIVERY = { "iam:AWSServiceName": "delivery.logs.amazonaws.com" };
const FSX = { "iam:AWSServiceName": "fsx.amazonaws.com" };

export const PLATFORM_CASES: { [name: string]: AddonCase } = {
  gatewayApiController: {
    policy: () => AddonPolicies.gatewayApiController(),
    allowed: (e) => [
      request("vpc-lattice:CreateService", e.arn("vpc-lattice", e.region, e.accountId, "service/svc-0a1")),
      request("vpc-lattice:CreateTargetGroup", "*"),
      request("ec2:DescribeVpcs", "*"),
      request("logs:CreateLogDelivery", "*"),
      request("tag:GetResources", "*"),
      request("iam:CreateServiceLinkedRole", linkedRole(e, "vpc-lattice.amazonaws.com", "AWSServiceRoleForVpcLattice"), LATTICE),
      request("iam:CreateServiceLinkedRole", linkedRole(e, "delivery.logs.amazonaws.com", "AWSServiceRoleForLogDelivery"), LOG_DELIVERY),
    ],
    denied: (e) => [
      request("iam:CreateServiceLinkedRole", linkedRole(e, "elasticloadbalancing.amazonaws.com", "AWSServiceRoleForElasticLoadBalancing"), {
        "iam:AWSServiceName": "elasticloadbalancing.amazonaws.com",
      }),
      request("iam:CreateServiceLinkedRole", linkedRole(e, "vpc-lattice.amazonaws.com", "AWSServiceRoleForVpcLattice"), LOG_DELIVERY),
      request("iam:CreateServiceLinkedRole", linkedRole(e, "vpc-lattice.amazonaws.com", "AWSServiceRoleForVpcLattice")),
      request("ec2:RunInstances", "*"),
      request("s3:GetObject", e.arn("s3", "", "", "bucket/key")),
      request("iam:PassRole", e.arn("iam", "", e.accountId, "role/admin")),
    ],
  },
  privateCaIssuer: {
    policy: (ref) => AddonPolicies.privateCaIssuer({ certificateAuthorityArns: [ca(ref)] }),
    allowed: (e) => [
      request("acm-pca:IssueCertificate", ca(e)),
      request("acm-pca:GetCertificate", ca(e)),
      request("acm-pca:DescribeCertificateAuthority", ca(e)),
    ],
    denied: (e) => [
      request("acm-pca:IssueCertificate", ca(e, "99999999-1234-1122-2233-112233445566")),
      request("acm-pca:RevokeCertificate", ca(e)),
      request("acm-pca:DeleteCertificateAuthority", ca(e)),
      request("acm-pca:ListCertificateAuthorities", "*"),
    ],
  },
  fsxOpenZfsCsi: {
    policy: () => AddonPolicies.fsxOpenZfsCsi(),
    allowed: (e) => [
      request("fsx:CreateFileSystem", "*"),
      request("fsx:CreateVolume", e.arn("fsx", e.region, e.accountId, "volume/fs-0a1/fsvol-0a1")),
      request("fsx:DeleteSnapshot", e.arn("fsx", e.region, e.accountId, "snapshot/fsvol-0a1/fsvolsnap-0a1")),
      request("iam:CreateServiceLinkedRole", linkedRole(e, "fsx.amazonaws.com", "AWSServiceRoleForAmazonFSx")),
      request("iam:CreateServiceLinkedRole", "*", FSX),
      request("iam:PutRolePolicy", linkedRole(e, "fsx.amazonaws.com", "AWSServiceRoleForAmazonFSx")),
    ],
    denied: (e) => [
      request("iam:AttachRolePolicy", e.arn("iam", "", e.accountId, "role/admin")),
      request("iam:CreateServiceLinkedRole", linkedRole(e, "eks.amazonaws.com", "AWSServiceRoleForAmazonEKS"), {
        "iam:AWSServiceName": "eks.amazonaws.com",
      }),
      request("fsx:DeleteBackup", "*"),
      request("fsx:CreateDataRepositoryAssociation", "*"),
      request("ec2:DeleteVolume", e.arn("ec2", e.region, e.accountId, "volume/vol-0a1")),
    ],
  },
  "secretsStoreCsiProvider (the workload's own role)": {
    policy: (ref) =>
      AddonPolicies.secretsStoreCsiProvider({
        secretsManagerArns: [secret(ref, "team-a/*")],
        ssmParameterArns: [parameter(ref, "team-a/*")],
      }),
    serviceAccounts: [{ namespace: "shop", name: "web" }],
    allowed: (e) => [
      request("secretsmanager:GetSecretValue", secret(e, "team-a/db-AbCdEf")),
      request("secretsmanager:DescribeSecret", secret(e, "team-a/db-AbCdEf")),
      request("ssm:GetParameters", parameter(e, "team-a/db/password")),
    ],
    denied: (e) => [
      request("secretsmanager:GetSecretValue", secret(e, "team-b/db-AbCdEf")),
      request("secretsmanager:PutSecretValue", secret(e, "team-a/db-AbCdEf")),
      request("secretsmanager:ListSecrets", "*"),
      request("ssm:GetParameters", parameter(e, "team-b/db/password")),
      request("ssm:PutParameter", parameter(e, "team-a/db/password")),
      request("kms:Decrypt", e.arn("kms", e.region, e.accountId, "key/1234abcd")),
    ],
  },
  "adotCollector (AWS managed policies)": {
    policy: () => AddonPolicies.adotCollector(),
    allowed: (e) => [
      request("aps:RemoteWrite", e.arn("aps", e.region, e.accountId, "workspace/ws-1")),
      request("xray:PutTraceSegments", "*"),
      request("cloudwatch:PutMetricData", "*"),
      request("logs:PutLogEvents", logGroup(e, "/aws/containerinsights/prod/performance:log-stream:x")),
    ],
    denied: (e) => [
      request("aps:QueryMetrics", e.arn("aps", e.region, e.accountId, "workspace/ws-1")),
      request("aps:DeleteWorkspace", e.arn("aps", e.region, e.accountId, "workspace/ws-1")),
      request("xray:DeleteGroup", "*"),
      request("s3:GetObject", e.arn("s3", "", "", "bucket/key")),
    ],
  },
  fluentBit: {
    policy: (ref) => AddonPolicies.fluentBit({ logGroupArns: [logGroup(ref, "/aws/eks/prod/*"), logGroup(ref, "audit")] }),
    allowed: (e) => [
      request("logs:CreateLogGroup", logGroup(e, "/aws/eks/prod/application")),
      request("logs:CreateLogStream", logGroup(e, "/aws/eks/prod/application:log-stream:fluentbit-kube.var.log")),
      request("logs:CreateLogStream", logGroup(e, "audit:log-stream:fluentbit-x")),
      request("logs:DescribeLogStreams", logGroup(e, "audit")),
      request("logs:PutRetentionPolicy", logGroup(e, "audit")),
      request("logs:PutLogEvents", logGroup(e, "/aws/eks/prod/application:log-stream:fluentbit-kube.var.log")),
      request("logs:PutLogEvents", logGroup(e, "audit:log-stream:fluentbit-x")),
    ],
    denied: (e) => [
      request("logs:PutLogEvents", logGroup(e, "/aws/eks/dev/application:log-stream:x")),
      request("logs:CreateLogGroup", logGroup(e, "/aws/lambda/payments")),
      request("logs:PutLogEvents", logGroup(e, "audit-2:log-stream:x")),
      request("logs:DeleteLogGroup", logGroup(e, "/aws/eks/prod/application")),
      request("logs:GetLogEvents", logGroup(e, "audit:log-stream:x")),
      request("logs:DescribeLogGroups", "*"),
      request("logs:CreateLogStream", logGroup(e, "/aws/lambda/payments:log-stream:x")),
    ],
  },
  "networkFlowMonitorAgent (AWS managed policy)": {
    policy: () => AddonPolicies.networkFlowMonitorAgent(),
    allowed: () => [request("networkflowmonitor:Publish", "*")],
    denied: (e) => [
      request("networkflowmonitor:CreateMonitor", "*"),
      request("networkflowmonitor:DeleteScope", "*"),
      request("ec2:DescribeInstances", "*"),
      request("s3:GetObject", e.arn("s3", "", "", "bucket/key")),
    ],
  },
};
