/**
 * Add-ons that need no IAM role: EKS user guide, "AWS add-ons"
 * (https://docs.aws.amazon.com/eks/latest/userguide/workloads-add-ons-available-eks.html), whose
 * "Required IAM permissions" say that these add-ons need none. The Pod Identity Agent gets its
 * permission (`eks-auth:AssumeRoleForPodIdentity`) from the node role ("Set up the Amazon EKS Pod
 * Identity Agent"), and every `identity: "pod-identity"` add-on or role needs it on the cluster.
 */
import { CatalogueEntry } from "./catalogue-entry";

const GUIDE = "EKS user guide, AWS add-ons";

export const ROLELESS_ADDONS: readonly CatalogueEntry[] = [
  { addonName: "eks-pod-identity-agent", source: `${GUIDE}, Amazon EKS Pod Identity Agent` },
  { addonName: "coredns", source: `${GUIDE}, CoreDNS` },
  { addonName: "kube-proxy", source: `${GUIDE}, Kube-proxy` },
  { addonName: "snapshot-controller", source: `${GUIDE}, CSI snapshot controller` },
  { addonName: "eks-node-monitoring-agent", source: `${GUIDE}, Node monitoring agent` },
  { addonName: "aws-guardduty-agent", source: `${GUIDE}, Amazon GuardDuty agent` },
];
