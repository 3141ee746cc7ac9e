/**
 * AWS Distro for OpenTelemetry (ADOT) collector. Its docs prescribe three AWS managed policies and
 * publish no document of their own: EKS user guide, "Create an IAM role" for ADOT (adot-iam.html:
 * `eksctl create iamserviceaccount --name adot-collector --namespace default` with
 * AmazonPrometheusRemoteWriteAccess, AWSXrayWriteOnlyAccess and CloudWatchAgentServerPolicy), the
 * service account of that page. The managed policies are the same in every partition (their ARNs
 * are built from the stack's partition).
 */
import { AddonDefinition } from "./addon-definition";

export const ADOT_COLLECTOR: AddonDefinition<object> = {
  name: "adot-collector",
  factory: "adotCollector",
  title: "AWS Distro for OpenTelemetry collector",
  defaultServiceAccount: { namespace: "default", name: "adot-collector" },
  sources: [
    {
      repository: "AWS managed policies",
      path: "AmazonPrometheusRemoteWriteAccess, AWSXrayWriteOnlyAccess, CloudWatchAgentServerPolicy",
      version: "EKS user guide, adot-iam (Create an IAM role)",
    },
  ],
  inputs: [],
  build: () => ({
    documents: [],
    managedPolicyNames: ["AmazonPrometheusRemoteWriteAccess", "AWSXrayWriteOnlyAccess", "CloudWatchAgentServerPolicy"],
  }),
};
