/** The IRSA trust policy: its statements, and its size as IAM counts it. */
import { DataAwsIamPolicyDocumentStatement } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { Annotations, Token } from "cdktf";
import { IConstruct } from "constructs";
import { ServiceAccountRef, subjectOf } from "../kubernetes/service-account";
import { TrustedSubject, WEB_IDENTITY } from "../kubernetes/trusted-subject";
import { IOidcProvider } from "../oidc/oidc-provider";

/** The clusters, service accounts and audience one role trusts. */
export interface TrustSpec {
  readonly clusters: ReadonlyArray<{ readonly oidcProvider: IOidcProvider; readonly serviceAccounts: readonly ServiceAccountRef[] }>;
  readonly audience: string;
  readonly allowWildcards: boolean;
}

/**
 * One statement per cluster, with `sub` AND `aud` in that statement: separate statements are OR'ed,
 * and an aud-only statement would admit every service account of the cluster.
 */
export function trustStatements(spec: TrustSpec): DataAwsIamPolicyDocumentStatement[] {
  return spec.clusters.map(({ oidcProvider, serviceAccounts }) => ({
    effect: "Allow",
    actions: ["sts:AssumeRoleWithWebIdentity"],
    principals: [{ type: "Federated", identifiers: [oidcProvider.arn] }],
    condition: [
      {
        // StringEquals would take '*' literally; only an explicit opt-in switches to globbing.
        test: spec.allowWildcards ? "StringLike" : "StringEquals",
        variable: `${oidcProvider.issuerHost}:sub`,
        values: serviceAccounts.map(subjectOf),
      },
      { test: "StringEquals", variable: `${oidcProvider.issuerHost}:aud`, values: [spec.audience] },
    ],
  }));
}

/** Every (cluster, service account) the statements admit, for users and tests to read. */
export function trustedSubjectsOf(spec: TrustSpec): TrustedSubject[] {
  return spec.clusters.flatMap(({ oidcProvider, serviceAccounts }) =>
    serviceAccounts.map((sa) => ({
      via: WEB_IDENTITY,
      namespace: sa.namespace,
      serviceAccountName: sa.name,
      issuerHost: oidcProvider.issuerHost,
      subject: subjectOf(sa),
      audience: spec.audience,
    })),
  );
}

/** IAM's default quota for a trust policy, counted without whitespace. */
export const TRUST_POLICY_QUOTA = 2048;

// Typical lengths of values that are tokens at synth time (an EKS issuer host and its ARN).
const TYPICAL_HOST = "oidc.eks.ap-southeast-2.amazonaws.com/id/0123456789ABCDEF0123456789ABCDEF";
const TYPICAL_ARN = `arn:aws:iam::123456789012:oidc-provider/${TYPICAL_HOST}`;

/**
 * Length of the trust policy as IAM counts it (JSON without whitespace). Token values are counted
 * at the length of a typical EKS issuer, so the result is an estimate when any value is a token.
 */
export function estimateTrustPolicySize(spec: TrustSpec): number {
  const literal = (value: string, typical: string) => (Token.isUnresolved(value) ? typical : value);
  const scalarOrList = (values: string[]) => (values.length === 1 ? values[0] : values);
  const doc = {
    Version: "2012-10-17",
    Statement: spec.clusters.map(({ oidcProvider, serviceAccounts }) => {
      const host = literal(oidcProvider.issuerHost, TYPICAL_HOST);
      const subjects = serviceAccounts.map((sa) => literal(subjectOf(sa), "system:serviceaccount:namespace:service-account"));
      const condition: { [operator: string]: { [key: string]: unknown } } = {};
      (condition[spec.allowWildcards ? "StringLike" : "StringEquals"] ??= {})[`${host}:sub`] = scalarOrList(subjects);
      (condition.StringEquals ??= {})[`${host}:aud`] = literal(spec.audience, "sts.amazonaws.com");
      return {
        Effect: "Allow",
        Action: "sts:AssumeRoleWithWebIdentity",
        Principal: { Federated: literal(oidcProvider.arn, TYPICAL_ARN) },
        Condition: condition,
      };
    }),
  };
  return JSON.stringify(doc).length;
}

/** Warns when the trust policy would pass IAM's default size quota. */
export function warnIfTrustPolicyTooLarge(construct: IConstruct, owner: string, spec: TrustSpec): void {
  const size = estimateTrustPolicySize(spec);
  if (size > TRUST_POLICY_QUOTA) {
    Annotations.of(construct).addWarning(
      `${owner}: the trust policy is about ${size} characters, over IAM's default quota of ` +
        `${TRUST_POLICY_QUOTA}; request a higher "Role trust policy length" quota or split the role.`,
    );
  }
}
