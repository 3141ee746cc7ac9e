/**
 * Mountpoint for Amazon S3 CSI driver (driver-level credentials). The CSI driver's docs
 * (awslabs/mountpoint-s3-csi-driver docs/CONFIGURATION.md @ v2.7.0) point to Mountpoint's own policy:
 * awslabs/mountpoint-s3 doc/CONFIGURATION.md ("IAM permissions") @ mountpoint-s3-1.23.0
 * (4f38ff8b6ef0). SSE-KMS: the same section's prose (`kms:Decrypt` to read, plus
 * `kms:GenerateDataKey` to write), on the given keys only.
 */
import { AddonDefinition } from "./addon-definition";
import { kmsKeyArn, s3BucketArn } from "./arn-rules";
import { allow, policyDocument, PolicyStatement } from "./policy-document";

/** Properties of {@link AddonPolicies.mountpointS3Csi}. */
export interface MountpointS3CsiPolicyProps {
  /** Buckets the driver mounts (`arn:<partition>:s3:::<bucket>`). */
  readonly bucketArns: string[];
  /**
   * KMS keys of SSE-KMS encrypted objects (`kms:Decrypt`, `kms:GenerateDataKey`).
   * @default - no KMS permissions
   */
  readonly kmsKeyArns?: string[];
}

export const MOUNTPOINT_S3_CSI: AddonDefinition<MountpointS3CsiPolicyProps> = {
  name: "mountpoint-s3-csi",
  factory: "mountpointS3Csi",
  title: "Mountpoint for Amazon S3 CSI driver",
  defaultServiceAccount: { namespace: "kube-system", name: "s3-csi-driver-sa" },
  sources: [
    {
      repository: "awslabs/mountpoint-s3",
      path: "doc/CONFIGURATION.md (IAM permissions)",
      version: "mountpoint-s3-1.23.0",
      commit: "4f38ff8b6ef0",
    },
  ],
  inputs: [
    { name: "bucketArns", kind: "list", required: true, what: "S3 bucket ARN", rule: s3BucketArn },
    { name: "kmsKeyArns", kind: "list", required: false, what: "KMS key ARN", rule: kmsKeyArn },
  ],
  build: (props) => ({
    documents: [
      {
        name: "mountpoint-s3-csi",
        render: () => {
          const statements: PolicyStatement[] = [
            { Sid: "MountpointFullBucketAccess", ...allow(["s3:ListBucket"], props.bucketArns) },
            {
              Sid: "MountpointFullObjectAccess",
              ...allow(
                ["s3:GetObject", "s3:PutObject", "s3:AbortMultipartUpload", "s3:DeleteObject"],
                props.bucketArns.map((bucket) => `${bucket}/*`),
              ),
            },
          ];
          const kms = props.kmsKeyArns ?? [];
          if (kms.length > 0) statements.push({ Sid: "MountpointKmsAccess", ...allow(["kms:Decrypt", "kms:GenerateDataKey"], kms) });
          return policyDocument(...statements);
        },
      },
    ],
  }),
};
