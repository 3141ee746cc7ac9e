/**
 * Storage drivers installed as EKS add-ons. Names, service accounts and recommended policies: EKS
 * user guide, "AWS add-ons" (https://docs.aws.amazon.com/eks/latest/userguide/workloads-add-ons-available-eks.html),
 * each add-on's "Required IAM permissions" section (the `eksctl create iamserviceaccount --name ...
 * --namespace ...` it shows), and "IAM roles for Amazon EKS add-ons"
 * (https://docs.aws.amazon.com/eks/latest/userguide/add-ons-iam.html: DescribeAddonConfiguration
 * returns `podIdentityConfiguration { serviceAccount, recommendedManagedPolicies }`).
 */
import { AddonPolicies } from "../../addons/addon-policies";
import { CatalogueEntry } from "./catalogue-entry";

const GUIDE = "EKS user guide, AWS add-ons (https://docs.aws.amazon.com/eks/latest/userguide/workloads-add-ons-available-eks.html)";

export const STORAGE_ADDONS: readonly CatalogueEntry[] = [
  {
    // "Amazon EBS CSI driver": AmazonEBSCSIDriverPolicy; eksctl --name ebs-csi-controller-sa --namespace kube-system.
    // Our ebsCsiDriver() is the driver's own example policy, the least-privilege form of the managed one.
    addonName: "aws-ebs-csi-driver",
    policyAddon: "ebs-csi-driver",
    serviceAccount: { namespace: "kube-system", name: "ebs-csi-controller-sa" },
    addonPolicies: () => [AddonPolicies.ebsCsiDriver()],
    source: `${GUIDE}, Amazon EBS CSI driver`,
  },
  {
    // "Amazon EFS CSI driver": AmazonEFSCSIDriverPolicy; eksctl --name efs-csi-controller-sa --namespace kube-system.
    addonName: "aws-efs-csi-driver",
    policyAddon: "efs-csi-driver",
    serviceAccount: { namespace: "kube-system", name: "efs-csi-controller-sa" },
    addonPolicies: () => [AddonPolicies.efsCsiDriver()],
    source: `${GUIDE}, Amazon EFS CSI driver`,
  },
  {
    // "Mountpoint for Amazon S3 CSI Driver": "a policy that gives access to S3" following Mountpoint's
    // IAM recommendations; eksctl --name s3-csi-driver-sa --namespace kube-system. The buckets are the user's.
    addonName: "aws-mountpoint-s3-csi-driver",
    policyAddon: "mountpoint-s3-csi",
    serviceAccount: { namespace: "kube-system", name: "s3-csi-driver-sa" },
    needsInput:
      "needs bucket scoping: pass addonPolicies: [AddonPolicies.mountpointS3Csi({ bucketArns: [...] })] " +
      "(the driver would otherwise reach every bucket of the account)",
    source: `${GUIDE}, Mountpoint for Amazon S3 CSI Driver`,
  },
  {
    // "Amazon FSx CSI driver" (FSx for Lustre): eksctl --name fsx-csi-controller-sa --namespace kube-system.
    addonName: "aws-fsx-csi-driver",
    policyAddon: "fsx-lustre-csi",
    serviceAccount: { namespace: "kube-system", name: "fsx-csi-controller-sa" },
    addonPolicies: () => [AddonPolicies.fsxLustreCsi()],
    source: `${GUIDE}, Amazon FSx CSI driver`,
  },
];
