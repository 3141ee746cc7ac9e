import { POD_IDENTITY_SESSION_TAG_KEYS as SESSION_TAG_KEYS } from "../../../facts/eks";
import { TrustRule } from "../../trust-rule";
import { podIdentityStatements } from "../../web-identity";

const NARROWING_KEYS = [
  SESSION_TAG_KEYS.clusterName,
  "aws:RequestTag/eks-cluster-arn",
  SESSION_TAG_KEYS.namespace,
  SESSION_TAG_KEYS.serviceAccount,
].map((k) => k.toLowerCase());

export const podIdentityOpenToAccount: TrustRule = {
  id: "IRSA021",
  name: "pod-identity-open-to-account",
  severity: "warning",
  summary:
    "A pods.eks.amazonaws.com trust is not narrowed to a service account: any Pod Identity association of the account can use the role.",
  help:
    "Anyone who may create an association (eks:CreatePodIdentityAssociation and iam:PassRole on the role) can hand the role to any " +
    "service account of any cluster. Add StringEquals conditions on aws:RequestTag/kubernetes-service-account (and the namespace " +
    "and eks-cluster-name tags); PodIdentityRole does this unless session tags are disabled.",
  check: (policy) =>
    podIdentityStatements(policy)
      .filter(({ statement }) => statement.conditions !== undefined)
      .filter(
        ({ statement }) => !(statement.conditions ?? []).some((c) => c.key.toLowerCase() === SESSION_TAG_KEYS.serviceAccount.toLowerCase()),
      )
      .map(({ label, statement }) => {
        const narrowed = (statement.conditions ?? []).filter((c) => NARROWING_KEYS.includes(c.key.toLowerCase())).map((c) => c.key);
        return narrowed.length === 0
          ? `${label} has no session-tag condition: every Pod Identity association in the account can use the role`
          : `${label} narrows only by ${narrowed.join(", ")}: every service account there can use the role`;
      }),
};
