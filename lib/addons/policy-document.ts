/** IAM policy documents as the add-on policies write them, and their size as IAM counts it. */
import { Tokenization } from "cdktf";
import { POLICY_VERSION } from "../facts/iam";
import { ESTIMATED_TOKEN_LENGTH } from "../facts/terraform";

/** Condition block: operator -> condition key -> value(s). */
export type PolicyCondition = { readonly [operator: string]: { readonly [key: string]: string | readonly string[] } };

export interface PolicyStatement {
  readonly Sid?: string;
  readonly Effect: "Allow" | "Deny";
  readonly Action: string | readonly string[];
  readonly Resource: string | readonly string[];
  readonly Condition?: PolicyCondition;
}

export interface PolicyDocument {
  readonly Version: typeof POLICY_VERSION;
  readonly Statement: readonly PolicyStatement[];
}

/** A policy document from its statements. */
export function policyDocument(...statements: PolicyStatement[]): PolicyDocument {
  return { Version: POLICY_VERSION, Statement: statements };
}

/** An Allow statement. */
export function allow(
  Action: string | readonly string[],
  Resource: string | readonly string[],
  Condition?: PolicyCondition,
): PolicyStatement {
  return Condition === undefined ? { Effect: "Allow", Action, Resource } : { Effect: "Allow", Action, Resource, Condition };
}

/** IAM's limit for a customer managed policy, in characters without whitespace. */
export const MANAGED_POLICY_SIZE_LIMIT = 6144;

/** How long a value that is a token at synth time (an ARN from another resource) is assumed to be. */
export const TYPICAL_TOKEN_LENGTH = ESTIMATED_TOKEN_LENGTH.permissionsPolicy;

/**
 * Length of a document as IAM counts it: its JSON without whitespace. Each token is counted at
 * {@link TYPICAL_TOKEN_LENGTH} characters, so the result is an estimate when the document holds any.
 */
export function estimatePolicySize(json: string): number {
  const fragments = Tokenization.reverseString(json);
  return (
    fragments.literals.reduce((sum: number, literal) => sum + String(literal).length, 0) + fragments.tokens.length * TYPICAL_TOKEN_LENGTH
  );
}
