/** The size of a trust policy as IAM counts it (JSON without whitespace), and the warning past IAM's default quota. */
import {
  DataAwsIamPolicyDocumentStatement,
  DataAwsIamPolicyDocumentStatementCondition,
  DataAwsIamPolicyDocumentStatementPrincipals,
} from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { Annotations } from "cdktf";
import { IConstruct } from "constructs";

/** IAM's default quota for a trust policy, counted without whitespace. */
export const TRUST_POLICY_QUOTA = 2048;

/** A value known only at apply (an ARN, an issuer host, a cluster name) is counted at this length. */
const TYPICAL_TOKEN_LENGTH = 100;
const TOKEN = /\$\{TfToken\[[^\]]+\]\}/g;

const scalarOrList = (values: readonly string[]) => (values.length === 1 ? values[0] : values);

/** The policy IAM will store for these statements, as JSON text; tokens stand in at a typical length. */
export function estimateTrustPolicySize(statements: readonly DataAwsIamPolicyDocumentStatement[]): number {
  const iamShaped = {
    Version: "2012-10-17",
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
  return JSON.stringify(iamShaped).replace(TOKEN, "x".repeat(TYPICAL_TOKEN_LENGTH)).length;
}

/** Warns when the trust policy would pass IAM's default size quota. */
export function warnIfTrustPolicyTooLarge(
  construct: IConstruct,
  owner: string,
  statements: readonly DataAwsIamPolicyDocumentStatement[],
): void {
  const size = estimateTrustPolicySize(statements);
  if (size > TRUST_POLICY_QUOTA) {
    Annotations.of(construct).addWarning(
      `${owner}: the trust policy is about ${size} characters, over IAM's default quota of ` +
        `${TRUST_POLICY_QUOTA}; request a higher "Role trust policy length" quota or split the role.`,
    );
  }
}
