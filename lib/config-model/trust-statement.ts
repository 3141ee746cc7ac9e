/**
 * The statement model the trust rules read. Statements come from synthesized Terraform (an
 * `aws_iam_policy_document`, a literal `assume_role_policy`) or from a plan; values may hold
 * Terraform expressions (`${...}`), which are unknown until apply.
 */

export interface TrustCondition {
  readonly operator: string;
  readonly key: string;
  readonly values: readonly string[];
}

/** A principal block: `AWS`, `Federated`, `Service`, ... or `*` for `"Principal": "*"`. */
export interface TrustPrincipal {
  readonly type: string;
  readonly identifiers: readonly string[];
}

export interface TrustStatement {
  readonly sid?: string;
  /** "Allow" or "Deny" (a malformed policy is reported before its statements are). */
  readonly effect: string;
  readonly actions: readonly string[];
  /** Set when the statement uses NotAction: it covers every action but these. */
  readonly notActions?: readonly string[];
  readonly principals: readonly TrustPrincipal[];
  /** Set when the statement uses NotPrincipal: it names everyone but these. */
  readonly notPrincipals?: readonly TrustPrincipal[];
  /** `undefined` when the conditions are a Terraform expression and cannot be read. */
  readonly conditions: readonly TrustCondition[] | undefined;
}

/**
 * How values are spelled: "terraform" in synthesized configuration (`${...}` is an interpolation,
 * `$${...}` and `&{...}` are IAM policy variables), "iam" in rendered policies such as a plan's
 * values (`${...}` is a policy variable, nothing is left for Terraform).
 */
export type ValueSyntax = "terraform" | "iam";

/** A trust policy as the rules see it: its statements, or why it cannot be judged. */
export type TrustPolicy =
  | { readonly kind: "statements"; readonly statements: readonly TrustStatement[]; readonly syntax: ValueSyntax }
  | { readonly kind: "unreadable"; readonly reason: string }
  | { readonly kind: "malformed"; readonly reason: string };

/** The identifiers of one principal type (case-insensitive type), e.g. every `Federated` principal. */
export function principalsOfType(s: TrustStatement, type: string): string[] {
  return s.principals.filter((p) => p.type.toLowerCase() === type.toLowerCase()).flatMap((p) => [...p.identifiers]);
}

export const federatedOf = (s: TrustStatement): string[] => principalsOfType(s, "Federated");
