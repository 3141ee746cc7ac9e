/** The IRSA trust: one web-identity statement per cluster, and the subjects it admits. */
import { DataAwsIamPolicyDocumentStatement } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { ServiceAccountRef, subjectOf } from "../kubernetes/service-account";
import { TrustedSubject, WEB_IDENTITY } from "../kubernetes/trusted-subject";
import { IOidcProvider } from "../oidc/oidc-provider";
import { STS_ACTIONS } from "../facts/iam";

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
    actions: [STS_ACTIONS.assumeRoleWithWebIdentity],
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
