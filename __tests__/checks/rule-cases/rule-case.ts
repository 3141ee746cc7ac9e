/**
 * One rule, one failing and one passing input (cdk-nag's pattern). Each rule family has its own case
 * file in this folder; index.ts lists them, and rule-cases.test.ts fails for a registered rule
 * without a case.
 */
import { policyFromJson } from "../../../lib/config-model/policy-json";
import { TrustPolicy, TrustStatement } from "../../../lib/config-model/trust-statement";

export interface RuleCase<Input = TrustPolicy> {
  /** The id of the rule, e.g. "IRSA002". */
  readonly ruleId: string;
  /** An input the rule must report (for trust rules, a trust policy). */
  readonly failing: Input;
  /** What the rule's message for the failing input says. */
  readonly message: RegExp;
  /** The failing input with its defect fixed: no rule of the registry reports anything. */
  readonly passing: Input;
}

/** A trust policy of JSON statements, as synthesized Terraform spells values ("terraform" syntax). */
export function trust(...statements: object[]): TrustPolicy {
  return policyFromJson(JSON.stringify({ Version: "2012-10-17", Statement: statements }), "terraform");
}

/** A trust policy built on the statement model, for shapes JSON cannot carry (conditions given as an expression). */
export function modelTrust(...statements: TrustStatement[]): TrustPolicy {
  return { kind: "statements", statements, syntax: "terraform" };
}

export const HOST = "oidc.eks.us-west-2.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE";
export const PROVIDER_ARN = `arn:aws:iam::111122223333:oidc-provider/${HOST}`;
export const SUBJECT = "system:serviceaccount:orders:api";

/** An sts:AssumeRoleWithWebIdentity statement of the EKS issuer, with the given conditions. */
export function webIdentity(condition?: object, federated: string | string[] = PROVIDER_ARN): object {
  return {
    Effect: "Allow",
    Principal: { Federated: federated },
    Action: "sts:AssumeRoleWithWebIdentity",
    ...(condition === undefined ? {} : { Condition: condition }),
  };
}

/** The documented IRSA trust: sub and aud pinned with StringEquals. */
export const SAFE_WEB_IDENTITY = webIdentity({ StringEquals: { [`${HOST}:sub`]: SUBJECT, [`${HOST}:aud`]: "sts.amazonaws.com" } });
