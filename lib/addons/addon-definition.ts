/**
 * What each add-on file declares (its name, default service account, sources, inputs and how its
 * documents are built), and the one function that validates the inputs and makes the
 * {@link AddonPolicy}: for the library's factories and for the app's config alike.
 */
import { Token } from "cdktf";
import { ServiceAccountRef } from "../kubernetes/service-account";
import { firstDuplicate, Rule, Validator } from "../validation/validator";
import { AddonDocument, AddonPolicy } from "./addon-policy";
import { SIZE_ESTIMATE_CONTEXT } from "./partition";
import { estimatePolicySize, MANAGED_POLICY_SIZE_LIMIT, TYPICAL_TOKEN_LENGTH } from "./policy-document";

/** One property of an add-on's props. */
export interface AddonInput {
  readonly name: string;
  readonly kind: "list" | "string" | "boolean";
  readonly required: boolean;
  /** What one value is, for messages and the docs table, e.g. "Route 53 hosted zone ARN". */
  readonly what: string;
  /** The rule of a string, or of each entry of a list (tokens skip it). */
  readonly rule?: Rule<string>;
}

/** Where an add-on's permissions come from. */
export interface AddonSource {
  /** `owner/repo` on GitHub, or the name of an AWS document. */
  readonly repository: string;
  readonly path: string;
  readonly version: string;
  /** The commit of `version` (12 hex characters), where there is one. */
  readonly commit?: string;
}

/** What an add-on grants: its customer managed documents and the AWS managed policies to attach. */
export interface AddonParts {
  readonly documents: readonly AddonDocument[];
  readonly managedPolicyNames?: readonly string[];
}

export interface AddonDefinition<P> {
  /** kebab-case name: the `addon` value in the app's config and the key of the addresses. */
  readonly name: string;
  /** Name of the {@link AddonPolicies} factory. */
  readonly factory: string;
  /** What the add-on is, for the docs table. */
  readonly title: string;
  /**
   * The service account the add-on's own install docs or chart create. Absent for a policy that is
   * the workload's own role (the Secrets Store CSI provider uses the pod's credentials).
   */
  readonly defaultServiceAccount?: ServiceAccountRef;
  readonly sources: readonly AddonSource[];
  readonly inputs: readonly AddonInput[];
  /** Optional inputs of which at least one is required (checked by `build`), for the docs table. */
  readonly oneOf?: readonly string[];
  /** Builds the documents from validated props; `reject` reports a problem across properties. */
  readonly build: (props: P, reject: (path: string, reason: string) => never) => AddonParts;
}

/** A source on one line: `owner/repo path @ version (commit)`. */
export function formatSource(source: AddonSource): string {
  return `${source.repository} ${source.path} @ ${source.version}${source.commit ? ` (${source.commit})` : ""}`;
}

/**
 * Validates props against the definition and makes the policy. `at` prefixes property paths in
 * messages (the app passes `addons[0].`); messages name the property, the value and the rule.
 */
export function createAddonPolicy<P>(definition: AddonDefinition<P>, props: unknown, validator: Validator, at = ""): AddonPolicy {
  const required = definition.inputs.filter((i) => i.required).map((i) => i.name);
  const propsPath = at === "" ? "props" : at.slice(0, -1);
  if (props === undefined && required.length > 0) validator.rejectProperty(propsPath, `are required (${required.join(", ")})`);
  const raw = props === undefined ? {} : props;
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) validator.reject(propsPath, raw, "must be an object");
  const values = raw as { [key: string]: unknown };
  const known = definition.inputs.map((i) => i.name);
  for (const key of Object.keys(values)) {
    if (!known.includes(key)) {
      const list = known.length > 0 ? known.join(", ") : "none";
      validator.reject(`${at}${key}`, values[key], `is not a property of the ${definition.name} policy (known: ${list})`);
    }
  }
  for (const input of definition.inputs) checkInput(validator, `${at}${input.name}`, input, values[input.name]);
  checkOnePartition(validator, at, definition, values);

  const parts = definition.build(values as P, (path, reason) => validator.rejectProperty(`${at}${path}`, reason));
  for (const document of parts.documents) checkSize(validator, at, definition, values, document);
  return AddonPolicy._create({
    name: definition.name,
    defaultServiceAccount: definition.defaultServiceAccount,
    factory: `AddonPolicies.${definition.factory}`,
    source: definition.sources.map(formatSource).join("; "),
    documents: parts.documents,
    managedPolicyNames: parts.managedPolicyNames ?? [],
  });
}

function checkInput(validator: Validator, path: string, input: AddonInput, value: unknown): void {
  if (input.kind === "boolean") return validator.checkBoolean(path, value);
  if (input.kind === "string") {
    if (value === undefined && input.required) validator.rejectProperty(path, `is required (${input.what})`);
    return validator.checkString(path, value, ...(input.rule ? [input.rule] : []));
  }
  if (value === undefined) {
    if (input.required) validator.rejectProperty(path, `is required: list at least one ${input.what}`);
    return;
  }
  if (Token.isUnresolved(value)) {
    validator.rejectProperty(path, "must be a literal list (its entries may be tokens): the policy names each one");
  }
  if (!Array.isArray(value)) validator.reject(path, value, `must be a list of ${input.what}s`);
  if (value.length === 0 && input.required) {
    validator.reject(path, value, `is empty: list at least one ${input.what} (the policy never falls back to all of them)`);
  }
  value.forEach((entry, i) => {
    validator.requireString(`${path}[${i}]`, entry);
    if (input.rule) validator.check(`${path}[${i}]`, entry, input.rule);
  });
  const dup = firstDuplicate(value as string[], (v) => (Token.isUnresolved(v) ? undefined : v));
  if (dup >= 0) validator.reject(`${path}[${dup}]`, value[dup], "is listed twice");
}

/**
 * Fails when the literal ARNs of one add-on name two partitions: a role lives in one partition, and
 * an ARN of another can never match a resource it reaches.
 */
function checkOnePartition<P>(validator: Validator, at: string, definition: AddonDefinition<P>, values: { [key: string]: unknown }): void {
  let first: { path: string; partition: string } | undefined;
  for (const input of definition.inputs) {
    const value = values[input.name];
    const entries = Array.isArray(value)
      ? value.map((v, i) => ({ path: `${at}${input.name}[${i}]`, v }))
      : [{ path: `${at}${input.name}`, v: value }];
    for (const { path, v } of entries) {
      if (typeof v !== "string" || Token.isUnresolved(v) || !v.startsWith("arn:")) continue;
      const partition = v.split(":")[1];
      if (first === undefined) first = { path, partition };
      else if (partition !== first.partition) {
        validator.reject(
          path,
          v,
          `is in partition ${partition}, but ${first.path} is in ${first.partition}: a role's ARNs are all in its own partition`,
        );
      }
    }
  }
}

/** Fails when a document would pass IAM's managed policy size limit, naming the list that makes it big. */
function checkSize<P>(
  validator: Validator,
  at: string,
  definition: AddonDefinition<P>,
  values: { [key: string]: unknown },
  document: AddonDocument,
): void {
  const size = estimatePolicySize(JSON.stringify(document.render(SIZE_ESTIMATE_CONTEXT)));
  if (size <= MANAGED_POLICY_SIZE_LIMIT) return;
  const lists = definition.inputs
    .filter((i) => i.kind === "list" && Array.isArray(values[i.name]))
    .map((i) => ({ name: i.name, entries: values[i.name] as string[] }))
    .map((l) => ({ ...l, length: l.entries.reduce((sum, v) => sum + (Token.isUnresolved(v) ? TYPICAL_TOKEN_LENGTH : v.length), 0) }))
    .sort((a, b) => b.length - a.length);
  const limit = `IAM allows at most ${MANAGED_POLICY_SIZE_LIMIT} characters in a managed policy (counted without whitespace)`;
  if (lists.length === 0) validator.rejectProperty(`${at}policy`, `of ${document.name} is about ${size} characters; ${limit}`);
  const biggest = lists[0];
  validator.rejectProperty(
    `${at}${biggest.name}`,
    `has ${biggest.entries.length} entries, which make the ${document.name} policy about ${size} characters; ${limit}. ` +
      "Split them across several roles",
  );
}
