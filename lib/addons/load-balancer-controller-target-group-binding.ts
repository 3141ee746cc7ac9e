/**
 * AWS Load Balancer Controller used for TargetGroupBinding only: the permission subset of
 * kubernetes-sigs/aws-load-balancer-controller docs/deploy/installation.md @ v3.5.0 (11eb202c97e4),
 * "Special IAM cases" (no security group rule management). Upstream grants it on `*`; here the
 * target group mutations are limited to the given target groups, the describe calls (which take no
 * resource) stay on `*`.
 */
import { AddonDefinition } from "./addon-definition";
import { targetGroupArn } from "./arn-rules";
import { allow, policyDocument } from "./policy-document";

/** Properties of {@link AddonPolicies.loadBalancerControllerTargetGroupBinding}. */
export interface LoadBalancerControllerTargetGroupBindingPolicyProps {
  /** Target groups the controller registers targets in (`...:targetgroup/<name>/<id>`; the ID may be `*`). */
  readonly targetGroupArns: string[];
}

export const LOAD_BALANCER_CONTROLLER_TARGET_GROUP_BINDING: AddonDefinition<LoadBalancerControllerTargetGroupBindingPolicyProps> = {
  name: "load-balancer-controller-target-group-binding",
  factory: "loadBalancerControllerTargetGroupBinding",
  title: "AWS Load Balancer Controller, TargetGroupBinding only",
  defaultServiceAccount: { namespace: "kube-system", name: "aws-load-balancer-controller" },
  sources: [
    {
      repository: "kubernetes-sigs/aws-load-balancer-controller",
      path: "docs/deploy/installation.md (Special IAM cases)",
      version: "v3.5.0",
      commit: "11eb202c97e4",
    },
  ],
  inputs: [{ name: "targetGroupArns", kind: "list", required: true, what: "target group ARN", rule: targetGroupArn }],
  build: (props) => ({
    documents: [
      {
        name: "load-balancer-controller-target-group-binding",
        render: () =>
          policyDocument(
            allow(
              [
                "ec2:DescribeVpcs",
                "ec2:DescribeSecurityGroups",
                "ec2:DescribeInstances",
                "elasticloadbalancing:DescribeTargetGroups",
                "elasticloadbalancing:DescribeTargetHealth",
              ],
              "*",
            ),
            allow(
              [
                "elasticloadbalancing:ModifyTargetGroup",
                "elasticloadbalancing:ModifyTargetGroupAttributes",
                "elasticloadbalancing:RegisterTargets",
                "elasticloadbalancing:DeregisterTargets",
              ],
              props.targetGroupArns,
            ),
          ),
      },
    ],
  }),
};
