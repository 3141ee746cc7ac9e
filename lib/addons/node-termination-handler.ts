/**
 * AWS Node Termination Handler in Queue Processor mode: aws/aws-node-termination-handler README.md
 * ("5. Create an IAM Role for the Pods") @ v1.25.6 (77ca841d1329). Upstream grants everything on
 * `*`; the SQS calls are limited here to the given queues (the Auto Scaling and EC2 calls take no
 * resource that the handler could know in advance). Lifecycle heartbeats (`heartbeatInterval`) would
 * need autoscaling:RecordLifecycleActionHeartbeat, which upstream's policy does not have either.
 */
import { AddonDefinition } from "./addon-definition";
import { sqsQueueArn } from "./arn-rules";
import { allow, policyDocument } from "./policy-document";

/** Properties of {@link AddonPolicies.nodeTerminationHandler}. */
export interface NodeTerminationHandlerPolicyProps {
  /** The SQS queues of the handler's events (`queueURL`). */
  readonly queueArns: string[];
}

export const NODE_TERMINATION_HANDLER: AddonDefinition<NodeTerminationHandlerPolicyProps> = {
  name: "node-termination-handler",
  factory: "nodeTerminationHandler",
  title: "AWS Node Termination Handler (Queue Processor)",
  defaultServiceAccount: { namespace: "kube-system", name: "aws-node-termination-handler" },
  sources: [
    {
      repository: "aws/aws-node-termination-handler",
      path: "README.md (5. Create an IAM Role for the Pods)",
      version: "v1.25.6",
      commit: "77ca841d1329",
    },
  ],
  inputs: [{ name: "queueArns", kind: "list", required: true, what: "SQS queue ARN", rule: sqsQueueArn }],
  build: (props) => ({
    documents: [
      {
        name: "node-termination-handler",
        render: () =>
          policyDocument(
            allow(
              [
                "autoscaling:CompleteLifecycleAction",
                "autoscaling:DescribeAutoScalingInstances",
                "autoscaling:DescribeTags",
                "ec2:DescribeInstances",
              ],
              "*",
            ),
            allow(["sqs:DeleteMessage", "sqs:ReceiveMessage"], props.queueArns),
          ),
      },
    ],
  }),
};
