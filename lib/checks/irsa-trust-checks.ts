import { Annotations, IAspect, TerraformElement } from "cdktf";
import { IConstruct } from "constructs";
import { checkTrustStatements } from "./check-trust-policy";
import { statementsOfPolicyDocument, statementsOfPolicyJson, TrustStatement } from "./trust-statement";

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
 * not. Each finding becomes an error or a warning annotation on the offending construct, so that
 * synth lists all of them and then fails on the errors: a statement without sub or aud (or with
 * them split across statements), fail-open operators on those keys, a wildcard namespace, or no
 * condition at all. Service account name wildcards are warnings.
 *
 * `Aspects.of(stack).add(new IrsaTrustChecks())`
 */
export class IrsaTrustChecks implements IAspect {
  private readonly warnOnly: boolean;

  constructor(props: IrsaTrustChecksProps = {}) {
    this.warnOnly = props.warnOnly ?? false;
  }

  public visit(node: IConstruct): void {
    const statements = statementsOf(node);
    if (statements === undefined) return;
    const type = (node as TerraformElement & { terraformResourceType: string }).terraformResourceType;
    for (const finding of checkTrustStatements(statements)) {
      const text = `IrsaTrustChecks ${finding.ruleId} (${finding.ruleName}): ${type} at ${node.node.path}: ${finding.message}`;
      if (finding.severity === "error" && !this.warnOnly) Annotations.of(node).addError(text);
      else Annotations.of(node).addWarning(text);
    }
  }
}

/** Statements of a trust policy held by this node, or `undefined` when it holds none we can read. */
function statementsOf(node: IConstruct): TrustStatement[] | undefined {
  const type = (node as { terraformResourceType?: unknown }).terraformResourceType;
  if (type === "aws_iam_policy_document") {
    const synthesized = (node as TerraformElement).toTerraform() as {
      data?: { [type: string]: { [id: string]: { [key: string]: unknown } } };
    };
    const attributes = Object.values(synthesized.data?.aws_iam_policy_document ?? {})[0];
    return attributes === undefined ? undefined : statementsOfPolicyDocument(attributes);
  }
  if (type === "aws_iam_role") {
    const policy = (node as { assumeRolePolicyInput?: unknown }).assumeRolePolicyInput;
    // A whole-token policy (e.g. a document's json) is checked at its document; a literal one or a
    // JSON string with tokens inside is parsed here.
    return typeof policy === "string" ? statementsOfPolicyJson(policy) : undefined;
  }
  return undefined;
}
