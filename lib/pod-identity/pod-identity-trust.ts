/**
 * The EKS Pod Identity trust: the service principal `pods.eks.amazonaws.com` with `sts:AssumeRole`
 * and `sts:TagSession`, narrowed to the listed clusters and service accounts by the session tags EKS
 * sets on every AssumeRole it makes (EKS user guide, "Create IAM role with trust policy required by
 * EKS Pod Identity", Setting Conditions: "You can use these tags in the condition keys in the trust
 * policy to restrict which service accounts, namespaces, and clusters can use this role").
 */
import { DataAwsIamPolicyDocumentStatement } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { ServiceAccountRef } from "../kubernetes/service-account";
import { POD_IDENTITY, TrustedSubject } from "../kubernetes/trusted-subject";
import { AddonPolicyContext, arn } from "../addons/partition";
import { POD_IDENTITY_ACTIONS, POD_IDENTITY_SERVICE, POD_IDENTITY_SESSION_TAG_KEYS as SESSION_TAG_KEYS } from "../facts/eks";

export { POD_IDENTITY_SERVICE } from "../facts/eks";

/** The clusters and service accounts that may use the role through Pod Identity. */
export interface PodIdentityTrustSpec {
  readonly clusters: ReadonlyArray<{ readonly clusterName: string; readonly serviceAccounts: readonly ServiceAccountRef[] }>;
  /**
   * Whether the associations pass session tags. Without them the trust cannot be narrowed: the
   * tag conditions would never hold, so the statement names the service principal only.
   */
  readonly sessionTags: boolean;
  /**
   * The partition, region and account of the stack's default AWS provider, which creates the
   * associations (so the clusters are in that region and account): read only when the trust is
   * narrowed, so a role without session tags gets no data sources.
   */
  readonly aws: AddonPolicyContext;
}

/**
 * The cluster's ARN, as EKS passes it in the `eks-cluster-arn` session tag. A cluster name is
 * unique per account and Region only; the ARN pins the one cluster.
 */
export function eksClusterArn(aws: AddonPolicyContext, clusterName: string): string {
  return arn(aws, "eks", aws.region, aws.accountId, `cluster/${clusterName}`);
}

const ACTIONS = [...POD_IDENTITY_ACTIONS];
const PRINCIPAL = [{ type: "Service", identifiers: [POD_IDENTITY_SERVICE] }];

/**
 * One statement per (cluster, namespace), listing that namespace's service accounts. Condition keys
 * are ANDed and their values OR'ed, so one statement over several namespaces would also admit a
 * listed name in another listed namespace; grouping by namespace admits exactly the listed pairs.
 */
export function podIdentityTrustStatements(spec: PodIdentityTrustSpec): DataAwsIamPolicyDocumentStatement[] {
  if (!spec.sessionTags) return [{ effect: "Allow", actions: ACTIONS, principals: PRINCIPAL }];
  return spec.clusters.flatMap(({ clusterName, serviceAccounts }) =>
    groupByNamespace(serviceAccounts).map(([namespace, names]) => ({
      effect: "Allow",
      actions: ACTIONS,
      principals: PRINCIPAL,
      condition: [
        { test: "StringEquals", variable: SESSION_TAG_KEYS.clusterArn, values: [eksClusterArn(spec.aws, clusterName)] },
        { test: "StringEquals", variable: SESSION_TAG_KEYS.clusterName, values: [clusterName] },
        { test: "StringEquals", variable: SESSION_TAG_KEYS.namespace, values: [namespace] },
        { test: "StringEquals", variable: SESSION_TAG_KEYS.serviceAccount, values: names },
      ],
    })),
  );
}

function groupByNamespace(accounts: readonly ServiceAccountRef[]): [string, string[]][] {
  const groups = new Map<string, string[]>();
  for (const sa of accounts) groups.set(sa.namespace, [...(groups.get(sa.namespace) ?? []), sa.name]);
  return [...groups.entries()];
}

/** Every (cluster, service account) the statements admit. */
export function podIdentitySubjectsOf(spec: PodIdentityTrustSpec): TrustedSubject[] {
  return spec.clusters.flatMap(({ clusterName, serviceAccounts }) =>
    serviceAccounts.map((sa) => ({
      via: POD_IDENTITY,
      namespace: sa.namespace,
      serviceAccountName: sa.name,
      service: POD_IDENTITY_SERVICE,
      clusterName,
    })),
  );
}
