/**
 * External Secrets Operator, AWS Secrets Manager and Parameter Store providers:
 * external-secrets/external-secrets docs/provider/aws-secrets-manager.md ("IAM Policy", and the
 * "more restrictive" PushSecret policy) and docs/provider/aws-parameter-store.md ("Fetching" and
 * "Pushing Parameters") @ v2.9.0 (378bdb622ed9). Writing is opt-in (`allowCreate`): create, update
 * and tag the listed secrets, delete only those ESO tagged `managed-by=external-secrets`. The
 * resource-policy and replication actions of the PushSecret docs are left out (needed only for the
 * `resourcePolicy` / `replicationLocations` metadata). ESO's docs publish no KMS statement;
 * `kmsKeyArns` grants `kms:Decrypt` as terraform-aws-iam v6.5.0 does for customer managed keys.
 */
import { AddonDefinition } from "./addon-definition";
import { kmsKeyArn, secretArn, ssmParameterArn } from "./arn-rules";
import { allow, policyDocument, PolicyStatement } from "./policy-document";

/** Properties of {@link AddonPolicies.externalSecrets}. At least one of the secret lists is required. */
export interface ExternalSecretsPolicyProps {
  /**
   * Secrets Manager secrets ESO reads (`...:secret:<name>`; a name prefix such as `dev-*` is allowed).
   * @default - none (then `ssmParameterArns` is required)
   */
  readonly secretsManagerArns?: string[];
  /**
   * SSM parameters ESO reads (`...:parameter/<name>`; a name prefix such as `dev-*` is allowed).
   * @default - none (then `secretsManagerArns` is required)
   */
  readonly ssmParameterArns?: string[];
  /**
   * Customer managed KMS keys the secrets or parameters are encrypted with (`kms:Decrypt`).
   * @default - none (AWS managed keys need no permission)
   */
  readonly kmsKeyArns?: string[];
  /**
   * Let ESO write the listed secrets and parameters too (PushSecret).
   * @default false
   */
  readonly allowCreate?: boolean;
}

function statements(props: ExternalSecretsPolicyProps): PolicyStatement[] {
  const secrets = props.secretsManagerArns ?? [];
  const parameters = props.ssmParameterArns ?? [];
  const kms = props.kmsKeyArns ?? [];
  const write = props.allowCreate ?? false;
  const result: PolicyStatement[] = [];
  if (secrets.length > 0) {
    result.push(
      allow(["secretsmanager:ListSecrets", "secretsmanager:BatchGetSecretValue"], "*"),
      allow(
        [
          "secretsmanager:GetResourcePolicy",
          "secretsmanager:GetSecretValue",
          "secretsmanager:DescribeSecret",
          "secretsmanager:ListSecretVersionIds",
        ],
        secrets,
      ),
    );
    if (write) {
      result.push(
        allow(["secretsmanager:CreateSecret", "secretsmanager:PutSecretValue", "secretsmanager:TagResource"], secrets),
        allow(["secretsmanager:DeleteSecret"], secrets, { StringEquals: { "secretsmanager:ResourceTag/managed-by": "external-secrets" } }),
      );
    }
  }
  if (parameters.length > 0) {
    result.push(allow(["ssm:GetParameter*"], parameters));
    if (write) result.push(allow(["ssm:PutParameter*", "ssm:AddTagsToResource", "ssm:ListTagsForResource"], parameters));
  }
  if (kms.length > 0) result.push(allow(["kms:Decrypt"], kms));
  return result;
}

export const EXTERNAL_SECRETS: AddonDefinition<ExternalSecretsPolicyProps> = {
  name: "external-secrets",
  factory: "externalSecrets",
  title: "External Secrets Operator (Secrets Manager, Parameter Store)",
  defaultServiceAccount: { namespace: "external-secrets", name: "external-secrets" },
  sources: [
    {
      repository: "external-secrets/external-secrets",
      path: "docs/provider/aws-secrets-manager.md, docs/provider/aws-parameter-store.md",
      version: "v2.9.0",
      commit: "378bdb622ed9",
    },
  ],
  inputs: [
    { name: "secretsManagerArns", kind: "list", required: false, what: "Secrets Manager secret ARN", rule: secretArn },
    { name: "ssmParameterArns", kind: "list", required: false, what: "SSM parameter ARN", rule: ssmParameterArn },
    { name: "kmsKeyArns", kind: "list", required: false, what: "KMS key ARN", rule: kmsKeyArn },
    { name: "allowCreate", kind: "boolean", required: false, what: "write permissions" },
  ],
  oneOf: ["secretsManagerArns", "ssmParameterArns"],
  build: (props, reject) => {
    if ((props.secretsManagerArns ?? []).length === 0 && (props.ssmParameterArns ?? []).length === 0) {
      reject("secretsManagerArns", "and ssmParameterArns are both empty: list the secrets or parameters ESO may read (at least one)");
    }
    return { documents: [{ name: "external-secrets", render: () => policyDocument(...statements(props)) }] };
  },
};
