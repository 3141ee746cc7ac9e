/**
 * Amazon CloudWatch Observability add-on (CloudWatch agent and Fluent Bit). Its docs prescribe two
 * AWS managed policies and publish no document of their own: EKS user guide, "Amazon CloudWatch
 * Observability agent" required IAM permissions (CloudWatchAgentServerPolicy, AWSXrayWriteOnlyAccess);
 * the service account is the one of the aws-observability/helm-charts chart
 * amazon-cloudwatch-observability-6.4.0 (f4ad2e3abc44).
 */
import { AddonDefinition } from "./addon-definition";

export const CLOUDWATCH_OBSERVABILITY: AddonDefinition<object> = {
  name: "cloudwatch-observability",
  factory: "cloudWatchObservability",
  title: "Amazon CloudWatch Observability",
  defaultServiceAccount: { namespace: "amazon-cloudwatch", name: "cloudwatch-agent" },
  sources: [
    {
      repository: "AWS managed policies",
      path: "CloudWatchAgentServerPolicy, AWSXrayWriteOnlyAccess",
      version: "EKS user guide, amazon-cloudwatch-observability",
    },
    {
      repository: "aws-observability/helm-charts",
      path: "charts/amazon-cloudwatch-observability",
      version: "amazon-cloudwatch-observability-6.4.0",
      commit: "f4ad2e3abc44",
    },
  ],
  inputs: [],
  build: () => ({ documents: [], managedPolicyNames: ["CloudWatchAgentServerPolicy", "AWSXrayWriteOnlyAccess"] }),
};
