/**
 * Amazon CloudWatch Network Flow Monitor agent (EKS add-on `aws-network-flow-monitoring-agent`).
 * Its docs prescribe one AWS managed policy and publish no document of their own: CloudWatch user
 * guide, "Install the EKS AWS Network Flow Monitor Agent add-on"
 * (CloudWatch-NetworkFlowMonitor-agents-kubernetes-eks.html: CloudWatchNetworkFlowMonitorAgentPublishPolicy)
 * and its IRSA page (service account `aws-network-flow-monitor-agent-service-account` in namespace
 * `amazon-network-flow-monitor`; add-on v1.0.1 renamed it from `...-monitoring-agent-...`).
 */
import { AddonDefinition } from "./addon-definition";

export const NETWORK_FLOW_MONITOR_AGENT: AddonDefinition<object> = {
  name: "network-flow-monitor-agent",
  factory: "networkFlowMonitorAgent",
  title: "Amazon CloudWatch Network Flow Monitor agent",
  defaultServiceAccount: { namespace: "amazon-network-flow-monitor", name: "aws-network-flow-monitor-agent-service-account" },
  sources: [
    {
      repository: "AWS managed policies",
      path: "CloudWatchNetworkFlowMonitorAgentPublishPolicy",
      version: "CloudWatch user guide, CloudWatch-NetworkFlowMonitor-agents-kubernetes-eks",
    },
  ],
  inputs: [],
  build: () => ({ documents: [], managedPolicyNames: ["CloudWatchNetworkFlowMonitorAgentPublishPolicy"] }),
};
