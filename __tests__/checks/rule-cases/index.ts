/** Every rule case, one file per rule family. A new family: add its file here. */
import { POD_IDENTITY_CASES } from "./pod-identity";
import { POLICY_CASES } from "./policy";
import { RuleCase } from "./rule-case";
import { WEB_IDENTITY_CASES } from "./web-identity";

export { RuleCase } from "./rule-case";

export const RULE_CASES: readonly RuleCase[] = [...WEB_IDENTITY_CASES, ...POLICY_CASES, ...POD_IDENTITY_CASES];
