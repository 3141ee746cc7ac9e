/**
 * A role's trust policy as IAM will receive it, rendered from the synthesized configuration: the
 * referenced `aws_iam_policy_document` merged with its source and override documents (read by the
 * trust checks' model), or the literal (or `jsonencode`d) `assume_role_policy`, with every
 * Terraform expression resolved. Lists are always arrays; conditions on the same operator and key
 * are merged, as the AWS provider renders them.
 */
import { trustPoliciesOf } from "../config-model/trust-policies-of-config";
import { policyDocumentReference } from "../config-model/terraform-expression";
import { TrustPrincipal, TrustStatement } from "../config-model/trust-statement";
import { ConfigReferences, UnresolvableReference } from "./terraform/config-references";
import { TfValue } from "./terraform/syntax";
import { UnresolvedValueError } from "./unresolved-value-error";
import { POLICY_VERSION } from "../facts/iam";

type Json = { [key: string]: any };

/** Evaluates configuration strings for one role, turning "known only at apply" into a helpful error. */
class RoleValues {
  constructor(
    private readonly refs: ConfigReferences,
    private readonly role: string,
  ) {}

  value(text: string): TfValue {
    try {
      return this.refs.resolveString(text);
    } catch (e) {
      if (e instanceof UnresolvableReference) {
        const hint = e.hint === "" ? "" : ` Supply it: IrsaAssertions.fromSynth(json, ${e.hint}).`;
        throw new UnresolvedValueError(
          text,
          e.reference,
          `IrsaAssertions: cannot resolve ${text} in the trust policy of ${this.role} at synth: ${e.message}.${hint}`,
        );
      }
      throw new Error(`IrsaAssertions: cannot evaluate ${text} in the trust policy of ${this.role}: ${(e as Error).message}`);
    }
  }

  string(text: string): string {
    const value = this.value(text);
    if (typeof value === "string") return value;
    if (typeof value === "number" || typeof value === "boolean") return String(value);
    throw new Error(`IrsaAssertions: ${text} in the trust policy of ${this.role} is not a string but ${JSON.stringify(value)}`);
  }

  /** A policy document string: `&{...}` is the document's spelling of an IAM policy variable. */
  documentString(text: string): string {
    return this.string(text).replace(/&\{/g, "${");
  }
}

/** The trust policy of `aws_iam_role.<name>`, as IAM policy JSON. */
export function renderTrustPolicy(config: Json, name: string, refs: ConfigReferences): string {
  const address = `aws_iam_role.${name}`;
  const roles = config.resource?.aws_iam_role ?? {};
  const role = roles[name];
  if (role === undefined) {
    const known = Object.keys(roles).map((r) => `aws_iam_role.${r}`);
    throw new Error(`IrsaAssertions: no ${address} in the synthesized configuration (roles: ${known.join(", ") || "none"})`);
  }
  if (typeof role.assume_role_policy !== "string") throw new Error(`IrsaAssertions: ${address} has no assume_role_policy string`);
  const values = new RoleValues(refs, address);
  const documentName = policyDocumentReference(role.assume_role_policy);
  if (documentName === undefined) {
    const text = values.string(role.assume_role_policy);
    try {
      return JSON.stringify(JSON.parse(text));
    } catch (e) {
      throw new Error(`IrsaAssertions: the assume_role_policy of ${address} is not JSON once resolved (${(e as Error).message})`);
    }
  }
  return renderDocument(config, documentName, address, values);
}

function renderDocument(config: Json, documentName: string, roleAddress: string, values: RoleValues): string {
  const documentAddress = `data.aws_iam_policy_document.${documentName}`;
  const block = config.data?.aws_iam_policy_document?.[documentName];
  if (block === undefined)
    throw new Error(`IrsaAssertions: ${roleAddress} refers to ${documentAddress}, which is not in the configuration`);
  const located = trustPoliciesOf(config, "terraform").find((p) => p.address.mode === "data" && p.address.name === documentName);
  const policy = located?.policy;
  if (policy === undefined || policy.kind !== "statements") {
    const reason = policy === undefined ? "could not be read" : policy.reason;
    throw new Error(`IrsaAssertions: the trust policy of ${roleAddress} (${documentAddress}) ${reason}; it cannot be evaluated at synth`);
  }
  const version = block.version === undefined ? POLICY_VERSION : values.string(String(block.version));
  const statements = policy.statements.map((s, i) => renderStatement(s, `${documentAddress} statement ${i}`, values));
  return JSON.stringify({ Version: version, Statement: statements });
}

function renderStatement(s: TrustStatement, where: string, values: RoleValues): Json {
  if (s.conditions === undefined) throw new Error(`IrsaAssertions: ${where} has conditions given as a Terraform expression`);
  if (s.principals.length === 0 && s.notPrincipals === undefined) {
    throw new Error(`IrsaAssertions: ${where} names no principal; IAM rejects such a trust policy statement`);
  }
  const list = (items: readonly string[]) => items.map((i) => values.documentString(i));
  const statement: Json = { Effect: values.string(s.effect) };
  if (s.sid !== undefined) statement.Sid = values.string(s.sid);
  if (s.notActions !== undefined) statement.NotAction = list(s.notActions);
  else statement.Action = list(s.actions);
  if (s.notPrincipals !== undefined) statement.NotPrincipal = principals(s.notPrincipals, values);
  else statement.Principal = principals(s.principals, values);
  if (s.conditions.length > 0) {
    const condition: { [operator: string]: { [key: string]: string[] } } = {};
    for (const c of s.conditions) {
      const keys = (condition[values.string(c.operator)] ??= {});
      const key = values.documentString(c.key);
      keys[key] = [...(keys[key] ?? []), ...list(c.values)];
    }
    statement.Condition = condition;
  }
  return statement;
}

function principals(blocks: readonly TrustPrincipal[], values: RoleValues): Json | string {
  if (blocks.some((p) => p.type === "*")) return "*";
  const byType: { [type: string]: string[] } = {};
  for (const p of blocks) {
    const type = values.string(p.type);
    byType[type] = [...(byType[type] ?? []), ...p.identifiers.map((i) => values.string(i))];
  }
  return byType;
}
