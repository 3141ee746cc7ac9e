/** The public factories of add-on policies: one static method per add-on. */
import { Validator } from "../validation/validator";
import { AddonDefinition, createAddonPolicy } from "./addon-definition";
import { AddonPolicy } from "./addon-policy";
import { CERT_MANAGER, CertManagerPolicyProps } from "./cert-manager";
import { CLOUDWATCH_OBSERVABILITY } from "./cloudwatch-observability";
import { CLUSTER_AUTOSCALER, ClusterAutoscalerPolicyProps } from "./cluster-autoscaler";
import { EBS_CSI_DRIVER, EbsCsiDriverPolicyProps } from "./ebs-csi-driver";
import { EFS_CSI_DRIVER } from "./efs-csi-driver";
import { EXTERNAL_DNS, ExternalDnsPolicyProps } from "./external-dns";
import { EXTERNAL_SECRETS, ExternalSecretsPolicyProps } from "./external-secrets";
import { FSX_LUSTRE_CSI, FsxLustreCsiPolicyProps } from "./fsx-lustre-csi";
import { KARPENTER_CONTROLLER, KarpenterControllerPolicyProps } from "./karpenter-controller";
import { LOAD_BALANCER_CONTROLLER } from "./load-balancer-controller";
import {
  LOAD_BALANCER_CONTROLLER_TARGET_GROUP_BINDING,
  LoadBalancerControllerTargetGroupBindingPolicyProps,
} from "./load-balancer-controller-target-group-binding";
import { MANAGED_PROMETHEUS, ManagedPrometheusPolicyProps } from "./managed-prometheus";
import { MOUNTPOINT_S3_CSI, MountpointS3CsiPolicyProps } from "./mountpoint-s3-csi";
import { NODE_TERMINATION_HANDLER, NodeTerminationHandlerPolicyProps } from "./node-termination-handler";
import { VELERO, VeleroPolicyProps } from "./velero";
import { VPC_CNI, VpcCniPolicyProps } from "./vpc-cni";
import { ADOT_COLLECTOR } from "./adot-collector";
import { FLUENT_BIT, FluentBitPolicyProps } from "./fluent-bit";
import { FSX_OPENZFS_CSI } from "./fsx-openzfs-csi";
import { GATEWAY_API_CONTROLLER } from "./gateway-api-controller";
import { NETWORK_FLOW_MONITOR_AGENT } from "./network-flow-monitor-agent";
import { PRIVATE_CA_ISSUER, PrivateCaIssuerPolicyProps } from "./private-ca-issuer";
import { SECRETS_STORE_CSI_PROVIDER, SecretsStoreCsiProviderPolicyProps } from "./secrets-store-csi-provider";

function make<P>(definition: AddonDefinition<P>, props: P | undefined): AddonPolicy {
  return createAddonPolicy(definition, props, new Validator(`AddonPolicies.${definition.factory}`));
}

/**
 * Least-privilege permissions for the controllers platform teams run on every cluster, taken from
 * each add-on's own project (the source is in {@link AddonPolicy.source}). Lists that scope the
 * permissions are required; ARNs are built from the stack's partition. Bad input throws a
 * ValidationError (see {@link ValidationErrors}) naming the property, the value and the rule.
 */
export class AddonPolicies {
  /** Amazon EBS CSI driver (`kube-system/ebs-csi-controller-sa`). */
  public static ebsCsiDriver(props: EbsCsiDriverPolicyProps = {}): AddonPolicy {
    return make(EBS_CSI_DRIVER, props);
  }

  /** Amazon EFS CSI driver (`kube-system/efs-csi-controller-sa`). */
  public static efsCsiDriver(): AddonPolicy {
    return make(EFS_CSI_DRIVER, undefined);
  }

  /** Amazon VPC CNI plugin (`kube-system/aws-node`): AmazonEKS_CNI_Policy for IPv4, a policy of its own for IPv6. */
  public static vpcCni(props: VpcCniPolicyProps = {}): AddonPolicy {
    return make(VPC_CNI, props);
  }

  /** AWS Load Balancer Controller (`kube-system/aws-load-balancer-controller`), the project's full policy. */
  public static loadBalancerController(): AddonPolicy {
    return make(LOAD_BALANCER_CONTROLLER, undefined);
  }

  /** AWS Load Balancer Controller used for TargetGroupBinding only, on the given target groups. */
  public static loadBalancerControllerTargetGroupBinding(props: LoadBalancerControllerTargetGroupBindingPolicyProps): AddonPolicy {
    return make(LOAD_BALANCER_CONTROLLER_TARGET_GROUP_BINDING, props);
  }

  /** ExternalDNS with Route 53 (`default/external-dns`, the tutorial's), on the given hosted zones. */
  public static externalDns(props: ExternalDnsPolicyProps): AddonPolicy {
    return make(EXTERNAL_DNS, props);
  }

  /** cert-manager's Route 53 DNS-01 solver (`cert-manager/cert-manager`): TXT records in the given hosted zones. */
  public static certManager(props: CertManagerPolicyProps): AddonPolicy {
    return make(CERT_MANAGER, props);
  }

  /** Cluster Autoscaler (`kube-system/cluster-autoscaler`): resizes only the Auto Scaling groups tagged for the given clusters. */
  public static clusterAutoscaler(props: ClusterAutoscalerPolicyProps): AddonPolicy {
    return make(CLUSTER_AUTOSCALER, props);
  }

  /** Karpenter controller (`kube-system/karpenter`): Karpenter's split controller policies for one cluster. */
  public static karpenterController(props: KarpenterControllerPolicyProps): AddonPolicy {
    return make(KARPENTER_CONTROLLER, props);
  }

  /** External Secrets Operator (`external-secrets/external-secrets`): reads (and with `allowCreate` writes) the given secrets. */
  public static externalSecrets(props: ExternalSecretsPolicyProps): AddonPolicy {
    return make(EXTERNAL_SECRETS, props);
  }

  /** Velero with velero-plugin-for-aws (`velero/velero`): EBS snapshots and the given backup buckets. */
  public static velero(props: VeleroPolicyProps): AddonPolicy {
    return make(VELERO, props);
  }

  /** Mountpoint for Amazon S3 CSI driver (`kube-system/s3-csi-driver-sa`): the given buckets. */
  public static mountpointS3Csi(props: MountpointS3CsiPolicyProps): AddonPolicy {
    return make(MOUNTPOINT_S3_CSI, props);
  }

  /** AWS Node Termination Handler, Queue Processor mode (`kube-system/aws-node-termination-handler`): the given queues. */
  public static nodeTerminationHandler(props: NodeTerminationHandlerPolicyProps): AddonPolicy {
    return make(NODE_TERMINATION_HANDLER, props);
  }

  /** Amazon Managed Service for Prometheus remote write (`prometheus/amp-iamproxy-ingest-service-account`): the given workspaces. */
  public static managedPrometheus(props: ManagedPrometheusPolicyProps): AddonPolicy {
    return make(MANAGED_PROMETHEUS, props);
  }

  /** Amazon CloudWatch Observability (`amazon-cloudwatch/cloudwatch-agent`): CloudWatchAgentServerPolicy and AWSXrayWriteOnlyAccess. */
  public static cloudWatchObservability(): AddonPolicy {
    return make(CLOUDWATCH_OBSERVABILITY, undefined);
  }

  /** Amazon FSx for Lustre CSI driver (`kube-system/fsx-csi-controller-sa`). */
  public static fsxLustreCsi(props: FsxLustreCsiPolicyProps = {}): AddonPolicy {
    return make(FSX_LUSTRE_CSI, props);
  }

  /**
   * AWS Gateway API Controller for VPC Lattice (`aws-application-networking-system/gateway-api-controller`),
   * the project's recommended policy.
   */
  public static gatewayApiController(): AddonPolicy {
    return make(GATEWAY_API_CONTROLLER, undefined);
  }

  /** AWS Private CA Issuer for cert-manager (`aws-privateca-issuer/aws-privateca-issuer`): issues from the given CAs. */
  public static privateCaIssuer(props: PrivateCaIssuerPolicyProps): AddonPolicy {
    return make(PRIVATE_CA_ISSUER, props);
  }

  /** Amazon FSx for OpenZFS CSI driver (`kube-system/fsx-openzfs-csi-controller-sa`). */
  public static fsxOpenZfsCsi(): AddonPolicy {
    return make(FSX_OPENZFS_CSI, undefined);
  }

  /**
   * AWS Secrets Store CSI provider (ASCP): the WORKLOAD's own role, reading the given secrets and
   * parameters with the pod's credentials. It has no default service account: list the workload's.
   */
  public static secretsStoreCsiProvider(props: SecretsStoreCsiProviderPolicyProps): AddonPolicy {
    return make(SECRETS_STORE_CSI_PROVIDER, props);
  }

  /**
   * AWS Distro for OpenTelemetry collector (`default/adot-collector`): AmazonPrometheusRemoteWriteAccess,
   * AWSXrayWriteOnlyAccess and CloudWatchAgentServerPolicy.
   */
  public static adotCollector(): AddonPolicy {
    return make(ADOT_COLLECTOR, undefined);
  }

  /** AWS for Fluent Bit, CloudWatch Logs output (`kube-system/aws-for-fluent-bit`): the given log groups. */
  public static fluentBit(props: FluentBitPolicyProps): AddonPolicy {
    return make(FLUENT_BIT, props);
  }

  /**
   * Amazon CloudWatch Network Flow Monitor agent (`amazon-network-flow-monitor/aws-network-flow-monitor-agent-service-account`):
   * CloudWatchNetworkFlowMonitorAgentPublishPolicy.
   */
  public static networkFlowMonitorAgent(): AddonPolicy {
    return make(NETWORK_FLOW_MONITOR_AGENT, undefined);
  }

  private constructor() {}
}
