/** Observability add-ons: CloudWatch, Network Flow Monitor, ADOT. */
import { AddonPolicies } from "../../addons/addon-policies";
import { CatalogueEntry } from "./catalogue-entry";

export const OBSERVABILITY_ADDONS: readonly CatalogueEntry[] = [
  {
    // EKS user guide, AWS add-ons, "Amazon CloudWatch Observability agent": CloudWatchAgentServerPolicy and
    // AWSXrayWriteOnlyAccess; eksctl --name cloudwatch-agent --namespace amazon-cloudwatch. Pod Identity from
    // add-on version 3.1.0 (CloudWatch user guide, "Quick start with the Amazon CloudWatch Observability EKS add-on").
    addonName: "amazon-cloudwatch-observability",
    policyAddon: "cloudwatch-observability",
    serviceAccount: { namespace: "amazon-cloudwatch", name: "cloudwatch-agent" },
    addonPolicies: () => [AddonPolicies.cloudWatchObservability()],
    source: "EKS user guide, AWS add-ons, Amazon CloudWatch Observability agent",
  },
  {
    // CloudWatch user guide, "Install the EKS AWS Network Flow Monitor Agent add-on"
    // (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch-NetworkFlowMonitor-agents-kubernetes-eks.html):
    // Pod Identity, the AWS managed policy CloudWatchNetworkFlowMonitorAgentPublishPolicy; its IRSA page gives
    // the namespace amazon-network-flow-monitor and the service account aws-network-flow-monitor-agent-service-account
    // (renamed from aws-network-flow-monitoring-agent-service-account in add-on v1.0.1).
    // TODO(lead): AddonPolicies.networkFlowMonitorAgent() once merged.
    addonName: "aws-network-flow-monitoring-agent",
    serviceAccount: { namespace: "amazon-network-flow-monitor", name: "aws-network-flow-monitor-agent-service-account" },
    managedPolicyNames: ["CloudWatchNetworkFlowMonitorAgentPublishPolicy"],
    source: "CloudWatch user guide, Install the EKS AWS Network Flow Monitor Agent add-on",
  },
  {
    // EKS user guide, AWS add-ons, "AWS Distro for OpenTelemetry": "only requires IAM permissions if you're using
    // one of the preconfigured custom resources that can be opted into through advanced configuration"; which
    // collector (and so which service account) runs depends on configurationValues.
    // TODO(lead): default to AddonPolicies.adotCollector() once merged (the service account stays explicit).
    addonName: "adot",
    needsInput:
      "runs the collector chosen in configurationValues, so its role is not defaulted: pass serviceAccount " +
      '(the collector\'s, e.g. { namespace: "opentelemetry-operator-system", name: "adot-col-otlp-ingest" }) and its ' +
      "policies (addonPolicies or managedPolicyArns), or leave both out when no collector needs AWS permissions",
    source: "EKS user guide, AWS add-ons, AWS Distro for OpenTelemetry",
  },
];
