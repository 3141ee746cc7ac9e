/**
 * Who asks for the role, and the STS request IAM evaluates the trust policy against: a web
 * identity token (AssumeRoleWithWebIdentity, Federated = the issuer's OIDC provider, context keys
 * `<host>:<claim>`), or EKS Pod Identity (AssumeRole and TagSession by pods.eks.amazonaws.com with
 * the session tags EKS sets).
 */
import { STS_ACTIONS } from "../facts/iam";
import {
  POD_IDENTITY_ACTIONS,
  POD_IDENTITY_SERVICE,
  POD_IDENTITY_SESSION_TAG_NAMES,
  POD_IDENTITY_SESSION_TAGS,
  PodIdentitySessionTag,
  requestTagKey,
} from "../facts/eks";
import { AuthorizationRequest } from "./policy-evaluator";

/** A Kubernetes service account presenting its projected token (IRSA). */
export interface ServiceAccountToken {
  /** The issuer host that prefixes the condition keys, e.g. `oidc.eks.us-west-2.amazonaws.com/id/EXAMPLE`. */
  readonly issuerHost: string;
  /** Namespace of the service account. */
  readonly namespace: string;
  /** Name of the service account. */
  readonly name: string;
  /**
   * The audience (`aud`) of the token.
   * @default "sts.amazonaws.com"
   */
  readonly audience?: string;
}

/** Any web identity token, with the claims IAM puts in the request context (`<issuer host>:<claim>`). */
export interface WebIdentityToken {
  /** The issuer host that prefixes the condition keys. */
  readonly issuerHost: string;
  /** Claims of the token, e.g. `{ sub: "system:serviceaccount:default:app", aud: "sts.amazonaws.com" }`; a missing claim is absent. */
  readonly claims: { [claim: string]: string };
}

/** A Kubernetes service account asking for the role through an EKS Pod Identity association. */
export interface PodIdentityServiceAccount {
  /** Name of the EKS cluster (the `eks-cluster-name` session tag). */
  readonly clusterName: string;
  /** Namespace of the service account (the `kubernetes-namespace` session tag). */
  readonly namespace: string;
  /** Name of the service account (the `kubernetes-service-account` session tag). */
  readonly name: string;
  /**
   * ARN of the cluster (the `eks-cluster-arn` session tag).
   * @default - `arn:<partition>:eks:<region>:<accountId>:cluster/<clusterName>` from the options of `fromSynth`
   */
  readonly clusterArn?: string;
  /**
   * Name of the pod (the `kubernetes-pod-name` session tag).
   * @default - `<name>-5d8f7c9b6-x2x4q`, a made-up pod of a Deployment named after the service account
   */
  readonly podName?: string;
  /**
   * UID of the pod (the `kubernetes-pod-uid` session tag).
   * @default "00000000-0000-4000-8000-000000000000"
   */
  readonly podUid?: string;
}

export { DEFAULT_AUDIENCE, POD_IDENTITY_SERVICE } from "../facts/eks";
export { serviceAccountSubject } from "../facts/eks";

const OIDC_PROVIDER_ARN = /^arn:[\w-]+:iam::\d{12}:oidc-provider\/(.+)$/;

/** The issuer host of an OIDC provider ARN (its resource after the account's `:oidc-provider/`), or undefined. */
export const hostOfProviderArn = (arn: string): string | undefined => OIDC_PROVIDER_ARN.exec(arn)?.[1];

/** AssumeRoleWithWebIdentity through one provider ARN, with the token's claims as context keys. */
export function webIdentityRequest(providerArn: string, token: WebIdentityToken, roleArn: string): AuthorizationRequest {
  const context: { [key: string]: string } = {};
  for (const [claim, value] of Object.entries(token.claims)) context[`${token.issuerHost}:${claim}`] = value;
  return { action: STS_ACTIONS.assumeRoleWithWebIdentity, resource: roleArn, principal: { type: "Federated", id: providerArn }, context };
}

/** The pod a Pod Identity request comes from when the caller names none. */
export const defaultPodName = (serviceAccountName: string) => `${serviceAccountName}-5d8f7c9b6-x2x4q`;
export const DEFAULT_POD_UID = "00000000-0000-4000-8000-000000000000";

/** The six session tags EKS sets for a service account's pod, by tag name. */
export function podIdentitySessionTags(sa: PodIdentityServiceAccount, clusterArn: string): { [tag: string]: string } {
  const values: { [K in PodIdentitySessionTag]: string } = {
    clusterArn,
    clusterName: sa.clusterName,
    namespace: sa.namespace,
    serviceAccount: sa.name,
    podName: sa.podName ?? defaultPodName(sa.name),
    podUid: sa.podUid ?? DEFAULT_POD_UID,
  };
  return Object.fromEntries(
    Object.entries(values).map(([what, value]) => [POD_IDENTITY_SESSION_TAGS[what as PodIdentitySessionTag], value]),
  );
}

/** The two calls EKS Pod Identity makes, each with all six session tags and their `aws:TagKeys`: both must be allowed. */
export function podIdentityRequests(sa: PodIdentityServiceAccount, clusterArn: string, roleArn: string): AuthorizationRequest[] {
  const tags = podIdentitySessionTags(sa, clusterArn);
  const context = Object.fromEntries(Object.entries(tags).map(([tag, value]) => [requestTagKey(tag), value]));
  return POD_IDENTITY_ACTIONS.map((action) => ({
    action,
    resource: roleArn,
    principal: { type: "Service", id: POD_IDENTITY_SERVICE },
    context,
    multiValuedContext: { "aws:TagKeys": [...POD_IDENTITY_SESSION_TAG_NAMES] },
  }));
}
