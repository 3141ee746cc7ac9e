/**
 * Networking add-ons. Amazon VPC CNI: EKS user guide, "Amazon VPC CNI plugin for Kubernetes"
 * (https://docs.aws.amazon.com/eks/latest/userguide/workloads-add-ons-available-eks.html#add-ons-vpc-cni):
 * AmazonEKS_CNI_Policy for IPv4 clusters, the IPv6 policy for IPv6 clusters; the add-on's pods run
 * as kube-system/aws-node. IPv6 clusters pass `addonPolicies: [AddonPolicies.vpcCni({ ipv6: true })]`.
 */
import { AddonPolicies } from "../../addons/addon-policies";
import { CatalogueEntry } from "./catalogue-entry";

export const NETWORKING_ADDONS: readonly CatalogueEntry[] = [
  {
    addonName: "vpc-cni",
    policyAddon: "vpc-cni",
    serviceAccount: { namespace: "kube-system", name: "aws-node" },
    addonPolicies: () => [AddonPolicies.vpcCni()],
    source: "EKS user guide, AWS add-ons, Amazon VPC CNI plugin for Kubernetes",
  },
];
