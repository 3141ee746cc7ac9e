/**
 * Turns `terraform show -json` output (a plan, or a state) into the configuration the trust checks
 * read. Values there are rendered: references are resolved, so they are read with syntax "iam".
 * Managed resources come from `planned_values` (what exists after apply), data sources from
 * `planned_values` when their read is deferred to apply and from `prior_state` when they were read
 * during plan. A value Terraform knows only at apply is absent and marked in `after_unknown`;
 * such trusts are returned as unknown, to be reported as unreadable. A policy document whose JSON
 * a role uses as its trust is checked once, through the role.
 */
import { Block, TerraformConfig } from "../../config-model/terraform-config";
import { InputError } from "./input-error";

type Json = { [key: string]: any };

const ROLE = "aws_iam_role";
const DOCUMENT = "aws_iam_policy_document";
const DOCUMENT_INPUTS = ["statement", "source_policy_documents", "override_policy_documents"];

/** A configuration keyed by full addresses (`module.a.aws_iam_role.r[0]`), and the trusts that are unknown until apply. */
export interface PlanTrusts {
  readonly config: TerraformConfig;
  readonly unknown: readonly { readonly address: string; readonly mode: "managed" | "data"; readonly reason: string }[];
}

interface PlanResource {
  readonly address: string;
  readonly mode: string;
  readonly type: string;
  readonly values?: Json;
}

function* resourcesOf(module: Json | undefined): Generator<PlanResource> {
  if (module === undefined || module === null) return;
  for (const r of module.resources ?? []) if (r?.type === ROLE || r?.type === DOCUMENT) yield r;
  for (const child of module.child_modules ?? []) yield* resourcesOf(child);
}

/** Whether an `after_unknown` value marks anything unknown. */
const anyUnknown = (value: unknown): boolean =>
  value === true || (value !== null && typeof value === "object" && Object.values(value as Json).some(anyUnknown));

/** Null and empty lists mean "not set" in rendered values (not_actions = [] is no NotAction). */
function pruned(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(pruned);
  if (value === null || typeof value !== "object") return value;
  const out: Json = {};
  for (const [k, v] of Object.entries(value as Json)) {
    if (v === null || (Array.isArray(v) && v.length === 0)) continue;
    out[k] = pruned(v);
  }
  return out;
}

/** A policy with keys sorted, one-element lists as scalars and string lists sorted: equal for the same meaning. */
function normalizedPolicy(text: unknown): string | undefined {
  if (typeof text !== "string") return undefined;
  const norm = (v: unknown): unknown => {
    if (Array.isArray(v)) {
      const items = v.map(norm);
      if (items.every((i) => typeof i === "string")) items.sort();
      return items.length === 1 ? items[0] : items;
    }
    if (v === null || typeof v !== "object") return v;
    return Object.fromEntries(
      Object.keys(v as Json)
        .sort()
        .map((k) => [k, norm((v as Json)[k])]),
    );
  };
  try {
    return JSON.stringify(norm(JSON.parse(text)));
  } catch {
    return undefined;
  }
}

/** Configuration addresses of the documents each role's assume_role_policy refers to (`configuration` section). */
function referencedDocuments(module: Json | undefined, prefix: string, found: Set<string>): Set<string> {
  for (const r of module?.resources ?? []) {
    for (const ref of r?.type === ROLE ? (r.expressions?.assume_role_policy?.references ?? []) : []) {
      const m = /^(data\.aws_iam_policy_document\.[\w-]+)/.exec(String(ref));
      if (m) found.add(`${prefix}${m[1]}`);
    }
  }
  for (const [name, call] of Object.entries<Json>(module?.module_calls ?? {}))
    referencedDocuments(call?.module, `${prefix}module.${name}.`, found);
  return found;
}

const withoutInstanceKeys = (address: string) => address.replace(/\[[^\]]*\]/g, "");

export function planTrusts(plan: Json, file: string): PlanTrusts {
  if (!/^1\./.test(String(plan.format_version))) {
    throw new InputError(`${file}: format_version ${JSON.stringify(plan.format_version)} is not supported (this reads 1.x)`);
  }
  // A state (`terraform show -json` without a plan) has its values at the top.
  const prior = plan.prior_state?.values?.root_module ?? (plan.planned_values === undefined ? plan.values?.root_module : undefined);
  const planned = plan.planned_values?.root_module;
  const changes = new Map<string, Json>();
  for (const c of plan.resource_changes ?? []) if (typeof c?.address === "string") changes.set(c.address, c.change ?? {});

  const chosen = new Map<string, PlanResource>();
  for (const r of resourcesOf(prior)) if (r.mode === "data" || planned === undefined) chosen.set(r.address, r);
  for (const r of resourcesOf(planned)) chosen.set(r.address, r);

  const roles: { [address: string]: Block } = {};
  const documents: { [address: string]: Block } = {};
  const unknown: { address: string; mode: "managed" | "data"; reason: string }[] = [];
  const documentByPolicy: { [address: string]: string } = {};
  for (const r of chosen.values()) {
    const afterUnknown = changes.get(r.address)?.after_unknown ?? {};
    const values = r.values ?? {};
    if (r.type === ROLE && r.mode === "managed") {
      if (afterUnknown.assume_role_policy === true) {
        unknown.push({ address: r.address, mode: "managed", reason: "is unknown in the plan (after_unknown: assume_role_policy)" });
      } else if (typeof values.assume_role_policy === "string") roles[r.address] = { assume_role_policy: values.assume_role_policy };
    } else if (r.type === DOCUMENT && r.mode === "data") {
      const unknownInput = DOCUMENT_INPUTS.find((k) => anyUnknown(afterUnknown[k]));
      if (unknownInput !== undefined) {
        if (/principal|AssumeRole/i.test(JSON.stringify(values))) {
          unknown.push({ address: r.address, mode: "data", reason: `is unknown in the plan (after_unknown: ${unknownInput})` });
        }
      } else documents[r.address] = pruned(values) as Block;
      const normalized = normalizedPolicy(values.json);
      if (normalized !== undefined) documentByPolicy[normalized] = r.address;
    }
  }

  // A document used as a role's trust is judged through the role (what IAM receives), not twice.
  const consumed = referencedDocuments(plan.configuration?.root_module, "", new Set());
  for (const role of Object.values(roles)) {
    const address = documentByPolicy[normalizedPolicy(role.assume_role_policy) ?? ""];
    if (address !== undefined) consumed.add(withoutInstanceKeys(address));
  }
  const kept = (address: string) => !consumed.has(withoutInstanceKeys(address));
  for (const address of Object.keys(documents)) if (!kept(address)) delete documents[address];
  return {
    config: { resource: { [ROLE]: roles }, data: { [DOCUMENT]: documents } },
    unknown: unknown.filter((u) => u.mode === "managed" || kept(u.address)),
  };
}
