/**
 * Kubernetes Cluster Autoscaler on AWS. The describe calls: kubernetes/autoscaler
 * cluster-autoscaler/cloudprovider/aws/README.md ("Full Cluster Autoscaler Features Policy") @
 * cluster-autoscaler-1.36.1 (35e8a280425c). Upstream leaves the scaling calls on `*` and only
 * recommends tag conditions; the conditions here are the EKS Best Practices Guide's
 * (aws/aws-eks-best-practices content/cluster-autoscaling/index.md @ ceeb24f53696, "Employ least
 * privileged access"): the Auto Scaling group must carry `k8s.io/cluster-autoscaler/enabled=true` and
 * `k8s.io/cluster-autoscaler/<cluster>=owned` (the tags EKS managed node groups get), one statement
 * per cluster because the tag key names the cluster.
 */
import { AddonDefinition } from "./addon-definition";
import { eksClusterName } from "./arn-rules";
import { allow, policyDocument } from "./policy-document";

/** Properties of {@link AddonPolicies.clusterAutoscaler}. */
export interface ClusterAutoscalerPolicyProps {
  /**
   * Clusters whose Auto Scaling groups the autoscaler may resize: groups tagged
   * `k8s.io/cluster-autoscaler/enabled=true` and `k8s.io/cluster-autoscaler/<name>=owned`.
   */
  readonly clusterNames: string[];
}

export const CLUSTER_AUTOSCALER: AddonDefinition<ClusterAutoscalerPolicyProps> = {
  name: "cluster-autoscaler",
  factory: "clusterAutoscaler",
  title: "Kubernetes Cluster Autoscaler",
  defaultServiceAccount: { namespace: "kube-system", name: "cluster-autoscaler" },
  sources: [
    {
      repository: "kubernetes/autoscaler",
      path: "cluster-autoscaler/cloudprovider/aws/README.md",
      version: "cluster-autoscaler-1.36.1",
      commit: "35e8a280425c",
    },
    {
      repository: "aws/aws-eks-best-practices",
      path: "content/cluster-autoscaling/index.md (tag conditions)",
      version: "main",
      commit: "ceeb24f53696",
    },
  ],
  inputs: [{ name: "clusterNames", kind: "list", required: true, what: "EKS cluster name", rule: eksClusterName }],
  build: (props) => ({
    documents: [
      {
        name: "cluster-autoscaler",
        render: () =>
          policyDocument(
            allow(
              [
                "autoscaling:DescribeAutoScalingGroups",
                "autoscaling:DescribeAutoScalingInstances",
                "autoscaling:DescribeLaunchConfigurations",
                "autoscaling:DescribeScalingActivities",
                "ec2:DescribeImages",
                "ec2:DescribeInstanceTypes",
                "ec2:DescribeLaunchTemplateVersions",
                "ec2:GetInstanceTypesFromInstanceRequirements",
                "eks:DescribeNodegroup",
              ],
              "*",
            ),
            ...props.clusterNames.map((cluster) =>
              allow(["autoscaling:SetDesiredCapacity", "autoscaling:TerminateInstanceInAutoScalingGroup"], "*", {
                StringEquals: {
                  "aws:ResourceTag/k8s.io/cluster-autoscaler/enabled": "true",
                  [`aws:ResourceTag/k8s.io/cluster-autoscaler/${cluster}`]: "owned",
                },
              }),
            ),
          ),
      },
    ],
  }),
};
