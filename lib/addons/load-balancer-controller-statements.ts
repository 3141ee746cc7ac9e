/**
 * The statements of kubernetes-sigs/aws-load-balancer-controller docs/install/iam_policy.json
 * @ v3.5.0 (11eb202c97e4; the files last changed in 2f6ce5cfc51a), in that file's order. The
 * project's iam_policy_cn.json and iam_policy_us-gov.json differ from it only in the partition of
 * the ARNs and in the place of one statement (the AddTags-on-create one), so one statement list with
 * the stack's partition is each of them. `iam:AWSServiceName` stays `elasticloadbalancing.amazonaws.com`
 * in every partition, as in all three files.
 */
import { AddonPolicyContext, arn } from "./partition";
import { allow, PolicyStatement } from "./policy-document";

const CLUSTER_TAG = "elbv2.k8s.aws/cluster";
const TAGGED = { Null: { [`aws:ResourceTag/${CLUSTER_TAG}`]: "false" } };
const TAGGED_ON_CREATE = { Null: { [`aws:RequestTag/${CLUSTER_TAG}`]: "false" } };
const TAGGED_NOT_RETAGGED = { Null: { [`aws:RequestTag/${CLUSTER_TAG}`]: "true", [`aws:ResourceTag/${CLUSTER_TAG}`]: "false" } };

export function loadBalancerControllerStatements(context: AddonPolicyContext): PolicyStatement[] {
  const elb = (resource: string) => arn(context, "elasticloadbalancing", "*", "*", resource);
  const securityGroups = arn(context, "ec2", "*", "*", "security-group/*");
  const targetGroupsAndLoadBalancers = [elb("targetgroup/*/*"), elb("loadbalancer/net/*/*"), elb("loadbalancer/app/*/*")];
  return [
    allow(["iam:CreateServiceLinkedRole"], "*", { StringEquals: { "iam:AWSServiceName": "elasticloadbalancing.amazonaws.com" } }),
    allow(
      [
        "ec2:DescribeAccountAttributes",
        "ec2:DescribeAddresses",
        "ec2:DescribeAvailabilityZones",
        "ec2:DescribeInternetGateways",
        "ec2:DescribeVpcs",
        "ec2:DescribeVpcPeeringConnections",
        "ec2:DescribeSubnets",
        "ec2:DescribeSecurityGroups",
        "ec2:DescribeInstances",
        "ec2:DescribeNetworkInterfaces",
        "ec2:DescribeTags",
        "ec2:GetCoipPoolUsage",
        "ec2:DescribeCoipPools",
        "ec2:GetSecurityGroupsForVpc",
        "ec2:DescribeIpamPools",
        "ec2:DescribeRouteTables",
        "elasticloadbalancing:DescribeLoadBalancers",
        "elasticloadbalancing:DescribeLoadBalancerAttributes",
        "elasticloadbalancing:DescribeListeners",
        "elasticloadbalancing:DescribeListenerCertificates",
        "elasticloadbalancing:DescribeSSLPolicies",
        "elasticloadbalancing:DescribeRules",
        "elasticloadbalancing:DescribeTargetGroups",
        "elasticloadbalancing:DescribeTargetGroupAttributes",
        "elasticloadbalancing:DescribeTargetHealth",
        "elasticloadbalancing:DescribeTags",
        "elasticloadbalancing:DescribeTrustStores",
        "elasticloadbalancing:DescribeListenerAttributes",
        "elasticloadbalancing:DescribeCapacityReservation",
      ],
      "*",
    ),
    allow(
      [
        "cognito-idp:DescribeUserPoolClient",
        "acm:ListCertificates",
        "acm:DescribeCertificate",
        "iam:ListServerCertificates",
        "iam:GetServerCertificate",
        "waf-regional:GetWebACL",
        "waf-regional:GetWebACLForResource",
        "waf-regional:AssociateWebACL",
        "waf-regional:DisassociateWebACL",
        "wafv2:GetWebACL",
        "wafv2:GetWebACLForResource",
        "wafv2:AssociateWebACL",
        "wafv2:DisassociateWebACL",
        "shield:GetSubscriptionState",
        "shield:DescribeProtection",
        "shield:CreateProtection",
        "shield:DeleteProtection",
      ],
      "*",
    ),
    allow(["ec2:AuthorizeSecurityGroupIngress", "ec2:RevokeSecurityGroupIngress"], "*"),
    allow(["ec2:CreateSecurityGroup"], "*"),
    allow(["ec2:CreateTags"], securityGroups, { StringEquals: { "ec2:CreateAction": "CreateSecurityGroup" }, ...TAGGED_ON_CREATE }),
    allow(["ec2:CreateTags", "ec2:DeleteTags"], securityGroups, TAGGED_NOT_RETAGGED),
    allow(["ec2:AuthorizeSecurityGroupIngress", "ec2:RevokeSecurityGroupIngress", "ec2:DeleteSecurityGroup"], "*", TAGGED),
    allow(["elasticloadbalancing:CreateLoadBalancer", "elasticloadbalancing:CreateTargetGroup"], "*", TAGGED_ON_CREATE),
    allow(
      [
        "elasticloadbalancing:CreateListener",
        "elasticloadbalancing:DeleteListener",
        "elasticloadbalancing:CreateRule",
        "elasticloadbalancing:DeleteRule",
      ],
      "*",
    ),
    allow(["elasticloadbalancing:AddTags", "elasticloadbalancing:RemoveTags"], targetGroupsAndLoadBalancers, TAGGED_NOT_RETAGGED),
    allow(
      ["elasticloadbalancing:AddTags", "elasticloadbalancing:RemoveTags"],
      [elb("listener/net/*/*/*"), elb("listener/app/*/*/*"), elb("listener-rule/net/*/*/*"), elb("listener-rule/app/*/*/*")],
    ),
    allow(
      [
        "elasticloadbalancing:ModifyLoadBalancerAttributes",
        "elasticloadbalancing:SetIpAddressType",
        "elasticloadbalancing:SetSecurityGroups",
        "elasticloadbalancing:SetSubnets",
        "elasticloadbalancing:DeleteLoadBalancer",
        "elasticloadbalancing:ModifyTargetGroup",
        "elasticloadbalancing:ModifyTargetGroupAttributes",
        "elasticloadbalancing:DeleteTargetGroup",
        "elasticloadbalancing:ModifyListenerAttributes",
        "elasticloadbalancing:ModifyCapacityReservation",
        "elasticloadbalancing:ModifyIpPools",
      ],
      "*",
      TAGGED,
    ),
    allow(["elasticloadbalancing:AddTags"], targetGroupsAndLoadBalancers, {
      StringEquals: { "elasticloadbalancing:CreateAction": ["CreateTargetGroup", "CreateLoadBalancer"] },
      ...TAGGED_ON_CREATE,
    }),
    allow(["elasticloadbalancing:RegisterTargets", "elasticloadbalancing:DeregisterTargets"], elb("targetgroup/*/*")),
    allow(
      [
        "elasticloadbalancing:SetWebAcl",
        "elasticloadbalancing:ModifyListener",
        "elasticloadbalancing:AddListenerCertificates",
        "elasticloadbalancing:RemoveListenerCertificates",
        "elasticloadbalancing:ModifyRule",
        "elasticloadbalancing:SetRulePriorities",
      ],
      "*",
    ),
  ];
}
