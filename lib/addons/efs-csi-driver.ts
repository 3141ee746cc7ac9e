/**
 * Amazon EFS CSI driver (controller): kubernetes-sigs/aws-efs-csi-driver
 * docs/iam-policy-example.json @ v3.4.1 (3fcc6bdd7533), with the S3 Files actions added in
 * 92c77936c3a5. Upstream scopes by the driver's tag `efs.csi.aws.com/cluster=true`, not by file
 * system, and needs no ARN, so the document is the same in every partition.
 */
import { AddonDefinition } from "./addon-definition";
import { allow, policyDocument } from "./policy-document";

const TAG = "efs.csi.aws.com/cluster";

const document = policyDocument(
  allow(
    [
      "elasticfilesystem:DescribeAccessPoints",
      "elasticfilesystem:DescribeFileSystems",
      "elasticfilesystem:DescribeMountTargets",
      "s3files:ListAccessPoints",
      "s3files:ListFileSystems",
      "ec2:DescribeAvailabilityZones",
    ],
    "*",
  ),
  allow(["elasticfilesystem:CreateAccessPoint", "s3files:CreateAccessPoint"], "*", { StringLike: { [`aws:RequestTag/${TAG}`]: "true" } }),
  allow(["elasticfilesystem:TagResource", "s3files:TagResource"], "*", { StringLike: { [`aws:ResourceTag/${TAG}`]: "true" } }),
  allow(["elasticfilesystem:DeleteAccessPoint", "s3files:DeleteAccessPoint"], "*", {
    StringEquals: { [`aws:ResourceTag/${TAG}`]: "true" },
  }),
);

export const EFS_CSI_DRIVER: AddonDefinition<object> = {
  name: "efs-csi-driver",
  factory: "efsCsiDriver",
  title: "Amazon EFS CSI driver",
  defaultServiceAccount: { namespace: "kube-system", name: "efs-csi-controller-sa" },
  sources: [
    { repository: "kubernetes-sigs/aws-efs-csi-driver", path: "docs/iam-policy-example.json", version: "v3.4.1", commit: "3fcc6bdd7533" },
  ],
  inputs: [],
  build: () => ({ documents: [{ name: "efs-csi-driver", render: () => document }] }),
};
