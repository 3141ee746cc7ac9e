/** EBS, EFS, FSx for Lustre and Mountpoint for S3 CSI drivers: the add-on policy, calls in its scope and calls outside it. */
import { AddonPolicies } from "../../../lib";
import { AddonCase, request } from "../harness";

/** EC2 fills both the global and the service tag keys. */
const ec2Tags = (kind: "ResourceTag" | "RequestTag", tags: { [key: string]: string }) =>
  Object.fromEntries(
    Object.entries(tags).flatMap(([k, v]) => [[`aws:${kind}/${k}`, v], ...(kind === "ResourceTag" ? [[`ec2:ResourceTag/${k}`, v]] : [])]),
  );
const MANAGED = { "ebs.csi.aws.com/cluster": "true" };

export const STORAGE_CASES: { [name: string]: AddonCase } = {
  ebsCsiDriver: {
    policy: (ref) => AddonPolicies.ebsCsiDriver({ kmsKeyArns: [ref.arn("kms", ref.region, ref.accountId, "key/1234abcd-12ab")] }),
    allowed: (e) => {
      const volume = e.arn("ec2", e.region, e.accountId, "volume/vol-0a1");
      const snapshot = e.arn("ec2", e.region, "", "snapshot/snap-0a1");
      return [
        request("ec2:DescribeVolumes", "*"),
        request("ec2:CreateVolume", volume, ec2Tags("RequestTag", MANAGED)),
        request("ec2:AttachVolume", volume, ec2Tags("ResourceTag", MANAGED)),
        request("ec2:AttachVolume", e.arn("ec2", e.region, e.accountId, "instance/i-0a1")),
        request("ec2:DeleteVolume", volume, ec2Tags("ResourceTag", MANAGED)),
        request("ec2:DeleteVolume", volume, ec2Tags("ResourceTag", { "kubernetes.io/created-for/pvc/name": "data" })),
        request("ec2:CreateSnapshot", snapshot, ec2Tags("RequestTag", MANAGED)),
        request("ec2:CreateSnapshot", volume, ec2Tags("ResourceTag", MANAGED)),
        request("ec2:DeleteSnapshot", snapshot, ec2Tags("ResourceTag", MANAGED)),
        request("ec2:CreateTags", volume, { "ec2:CreateAction": "CreateVolume" }),
        request("ec2:CreateTags", volume, ec2Tags("ResourceTag", MANAGED), { "aws:TagKeys": ["CSIVolumeName"] }),
        request("kms:CreateGrant", e.arn("kms", e.region, e.accountId, "key/1234abcd-12ab")),
      ];
    },
    denied: (e) => {
      const volume = e.arn("ec2", e.region, e.accountId, "volume/vol-0a1");
      return [
        request("ec2:CreateVolume", volume),
        request("ec2:AttachVolume", volume),
        request("ec2:DeleteVolume", volume, ec2Tags("ResourceTag", { "ebs.csi.aws.com/cluster": "false" })),
        request("ec2:DeleteSnapshot", e.arn("ec2", e.region, "", "snapshot/snap-0a1")),
        request("ec2:CreateTags", volume, ec2Tags("ResourceTag", MANAGED), { "aws:TagKeys": ["ebs.csi.aws.com/cluster"] }),
        request("ec2:CreateTags", volume),
        request("ec2:DeleteVolume", volume.replace(`arn:${e.partition}:`, "arn:aws-iso:"), ec2Tags("ResourceTag", MANAGED)),
        request("kms:Decrypt", e.arn("kms", e.region, e.accountId, "key/other")),
      ];
    },
  },
  efsCsiDriver: {
    policy: () => AddonPolicies.efsCsiDriver(),
    allowed: (e) => {
      const accessPoint = e.arn("elasticfilesystem", e.region, e.accountId, "access-point/fsap-1");
      const tagged = { "aws:ResourceTag/efs.csi.aws.com/cluster": "true" };
      return [
        request("elasticfilesystem:DescribeMountTargets", "*"),
        request("elasticfilesystem:CreateAccessPoint", e.arn("elasticfilesystem", e.region, e.accountId, "file-system/fs-1"), {
          "aws:RequestTag/efs.csi.aws.com/cluster": "true",
        }),
        request("elasticfilesystem:TagResource", accessPoint, tagged),
        request("elasticfilesystem:DeleteAccessPoint", accessPoint, tagged),
      ];
    },
    denied: (e) => {
      const accessPoint = e.arn("elasticfilesystem", e.region, e.accountId, "access-point/fsap-1");
      return [
        request("elasticfilesystem:CreateAccessPoint", e.arn("elasticfilesystem", e.region, e.accountId, "file-system/fs-1")),
        request("elasticfilesystem:DeleteAccessPoint", accessPoint),
        request("elasticfilesystem:DeleteAccessPoint", accessPoint, { "aws:ResourceTag/efs.csi.aws.com/cluster": "false" }),
        request("elasticfilesystem:DeleteFileSystem", e.arn("elasticfilesystem", e.region, e.accountId, "file-system/fs-1")),
      ];
    },
  },
  fsxLustreCsi: {
    policy: () => AddonPolicies.fsxLustreCsi(),
    allowed: (e) => [
      request("fsx:CreateFileSystem", e.arn("fsx", e.region, e.accountId, "file-system/*")),
      request("fsx:DeleteFileSystem", e.arn("fsx", e.region, e.accountId, "file-system/fs-0a1")),
      request(
        "iam:CreateServiceLinkedRole",
        e.arn("iam", "", e.accountId, "role/aws-service-role/s3.data-source.lustre.fsx.amazonaws.com/AWSServiceRoleForFSxS3Access_fs-0a1"),
      ),
      request(
        "iam:PutRolePolicy",
        e.arn("iam", "", e.accountId, "role/aws-service-role/s3.data-source.lustre.fsx.amazonaws.com/AWSServiceRoleForFSxS3Access_fs-0a1"),
      ),
      request(
        "iam:CreateServiceLinkedRole",
        e.arn("iam", "", e.accountId, "role/aws-service-role/fsx.amazonaws.com/AWSServiceRoleForAmazonFSx"),
        {
          "iam:AWSServiceName": "fsx.amazonaws.com",
        },
      ),
    ],
    denied: (e) => [
      request(
        "iam:CreateServiceLinkedRole",
        e.arn("iam", "", e.accountId, "role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling"),
        {
          "iam:AWSServiceName": "autoscaling.amazonaws.com",
        },
      ),
      request("iam:AttachRolePolicy", e.arn("iam", "", e.accountId, "role/admin")),
      request("iam:PutRolePolicy", "arn:aws-iso:iam::111122223333:role/aws-service-role/s3.data-source.lustre.fsx.amazonaws.com/x"),
      request("fsx:CreateBackup", e.arn("fsx", e.region, e.accountId, "file-system/fs-0a1")),
    ],
  },
  mountpointS3Csi: {
    policy: (ref) =>
      AddonPolicies.mountpointS3Csi({
        bucketArns: [ref.arn("s3", "", "", "training-data")],
        kmsKeyArns: [ref.arn("kms", ref.region, ref.accountId, "key/1234abcd-12ab")],
      }),
    allowed: (e) => [
      request("s3:ListBucket", e.arn("s3", "", "", "training-data")),
      request("s3:GetObject", e.arn("s3", "", "", "training-data/images/1.png")),
      request("s3:PutObject", e.arn("s3", "", "", "training-data/out/1.txt")),
      request("s3:AbortMultipartUpload", e.arn("s3", "", "", "training-data/out/1.txt")),
      request("s3:DeleteObject", e.arn("s3", "", "", "training-data/out/1.txt")),
      request("kms:GenerateDataKey", e.arn("kms", e.region, e.accountId, "key/1234abcd-12ab")),
    ],
    denied: (e) => [
      request("s3:ListBucket", e.arn("s3", "", "", "other-bucket")),
      request("s3:GetObject", e.arn("s3", "", "", "training-data-2/images/1.png")),
      request("s3:DeleteBucket", e.arn("s3", "", "", "training-data")),
      request("s3:PutBucketPolicy", e.arn("s3", "", "", "training-data")),
      request("kms:Decrypt", e.arn("kms", e.region, e.accountId, "key/other")),
    ],
  },
};
