/**
 * AWS for Fluent Bit with the CloudWatch Logs output: the permissions of
 * aws/amazon-cloudwatch-logs-for-fluent-bit README.md ("Permissions": CreateLogGroup for dynamic
 * groups, CreateLogStream, DescribeLogStreams, PutLogEvents, PutRetentionPolicy when
 * `log_retention_days` is set) @ v1.9.4 (7b8dae0d6ded), the same calls as the core
 * `cloudwatch_logs` output the chart configures, and the chart of
 * aws/eks-charts stable/aws-for-fluent-bit 0.2.0 (2942cdce0d98, AWS for Fluent Bit 3.2.1:
 * `autoCreateGroup: true`; service account = the release's full name, installed as
 * `aws-for-fluent-bit` in kube-system by its README). Upstream publishes no document and examples
 * grant on `log-group:*`; here the log groups are listed (required) and the streams are those of
 * the listed groups. Resource types as the Service Authorization Reference gives them: CreateLogGroup,
 * PutRetentionPolicy and DescribeLogStreams on the log group, CreateLogStream and PutLogEvents on
 * the log stream (`<group ARN>:log-stream:<name>`).
 */
import { AddonDefinition } from "./addon-definition";
import { logGroupArn } from "./arn-rules";
import { allow, policyDocument } from "./policy-document";

/** Properties of {@link AddonPolicies.fluentBit}. */
export interface FluentBitPolicyProps {
  /**
   * The log groups Fluent Bit writes to (`arn:<partition>:logs:<region>:<account>:log-group:<name>`;
   * a name prefix such as `/aws/eks/prod/*` is allowed, for `logGroupTemplate`).
   */
  readonly logGroupArns: string[];
}

export const FLUENT_BIT: AddonDefinition<FluentBitPolicyProps> = {
  name: "fluent-bit",
  factory: "fluentBit",
  title: "AWS for Fluent Bit (CloudWatch Logs output)",
  defaultServiceAccount: { namespace: "kube-system", name: "aws-for-fluent-bit" },
  sources: [
    { repository: "aws/amazon-cloudwatch-logs-for-fluent-bit", path: "README.md (Permissions)", version: "v1.9.4", commit: "7b8dae0d6ded" },
    { repository: "aws/eks-charts", path: "stable/aws-for-fluent-bit", version: "chart 0.2.0", commit: "2942cdce0d98" },
  ],
  inputs: [{ name: "logGroupArns", kind: "list", required: true, what: "CloudWatch Logs log group ARN", rule: logGroupArn }],
  build: (props) => ({
    documents: [
      {
        name: "fluent-bit",
        render: () =>
          policyDocument(
            allow(["logs:CreateLogGroup", "logs:PutRetentionPolicy", "logs:DescribeLogStreams"], props.logGroupArns),
            allow(
              ["logs:CreateLogStream", "logs:PutLogEvents"],
              props.logGroupArns.map((group) => `${group}:log-stream:*`),
            ),
          ),
      },
    ],
  }),
};
