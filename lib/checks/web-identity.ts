/** What the trust rules share: which statements are OIDC web-identity trusts, and how to read their keys. */
import { Token } from "cdktf";
import { TrustCondition, TrustStatement } from "./trust-statement";

const WEB_IDENTITY = "sts:assumerolewithwebidentity";

/** IAM's `*` and `?` glob, case-insensitive (for actions). */
export function globMatches(pattern: string, text: string): boolean {
  const re = new RegExp(
    `^${pattern
      .replace(/[.+^${}()|[\]\\]/g, "\\$&")
      .replace(/\*/g, ".*")
      .replace(/\?/g, ".")}$`,
    "i",
  );
  return re.test(text);
}

/** Federated principals that are not OIDC providers (Cognito, Google, Facebook, Amazon). */
const isOidcProviderPrincipal = (principal: string) => Token.isUnresolved(principal) || principal.includes(":oidc-provider/");

/** An Allow statement that lets an OIDC provider's identities call AssumeRoleWithWebIdentity. */
export function isWebIdentityStatement(s: TrustStatement): boolean {
  return (
    s.effect.toLowerCase() === "allow" &&
    s.actions.some((a) => !Token.isUnresolved(a) && globMatches(a, WEB_IDENTITY)) &&
    s.federated.some(isOidcProviderPrincipal)
  );
}

/** "sub" or "aud" for a `<host>:sub` / `<host>:aud` condition key. */
export function claimOf(c: TrustCondition): "sub" | "aud" | undefined {
  const m = /:(sub|aud)$/i.exec(c.key);
  return m ? (m[1].toLowerCase() as "sub" | "aud") : undefined;
}

/** The claims a statement has conditions on. */
export function claimsIn(s: TrustStatement): Set<string> {
  return new Set((s.conditions ?? []).map(claimOf).filter((c) => c !== undefined));
}

export const isStringLike = (operator: string) => /StringLike$/i.test(operator);

/** A web-identity statement whose conditions can be read, with its position and how messages name it. */
export interface WebIdentityStatement {
  readonly statement: TrustStatement & { readonly conditions: TrustCondition[] };
  readonly index: number;
  /** e.g. `statement 0 (Federated arn:aws:iam::...)` */
  readonly label: string;
}

/** The web-identity statements of a policy, with or without readable conditions. */
export function webIdentityStatements(
  statements: readonly TrustStatement[],
): { statement: TrustStatement; index: number; label: string }[] {
  return statements.flatMap((statement, index) =>
    isWebIdentityStatement(statement)
      ? [{ statement, index, label: `statement ${index} (Federated ${statement.federated.join(", ")})` }]
      : [],
  );
}

/** The web-identity statements whose conditions are literal (a token condition list is its own finding). */
export function readableWebIdentityStatements(statements: readonly TrustStatement[]): WebIdentityStatement[] {
  return webIdentityStatements(statements).filter((w): w is WebIdentityStatement => w.statement.conditions !== undefined);
}

/** ...and that have at least one condition (no condition at all is its own finding). */
export function conditionedWebIdentityStatements(statements: readonly TrustStatement[]): WebIdentityStatement[] {
  return readableWebIdentityStatements(statements).filter((w) => w.statement.conditions.length > 0);
}

/** The `sub` / `aud` conditions of conditioned web-identity statements, with their statement. */
export function claimConditions(
  statements: readonly TrustStatement[],
): { w: WebIdentityStatement; c: TrustCondition; claim: "sub" | "aud" }[] {
  return conditionedWebIdentityStatements(statements).flatMap((w) =>
    w.statement.conditions.flatMap((c) => {
      const claim = claimOf(c);
      return claim === undefined ? [] : [{ w, c, claim }];
    }),
  );
}

/**
 * Messages for conditioned statements without a check on `claim`. Statements are OR'ed: a claim
 * checked in another statement does not narrow this one.
 */
export function missingClaimMessages(statements: readonly TrustStatement[], claim: "sub" | "aud", consequence: string): string[] {
  const all = webIdentityStatements(statements);
  return conditionedWebIdentityStatements(statements)
    .filter((w) => !claimsIn(w.statement).has(claim))
    .map((w) => {
      const elsewhere = all.some((other) => other.index !== w.index && claimsIn(other.statement).has(claim));
      return elsewhere
        ? `${w.label} has no :${claim} condition; it is in another statement, but statements are OR'ed: put sub and aud ` +
            `in the same statement`
        : `${w.label} has no :${claim} condition: ${consequence}`;
    });
}

const SERVICE_ACCOUNT_PREFIX = "system:serviceaccount:";

/** The literal sub values matched with StringLike, with their statement. */
export function subjectPatterns(statements: readonly TrustStatement[]): { w: WebIdentityStatement; value: string }[] {
  return claimConditions(statements)
    .filter(({ claim, c }) => claim === "sub" && isStringLike(c.operator))
    .flatMap(({ w, c }) => c.values.filter((v) => !Token.isUnresolved(v)).map((value) => ({ w, value })));
}

/** `system:serviceaccount:<namespace>:<name>` split; `undefined` for other shapes. */
export function splitServiceAccountSubject(value: string): { namespace: string; name: string | undefined } | undefined {
  if (!value.startsWith(SERVICE_ACCOUNT_PREFIX)) return undefined;
  const rest = value.slice(SERVICE_ACCOUNT_PREFIX.length);
  const colon = rest.indexOf(":");
  return colon < 0 ? { namespace: rest, name: undefined } : { namespace: rest.slice(0, colon), name: rest.slice(colon + 1) };
}
