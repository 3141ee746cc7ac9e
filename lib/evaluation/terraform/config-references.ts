/**
 * Resolves the references in a synthesized Terraform configuration to values, as far as they are
 * known before apply: literal attributes of blocks, locals, variable defaults, values the user
 * supplies, and the ARN IAM gives an OIDC provider (`arn:<partition>:iam::<account>:oidc-provider/`
 * followed by its URL without `https://`). Anything else (a cluster's issuer, a role's ARN) is known
 * only at apply; asking for it throws an {@link UnresolvableReference} that says how to supply it.
 */
import { access, evaluateTemplate, ReferencePath, referenceText } from "./evaluate";
import { parseExpression, parseTemplate } from "./parser";
import { TfValue } from "./syntax";

type Json = { [key: string]: any };

/** What the user told us about values known only at apply. */
export interface KnownValues {
  /** Provider ARNs by address (`aws_iam_openid_connect_provider.x`, `data.aws_iam_openid_connect_provider.x`). */
  readonly providerArns: { readonly [address: string]: string };
  /** Issuer hosts by provider address; the ARN is built from them. */
  readonly issuerHosts: { readonly [address: string]: string };
  /** Values by reference, e.g. `data.aws_eks_cluster.c.identity[0].oidc[0].issuer`. */
  readonly values: { readonly [reference: string]: string };
  readonly accountId: string;
  readonly partition: string;
  readonly region: string;
}

/** A reference whose value is known only at apply; `hint` says how to supply it. */
export class UnresolvableReference extends Error {
  constructor(
    readonly reference: string,
    readonly why: string,
    readonly hint: string,
  ) {
    super(`${reference} ${why}`);
  }
}

const PROVIDER_TYPES = new Set(["aws_iam_openid_connect_provider"]);

/** Data sources that describe where the configuration runs: answered from the account, partition and region given. */
const CONTEXT_ATTRIBUTES: { readonly [type: string]: { readonly [attribute: string]: keyof KnownValues } } = {
  aws_partition: { partition: "partition" },
  aws_region: { region: "region", name: "region" },
  aws_caller_identity: { account_id: "accountId" },
};
const NOT_IN_CONFIG = new Set(["module", "path", "terraform", "count", "each", "self"]);

export class ConfigReferences {
  private readonly values = new Map<string, string>();
  private readonly cache = new Map<string, TfValue>();
  private readonly inProgress = new Set<string>();

  constructor(
    private readonly config: Json,
    private readonly known: KnownValues,
  ) {
    for (const [reference, value] of Object.entries(known.values)) this.values.set(canonicalReference(reference), value);
  }

  /** The value of a configuration string: a template whose `${...}` parts are evaluated. */
  resolveString(text: string): TfValue {
    return evaluateTemplate(parseTemplate(text), this.lookup);
  }

  readonly lookup = (path: ReferencePath): TfValue => {
    const text = referenceText(path);
    const supplied = this.values.get(text);
    if (supplied !== undefined) return supplied;
    if (this.cache.has(text)) return this.cache.get(text) as TfValue;
    if (this.inProgress.has(text)) throw new Error(`${text} refers to itself`);
    this.inProgress.add(text);
    try {
      const value = this.compute(path, text);
      this.cache.set(text, value);
      return value;
    } finally {
      this.inProgress.delete(text);
    }
  };

  private compute(path: ReferencePath, text: string): TfValue {
    const [root, ...rest] = path;
    const supplyValue = `{ values: { ${JSON.stringify(text)}: "<value>" } }`;
    if (root === "var") {
      const variable = this.config.variable?.[String(rest[0])];
      if (variable?.default === undefined) throw new UnresolvableReference(text, "is a variable without a default", supplyValue);
      return this.walk(variable.default, rest.slice(1), text);
    }
    if (root === "local") {
      const locals = this.config.locals ?? {};
      if (!(String(rest[0]) in locals)) throw new UnresolvableReference(text, "is not a local of the configuration", supplyValue);
      return this.walk(locals[String(rest[0])], rest.slice(1), text);
    }
    if (typeof root !== "string" || NOT_IN_CONFIG.has(root)) {
      throw new UnresolvableReference(text, "is not known before apply", supplyValue);
    }
    const isData = root === "data";
    if (rest.length < (isData ? 3 : 2)) throw new UnresolvableReference(text, "is not a reference to a block attribute", "");
    const [type, name, ...attributes] = isData ? rest : [root, ...rest];
    return this.blockValue(isData ? "data" : "resource", String(type), String(name), attributes, text);
  }

  private blockValue(mode: string, type: string, name: string, attributes: ReferencePath, text: string): TfValue {
    const address = `${mode === "data" ? "data." : ""}${type}.${name}`;
    const block = this.config[mode]?.[type]?.[name];
    if (block === undefined) throw new UnresolvableReference(text, `refers to ${address}, which is not in the configuration`, "");
    if (PROVIDER_TYPES.has(type) && attributes.length === 1 && attributes[0] === "arn") return this.providerArn(address, block, text);
    const context = mode === "data" && attributes.length === 1 ? CONTEXT_ATTRIBUTES[type]?.[String(attributes[0])] : undefined;
    if (context !== undefined) return this.known[context] as string;
    return this.walk(block, attributes, text);
  }

  /** The ARN IAM gives an OIDC provider: supplied, or built from its issuer URL. */
  private providerArn(address: string, block: Json, text: string): TfValue {
    const supplied = this.known.providerArns[address];
    if (supplied !== undefined) return supplied;
    const host = this.known.issuerHosts[address];
    if (host !== undefined) return this.arnFor(host);
    if (typeof block.arn === "string") return this.walk(block.arn, [], text);
    const hint =
      `{ providerArns: { ${JSON.stringify(address)}: "arn:${this.known.partition}:iam::${this.known.accountId}:oidc-provider/` +
      `<issuer host>" } } (or the host in issuerHosts)`;
    if (typeof block.url !== "string") throw new UnresolvableReference(text, "is known only at apply (the provider has no url)", hint);
    try {
      const url = this.resolveString(block.url);
      return this.arnFor(String(url).replace(/^https:\/\//, ""));
    } catch (e) {
      if (!(e instanceof UnresolvableReference)) throw e;
      throw new UnresolvableReference(text, `is known only at apply (its url is ${block.url}: ${e.message})`, `${hint}, or ${e.hint}`);
    }
  }

  private arnFor(host: string): string {
    return `arn:${this.known.partition}:iam::${this.known.accountId}:oidc-provider/${host}`;
  }

  /**
   * Follows attribute steps through a block's JSON. Strings of the configuration are templates, so
   * they are evaluated (once: a value that came out of an evaluation is final).
   */
  private walk(start: unknown, steps: ReferencePath, text: string): TfValue {
    let current = start as TfValue;
    let raw = true;
    for (const step of steps) {
      if (raw && typeof current === "string") {
        current = this.resolveString(current);
        raw = false;
      }
      try {
        current = access(current, step);
      } catch {
        throw new UnresolvableReference(
          text,
          "is known only at apply (not set in the configuration)",
          `{ values: { ${JSON.stringify(text)}: "<value>" } }`,
        );
      }
    }
    return raw ? resolveNested(current, (s) => this.resolveString(s)) : current;
  }
}

/** Strings inside lists and maps of a block are templates too. */
function resolveNested(value: TfValue, resolve: (s: string) => TfValue): TfValue {
  if (typeof value === "string") return resolve(value);
  if (Array.isArray(value)) return value.map((v) => resolveNested(v, resolve));
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolveNested(v, resolve)]));
  }
  return value;
}

/** A reference as the user wrote it (`x.identity.0.oidc[0].issuer`), in canonical form. */
export function canonicalReference(reference: string): string {
  try {
    const expr = parseExpression(reference);
    if (expr.kind !== "ref") return reference;
    const path: (string | number)[] = [expr.root];
    for (const step of expr.steps) {
      if ("attr" in step) path.push(step.attr);
      else if (step.index.kind === "literal" && (typeof step.index.value === "number" || typeof step.index.value === "string")) {
        path.push(step.index.value);
      } else return reference;
    }
    return referenceText(path);
  } catch {
    return reference;
  }
}
