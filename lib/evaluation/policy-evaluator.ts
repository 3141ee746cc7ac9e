/**
 * A small, pure evaluator of IAM policies: given policy documents and one request (action,
 * resource, principal, condition context), the decision IAM would make from those documents alone.
 *
 * Rules it follows: statements are OR'ed and an explicit Deny wins; Action/NotAction match with
 * `*`/`?` ignoring case; Resource/NotResource match with wildcards, case-sensitive, ARN component by
 * component; condition operators are ANDed, keys within an operator ANDed, values of a key OR'ed;
 * condition keys ignore case, values do not (except the *IgnoreCase operators); policy variables
 * (Version 2012-10-17) come from the request context.
 *
 * Out of scope: SCPs, permission boundaries, session policies, resource policies of the target,
 * cross-account rules; these only restrict further.
 */
import { conditionHolds, ContextValues, parseOperator, ParsedOperator } from "./condition-operators";
import { arnMatches, substitute, VariableLookup } from "./iam-pattern";
import { iamGlobMatches, LEGACY_POLICY_VERSION, POLICY_VERSION } from "../facts/iam";

/** The outcome of evaluating a request. */
export enum Decision {
  /** An Allow statement matches and no Deny statement does. */
  ALLOWED = "Allowed",
  /** A Deny statement matches. */
  EXPLICIT_DENY = "ExplicitDeny",
  /** No statement matches. */
  IMPLICIT_DENY = "ImplicitDeny",
}

/** Who makes the request, for statements with a Principal (trust and other resource policies). */
export interface RequestPrincipal {
  /** "AWS", "Service", "Federated" or "CanonicalUser". */
  readonly type: string;
  /** The principal, e.g. a role ARN, `ec2.amazonaws.com` or an OIDC provider ARN. */
  readonly id: string;
}

/** One API call, as IAM sees it. */
export interface AuthorizationRequest {
  /** The action, e.g. `s3:GetObject`. */
  readonly action: string;
  /** The resource ARN; `*` for actions without resource-level permissions. */
  readonly resource: string;
  /**
   * The caller, matched against Principal / NotPrincipal.
   * @default - none: statements with a Principal do not match
   */
  readonly principal?: RequestPrincipal;
  /**
   * Single-valued condition keys of the request, e.g. `{ "aws:RequestTag/team": "a" }`.
   * @default - no keys
   */
  readonly context?: { [key: string]: string };
  /**
   * Multivalued condition keys of the request, e.g. `{ "aws:TagKeys": ["team", "env"] }`.
   * @default - no keys
   */
  readonly multiValuedContext?: { [key: string]: string[] };
}

/** The decision and the statements that made it. */
export interface EvaluationResult {
  /** Allowed, or why not (an explicit or an implicit deny). */
  readonly decision: Decision;
  /** Labels of the matching Allow statements (`policy[0].Statement[2]`, or the Sid). */
  readonly allowedBy: string[];
  /** Labels of the matching Deny statements. */
  readonly deniedBy: string[];
}

interface Condition {
  readonly operator: ParsedOperator;
  readonly key: string;
  readonly values: readonly string[];
}

interface PrincipalSpec {
  readonly any: boolean;
  readonly ids: { readonly [type: string]: readonly string[] };
}

interface Statement {
  readonly label: string;
  readonly effect: "Allow" | "Deny";
  readonly actions?: readonly string[];
  readonly notActions?: readonly string[];
  readonly resources?: readonly string[];
  readonly notResources?: readonly string[];
  readonly principal?: PrincipalSpec;
  readonly notPrincipal?: PrincipalSpec;
  readonly conditions: readonly Condition[];
  /** Version 2012-10-17: policy variables are substituted. */
  readonly variables: boolean;
}

const ELEMENTS = ["Sid", "Effect", "Action", "NotAction", "Resource", "NotResource", "Principal", "NotPrincipal", "Condition"];

/** Evaluates requests against a fixed set of policy documents. */
export class PolicyEvaluator {
  private readonly statements: Statement[];

  /** @param policies policy documents as JSON text; a malformed one throws an Error saying where */
  constructor(policies: string[]) {
    this.statements = policies.flatMap((json, index) => parsePolicy(json, `policy[${index}]`));
  }

  /** The decision for one request, with the statements that made it. */
  public evaluate(request: AuthorizationRequest): EvaluationResult {
    const context = new RequestContext(request);
    const matching = this.statements.filter((s) => statementMatches(s, request, context));
    const allowedBy = matching.filter((s) => s.effect === "Allow").map((s) => s.label);
    const deniedBy = matching.filter((s) => s.effect === "Deny").map((s) => s.label);
    let decision = Decision.IMPLICIT_DENY;
    if (deniedBy.length > 0) decision = Decision.EXPLICIT_DENY;
    else if (allowedBy.length > 0) decision = Decision.ALLOWED;
    return { decision, allowedBy, deniedBy };
  }

  /** True when the documents allow the request. */
  public isAllowed(request: AuthorizationRequest): boolean {
    return this.evaluate(request).decision === Decision.ALLOWED;
  }
}

/** The request's condition keys, looked up without regard to case. */
class RequestContext {
  private readonly keys = new Map<string, ContextValues>();
  readonly lookup: VariableLookup;

  constructor(request: AuthorizationRequest) {
    for (const [key, value] of Object.entries(request.context ?? {}))
      this.keys.set(key.toLowerCase(), { values: [value], multiValued: false });
    for (const [key, values] of Object.entries(request.multiValuedContext ?? {})) {
      this.keys.set(key.toLowerCase(), { values, multiValued: true });
    }
    // A multivalued key cannot be a policy variable.
    this.lookup = (key) => {
      const entry = this.keys.get(key.trim().toLowerCase());
      return entry === undefined || entry.multiValued ? undefined : entry.values[0];
    };
  }

  values(key: string): ContextValues | undefined {
    return this.keys.get(key.toLowerCase());
  }
}

function statementMatches(s: Statement, request: AuthorizationRequest, context: RequestContext): boolean {
  const variables = s.variables ? context.lookup : undefined;
  const action = (patterns: readonly string[]) => patterns.some((p) => iamGlobMatches(p, request.action, true));
  if (s.actions !== undefined && !action(s.actions)) return false;
  if (s.notActions !== undefined && action(s.notActions)) return false;

  const resource = (patterns: readonly string[]) =>
    patterns.some((p) => {
      const pieces = substitute(p, variables);
      return pieces !== undefined && (p === "*" || arnMatches(pieces, request.resource));
    });
  if (s.resources !== undefined && !resource(s.resources)) return false;
  if (s.notResources !== undefined && resource(s.notResources)) return false;

  if (s.principal !== undefined && !principalMatches(s.principal, request.principal)) return false;
  if (s.notPrincipal !== undefined && (request.principal === undefined || principalMatches(s.notPrincipal, request.principal))) {
    return false;
  }

  const conditionContext = { values: (key: string) => context.values(key), variables };
  return s.conditions.every((c) => conditionHolds(c.operator, c.key, c.values, conditionContext));
}

function principalMatches(spec: PrincipalSpec, principal: RequestPrincipal | undefined): boolean {
  if (principal === undefined) return false;
  if (spec.any) return true;
  const ids = spec.ids[principal.type] ?? [];
  return ids.some((id) => id === "*" || id === principal.id);
}

function parsePolicy(json: string, where: string): Statement[] {
  let doc: unknown;
  try {
    doc = JSON.parse(json);
  } catch (e) {
    throw new Error(`${where} is not valid JSON: ${(e as Error).message}`);
  }
  if (!isObject(doc)) throw new Error(`${where} is not a JSON object`);
  const version = doc.Version ?? "2008-10-17";
  if (version !== POLICY_VERSION && version !== LEGACY_POLICY_VERSION) {
    throw new Error(`${where}.Version ${JSON.stringify(version)} is not an IAM version`);
  }
  const statements = Array.isArray(doc.Statement) ? doc.Statement : [doc.Statement];
  return statements.map((raw, i) => parseStatement(raw, `${where}.Statement[${i}]`, version === POLICY_VERSION));
}

function parseStatement(raw: unknown, where: string, variables: boolean): Statement {
  if (!isObject(raw)) throw new Error(`${where} is not an object`);
  const unknown = Object.keys(raw).filter((k) => !ELEMENTS.includes(k));
  if (unknown.length > 0) throw new Error(`${where} has unknown elements: ${unknown.join(", ")}`);
  if (raw.Effect !== "Allow" && raw.Effect !== "Deny") throw new Error(`${where}.Effect must be "Allow" or "Deny"`);
  if ((raw.Action === undefined) === (raw.NotAction === undefined)) throw new Error(`${where} needs exactly one of Action and NotAction`);
  if (raw.Resource !== undefined && raw.NotResource !== undefined) throw new Error(`${where} has both Resource and NotResource`);
  return {
    label: typeof raw.Sid === "string" && raw.Sid !== "" ? raw.Sid : where,
    effect: raw.Effect,
    actions: stringList(raw.Action, `${where}.Action`),
    notActions: stringList(raw.NotAction, `${where}.NotAction`),
    resources: stringList(raw.Resource, `${where}.Resource`),
    notResources: stringList(raw.NotResource, `${where}.NotResource`),
    principal: parsePrincipal(raw.Principal, `${where}.Principal`),
    notPrincipal: parsePrincipal(raw.NotPrincipal, `${where}.NotPrincipal`),
    conditions: parseConditions(raw.Condition, `${where}.Condition`),
    variables,
  };
}

function parseConditions(raw: unknown, where: string): Condition[] {
  if (raw === undefined) return [];
  if (!isObject(raw)) throw new Error(`${where} is not an object`);
  return Object.entries(raw).flatMap(([operator, block]) => {
    if (!isObject(block)) throw new Error(`${where}.${operator} is not an object`);
    const parsed = parseOperator(operator);
    return Object.entries(block).map(([key, values]) => ({
      operator: parsed,
      key,
      values: scalarList(values, `${where}.${operator}["${key}"]`),
    }));
  });
}

function parsePrincipal(raw: unknown, where: string): PrincipalSpec | undefined {
  if (raw === undefined) return undefined;
  if (raw === "*") return { any: true, ids: {} };
  if (!isObject(raw)) throw new Error(`${where} must be "*" or an object`);
  const ids: { [type: string]: string[] } = {};
  for (const [type, value] of Object.entries(raw)) ids[type] = stringList(value, `${where}.${type}`) ?? [];
  return { any: false, ids };
}

function stringList(raw: unknown, where: string): string[] | undefined {
  if (raw === undefined) return undefined;
  const list = Array.isArray(raw) ? raw : [raw];
  if (!list.every((v) => typeof v === "string")) throw new Error(`${where} must be a string or a list of strings`);
  return list;
}

/** Condition values may be written as strings, numbers or booleans. */
function scalarList(raw: unknown, where: string): string[] {
  const list = Array.isArray(raw) ? raw : [raw];
  if (!list.every((v) => ["string", "number", "boolean"].includes(typeof v))) {
    throw new Error(`${where} must hold strings, numbers or booleans`);
  }
  return list.map(String);
}

function isObject(value: unknown): value is { [key: string]: any } {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
