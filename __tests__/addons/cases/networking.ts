/** VPC CNI, Load Balancer Controller, ExternalDNS, cert-manager: the add-on policy, calls in its scope and calls outside it. */
import { AddonPolicies } from "../../../lib";
import { AddonCase, ArnBuilder, request } from "../harness";

const loadBalancer = (e: ArnBuilder) => e.arn("elasticloadbalancing", e.region, e.accountId, "loadbalancer/app/web/50dc6c495c0c9188");
const targetGroup = (e: ArnBuilder, name = "web") =>
  e.arn("elasticloadbalancing", e.region, e.accountId, `targetgroup/${name}/73e2d6bc24d8a067`);
const securityGroup = (e: ArnBuilder) => e.arn("ec2", e.region, e.accountId, "security-group/sg-0a1");
const zone = (e: ArnBuilder, id = "Z1D633PJN98FT9") => e.arn("route53", "", "", `hostedzone/${id}`);

export const NETWORKING_CASES: { [name: string]: AddonCase } = {
  "vpcCni (IPv4: AmazonEKS_CNI_Policy)": {
    policy: () => AddonPolicies.vpcCni(),
    allowed: (e) => [
      request("ec2:AssignPrivateIpAddresses", "*"),
      request("ec2:CreateNetworkInterface", "*"),
      request("ec2:CreateTags", e.arn("ec2", e.region, e.accountId, "network-interface/eni-0a1")),
    ],
    denied: (e) => [
      request("ec2:AssignIpv6Addresses", "*"),
      request("ec2:CreateTags", e.arn("ec2", e.region, e.accountId, "instance/i-0a1")),
      request("ec2:RunInstances", "*"),
    ],
  },
  "vpcCni (IPv6)": {
    policy: () => AddonPolicies.vpcCni({ ipv6: true }),
    allowed: (e) => [
      request("ec2:AssignIpv6Addresses", "*"),
      request("ec2:DescribeSubnets", "*"),
      request("ec2:CreateTags", e.arn("ec2", e.region, e.accountId, "network-interface/eni-0a1")),
    ],
    denied: (e) => [
      request("ec2:AssignPrivateIpAddresses", "*"),
      request("ec2:CreateNetworkInterface", "*"),
      request("ec2:CreateTags", e.arn("ec2", e.region, e.accountId, "volume/vol-0a1")),
      request("ec2:CreateTags", "arn:aws-iso:ec2:us-iso-east-1:111122223333:network-interface/eni-0a1"),
    ],
  },
  loadBalancerController: {
    policy: () => AddonPolicies.loadBalancerController(),
    allowed: (e) => [
      request("elasticloadbalancing:DescribeLoadBalancers", "*"),
      request("elasticloadbalancing:CreateLoadBalancer", loadBalancer(e), { "aws:RequestTag/elbv2.k8s.aws/cluster": "prod" }),
      request("elasticloadbalancing:AddTags", loadBalancer(e), {
        "elasticloadbalancing:CreateAction": "CreateLoadBalancer",
        "aws:RequestTag/elbv2.k8s.aws/cluster": "prod",
      }),
      request("elasticloadbalancing:DeleteLoadBalancer", loadBalancer(e), { "aws:ResourceTag/elbv2.k8s.aws/cluster": "prod" }),
      request("elasticloadbalancing:RegisterTargets", targetGroup(e)),
      request("ec2:CreateSecurityGroup", "*"),
      request("ec2:CreateTags", securityGroup(e), {
        "ec2:CreateAction": "CreateSecurityGroup",
        "aws:RequestTag/elbv2.k8s.aws/cluster": "prod",
      }),
      request("ec2:DeleteSecurityGroup", securityGroup(e), { "aws:ResourceTag/elbv2.k8s.aws/cluster": "prod" }),
      request("iam:CreateServiceLinkedRole", "*", { "iam:AWSServiceName": "elasticloadbalancing.amazonaws.com" }),
    ],
    denied: (e) => [
      request("elasticloadbalancing:CreateLoadBalancer", loadBalancer(e)),
      request("elasticloadbalancing:DeleteLoadBalancer", loadBalancer(e)),
      request("elasticloadbalancing:DeleteTargetGroup", targetGroup(e)),
      request("elasticloadbalancing:AddTags", loadBalancer(e), { "aws:RequestTag/elbv2.k8s.aws/cluster": "prod" }),
      request("ec2:CreateTags", e.arn("ec2", e.region, e.accountId, "instance/i-0a1"), { "ec2:CreateAction": "RunInstances" }),
      request("ec2:DeleteSecurityGroup", securityGroup(e)),
      request("iam:CreateServiceLinkedRole", "*", { "iam:AWSServiceName": "autoscaling.amazonaws.com" }),
      request("elasticloadbalancing:RegisterTargets", targetGroup(e).replace(`arn:${e.partition}:`, "arn:aws-iso:")),
    ],
  },
  loadBalancerControllerTargetGroupBinding: {
    policy: (ref) => AddonPolicies.loadBalancerControllerTargetGroupBinding({ targetGroupArns: [targetGroup(ref)] }),
    allowed: (e) => [
      request("elasticloadbalancing:RegisterTargets", targetGroup(e)),
      request("elasticloadbalancing:DeregisterTargets", targetGroup(e)),
      request("elasticloadbalancing:DescribeTargetHealth", "*"),
      request("ec2:DescribeInstances", "*"),
    ],
    denied: (e) => [
      request("elasticloadbalancing:RegisterTargets", targetGroup(e, "other")),
      request("elasticloadbalancing:DeleteTargetGroup", targetGroup(e)),
      request("elasticloadbalancing:CreateLoadBalancer", loadBalancer(e), { "aws:RequestTag/elbv2.k8s.aws/cluster": "prod" }),
      request("ec2:AuthorizeSecurityGroupIngress", securityGroup(e)),
    ],
  },
  externalDns: {
    policy: (ref) => AddonPolicies.externalDns({ hostedZoneArns: [zone(ref)] }),
    allowed: (e) => [
      request("route53:ListHostedZones", "*"),
      request("route53:ListResourceRecordSets", zone(e)),
      request("route53:ChangeResourceRecordSets", zone(e)),
      request("route53:ListTagsForResources", zone(e)),
    ],
    denied: (e) => [
      request("route53:ChangeResourceRecordSets", zone(e, "Z2OTHERZONE")),
      request("route53:ListResourceRecordSets", zone(e, "Z2OTHERZONE")),
      request("route53:DeleteHostedZone", zone(e)),
      request("route53:ChangeResourceRecordSets", zone(e).replace(`arn:${e.partition}:`, "arn:aws-iso:")),
    ],
  },
  certManager: {
    policy: (ref) => AddonPolicies.certManager({ hostedZoneArns: [zone(ref)] }),
    allowed: (e) => [
      request("route53:ListHostedZonesByName", "*"),
      request("route53:GetChange", e.arn("route53", "", "", "change/C2682N5HXP0BZ4")),
      request("route53:ChangeResourceRecordSets", zone(e), {}, { "route53:ChangeResourceRecordSetsRecordTypes": ["TXT"] }),
      request("route53:ListResourceRecordSets", zone(e)),
    ],
    denied: (e) => [
      request("route53:ChangeResourceRecordSets", zone(e), {}, { "route53:ChangeResourceRecordSetsRecordTypes": ["A"] }),
      request("route53:ChangeResourceRecordSets", zone(e), {}, { "route53:ChangeResourceRecordSetsRecordTypes": ["TXT", "CNAME"] }),
      request("route53:ChangeResourceRecordSets", zone(e, "Z2OTHERZONE"), {}, { "route53:ChangeResourceRecordSetsRecordTypes": ["TXT"] }),
      request("route53:ListHostedZones", "*"),
    ],
  },
};
