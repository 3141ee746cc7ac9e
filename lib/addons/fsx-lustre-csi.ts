/**
 * Amazon FSx for Lustre CSI driver (controller): the least-privilege policy of
 * kubernetes-sigs/aws-fsx-csi-driver docs/install.md ("Set up driver permissions") @ v1.9.0
 * (0267bab6c628). Upstream's IRSA example attaches AmazonFSxFullAccess instead and gives this
 * document for the node instance profile; the permissions the driver needs are the same, so the
 * narrower document is used. The service-linked role path is built from the stack's partition.
 */
import { AddonDefinition } from "./addon-definition";
import { serviceLinkedRoleArn } from "./arn-rules";
import { arn } from "./partition";
import { allow, policyDocument } from "./policy-document";

/** Properties of {@link AddonPolicies.fsxLustreCsi}. */
export interface FsxLustreCsiPolicyProps {
  /**
   * Service-linked roles the driver may create and attach policies to (S3-linked file systems).
   * @default - `arn:<partition>:iam::*:role/aws-service-role/s3.data-source.lustre.fsx.amazonaws.com/*`
   */
  readonly serviceRoleArns?: string[];
}

export const FSX_LUSTRE_CSI: AddonDefinition<FsxLustreCsiPolicyProps> = {
  name: "fsx-lustre-csi",
  factory: "fsxLustreCsi",
  title: "Amazon FSx for Lustre CSI driver",
  defaultServiceAccount: { namespace: "kube-system", name: "fsx-csi-controller-sa" },
  sources: [
    {
      repository: "kubernetes-sigs/aws-fsx-csi-driver",
      path: "docs/install.md (Set up driver permissions)",
      version: "v1.9.0",
      commit: "0267bab6c628",
    },
  ],
  inputs: [{ name: "serviceRoleArns", kind: "list", required: false, what: "IAM service-linked role ARN", rule: serviceLinkedRoleArn }],
  build: (props) => ({
    documents: [
      {
        name: "fsx-lustre-csi",
        render: (context) => {
          const given = props.serviceRoleArns ?? [];
          const roles =
            given.length > 0 ? given : [arn(context, "iam", "", "*", "role/aws-service-role/s3.data-source.lustre.fsx.amazonaws.com/*")];
          return policyDocument(
            allow(["iam:CreateServiceLinkedRole", "iam:AttachRolePolicy", "iam:PutRolePolicy"], roles),
            allow("iam:CreateServiceLinkedRole", "*", { StringLike: { "iam:AWSServiceName": ["fsx.amazonaws.com"] } }),
            allow(
              [
                "s3:ListBucket",
                "fsx:CreateFileSystem",
                "fsx:DeleteFileSystem",
                "fsx:DescribeFileSystems",
                "fsx:TagResource",
                "fsx:UpdateFileSystem",
              ],
              ["*"],
            ),
          );
        },
      },
    ],
  }),
};
