/**
 * Velero with velero-plugin-for-aws: vmware-tanzu/velero-plugin-for-aws README.md ("Set permissions
 * for Velero") @ v1.13.2 (18469e7330ee), with the backup buckets given. Upstream leaves the EBS
 * snapshot calls on `*`; they act on volumes and snapshots of any name, so nothing narrows them.
 */
import { AddonDefinition } from "./addon-definition";
import { s3BucketArn } from "./arn-rules";
import { allow, policyDocument } from "./policy-document";

/** Properties of {@link AddonPolicies.velero}. */
export interface VeleroPolicyProps {
  /** Backup storage location buckets (`arn:<partition>:s3:::<bucket>`). */
  readonly bucketArns: string[];
}

export const VELERO: AddonDefinition<VeleroPolicyProps> = {
  name: "velero",
  factory: "velero",
  title: "Velero (velero-plugin-for-aws)",
  defaultServiceAccount: { namespace: "velero", name: "velero" },
  sources: [
    {
      repository: "vmware-tanzu/velero-plugin-for-aws",
      path: "README.md (Set permissions for Velero)",
      version: "v1.13.2",
      commit: "18469e7330ee",
    },
  ],
  inputs: [{ name: "bucketArns", kind: "list", required: true, what: "S3 bucket ARN", rule: s3BucketArn }],
  build: (props) => ({
    documents: [
      {
        name: "velero",
        render: () =>
          policyDocument(
            allow(
              [
                "ec2:DescribeVolumes",
                "ec2:DescribeSnapshots",
                "ec2:CreateTags",
                "ec2:CreateVolume",
                "ec2:CreateSnapshot",
                "ec2:DeleteSnapshot",
              ],
              "*",
            ),
            allow(
              [
                "s3:GetObject",
                "s3:DeleteObject",
                "s3:PutObject",
                "s3:PutObjectTagging",
                "s3:AbortMultipartUpload",
                "s3:ListMultipartUploadParts",
              ],
              props.bucketArns.map((bucket) => `${bucket}/*`),
            ),
            allow(["s3:ListBucket"], props.bucketArns),
          ),
      },
    ],
  }),
};
