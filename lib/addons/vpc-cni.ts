/**
 * Amazon VPC CNI plugin (`aws-node`). IPv4: the AWS managed policy AmazonEKS_CNI_Policy, as the EKS
 * user guide prescribes (and aws/amazon-vpc-cni-k8s docs/iam-policy.md says the IPv4 policy is).
 * IPv6: the "IPv6 mode" policy of aws/amazon-vpc-cni-k8s docs/iam-policy.md @ v1.23.0
 * (0c65d58cf2b4), which adds ec2:DescribeSecurityGroups and ec2:DescribeSubnets to the EKS user
 * guide's AmazonEKS_CNI_IPv6_Policy.
 */
import { AddonDefinition } from "./addon-definition";
import { arn } from "./partition";
import { allow, policyDocument } from "./policy-document";

/** Properties of {@link AddonPolicies.vpcCni}. */
export interface VpcCniPolicyProps {
  /**
   * Permissions for IPv4 clusters: the AWS managed policy `AmazonEKS_CNI_Policy`.
   * @default - true unless `ipv6` is true
   */
  readonly ipv4?: boolean;
  /**
   * Permissions for IPv6 clusters (`ec2:AssignIpv6Addresses`), in a policy of their own.
   * @default false
   */
  readonly ipv6?: boolean;
}

export const VPC_CNI: AddonDefinition<VpcCniPolicyProps> = {
  name: "vpc-cni",
  factory: "vpcCni",
  title: "Amazon VPC CNI plugin for Kubernetes",
  defaultServiceAccount: { namespace: "kube-system", name: "aws-node" },
  sources: [
    { repository: "AWS managed policy", path: "AmazonEKS_CNI_Policy (IPv4)", version: "EKS user guide, cni-iam-role" },
    { repository: "aws/amazon-vpc-cni-k8s", path: "docs/iam-policy.md (IPv6 mode)", version: "v1.23.0", commit: "0c65d58cf2b4" },
  ],
  inputs: [
    { name: "ipv4", kind: "boolean", required: false, what: "IPv4 permissions" },
    { name: "ipv6", kind: "boolean", required: false, what: "IPv6 permissions" },
  ],
  build: (props, reject) => {
    const ipv6 = props.ipv6 ?? false;
    const ipv4 = props.ipv4 ?? !ipv6;
    if (!ipv4 && !ipv6) reject("ipv4", "and ipv6 are both false: the plugin needs the permissions of at least one IP family");
    return {
      managedPolicyNames: ipv4 ? ["AmazonEKS_CNI_Policy"] : [],
      documents: ipv6
        ? [
            {
              name: "vpc-cni-ipv6",
              render: (context) =>
                policyDocument(
                  allow(
                    [
                      "ec2:AssignIpv6Addresses",
                      "ec2:DescribeInstances",
                      "ec2:DescribeSecurityGroups",
                      "ec2:DescribeSubnets",
                      "ec2:DescribeTags",
                      "ec2:DescribeNetworkInterfaces",
                      "ec2:DescribeInstanceTypes",
                    ],
                    "*",
                  ),
                  allow(["ec2:CreateTags"], [arn(context, "ec2", "*", "*", "network-interface/*")]),
                ),
            },
          ]
        : [],
    };
  },
};
