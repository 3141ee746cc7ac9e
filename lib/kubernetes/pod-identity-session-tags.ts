/**
 * The session tags EKS Pod Identity sets on every session it opens for a pod (EKS user guide,
 * "Grant pods access to AWS resources based on tags", pod-id-abac): all six are request tags of the
 * `sts:AssumeRole` and `sts:TagSession` calls EKS makes, and all six are in the request's
 * `aws:TagKeys`. The one list of them: the Pod Identity trust and the testing helper read it here.
 */

/** The tag names, by what they carry. */
export const POD_IDENTITY_SESSION_TAGS = {
  clusterArn: "eks-cluster-arn",
  clusterName: "eks-cluster-name",
  namespace: "kubernetes-namespace",
  serviceAccount: "kubernetes-service-account",
  podName: "kubernetes-pod-name",
  podUid: "kubernetes-pod-uid",
} as const;

/** What one tag carries. */
export type PodIdentitySessionTag = keyof typeof POD_IDENTITY_SESSION_TAGS;

/** Every tag name EKS sets, in the order the EKS user guide lists them (the request's `aws:TagKeys`). */
export const POD_IDENTITY_SESSION_TAG_NAMES: readonly string[] = Object.values(POD_IDENTITY_SESSION_TAGS);

/** The condition key of a request tag: `aws:RequestTag/<tag>`. */
export const requestTagKey = (tag: string): string => `aws:RequestTag/${tag}`;
