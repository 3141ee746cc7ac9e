/**
 * A small model of how IAM decides `sts:AssumeRoleWithWebIdentity` against a synthesized trust
 * policy: statements are OR'ed, condition operators ANDed, values within one condition OR'ed, a
 * missing key fails every operator except the ...IfExists / ForAllValues ones, StringLike globs
 * `*` and `?`, condition keys are case-insensitive, values case-sensitive.
 *
 * It reads the trust document of a role from the synthesized JSON and resolves the Terraform
 * expressions this library emits (provider ARN references and the ARN-derived issuer host).
 */
import { Json } from "./synth";

export interface WebIdentityRequest {
  /** ARN of the OIDC provider that issued the token (the Federated principal). */
  readonly providerArn: string;
  /** Claims of the token; a missing claim is absent from the request context. */
  readonly sub?: string;
  readonly aud?: string;
}

interface Statement {
  effect: string;
  actions: string[];
  federated: string[];
  conditions: { operator: string; key: string; values: string[] }[];
}

/** Resolves `${...}` expressions in a value, given ARNs for provider addresses. */
export class Resolver {
  constructor(private readonly arns: { [address: string]: string }) {}

  resolve(value: string): string {
    // Our expressions hold no nested braces.
    return value.replace(/\$\{([^}]*)\}/g, (_m, expr: string) => this.expression(expr.trim()));
  }

  /**
   * A small interpreter for the Terraform functions the library emits, written from Terraform's
   * documented semantics (not from the library's code): `replace(s, "/re/", r)` replaces every
   * match of the RE2 expression, `replace(s, "lit", r)` every occurrence of the literal;
   * `element(split(sep, s), i)` indexes the pieces.
   */
  private expression(expr: string): string {
    const replace = /^replace\((.+), "((?:[^"\\]|\\.)*)", "((?:[^"\\]|\\.)*)"\)$/.exec(expr);
    if (replace) {
      const text = this.expression(replace[1]);
      const [pattern, replacement] = [JSON.parse(`"${replace[2]}"`), JSON.parse(`"${replace[3]}"`)];
      const isRegex = pattern.length > 1 && pattern.startsWith("/") && pattern.endsWith("/");
      return isRegex ? text.replace(new RegExp(pattern.slice(1, -1), "g"), replacement) : text.split(pattern).join(replacement);
    }
    const split = /^element\(split\("((?:[^"\\]|\\.)*)", (.+)\), (\d+)\)$/.exec(expr);
    if (split) {
      const parts = this.expression(split[2]).split(JSON.parse(`"${split[1]}"`));
      return parts[Number(split[3]) % parts.length];
    }
    const address = expr.replace(/\.arn$/, "");
    const arn = this.arns[address];
    if (arn === undefined) throw new Error(`no ARN given for ${address} (expression ${expr})`);
    return arn;
  }
}

/** The host IAM puts in condition keys for a provider ARN: its resource after "oidc-provider/", anchored on the ARN's shape. */
export function hostOf(providerArn: string): string {
  const host = /^arn:[\w-]+:iam::\d{12}:oidc-provider\/(.+)$/.exec(providerArn)?.[1];
  if (host === undefined) throw new Error(`not an OIDC provider ARN: ${providerArn}`);
  return host;
}

/** The fake ARN IAM would give a provider for a literal issuer URL. */
export function arnForIssuer(url: string, account = "111122223333"): string {
  return `arn:aws:iam::${account}:oidc-provider/${url.replace(/^https:\/\//, "")}`;
}

/** ARNs of every provider with a literal URL in the stack, plus any given explicitly. */
export function providerArns(json: Json, extra: { [address: string]: string } = {}): { [address: string]: string } {
  const arns: { [address: string]: string } = {};
  for (const [id, block] of Object.entries<Json>(json.resource?.aws_iam_openid_connect_provider ?? {})) {
    if (!String(block.url).includes("${")) arns[`aws_iam_openid_connect_provider.${id}`] = arnForIssuer(block.url);
  }
  return { ...arns, ...extra };
}

/** The trust statements of a role, read from its `assume_role_policy` reference. */
export function trustOfRole(json: Json, roleId: string, resolver: Resolver): Statement[] {
  const role = json.resource.aws_iam_role[roleId];
  if (!role) throw new Error(`no aws_iam_role.${roleId}`);
  const m = /^\$\{data\.aws_iam_policy_document\.(.+)\.json\}$/.exec(role.assume_role_policy);
  if (!m) throw new Error(`assume_role_policy of ${roleId} is not a policy document reference: ${role.assume_role_policy}`);
  const doc = json.data.aws_iam_policy_document[m[1]];
  return (doc.statement ?? []).map((s: Json) => ({
    effect: s.effect ?? "Allow",
    actions: s.actions ?? [],
    federated: (s.principals ?? [])
      .filter((p: Json) => p.type === "Federated")
      .flatMap((p: Json) => p.identifiers.map((i: string) => resolver.resolve(i))),
    conditions: (s.condition ?? []).map((c: Json) => ({ operator: c.test, key: resolver.resolve(c.variable), values: c.values })),
  }));
}

function glob(pattern: string, text: string): boolean {
  const re = pattern
    .replace(/[.+^${}()|[\]\\]/g, "\\$&")
    .replace(/\*/g, ".*")
    .replace(/\?/g, ".");
  return new RegExp(`^${re}$`, "s").test(text);
}

function conditionHolds(operator: string, present: boolean, actual: string | undefined, values: string[]): boolean {
  let op = operator;
  const ifExists = op.endsWith("IfExists");
  if (ifExists) op = op.slice(0, -"IfExists".length);
  if (op.startsWith("ForAllValues:")) {
    // Vacuously true for a missing key: the reason it fails open.
    if (!present) return true;
    op = op.slice("ForAllValues:".length);
  } else if (op.startsWith("ForAnyValue:")) {
    if (!present) return false;
    op = op.slice("ForAnyValue:".length);
  }
  if (!present) return ifExists || op === "StringNotEquals" || op === "StringNotLike";
  const a = actual as string;
  switch (op) {
    case "StringEquals":
      return values.includes(a);
    case "StringEqualsIgnoreCase":
      return values.some((v) => v.toLowerCase() === a.toLowerCase());
    case "StringLike":
      return values.some((v) => glob(v, a));
    case "StringNotEquals":
      return !values.includes(a);
    case "StringNotLike":
      return !values.some((v) => glob(v, a));
    default:
      throw new Error(`operator ${operator} not modelled`);
  }
}

function statementMatches(s: Statement, req: WebIdentityRequest): boolean {
  if (!s.actions.some((a) => glob(a.toLowerCase(), "sts:assumerolewithwebidentity"))) return false;
  if (!s.federated.includes(req.providerArn)) return false;
  const host = hostOf(req.providerArn);
  const context: { [key: string]: string } = {};
  if (req.sub !== undefined) context[`${host}:sub`.toLowerCase()] = req.sub;
  if (req.aud !== undefined) context[`${host}:aud`.toLowerCase()] = req.aud;
  return s.conditions.every((c) => {
    const key = c.key.toLowerCase();
    return conditionHolds(c.operator, key in context, context[key], c.values);
  });
}

/** True when IAM would let the request assume the role. */
export function isAllowed(statements: Statement[], req: WebIdentityRequest): boolean {
  const matching = statements.filter((s) => statementMatches(s, req));
  return matching.some((s) => s.effect === "Allow") && !matching.some((s) => s.effect === "Deny");
}

/** Shorthand: is this service account of this provider allowed with this audience? */
export function admits(statements: Statement[], providerArn: string, namespace: string, name: string, aud = "sts.amazonaws.com"): boolean {
  return isAllowed(statements, { providerArn, sub: `system:serviceaccount:${namespace}:${name}`, aud });
}
