/**
 * The statement model the trust rules read: one shape for trust statements, read either from an
 * `aws_iam_policy_document` (as synthesized, snake_case) or from a policy JSON string. Values may
 * contain tokens.
 */

export interface TrustCondition {
  readonly operator: string;
  readonly key: string;
  readonly values: string[];
}

export interface TrustStatement {
  readonly effect: string;
  readonly actions: string[];
  readonly federated: string[];
  /** `undefined` when the conditions are a token and cannot be read at synth time. */
  readonly conditions: TrustCondition[] | undefined;
}

const asList = (value: unknown): string[] =>
  value === undefined || value === null ? [] : (Array.isArray(value) ? value : [value]).map((v) => String(v));

/** Statements of a synthesized `aws_iam_policy_document`; `undefined` when they are a token. */
export function statementsOfPolicyDocument(attributes: { [key: string]: unknown }): TrustStatement[] | undefined {
  const statements = attributes.statement;
  if (statements === undefined) return [];
  if (!Array.isArray(statements)) return undefined;
  return statements.map((s: { [key: string]: unknown }) => {
    const principals = Array.isArray(s.principals) ? (s.principals as { type?: unknown; identifiers?: unknown }[]) : [];
    const condition = s.condition;
    return {
      effect: typeof s.effect === "string" ? s.effect : "Allow",
      actions: asList(s.actions),
      federated: principals.filter((p) => p.type === "Federated").flatMap((p) => asList(p.identifiers)),
      conditions:
        condition === undefined
          ? []
          : Array.isArray(condition)
            ? condition.map((c: { [key: string]: unknown }) => ({
                operator: String(c.test),
                key: String(c.variable),
                values: asList(c.values),
              }))
            : undefined,
    };
  });
}

/** Statements of a policy in JSON; `undefined` when the text is not a JSON policy. */
export function statementsOfPolicyJson(json: string): TrustStatement[] | undefined {
  let doc: unknown;
  try {
    doc = JSON.parse(json);
  } catch {
    return undefined;
  }
  if (doc === null || typeof doc !== "object" || !("Statement" in doc)) return undefined;
  const raw = (doc as { Statement: unknown }).Statement;
  const statements = (Array.isArray(raw) ? raw : [raw]) as { [key: string]: unknown }[];
  return statements.map((s) => {
    const principal = s.Principal;
    const federated = principal !== null && typeof principal === "object" ? asList((principal as { Federated?: unknown }).Federated) : [];
    const conditions: TrustCondition[] = [];
    const block = s.Condition;
    if (block !== null && typeof block === "object") {
      for (const [operator, keys] of Object.entries(block as { [op: string]: unknown })) {
        if (keys === null || typeof keys !== "object") continue;
        for (const [key, values] of Object.entries(keys as { [key: string]: unknown })) {
          conditions.push({ operator, key, values: asList(values) });
        }
      }
    }
    return { effect: typeof s.Effect === "string" ? s.Effect : "Deny", actions: asList(s.Action), federated, conditions };
  });
}
