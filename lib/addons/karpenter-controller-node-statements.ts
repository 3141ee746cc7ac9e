/**
 * Karpenter's NodeLifecyclePolicy and IAMIntegrationPolicy, from the CloudFormation template of
 * aws/karpenter-provider-aws website/content/en/preview/getting-started/getting-started-with-karpenter/
 * cloudformation.yaml @ v1.14.1 (bde00654cd31), with the template's substitutions (partition,
 * region, account, cluster name, node role) filled in from the stack and the props.
 */
import { AddonPolicyContext, arn } from "./partition";
import { PolicyStatement } from "./policy-document";

/** What the Karpenter statements are built from. */
export interface KarpenterScope {
  readonly context: AddonPolicyContext;
  readonly clusterName: string;
  readonly nodeRoleArns: readonly string[];
}

const NODEPOOL = "karpenter.sh/nodepool";
const NODECLASS = "karpenter.k8s.aws/ec2nodeclass";

export function nodeLifecycleStatements({ context, clusterName }: KarpenterScope): PolicyStatement[] {
  const ec2 = (account: string, resource: string) => arn(context, "ec2", context.region, account, resource);
  const owned = `kubernetes.io/cluster/${clusterName}`;
  const created = ["fleet/*", "instance/*", "volume/*", "network-interface/*", "launch-template/*", "spot-instances-request/*"].map((r) =>
    ec2("*", r),
  );
  const requestTags = { [`aws:RequestTag/${owned}`]: "owned", "aws:RequestTag/eks:eks-cluster-name": clusterName };
  const resourceTags = { StringEquals: { [`aws:ResourceTag/${owned}`]: "owned" }, StringLike: { [`aws:ResourceTag/${NODEPOOL}`]: "*" } };
  return [
    {
      Sid: "AllowScopedEC2InstanceAccessActions",
      Effect: "Allow",
      Resource: [
        ec2("", "image/*"),
        ec2("", "snapshot/*"),
        ec2("*", "security-group/*"),
        ec2("*", "subnet/*"),
        ec2("*", "capacity-reservation/*"),
        ec2("*", "placement-group/*"),
      ],
      Action: ["ec2:RunInstances", "ec2:CreateFleet"],
    },
    {
      Sid: "AllowScopedEC2LaunchTemplateAccessActions",
      Effect: "Allow",
      Resource: ec2("*", "launch-template/*"),
      Action: ["ec2:RunInstances", "ec2:CreateFleet"],
      Condition: resourceTags,
    },
    {
      Sid: "AllowScopedEC2InstanceActionsWithTags",
      Effect: "Allow",
      Resource: created,
      Action: ["ec2:RunInstances", "ec2:CreateFleet", "ec2:CreateLaunchTemplate"],
      Condition: { StringEquals: requestTags, StringLike: { [`aws:RequestTag/${NODEPOOL}`]: "*" } },
    },
    {
      Sid: "AllowScopedResourceCreationTagging",
      Effect: "Allow",
      Resource: created,
      Action: "ec2:CreateTags",
      Condition: {
        StringEquals: { ...requestTags, "ec2:CreateAction": ["RunInstances", "CreateFleet", "CreateLaunchTemplate"] },
        StringLike: { [`aws:RequestTag/${NODEPOOL}`]: "*" },
      },
    },
    {
      Sid: "AllowScopedResourceTagging",
      Effect: "Allow",
      Resource: ec2("*", "instance/*"),
      Action: "ec2:CreateTags",
      Condition: {
        ...resourceTags,
        StringEqualsIfExists: { "aws:RequestTag/eks:eks-cluster-name": clusterName },
        "ForAllValues:StringEquals": { "aws:TagKeys": ["eks:eks-cluster-name", "karpenter.sh/nodeclaim", "Name"] },
      },
    },
    {
      Sid: "AllowScopedDeletion",
      Effect: "Allow",
      Resource: [ec2("*", "instance/*"), ec2("*", "launch-template/*")],
      Action: ["ec2:TerminateInstances", "ec2:DeleteLaunchTemplate"],
      Condition: resourceTags,
    },
  ];
}

export function iamIntegrationStatements({ context, clusterName, nodeRoleArns }: KarpenterScope): PolicyStatement[] {
  const owned = `kubernetes.io/cluster/${clusterName}`;
  const instanceProfiles = arn(context, "iam", "", context.accountId, "instance-profile/*");
  const requestTags = {
    [`aws:RequestTag/${owned}`]: "owned",
    "aws:RequestTag/eks:eks-cluster-name": clusterName,
    "aws:RequestTag/topology.kubernetes.io/region": context.region,
  };
  const resourceTags = { [`aws:ResourceTag/${owned}`]: "owned", "aws:ResourceTag/topology.kubernetes.io/region": context.region };
  return [
    {
      Sid: "AllowPassingInstanceRole",
      Effect: "Allow",
      Resource: nodeRoleArns,
      Action: "iam:PassRole",
      // Upstream lists the China service principal too, in every partition.
      Condition: { StringEquals: { "iam:PassedToService": ["ec2.amazonaws.com", "ec2.amazonaws.com.cn"] } },
    },
    {
      Sid: "AllowScopedInstanceProfileCreationActions",
      Effect: "Allow",
      Resource: instanceProfiles,
      Action: ["iam:CreateInstanceProfile"],
      Condition: { StringEquals: requestTags, StringLike: { [`aws:RequestTag/${NODECLASS}`]: "*" } },
    },
    {
      Sid: "AllowScopedInstanceProfileTagActions",
      Effect: "Allow",
      Resource: instanceProfiles,
      Action: ["iam:TagInstanceProfile"],
      Condition: {
        StringEquals: { ...resourceTags, ...requestTags },
        StringLike: { [`aws:ResourceTag/${NODECLASS}`]: "*", [`aws:RequestTag/${NODECLASS}`]: "*" },
      },
    },
    {
      Sid: "AllowScopedInstanceProfileActions",
      Effect: "Allow",
      Resource: instanceProfiles,
      Action: ["iam:AddRoleToInstanceProfile", "iam:RemoveRoleFromInstanceProfile", "iam:DeleteInstanceProfile"],
      Condition: { StringEquals: resourceTags, StringLike: { [`aws:ResourceTag/${NODECLASS}`]: "*" } },
    },
  ];
}
