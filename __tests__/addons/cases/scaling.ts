/** Cluster Autoscaler, Karpenter and Node Termination Handler: the add-on policy, calls in its scope and calls outside it. */
import { AddonPolicies } from "../../../lib";
import { AddonCase, ArnBuilder, request } from "../harness";

const asg = (e: ArnBuilder, name: string) =>
  e.arn("autoscaling", e.region, e.accountId, `autoScalingGroup:7c3c9e5e-0000-4a5e-9e6c-1a2b3c4d5e6f:autoScalingGroupName/${name}`);
const caTags = (cluster: string, enabled = "true") => ({
  "aws:ResourceTag/k8s.io/cluster-autoscaler/enabled": enabled,
  [`aws:ResourceTag/k8s.io/cluster-autoscaler/${cluster}`]: "owned",
});

const nodeRole = (e: ArnBuilder, name = "KarpenterNodeRole-prod") => e.arn("iam", "", e.accountId, `role/${name}`);
const queue = (e: ArnBuilder, name = "prod") => e.arn("sqs", e.region, e.accountId, name);
const nodeTags = (e: ArnBuilder, cluster = "prod") => ({
  [`aws:RequestTag/kubernetes.io/cluster/${cluster}`]: "owned",
  "aws:RequestTag/eks:eks-cluster-name": cluster,
  "aws:RequestTag/karpenter.sh/nodepool": "default",
  "aws:RequestedRegion": e.region,
});
const withoutKey = (tags: { [key: string]: string }, key: string) => Object.fromEntries(Object.entries(tags).filter(([k]) => k !== key));
const ownedNode = { "aws:ResourceTag/kubernetes.io/cluster/prod": "owned", "aws:ResourceTag/karpenter.sh/nodepool": "default" };
const profileTags = (e: ArnBuilder) => ({
  "aws:RequestTag/kubernetes.io/cluster/prod": "owned",
  "aws:RequestTag/eks:eks-cluster-name": "prod",
  "aws:RequestTag/topology.kubernetes.io/region": e.region,
  "aws:RequestTag/karpenter.k8s.aws/ec2nodeclass": "default",
});

export const SCALING_CASES: { [name: string]: AddonCase } = {
  clusterAutoscaler: {
    policy: () => AddonPolicies.clusterAutoscaler({ clusterNames: ["prod", "prod-eu"] }),
    allowed: (e) => [
      request("autoscaling:DescribeAutoScalingGroups", "*"),
      request("ec2:DescribeLaunchTemplateVersions", "*"),
      request("autoscaling:SetDesiredCapacity", asg(e, "prod-ng-1"), caTags("prod")),
      request("autoscaling:TerminateInstanceInAutoScalingGroup", asg(e, "prod-ng-1"), caTags("prod")),
      request("autoscaling:SetDesiredCapacity", asg(e, "prod-eu-ng-1"), caTags("prod-eu")),
    ],
    denied: (e) => [
      request("autoscaling:SetDesiredCapacity", asg(e, "staging-ng-1"), caTags("staging")),
      request("autoscaling:SetDesiredCapacity", asg(e, "untagged")),
      request("autoscaling:SetDesiredCapacity", asg(e, "prod-ng-1"), caTags("prod", "false")),
      request("autoscaling:SetDesiredCapacity", asg(e, "prod-ng-1"), { "aws:ResourceTag/k8s.io/cluster-autoscaler/prod": "owned" }),
      request("autoscaling:DeleteAutoScalingGroup", asg(e, "prod-ng-1"), caTags("prod")),
    ],
  },
  karpenterController: {
    policy: (ref) =>
      AddonPolicies.karpenterController({ clusterName: "prod", nodeRoleArns: [nodeRole(ref)], interruptionQueueArn: queue(ref) }),
    allowed: (e) => [
      request("ec2:RunInstances", e.arn("ec2", e.region, e.accountId, "instance/*"), nodeTags(e)),
      request("ec2:RunInstances", e.arn("ec2", e.region, "", "image/ami-0a1")),
      request("ec2:RunInstances", e.arn("ec2", e.region, e.accountId, "subnet/subnet-0a1")),
      request("ec2:CreateFleet", e.arn("ec2", e.region, e.accountId, "launch-template/lt-0a1"), ownedNode),
      request("ec2:TerminateInstances", e.arn("ec2", e.region, e.accountId, "instance/i-0a1"), ownedNode),
      request("ec2:DescribeInstanceTypes", "*", { "aws:RequestedRegion": e.region }),
      request("iam:PassRole", nodeRole(e), {
        "iam:PassedToService": e.partition === "aws-cn" ? "ec2.amazonaws.com.cn" : "ec2.amazonaws.com",
      }),
      request("iam:CreateInstanceProfile", e.arn("iam", "", e.accountId, "instance-profile/prod_1234"), profileTags(e)),
      request("sqs:ReceiveMessage", queue(e)),
      request("eks:DescribeCluster", e.arn("eks", e.region, e.accountId, "cluster/prod")),
      request(
        "ssm:GetParameter",
        e.arn("ssm", e.region, "", "parameter/aws/service/eks/optimized-ami/1.33/amazon-linux-2023/x86_64/standard"),
      ),
      request("pricing:GetProducts", "*"),
    ],
    denied: (e) => [
      request("ec2:RunInstances", e.arn("ec2", e.region, e.accountId, "instance/*"), nodeTags(e, "staging")),
      request(
        "ec2:RunInstances",
        e.arn("ec2", e.region, e.accountId, "instance/*"),
        withoutKey(nodeTags(e), "aws:RequestTag/karpenter.sh/nodepool"),
      ),
      request("ec2:RunInstances", e.arn("ec2", "eu-west-1", e.accountId, "instance/*"), nodeTags(e)),
      request("ec2:TerminateInstances", e.arn("ec2", e.region, e.accountId, "instance/i-0a1"), {
        "aws:ResourceTag/kubernetes.io/cluster/prod": "owned",
      }),
      request("ec2:DescribeInstanceTypes", "*", { "aws:RequestedRegion": "eu-west-1" }),
      request("iam:PassRole", nodeRole(e, "Admin")),
      request("iam:PassRole", nodeRole(e), { "iam:PassedToService": "lambda.amazonaws.com" }),
      request("iam:CreateInstanceProfile", e.arn("iam", "", "444455556666", "instance-profile/prod_1234"), profileTags(e)),
      request("sqs:ReceiveMessage", queue(e, "other")),
      request("eks:DescribeCluster", e.arn("eks", e.region, e.accountId, "cluster/staging")),
    ],
  },
  nodeTerminationHandler: {
    policy: (ref) => AddonPolicies.nodeTerminationHandler({ queueArns: [queue(ref, "nth")] }),
    allowed: (e) => [
      request("sqs:ReceiveMessage", queue(e, "nth")),
      request("sqs:DeleteMessage", queue(e, "nth")),
      request("autoscaling:CompleteLifecycleAction", asg(e, "prod-ng-1")),
      request("ec2:DescribeInstances", "*"),
    ],
    denied: (e) => [
      request("sqs:ReceiveMessage", queue(e, "other")),
      request("sqs:SendMessage", queue(e, "nth")),
      request("ec2:TerminateInstances", e.arn("ec2", e.region, e.accountId, "instance/i-0a1")),
    ],
  },
};
