/**
 * Every add-on this library knows, in the order of the docs table: the one registration point. The
 * docs table (scripts/addons-table.ts), the app's `addons` config and the tests read this list; an
 * add-on file adds one line here, one static factory on AddonPolicies (jsii needs a real method) and
 * the export of its props in lib/index.ts, and __tests__/addons/registration.test.ts checks all four.
 */
import { AddonDefinition } from "./addon-definition";
import { CERT_MANAGER } from "./cert-manager";
import { CLOUDWATCH_OBSERVABILITY } from "./cloudwatch-observability";
import { CLUSTER_AUTOSCALER } from "./cluster-autoscaler";
import { EBS_CSI_DRIVER } from "./ebs-csi-driver";
import { EFS_CSI_DRIVER } from "./efs-csi-driver";
import { EXTERNAL_DNS } from "./external-dns";
import { EXTERNAL_SECRETS } from "./external-secrets";
import { FSX_LUSTRE_CSI } from "./fsx-lustre-csi";
import { KARPENTER_CONTROLLER } from "./karpenter-controller";
import { LOAD_BALANCER_CONTROLLER } from "./load-balancer-controller";
import { LOAD_BALANCER_CONTROLLER_TARGET_GROUP_BINDING } from "./load-balancer-controller-target-group-binding";
import { MANAGED_PROMETHEUS } from "./managed-prometheus";
import { MOUNTPOINT_S3_CSI } from "./mountpoint-s3-csi";
import { NODE_TERMINATION_HANDLER } from "./node-termination-handler";
import { VELERO } from "./velero";
import { VPC_CNI } from "./vpc-cni";
import { GATEWAY_API_CONTROLLER } from "./gateway-api-controller";
import { PRIVATE_CA_ISSUER } from "./private-ca-issuer";
import { FSX_OPENZFS_CSI } from "./fsx-openzfs-csi";
import { SECRETS_STORE_CSI_PROVIDER } from "./secrets-store-csi-provider";
import { ADOT_COLLECTOR } from "./adot-collector";
import { FLUENT_BIT } from "./fluent-bit";
import { NETWORK_FLOW_MONITOR_AGENT } from "./network-flow-monitor-agent";

export const ADDON_CATALOG: readonly AddonDefinition<any>[] = [
  EBS_CSI_DRIVER,
  EFS_CSI_DRIVER,
  VPC_CNI,
  LOAD_BALANCER_CONTROLLER,
  LOAD_BALANCER_CONTROLLER_TARGET_GROUP_BINDING,
  EXTERNAL_DNS,
  CERT_MANAGER,
  CLUSTER_AUTOSCALER,
  KARPENTER_CONTROLLER,
  EXTERNAL_SECRETS,
  VELERO,
  MOUNTPOINT_S3_CSI,
  NODE_TERMINATION_HANDLER,
  MANAGED_PROMETHEUS,
  CLOUDWATCH_OBSERVABILITY,
  FSX_LUSTRE_CSI,
  GATEWAY_API_CONTROLLER,
  PRIVATE_CA_ISSUER,
  FSX_OPENZFS_CSI,
  SECRETS_STORE_CSI_PROVIDER,
  ADOT_COLLECTOR,
  FLUENT_BIT,
  NETWORK_FLOW_MONITOR_AGENT,
];

/** The definition of an add-on by its name (`external-dns`), or undefined. */
export function addonByName(name: string): AddonDefinition<any> | undefined {
  return ADDON_CATALOG.find((d) => d.name === name);
}
