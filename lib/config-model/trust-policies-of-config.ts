/**
 * Finds every trust policy in a Terraform configuration, as Terraform will apply it: each
 * `aws_iam_policy_document` merged with its source and override documents, and each
 * `aws_iam_role` whose `assume_role_policy` is not simply such a document's `json`.
 */
import { ownStatementsOfDocument } from "./policy-document-block";
import { policyFromJson } from "./policy-json";
import { Block, TerraformAddress, TerraformConfig } from "./terraform-config";
import { isExpression, policyDocumentReference } from "./terraform-expression";
import { TrustPolicy, TrustStatement, ValueSyntax } from "./trust-statement";

export interface LocatedTrustPolicy {
  readonly address: TerraformAddress;
  readonly policy: TrustPolicy;
}

const DOCUMENT = "aws_iam_policy_document";
const ROLE = "aws_iam_role";

/** @param syntax "terraform" for synthesized configuration, "iam" for a plan's rendered values */
export function trustPoliciesOf(config: TerraformConfig, syntax: ValueSyntax = "terraform"): LocatedTrustPolicy[] {
  const documents = config.data?.[DOCUMENT] ?? {};
  const roles = config.resource?.[ROLE] ?? {};
  const usedAsTrust = new Set(
    Object.values(roles).flatMap((role) => {
      const name = typeof role.assume_role_policy === "string" ? policyDocumentReference(role.assume_role_policy) : undefined;
      return name === undefined ? [] : [name];
    }),
  );
  const merged = new DocumentMerger(documents, syntax);
  const found: LocatedTrustPolicy[] = [];
  for (const name of Object.keys(documents)) {
    const policy = merged.policyOf(name);
    if (usedAsTrust.has(name) || looksLikeTrust(policy, documents[name])) {
      found.push({ address: { mode: "data", type: DOCUMENT, name }, policy });
    }
  }
  for (const [name, role] of Object.entries(roles)) {
    const text = role.assume_role_policy;
    if (typeof text !== "string" || policyDocumentReference(text) !== undefined) continue;
    found.push({ address: { mode: "managed", type: ROLE, name }, policy: policyFromJson(text, syntax) });
  }
  return found;
}

/** A document that names principals is a trust policy; one that cannot be read might be. */
function looksLikeTrust(policy: TrustPolicy, block: Block): boolean {
  if (policy.kind === "statements") return policy.statements.some((s) => s.principals.length > 0 || s.notPrincipals !== undefined);
  return /principal|AssumeRole/i.test(JSON.stringify(block));
}

/**
 * The provider's merge: the source documents' statements in order, then the document's own
 * statements, then the override documents'; a statement with a non-empty Sid replaces an earlier
 * one with the same Sid, others are appended.
 */
class DocumentMerger {
  private readonly cache = new Map<string, TrustPolicy>();
  private readonly inProgress = new Set<string>();

  constructor(
    private readonly documents: { readonly [name: string]: Block },
    private readonly syntax: ValueSyntax,
  ) {}

  policyOf(name: string): TrustPolicy {
    const cached = this.cache.get(name);
    if (cached !== undefined) return cached;
    if (this.inProgress.has(name)) return { kind: "malformed", reason: `refers to itself through its source or override documents` };
    this.inProgress.add(name);
    const policy = this.merge(this.documents[name]);
    this.inProgress.delete(name);
    this.cache.set(name, policy);
    return policy;
  }

  private merge(block: Block): TrustPolicy {
    // The deprecated source_json / override_json act as one more source (first) and override (last).
    const parts: TrustPolicy[] = [
      ...this.listed(block.source_json === undefined ? undefined : [block.source_json], "source_json"),
      ...this.listed(block.source_policy_documents, "source_policy_documents"),
      ownStatementsOfDocument(block, this.syntax),
      ...this.listed(block.override_policy_documents, "override_policy_documents"),
      ...this.listed(block.override_json === undefined ? undefined : [block.override_json], "override_json"),
    ];
    const statements: TrustStatement[] = [];
    for (const part of parts) {
      if (part.kind !== "statements") return part;
      for (const s of part.statements) {
        const same = s.sid === undefined ? -1 : statements.findIndex((earlier) => earlier.sid === s.sid);
        if (same >= 0) statements[same] = s;
        else statements.push(s);
      }
    }
    return { kind: "statements", statements, syntax: this.syntax };
  }

  /** The policies of a source or override list: referenced documents, literal JSON, or unreadable. */
  private listed(value: unknown, attribute: string): TrustPolicy[] {
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value)) return [{ kind: "unreadable", reason: `${attribute} is a Terraform expression` }];
    return value.map((item): TrustPolicy => {
      const text = String(item);
      const name = policyDocumentReference(text);
      if (name !== undefined && this.documents[name] !== undefined) return this.policyOf(name);
      if (name === undefined && !isExpression(text, this.syntax)) {
        const parsed = policyFromJson(text, this.syntax, false);
        return parsed.kind === "malformed" ? { kind: "malformed", reason: `${attribute}: ${parsed.reason}` } : parsed;
      }
      return { kind: "unreadable", reason: `${attribute} holds ${text}, which is known only at apply` };
    });
  }
}
