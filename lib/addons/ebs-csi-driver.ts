/**
 * Amazon EBS CSI driver (controller). The driver's own policy:
 * kubernetes-sigs/aws-ebs-csi-driver docs/AmazonEBSCSIDriverPolicyV2.json @ v1.64.0 (6689789f192f),
 * the file docs/install.md links since ffbba586f51e; every mutation needs the driver's tag
 * `ebs.csi.aws.com/cluster=true` (or the CSI-migration tag), so volumes and snapshots created
 * outside the driver must carry that tag to be attached or deleted (upstream issue #2918).
 * KMS: the statement of docs/install.md "Encrypted EBS Volumes via KMS", on the given keys only.
 */
import { AddonDefinition } from "./addon-definition";
import { kmsKeyArn } from "./arn-rules";
import { arn, AddonPolicyContext } from "./partition";
import { allow, policyDocument, PolicyStatement } from "./policy-document";

/** Properties of {@link AddonPolicies.ebsCsiDriver}. */
export interface EbsCsiDriverPolicyProps {
  /**
   * KMS keys of encrypted volumes: the driver may use them (`kms:Decrypt`,
   * `kms:GenerateDataKeyWithoutPlaintext`, `kms:CreateGrant`).
   * @default - no KMS permissions (volumes encrypted with the AWS managed key only)
   */
  readonly kmsKeyArns?: string[];
}

const MANAGED_TAG = "ebs.csi.aws.com/cluster";
const MIGRATED_TAG = "kubernetes.io/created-for/pvc/name";

function statements(context: AddonPolicyContext, kmsKeyArns: readonly string[]): PolicyStatement[] {
  const ec2 = (resource: string) => arn(context, "ec2", "*", "*", resource);
  const volumes = ec2("volume/*");
  const snapshots = ec2("snapshot/*");
  const managed = (kind: "aws:RequestTag" | "ec2:ResourceTag") => ({ StringEquals: { [`${kind}/${MANAGED_TAG}`]: "true" } });
  const migrated = { StringLike: { [`ec2:ResourceTag/${MIGRATED_TAG}`]: "*" } };
  const sid = (Sid: string, statement: PolicyStatement): PolicyStatement => ({ Sid, ...statement });
  const result = [
    sid(
      "ReadOnlyDescribeOperations",
      allow(
        [
          "ec2:DescribeAvailabilityZones",
          "ec2:DescribeInstances",
          "ec2:DescribeInstanceTypes",
          "ec2:DescribeSnapshots",
          "ec2:DescribeVolumes",
          "ec2:DescribeVolumesModifications",
          "ec2:DescribeVolumeStatus",
        ],
        "*",
      ),
    ),
    sid("CreateAndCopyVolumesWithManagedTag", allow(["ec2:CreateVolume", "ec2:CopyVolumes"], volumes, managed("aws:RequestTag"))),
    sid("CopyManagedVolumes", allow(["ec2:CopyVolumes"], ec2("volume/vol-*"), managed("ec2:ResourceTag"))),
    sid("CopyCSIMigratedVolumes", allow(["ec2:CopyVolumes"], ec2("volume/vol-*"), migrated)),
    sid("CreateSnapshotsWithManagedTag", allow(["ec2:CreateSnapshot"], snapshots, managed("aws:RequestTag"))),
    sid("CreateSnapshotsFromManagedVolumes", allow(["ec2:CreateSnapshot"], volumes, managed("ec2:ResourceTag"))),
    sid(
      "ManageManagedVolumes",
      allow(["ec2:ModifyVolume", "ec2:AttachVolume", "ec2:DetachVolume", "ec2:DeleteVolume"], volumes, managed("ec2:ResourceTag")),
    ),
    sid(
      "ManageCSIMigratedVolumes",
      allow(["ec2:ModifyVolume", "ec2:AttachVolume", "ec2:DetachVolume", "ec2:DeleteVolume"], volumes, migrated),
    ),
    sid(
      "CreateVolumesFromAndEnableFSROnManagedSnapshots",
      allow(["ec2:CreateVolume", "ec2:EnableFastSnapshotRestores"], snapshots, managed("ec2:ResourceTag")),
    ),
    sid("AttachDetachVolumesToAnyInstance", allow(["ec2:AttachVolume", "ec2:DetachVolume"], ec2("instance/*"))),
    sid("DeleteAndLockManagedSnapshots", allow(["ec2:DeleteSnapshot", "ec2:LockSnapshot"], snapshots, managed("ec2:ResourceTag"))),
    sid(
      "TagResourcesOnCreation",
      allow(["ec2:CreateTags"], [volumes, snapshots], {
        StringEquals: { "ec2:CreateAction": ["CreateVolume", "CreateSnapshot", "CopyVolumes"] },
      }),
    ),
    sid(
      "ModifyTagsOnManagedVolumes",
      allow(["ec2:CreateTags", "ec2:DeleteTags"], volumes, {
        StringEquals: { [`ec2:ResourceTag/${MANAGED_TAG}`]: "true" },
        Null: { "aws:TagKeys": "false" },
        "ForAllValues:StringNotEquals": { "aws:TagKeys": [MANAGED_TAG, "ebs.csi.aws.com/cluster-name", MIGRATED_TAG] },
      }),
    ),
  ];
  if (kmsKeyArns.length > 0) {
    result.push(
      sid("UseKmsKeysOfEncryptedVolumes", allow(["kms:Decrypt", "kms:GenerateDataKeyWithoutPlaintext", "kms:CreateGrant"], kmsKeyArns)),
    );
  }
  return result;
}

export const EBS_CSI_DRIVER: AddonDefinition<EbsCsiDriverPolicyProps> = {
  name: "ebs-csi-driver",
  factory: "ebsCsiDriver",
  title: "Amazon EBS CSI driver",
  defaultServiceAccount: { namespace: "kube-system", name: "ebs-csi-controller-sa" },
  sources: [
    {
      repository: "kubernetes-sigs/aws-ebs-csi-driver",
      path: "docs/AmazonEBSCSIDriverPolicyV2.json",
      version: "v1.64.0",
      commit: "6689789f192f",
    },
  ],
  inputs: [{ name: "kmsKeyArns", kind: "list", required: false, what: "KMS key ARN", rule: kmsKeyArn }],
  build: (props) => ({
    documents: [{ name: "ebs-csi-driver", render: (context) => policyDocument(...statements(context, props.kmsKeyArns ?? [])) }],
  }),
};
