/**
 * AWS Gateway API Controller for Amazon VPC Lattice: aws/aws-application-networking-k8s
 * files/controller-installation/recommended-inline-policy.json @ v2.1.3 (e3fb86ea0573), statement
 * for statement. Upstream grants `vpc-lattice:*` and the log delivery calls on `*` (the controller
 * creates the services, target groups and access log subscriptions it manages, so it cannot know
 * their ARNs in advance) and has no scoping input; the two service-linked role ARNs are built from
 * the stack's partition. The service account is the Helm chart's (`helm/values.yaml`
 * serviceAccount.name) in the namespace of docs/guides/deploy.md.
 */
import { AddonDefinition } from "./addon-definition";
import { arn } from "./partition";
import { allow, policyDocument } from "./policy-document";

const ACTIONS = [
  "vpc-lattice:*",
  "ec2:DescribeVpcs",
  "ec2:DescribeSubnets",
  "ec2:DescribeTags",
  "ec2:DescribeSecurityGroups",
  "logs:CreateLogDelivery",
  "logs:GetLogDelivery",
  "logs:DescribeLogGroups",
  "logs:PutResourcePolicy",
  "logs:DescribeResourcePolicies",
  "logs:UpdateLogDelivery",
  "logs:DeleteLogDelivery",
  "logs:ListLogDeliveries",
  "tag:GetResources",
  "firehose:TagDeliveryStream",
  "s3:GetBucketPolicy",
  "s3:PutBucketPolicy",
  "tag:TagResources",
  "tag:UntagResources",
  "acm:ListCertificates",
];

/** The service-linked roles the controller may create: VPC Lattice's and log delivery's. */
const LINKED_ROLES = [
  { service: "vpc-lattice.amazonaws.com", role: "AWSServiceRoleForVpcLattice" },
  { service: "delivery.logs.amazonaws.com", role: "AWSServiceRoleForLogDelivery" },
];

export const GATEWAY_API_CONTROLLER: AddonDefinition<object> = {
  name: "gateway-api-controller",
  factory: "gatewayApiController",
  title: "AWS Gateway API Controller (Amazon VPC Lattice)",
  defaultServiceAccount: { namespace: "aws-application-networking-system", name: "gateway-api-controller" },
  sources: [
    {
      repository: "aws/aws-application-networking-k8s",
      path: "files/controller-installation/recommended-inline-policy.json",
      version: "v2.1.3",
      commit: "e3fb86ea0573",
    },
  ],
  inputs: [],
  build: () => ({
    documents: [
      {
        name: "gateway-api-controller",
        render: (context) =>
          policyDocument(
            allow(ACTIONS, "*"),
            ...LINKED_ROLES.map(({ service, role }) =>
              allow("iam:CreateServiceLinkedRole", arn(context, "iam", "", "*", `role/aws-service-role/${service}/${role}`), {
                StringLike: { "iam:AWSServiceName": service },
              }),
            ),
          ),
      },
    ],
  }),
};
