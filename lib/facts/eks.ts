/**
 * Facts of EKS (IRSA, EKS Pod Identity, issuer hosts) that the constructs, the checks and the
 * testing helper share (dependency-free, like the rest of lib/facts/).
 */
import { STS_ACTIONS } from "./iam";

/** The audience EKS projects into service account tokens, in every partition (China included). */
export const DEFAULT_AUDIENCE = "sts.amazonaws.com";

/** The service principal EKS Pod Identity assumes roles as. */
export const POD_IDENTITY_SERVICE = "pods.eks.amazonaws.com";

/** Within an OIDC provider ARN: the resource after `:oidc-provider/` is the issuer host and path. */
export const OIDC_PROVIDER_ARN_MARKER = ":oidc-provider/";

/**
 * The session tags EKS Pod Identity sets on every session it opens for a pod (EKS user guide,
 * "Grant pods access to AWS resources based on tags", pod-id-abac): all six are request tags of the
 * `sts:AssumeRole` and `sts:TagSession` calls EKS makes, and all six are in the request's
 * `aws:TagKeys`. The one list of them: the Pod Identity trust, the checks and the testing helper read it here.
 */
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

/** The session tags a Pod Identity trust narrows on, as request-tag condition keys. */
export const POD_IDENTITY_SESSION_TAG_KEYS = {
  clusterArn: requestTagKey(POD_IDENTITY_SESSION_TAGS.clusterArn),
  clusterName: requestTagKey(POD_IDENTITY_SESSION_TAGS.clusterName),
  namespace: requestTagKey(POD_IDENTITY_SESSION_TAGS.namespace),
  serviceAccount: requestTagKey(POD_IDENTITY_SESSION_TAGS.serviceAccount),
} as const;

/**
 * The host EKS's service account tokens carry as their issuer: `oidc.eks.<region>.amazonaws.com/id/<id>`
 * (China: `oidc.eks.<region>.amazonaws.com.cn`).
 */
export const EKS_ISSUER_HOST = /^oidc\.eks\.[a-z0-9-]+\.amazonaws\.com(\.cn)?\/id\/[0-9a-z]+$/i;

/** The issuer host of a cluster with this Region and OIDC id, as its tokens carry it. */
export function eksIssuerHost(region: string, id: string): string {
  const suffix = region.startsWith("cn-") ? "amazonaws.com.cn" : "amazonaws.com";
  return `oidc.eks.${region}.${suffix}/id/${id}`;
}

/**
 * EKS also publishes the issuer on a dual-stack (IPv4 and IPv6) host, `oidc-eks.<region>.api.aws`,
 * but the tokens it signs carry the {@link EKS_ISSUER_HOST} form, so an IAM OIDC provider or trust
 * keyed on the dual-stack host never matches a token (rancher/eks-operator PR #2284; EKS user guide,
 * "Create an IAM OIDC provider for your cluster"). The host, with its Region captured.
 */
const DUAL_STACK_HOST = String.raw`oidc-eks\.([a-z0-9-]+)\.api\.aws`;

/** A dual-stack issuer URL or host at the start of a text, after an optional `https://` (Region, then id if any). */
export const DUAL_STACK_ISSUER_AT_START = new RegExp(String.raw`^(?:https:\/\/)?${DUAL_STACK_HOST}(?:\/id\/([^/?#]*))?`, "i");

/** A dual-stack issuer host and id anywhere in a text (a URL, host, ARN or condition key): Region, then id. */
export const DUAL_STACK_ISSUER_ANYWHERE = new RegExp(String.raw`${DUAL_STACK_HOST}\/id\/([0-9a-z]+)`, "i");

/** What the `sub` claim of a service account's token starts with. */
export const SERVICE_ACCOUNT_SUBJECT_PREFIX = "system:serviceaccount:";

/** The `sub` claim EKS puts in a service account's token: `system:serviceaccount:<namespace>:<name>`. */
export const serviceAccountSubject = (namespace: string, name: string): string => `${SERVICE_ACCOUNT_SUBJECT_PREFIX}${namespace}:${name}`;

// The service account annotations the EKS pod identity webhook reads.
/** The annotation the EKS pod identity webhook reads to inject the role's credentials. */
export const ROLE_ARN_ANNOTATION = "eks.amazonaws.com/role-arn";
/** The annotation that asks for a token audience other than `sts.amazonaws.com`. */
export const AUDIENCE_ANNOTATION = "eks.amazonaws.com/audience";
/** The annotation that makes the SDKs use the regional STS endpoint ("true"). */
export const STS_REGIONAL_ENDPOINTS_ANNOTATION = "eks.amazonaws.com/sts-regional-endpoints";
/** The annotation that sets the projected token's lifetime in seconds. */
export const TOKEN_EXPIRATION_ANNOTATION = "eks.amazonaws.com/token-expiration";

/** The actions EKS Pod Identity calls on a role: `sts:AssumeRole`, and `sts:TagSession` for its session tags. */
export const POD_IDENTITY_ACTIONS: readonly string[] = [STS_ACTIONS.assumeRole, STS_ACTIONS.tagSession];
