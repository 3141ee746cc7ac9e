/**
 * AWS Secrets and Configuration Provider (ASCP) for the Secrets Store CSI driver:
 * aws/secrets-store-csi-driver-provider-aws README.md ("Create an access policy for the pod":
 * secretsmanager:GetSecretValue and DescribeSecret on the secrets; "ssm:GetParameters" for
 * parameters) @ 3.1.1 (5f47771b1164). The provider fetches with the credentials of the pod that
 * mounts the volume, so this is the WORKLOAD's role: it has no default service account (list the
 * workload's in `serviceAccounts`). Upstream's example uses `arn:*:secretsmanager:*:*:secret:MySecret-??????`;
 * here the secrets and parameters are listed and judged like every scoping list.
 */
import { AddonDefinition } from "./addon-definition";
import { secretArn, ssmParameterArn } from "./arn-rules";
import { allow, policyDocument, PolicyStatement } from "./policy-document";

/** Properties of {@link AddonPolicies.secretsStoreCsiProvider}. At least one of the lists is required. */
export interface SecretsStoreCsiProviderPolicyProps {
  /**
   * Secrets Manager secrets the workload mounts (`...:secret:<name>`; a name prefix such as `team-a/*` is allowed).
   * @default - none (then `ssmParameterArns` is required)
   */
  readonly secretsManagerArns?: string[];
  /**
   * SSM parameters the workload mounts (`...:parameter/<name>`; a name prefix such as `team-a/*` is allowed).
   * @default - none (then `secretsManagerArns` is required)
   */
  readonly ssmParameterArns?: string[];
}

function statements(props: SecretsStoreCsiProviderPolicyProps): PolicyStatement[] {
  const result: PolicyStatement[] = [];
  if ((props.secretsManagerArns ?? []).length > 0) {
    result.push(allow(["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"], props.secretsManagerArns!));
  }
  if ((props.ssmParameterArns ?? []).length > 0) result.push(allow(["ssm:GetParameters"], props.ssmParameterArns!));
  return result;
}

export const SECRETS_STORE_CSI_PROVIDER: AddonDefinition<SecretsStoreCsiProviderPolicyProps> = {
  name: "secrets-store-csi-provider",
  factory: "secretsStoreCsiProvider",
  title: "AWS Secrets Store CSI provider (ASCP), the workload's own role",
  sources: [{ repository: "aws/secrets-store-csi-driver-provider-aws", path: "README.md", version: "3.1.1", commit: "5f47771b1164" }],
  inputs: [
    { name: "secretsManagerArns", kind: "list", required: false, what: "Secrets Manager secret ARN", rule: secretArn },
    { name: "ssmParameterArns", kind: "list", required: false, what: "SSM parameter ARN", rule: ssmParameterArn },
  ],
  oneOf: ["secretsManagerArns", "ssmParameterArns"],
  build: (props, reject) => {
    if ((props.secretsManagerArns ?? []).length === 0 && (props.ssmParameterArns ?? []).length === 0) {
      reject(
        "secretsManagerArns",
        "and ssmParameterArns are both empty: list the secrets or parameters the workload mounts (at least one)",
      );
    }
    return { documents: [{ name: "secrets-store-csi-provider", render: () => policyDocument(...statements(props)) }] };
  },
};
