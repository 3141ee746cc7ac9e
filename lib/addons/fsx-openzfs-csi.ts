/**
 * Amazon FSx for OpenZFS CSI driver (controller): kubernetes-sigs/aws-fsx-openzfs-csi-driver
 * docs/example-iam-policy.json @ v1.2.0 (0c1646ef3d6a), statement for statement. Upstream's IRSA
 * example attaches AmazonFSxFullAccess and gives this narrower document for the node role; the
 * driver's calls are the same, so the narrower one is used (as for FSx for Lustre). It creates the
 * file systems, volumes and snapshots it manages, so the FSx calls stay on `*`; the service-linked
 * role path is built from the stack's partition. Service account: the chart's
 * `controller.serviceAccount.name` (charts/aws-fsx-openzfs-csi-driver/values.yaml), in kube-system
 * as docs/install.md installs it.
 */
import { AddonDefinition } from "./addon-definition";
import { arn } from "./partition";
import { allow, policyDocument } from "./policy-document";

export const FSX_OPENZFS_CSI: AddonDefinition<object> = {
  name: "fsx-openzfs-csi",
  factory: "fsxOpenZfsCsi",
  title: "Amazon FSx for OpenZFS CSI driver",
  defaultServiceAccount: { namespace: "kube-system", name: "fsx-openzfs-csi-controller-sa" },
  sources: [
    {
      repository: "kubernetes-sigs/aws-fsx-openzfs-csi-driver",
      path: "docs/example-iam-policy.json",
      version: "v1.2.0",
      commit: "0c1646ef3d6a",
    },
  ],
  inputs: [],
  build: () => ({
    documents: [
      {
        name: "fsx-openzfs-csi",
        render: (context) =>
          policyDocument(
            allow(
              ["iam:CreateServiceLinkedRole", "iam:AttachRolePolicy", "iam:PutRolePolicy"],
              arn(context, "iam", "", "*", "role/aws-service-role/fsx.amazonaws.com/*"),
            ),
            allow("iam:CreateServiceLinkedRole", "*", { StringLike: { "iam:AWSServiceName": ["fsx.amazonaws.com"] } }),
            allow(
              [
                "fsx:CreateFileSystem",
                "fsx:UpdateFileSystem",
                "fsx:DeleteFileSystem",
                "fsx:DescribeFileSystems",
                "fsx:CreateVolume",
                "fsx:DeleteVolume",
                "fsx:DescribeVolumes",
                "fsx:CreateSnapshot",
                "fsx:DeleteSnapshot",
                "fsx:DescribeSnapshots",
                "fsx:TagResource",
                "fsx:ListTagsForResource",
              ],
              ["*"],
            ),
          ),
      },
    ],
  }),
};
