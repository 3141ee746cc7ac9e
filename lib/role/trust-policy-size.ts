/** The size of a trust policy as IAM counts it (JSON without whitespace), and the warning past IAM's default quota. */
import {
  DataAwsIamPolicyDocumentStatement,
  DataAwsIamPolicyDocumentStatementCondition,
  DataAwsIamPolicyDocumentStatementPrincipals,
} from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { Annotations, Token } from "cdktf";
import { IConstruct } from "constructs";
import { SIZE_ESTIMATE_CONTEXT } from "../addons/partition";
import { CDKTF_STRING_TOKEN, ESTIMATED_TOKEN_LENGTH } from "../facts/terraform";
import { stableText } from "../construct-ids/stable-key";
import { POLICY_VERSION } from "../facts/iam";

/** IAM's default quota for a trust policy, counted without whitespace. */
export const TRUST_POLICY_QUOTA = 2048;

/** A value known only at apply (an ARN, an issuer host, a cluster name) is counted at this length. */
const TYPICAL_TOKEN_LENGTH = ESTIMATED_TOKEN_LENGTH.trustPolicy;

const scalarOrList = (values: readonly string[]) => (values.length === 1 ? values[0] : values);

/** The policy IAM will store for these statements, as JSON text; tokens stand in at a typical length. */
export function estimateTrustPolicySize(statements: readonly DataAwsIamPolicyDocumentStatement[]): number {
  const iamShaped = {
    Version: POLICY_VERSION,
    Statement: statements.map((s) => {
      const condition: { [operator: string]: { [key: string]: unknown } } = {};
      for (const c of (s.condition as DataAwsIamPolicyDocumentStatementCondition[] | undefined) ?? []) {
        (condition[c.test] ??= {})[c.variable] = scalarOrList(c.values);
      }
      const principal = Object.fromEntries(
        ((s.principals as DataAwsIamPolicyDocumentStatementPrincipals[] | undefined) ?? []).map((p) => [
          p.type,
          scalarOrList(p.identifiers),
        ]),
      );
      return { Effect: s.effect ?? "Allow", Action: scalarOrList(s.actions ?? []), Principal: principal, Condition: condition };
    }),
  };
  return JSON.stringify(iamShaped).replace(CDKTF_STRING_TOKEN, "x".repeat(TYPICAL_TOKEN_LENGTH)).length;
}

/**
 * The stack's shared partition, region and account references (lib/addons/partition.ts), at the
 * longest common lengths of their values: a Pod Identity statement's cluster ARN holds all three,
 * and counting each at {@link TYPICAL_TOKEN_LENGTH} would warn about roles far below the quota.
 */
const SHARED_REFERENCES: ReadonlyArray<[RegExp, string]> = [
  [/\$\{data\.aws_partition\.aws-partition\.partition\}/g, SIZE_ESTIMATE_CONTEXT.partition],
  [/\$\{data\.aws_region\.aws-region\.region\}/g, SIZE_ESTIMATE_CONTEXT.region],
  [/\$\{data\.aws_caller_identity\.aws-caller-identity\.account_id\}/g, SIZE_ESTIMATE_CONTEXT.accountId],
];

/** The statements with the stack's shared partition, region and account references replaced by typical values. */
function withSharedReferencesEstimated(
  scope: IConstruct,
  statements: readonly DataAwsIamPolicyDocumentStatement[],
): DataAwsIamPolicyDocumentStatement[] {
  const estimate = (value: string) => {
    if (!Token.isUnresolved(value)) return value;
    const text = stableText(scope, value);
    const replaced = SHARED_REFERENCES.reduce((t, [pattern, typical]) => t.replace(pattern, typical), text);
    return replaced === text ? value : replaced.replace(/\$\{[^}]*\}/g, "x".repeat(TYPICAL_TOKEN_LENGTH));
  };
  return statements.map((s) => ({
    ...s,
    condition: (s.condition as DataAwsIamPolicyDocumentStatementCondition[] | undefined)?.map((c) => ({
      ...c,
      values: c.values.map(estimate),
    })),
  }));
}

/** Warns when the trust policy would pass IAM's default size quota. */
export function warnIfTrustPolicyTooLarge(
  construct: IConstruct,
  owner: string,
  statements: readonly DataAwsIamPolicyDocumentStatement[],
): void {
  const size = estimateTrustPolicySize(withSharedReferencesEstimated(construct, statements));
  if (size > TRUST_POLICY_QUOTA) {
    Annotations.of(construct).addWarning(
      `${owner}: the trust policy is about ${size} characters, over IAM's default quota of ` +
        `${TRUST_POLICY_QUOTA}; request a higher "Role trust policy length" quota or split the role.`,
    );
  }
}
