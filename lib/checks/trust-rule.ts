/** What a rule is, and what it reports: trust rules judge one trust policy, configuration rules the blocks around it. */
import { ConfigModel } from "../config-model/config-model";
import { TerraformAddress } from "../config-model/terraform-config";
import { TrustPolicy } from "../config-model/trust-statement";

/** "error" fails synth (and the `check` command); "warning" is reported only. */
export type Severity = "error" | "warning";

/** Where every rule is documented: the README's rule table, one anchor per id (`#irsa030`). */
export const RULE_DOCS_URL = "https://www.npmjs.com/package/cdktf-eks-irsa";

/** The help URI of a rule, from its id: the README anchor of its row (SARIF `helpUri`). */
export const helpUriOf = (id: string): string => `${RULE_DOCS_URL}#${id.toLowerCase()}`;

/** What every rule says about itself, like a cdk-nag rule: an id, a name, a severity, what it finds and how to fix it. */
export interface RuleDescription {
  /** Stable id, e.g. "IRSA002"; used in messages, JSON and SARIF output. */
  readonly id: string;
  /** Short kebab-case name, e.g. "missing-sub". */
  readonly name: string;
  readonly severity: Severity;
  /** One sentence: what the rule finds. */
  readonly summary: string;
  /** Why it matters and how to fix it. */
  readonly help: string;
}

/** One rule over the statements of a trust policy. */
export interface TrustRule extends RuleDescription {
  /** The problems in one trust policy, each as a message that names the statement. */
  readonly check: (policy: TrustPolicy) => string[];
}

/** A message about one block of the configuration (an OIDC provider, an annotation). */
export interface BlockMessage {
  readonly address: TerraformAddress;
  readonly message: string;
}

/** One rule over the blocks of a configuration other than trust policies: OIDC providers, annotations against trusts. */
export interface ConfigRule extends RuleDescription {
  /** The problems in a configuration, each with the address of the block it is about. */
  readonly checkConfig: (config: ConfigModel) => BlockMessage[];
}

/** One problem found in one trust policy or block. */
export interface TrustFinding {
  readonly ruleId: string;
  readonly ruleName: string;
  readonly severity: Severity;
  readonly message: string;
}
