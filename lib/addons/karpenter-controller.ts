/**
 * Karpenter controller. Since v1.9.0 (ea09824114a9) Karpenter publishes its controller permissions
 * as six managed policies in the CloudFormation template of aws/karpenter-provider-aws
 * (website/content/en/preview/getting-started/getting-started-with-karpenter/cloudformation.yaml,
 * reference: website/content/en/v1.14/reference/cloudformation.md) @ v1.14.1 (bde00654cd31); there is
 * no JSON file. Together they exceed IAM's managed policy size limit, so the split is kept: one
 * customer managed policy per upstream policy, named after it. The interruption policy is created
 * only with an interruption queue (Karpenter handles interruptions only with one).
 */
import { AddonDefinition } from "./addon-definition";
import { eksClusterName, iamRoleArn, sqsQueueArn } from "./arn-rules";
import { iamIntegrationStatements, KarpenterScope, nodeLifecycleStatements } from "./karpenter-controller-node-statements";
import { AddonPolicyContext, arn } from "./partition";
import { PolicyStatement, policyDocument } from "./policy-document";

/** Properties of {@link AddonPolicies.karpenterController}. */
export interface KarpenterControllerPolicyProps {
  /** The EKS cluster Karpenter provisions nodes for (tag conditions, cluster ARN). */
  readonly clusterName: string;
  /** Node roles Karpenter may pass to EC2 instances (`iam:PassRole`). */
  readonly nodeRoleArns: string[];
  /**
   * The SQS queue of interruption events (Karpenter's `settings.interruptionQueue`).
   * @default - no interruption handling permissions
   */
  readonly interruptionQueueArn?: string;
}

function eksCluster(context: AddonPolicyContext, clusterName: string): string {
  return arn(context, "eks", context.region, context.accountId, `cluster/${clusterName}`);
}

function resourceDiscoveryStatements({ context }: KarpenterScope): PolicyStatement[] {
  return [
    {
      Sid: "AllowRegionalReadActions",
      Effect: "Allow",
      Resource: "*",
      Action: [
        "ec2:DescribeCapacityReservations",
        "ec2:DescribeImages",
        "ec2:DescribeInstances",
        "ec2:DescribeInstanceStatus",
        "ec2:DescribeInstanceTypeOfferings",
        "ec2:DescribeInstanceTypes",
        "ec2:DescribeLaunchTemplates",
        "ec2:DescribePlacementGroups",
        "ec2:DescribeSecurityGroups",
        "ec2:DescribeSpotPriceHistory",
        "ec2:DescribeSubnets",
      ],
      Condition: { StringEquals: { "aws:RequestedRegion": context.region } },
    },
    {
      Sid: "AllowSSMReadActions",
      Effect: "Allow",
      Resource: arn(context, "ssm", context.region, "", "parameter/aws/service/*"),
      Action: "ssm:GetParameter",
    },
    { Sid: "AllowPricingReadActions", Effect: "Allow", Resource: "*", Action: "pricing:GetProducts" },
    { Sid: "AllowUnscopedInstanceProfileListAction", Effect: "Allow", Resource: "*", Action: "iam:ListInstanceProfiles" },
    {
      Sid: "AllowInstanceProfileReadActions",
      Effect: "Allow",
      Resource: arn(context, "iam", "", context.accountId, "instance-profile/*"),
      Action: "iam:GetInstanceProfile",
    },
  ];
}

export const KARPENTER_CONTROLLER: AddonDefinition<KarpenterControllerPolicyProps> = {
  name: "karpenter-controller",
  factory: "karpenterController",
  title: "Karpenter controller",
  defaultServiceAccount: { namespace: "kube-system", name: "karpenter" },
  sources: [
    {
      repository: "aws/karpenter-provider-aws",
      path: "website/content/en/preview/getting-started/getting-started-with-karpenter/cloudformation.yaml",
      version: "v1.14.1",
      commit: "bde00654cd31",
    },
  ],
  inputs: [
    { name: "clusterName", kind: "string", required: true, what: "EKS cluster name", rule: eksClusterName },
    { name: "nodeRoleArns", kind: "list", required: true, what: "IAM role ARN", rule: iamRoleArn },
    { name: "interruptionQueueArn", kind: "string", required: false, what: "SQS queue ARN", rule: sqsQueueArn },
  ],
  build: (props) => {
    const part = (name: string, statements: (scope: KarpenterScope) => PolicyStatement[]) => ({
      name: `karpenter-controller-${name}`,
      render: (context: AddonPolicyContext) =>
        policyDocument(...statements({ context, clusterName: props.clusterName, nodeRoleArns: props.nodeRoleArns })),
    });
    const queue = props.interruptionQueueArn;
    return {
      documents: [
        part("node-lifecycle", nodeLifecycleStatements),
        part("iam-integration", iamIntegrationStatements),
        part("eks-integration", ({ context }) => [
          {
            Sid: "AllowAPIServerEndpointDiscovery",
            Effect: "Allow",
            Resource: eksCluster(context, props.clusterName),
            Action: "eks:DescribeCluster",
          },
        ]),
        ...(queue === undefined
          ? []
          : [
              part("interruption", () => [
                {
                  Sid: "AllowInterruptionQueueActions",
                  Effect: "Allow",
                  Resource: queue,
                  Action: ["sqs:DeleteMessage", "sqs:GetQueueUrl", "sqs:ReceiveMessage"],
                },
              ]),
            ]),
        part("zonal-shift", ({ context }) => [
          {
            Sid: "AllowZonalShiftStatusReadOnly",
            Effect: "Allow",
            Resource: "*",
            Action: ["arc-zonal-shift:GetManagedResource"],
            Condition: { StringEquals: { "arc-zonal-shift:ResourceIdentifier": eksCluster(context, props.clusterName) } },
          },
        ]),
        part("resource-discovery", resourceDiscoveryStatements),
      ],
    };
  },
};
