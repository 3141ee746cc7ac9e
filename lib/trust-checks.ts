import { Annotations, IAspect, TerraformElement } from "cdktf";
import { IConstruct } from "constructs";
import { fromPolicyDocument, fromPolicyJson, TrustStatement } from "./trust-model";
import { checkTrustStatements } from "./trust-rules";

/** Properties of {@link IrsaTrustChecks}. */
export interface IrsaTrustChecksProps {
  /**
   * Report problems as warnings instead of failing synth (to adopt the checks in a stack that has
   * findings).
   * @default false
   */
  readonly warnOnly?: boolean;
}

/**
 * A cdktf Aspect that checks every web-identity trust in the scope it is added to: every
 * `aws_iam_policy_document` and every literal `assume_role_policy` of an `aws_iam_role`, ours or
 * not. It fails synth for a statement without sub or aud (or with them split across statements),
 * fail-open operators on those keys, a wildcard namespace, or no condition at all; it warns on
 * service account name wildcards.
 *
 * `Aspects.of(stack).add(new IrsaTrustChecks())`
 */
export class IrsaTrustChecks implements IAspect {
  private readonly warnOnly: boolean;

  constructor(props: IrsaTrustChecksProps = {}) {
    this.warnOnly = props.warnOnly ?? false;
  }

  public visit(node: IConstruct): void {
    const statements = this.statementsOf(node);
    if (statements === undefined) return;
    const findings = checkTrustStatements(statements);
    const what = `${(node as TerraformElement & { terraformResourceType: string }).terraformResourceType} at ${node.node.path}`;
    const errors: string[] = [];
    for (const f of findings) {
      if (f.level === "error" && !this.warnOnly) errors.push(f.message);
      else Annotations.of(node).addWarning(`IrsaTrustChecks: ${what}: ${f.message}`);
    }
    if (errors.length > 0) {
      throw new Error(`IrsaTrustChecks: ${what}: ${errors.join("; ")}`);
    }
  }

  /** Statements of a trust policy held by this node, or `undefined` when it holds none we can read. */
  private statementsOf(node: IConstruct): TrustStatement[] | undefined {
    const type = (node as { terraformResourceType?: unknown }).terraformResourceType;
    if (type === "aws_iam_policy_document") {
      const synthesized = (node as TerraformElement).toTerraform() as { data?: { [type: string]: { [id: string]: { [key: string]: unknown } } } };
      const attributes = Object.values(synthesized.data?.aws_iam_policy_document ?? {})[0];
      return attributes === undefined ? undefined : fromPolicyDocument(attributes);
    }
    if (type === "aws_iam_role") {
      const policy = (node as { assumeRolePolicyInput?: unknown }).assumeRolePolicyInput;
      // A whole-token policy (e.g. a document's json) is checked at its document; a literal one or a
      // JSON string with tokens inside is parsed here.
      return typeof policy === "string" ? fromPolicyJson(policy) : undefined;
    }
    return undefined;
  }
}
