/** What a trust rule is, and what it reports. */
import { TrustPolicy } from "./model/trust-statement";

/** "error" fails synth (and the `check` command); "warning" is reported only. */
export type Severity = "error" | "warning";

/** One rule over the statements of a trust policy, like a cdk-nag rule: an id, a severity, a check. */
export interface TrustRule {
  /** Stable id, e.g. "IRSA002"; used in messages, JSON and SARIF output. */
  readonly id: string;
  /** Short kebab-case name, e.g. "missing-sub". */
  readonly name: string;
  readonly severity: Severity;
  /** One sentence: what the rule finds. */
  readonly summary: string;
  /** Why it matters and how to fix it. */
  readonly help: string;
  /** The problems in one trust policy, each as a message that names the statement. */
  readonly check: (policy: TrustPolicy) => string[];
}

/** One problem found in one trust policy. */
export interface TrustFinding {
  readonly ruleId: string;
  readonly ruleName: string;
  readonly severity: Severity;
  readonly message: string;
}
