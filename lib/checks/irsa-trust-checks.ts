import {
  Annotations,
  DefaultTokenResolver,
  IAspect,
  StringConcat,
  TerraformElement,
  TerraformModule,
  TerraformStack,
  Tokenization,
} from "cdktf";
import { IConstruct } from "constructs";
import { APP_LEVEL_TRUST_CHECKS } from "./app-level-checks";
import { AddressedFinding, checkTerraformConfig } from "./check-trust";
import { Block, TerraformConfig } from "../config-model/terraform-config";

/** Properties of {@link IrsaTrustChecks}. */
export interface IrsaTrustChecksProps {
  /**
   * Report problems as warnings instead of failing synth (to adopt the checks in a stack that has
   * findings).
   * @default false
   */
  readonly warnOnly?: boolean;
}

/** The block types the checks read; everything else is left alone. */
const READ_TYPES = new Set([
  "aws_iam_policy_document",
  "aws_iam_role",
  "aws_iam_openid_connect_provider",
  "kubernetes_annotations",
  "kubernetes_service_account",
  "kubernetes_service_account_v1",
  "kubernetes_manifest",
]);

/**
 * A cdktf Aspect that checks every trust policy in the scope it is added to, ours or not, as
 * Terraform will apply it: each `aws_iam_policy_document` merged with its source and override
 * documents, and each role's `assume_role_policy`, escape hatches and overrides included. Each
 * finding becomes an error or a warning annotation on the offending construct, so that synth lists
 * all of them and then fails on the errors: a web-identity statement without sub or aud (or with
 * them split across statements), fail-open operators, wildcard namespaces or audiences, a wildcard
 * principal, a malformed policy, a dual-stack issuer; an OIDC provider with an empty client ID, a
 * thumbprint of the wrong certificate or a non-https URL; a service account annotated with a role
 * whose trust does not admit it. A trust it cannot read (jsonencode, variables, dynamic blocks)
 * and a Terraform module (whose trusts it cannot see) are warnings.
 *
 * `Aspects.of(stack).add(new IrsaTrustChecks())`. cdktf runs aspects from each stack down, so
 * checks added to the `App` are run by the stacks' IrsaRole and PodIdentityRole constructs when
 * the stack is validated (`app.synth()`, `Testing.synth(stack, true)`); add them to the stack to
 * check a stack without those.
 */
export class IrsaTrustChecks implements IAspect {
  private readonly warnOnly: boolean;
  /** Findings by logical ID, computed once per stack from its synthesized trust policies. */
  private readonly findingsByStack = new WeakMap<TerraformStack, Map<string, AddressedFinding[]>>();

  constructor(props: IrsaTrustChecksProps = {}) {
    this.warnOnly = props.warnOnly ?? false;
    // Added to the App, the checks reach every stack through app-level-checks.ts.
    Object.defineProperty(this, APP_LEVEL_TRUST_CHECKS, { value: true });
  }

  public visit(node: IConstruct): void {
    if (node instanceof TerraformModule) {
      Annotations.of(node).addWarning(
        `IrsaTrustChecks IRSA011 (unreadable-trust): module at ${node.node.path} (source ${node.source}): the trust policies, OIDC ` +
          "providers and annotations it creates cannot be read at synth; run `cdktf-eks-irsa check` on the plan (terraform show -json)",
      );
      return;
    }
    if (!isReadElement(node)) return;
    const stack = TerraformStack.of(node);
    const type = node.terraformResourceType;
    for (const finding of this.findingsOf(stack).get(`${type}.${node.friendlyUniqueId}`) ?? []) {
      const text = `IrsaTrustChecks ${finding.ruleId} (${finding.ruleName}): ${type} at ${node.node.path}: ${finding.message}`;
      if (finding.severity === "error" && !this.warnOnly) Annotations.of(node).addError(text);
      else Annotations.of(node).addWarning(text);
    }
  }

  private findingsOf(stack: TerraformStack): Map<string, AddressedFinding[]> {
    let byAddress = this.findingsByStack.get(stack);
    if (byAddress === undefined) {
      byAddress = new Map();
      for (const finding of checkTerraformConfig(synthesizedTrustBlocks(stack))) {
        const key = `${finding.address.type}.${finding.address.name}`;
        byAddress.set(key, [...(byAddress.get(key) ?? []), finding]);
      }
      this.findingsByStack.set(stack, byAddress);
    }
    return byAddress;
  }
}

type ReadElement = TerraformElement & { readonly terraformResourceType: string };

function isReadElement(node: IConstruct): node is ReadElement {
  const type = (node as { terraformResourceType?: unknown }).terraformResourceType;
  return node instanceof TerraformElement && typeof type === "string" && READ_TYPES.has(type);
}

/** The blocks the rules read, as they will be synthesized: overrides applied, references as `${...}`. */
function synthesizedTrustBlocks(stack: TerraformStack): TerraformConfig {
  const resolver = new DefaultTokenResolver(new StringConcat());
  const config: { resource: { [type: string]: { [name: string]: Block } }; data: { [type: string]: { [name: string]: Block } } } = {
    resource: {},
    data: {},
  };
  for (const element of stack.node.findAll()) {
    if (!isReadElement(element) || TerraformStack.of(element) !== stack) continue;
    const fragment = Tokenization.resolve(element.toTerraform(), { scope: stack, resolver, preparing: false }) as TerraformConfig;
    for (const mode of ["resource", "data"] as const) {
      for (const [type, blocks] of Object.entries(fragment[mode] ?? {})) Object.assign((config[mode][type] ??= {}), blocks);
    }
  }
  return config;
}
