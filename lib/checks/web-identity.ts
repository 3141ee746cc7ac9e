/** What the trust rules share: which statements are web-identity trusts, and how to read their claims. */
import { POD_IDENTITY_SERVICE, SERVICE_ACCOUNT_SUBJECT_PREFIX as SERVICE_ACCOUNT_PREFIX } from "../facts/eks";
import { iamGlobMatches, STS_ACTIONS } from "../facts/iam";
import { claimsPinnedByDeny } from "./deny-pins";
import { Issuer, isEksIssuerHost, issuerOf } from "./issuers";
import { isExpression } from "../config-model/terraform-expression";
import { federatedOf, principalsOfType, TrustCondition, TrustPolicy, TrustStatement, ValueSyntax } from "../config-model/trust-statement";

/** Whether an Allow of this statement covers the action: by Action glob, or by a NotAction that leaves it out. */
export function covers(s: TrustStatement, action: string, syntax: ValueSyntax): boolean {
  const matches = (patterns: readonly string[]) => patterns.some((a) => !isExpression(a, syntax) && iamGlobMatches(a, action, true));
  return s.notActions !== undefined ? !matches(s.notActions) : matches(s.actions);
}

/** `Principal: "*"`, `AWS: "*"`, `Federated: "*"`, or a NotPrincipal: everyone (but a few). */
export function hasWildcardPrincipal(s: TrustStatement): boolean {
  return (
    s.notPrincipals !== undefined ||
    s.principals.some((p) => p.identifiers.includes("*") && ["*", "aws", "federated"].includes(p.type.toLowerCase()))
  );
}

/** The statements of a policy (none when it is unreadable or malformed). */
export const statementsOf = (policy: TrustPolicy): readonly TrustStatement[] => (policy.kind === "statements" ? policy.statements : []);

/** A web-identity statement, with its position, its issuers and how messages name it. */
export interface WebIdentityStatement {
  readonly statement: TrustStatement;
  readonly index: number;
  /** e.g. `statement 0 (Federated arn:aws:iam::...)` */
  readonly label: string;
  readonly issuers: readonly Issuer[];
  readonly syntax: ValueSyntax;
}

/** A web-identity statement whose conditions are literal blocks. */
export interface ReadableWebIdentityStatement extends WebIdentityStatement {
  readonly conditions: readonly TrustCondition[];
}

/** The Allow statements that let web identities call AssumeRoleWithWebIdentity. */
export function webIdentityStatements(policy: TrustPolicy): WebIdentityStatement[] {
  if (policy.kind !== "statements") return [];
  return policy.statements.flatMap((statement, index) => {
    if (statement.effect !== "Allow" || !covers(statement, STS_ACTIONS.assumeRoleWithWebIdentity, policy.syntax)) return [];
    const federated = federatedOf(statement);
    const wildcard = hasWildcardPrincipal(statement);
    const issuers = federated.flatMap((p) => issuerOf(p, policy.syntax) ?? []);
    if (issuers.length === 0 && !wildcard) return [];
    const who = federated.length > 0 ? `Federated ${federated.join(", ")}` : "Principal *";
    return [
      {
        statement,
        index,
        label: `statement ${index} (${who})`,
        issuers: wildcard && issuers.length === 0 ? [{ kind: "oidc-provider", host: undefined }] : issuers,
        syntax: policy.syntax,
      },
    ];
  });
}

export function readableWebIdentityStatements(policy: TrustPolicy): ReadableWebIdentityStatement[] {
  return webIdentityStatements(policy).flatMap((w) =>
    w.statement.conditions === undefined ? [] : [{ ...w, conditions: w.statement.conditions }],
  );
}

/** ...that have at least one condition (no condition at all is its own finding). */
export function conditionedWebIdentityStatements(policy: TrustPolicy): ReadableWebIdentityStatement[] {
  return readableWebIdentityStatements(policy).filter((w) => w.conditions.length > 0);
}

/** The claim a condition key tests (`<issuer>:sub` -> "sub"); `undefined` for global keys such as `aws:SourceIp`. */
export function claimOf(c: TrustCondition): string | undefined {
  const colon = c.key.lastIndexOf(":");
  if (colon <= 0 || /^(aws|sts):/i.test(c.key)) return undefined;
  return c.key.slice(colon + 1).toLowerCase();
}

/** The claim that carries the audience for a statement's issuers ("aud", or "app_id" for Facebook and Amazon). */
export function audienceClaimOf(w: WebIdentityStatement): string {
  const wellKnown = w.issuers.find((i) => i.kind === "well-known");
  return wellKnown?.kind === "well-known" ? wellKnown.audienceClaim : "aud";
}

/** Whether sub must be pinned: for OIDC providers, yes; IAM's built-in providers are pinned by audience. */
export const needsSubject = (w: WebIdentityStatement): boolean => w.issuers.some((i) => i.kind === "oidc-provider");

export const claimsIn = (conditions: readonly TrustCondition[]): Set<string> => new Set(conditions.flatMap((c) => claimOf(c) ?? []));

export const isStringLike = (operator: string) => /StringLike$/i.test(operator);

/** Kubernetes rules apply to EKS issuers, and to any statement whose subjects are Kubernetes service accounts. */
export function isKubernetesStatement(w: ReadableWebIdentityStatement): boolean {
  if (w.issuers.some((i) => i.host !== undefined && isEksIssuerHost(i.host))) return true;
  return w.conditions.some((c) => claimOf(c) === "sub" && c.values.some((v) => v.startsWith(SERVICE_ACCOUNT_PREFIX)));
}

/** The audience-and-subject conditions of conditioned web-identity statements, with their statement. */
export function claimConditions(policy: TrustPolicy): { w: ReadableWebIdentityStatement; c: TrustCondition; claim: string }[] {
  return conditionedWebIdentityStatements(policy).flatMap((w) =>
    w.conditions.flatMap((c) => {
      const claim = claimOf(c);
      return claim === "sub" || claim === audienceClaimOf(w) ? [{ w, c, claim }] : [];
    }),
  );
}

/** The literal sub values matched with StringLike, with their statement. */
export function subjectPatterns(
  policy: TrustPolicy,
): { w: ReadableWebIdentityStatement; key: string; value: string; kubernetes: boolean }[] {
  return claimConditions(policy)
    .filter(({ claim, c }) => claim === "sub" && isStringLike(c.operator))
    .flatMap(({ w, c }) =>
      c.values.filter((v) => !isExpression(v, w.syntax)).map((value) => ({ w, key: c.key, value, kubernetes: isKubernetesStatement(w) })),
    );
}

/** `system:serviceaccount:<namespace>:<name>` split; `undefined` for other shapes. */
export function splitServiceAccountSubject(value: string): { namespace: string; name: string | undefined } | undefined {
  if (!value.startsWith(SERVICE_ACCOUNT_PREFIX)) return undefined;
  const rest = value.slice(SERVICE_ACCOUNT_PREFIX.length);
  const colon = rest.indexOf(":");
  return colon < 0 ? { namespace: rest, name: undefined } : { namespace: rest.slice(0, colon), name: rest.slice(colon + 1) };
}

/** The condition key of a claim as the statement would spell it: `<host>:<claim>` (the host of its other keys, or of its issuer). */
export function claimKeyOf(w: WebIdentityStatement, claim: string): string {
  const spelled = (w.statement.conditions ?? []).find((c) => c.key.lastIndexOf(":") > 0 && claimOf(c) !== undefined)?.key;
  const host = spelled?.slice(0, spelled.lastIndexOf(":")) ?? w.issuers.find((i) => i.host !== undefined)?.host ?? "<issuer host>";
  return `${host}:${claim}`;
}

/**
 * Messages for conditioned statements without a check on `claim`. Statements are OR'ed: a claim
 * checked in another statement does not narrow this one. A claim that a Deny pins for this
 * statement's principal and action (./deny-pins.ts) is checked.
 */
export function missingClaimMessages(
  policy: TrustPolicy,
  claimFor: (w: WebIdentityStatement) => string | undefined,
  consequence: (claim: string) => string,
): string[] {
  const all = webIdentityStatements(policy);
  return conditionedWebIdentityStatements(policy).flatMap((w) => {
    const claim = claimFor(w);
    if (claim === undefined || claimsIn(w.conditions).has(claim) || claimsPinnedByDeny(policy, w).has(claim)) return [];
    const key = claimKeyOf(w, claim);
    const elsewhere = all.some((other) => other.index !== w.index && claimsIn(other.statement.conditions ?? []).has(claim));
    return elsewhere
      ? [`${w.label} has no ${key} condition; it is in another statement, but statements are OR'ed: put sub and aud in the same statement`]
      : [`${w.label} has no ${key} condition: ${consequence(claim)}`];
  });
}

/** The Allow statements of the EKS Pod Identity service principal, with their position. */
export function podIdentityStatements(policy: TrustPolicy): { statement: TrustStatement; index: number; label: string }[] {
  return statementsOf(policy).flatMap((statement, index) =>
    statement.effect === "Allow" && principalsOfType(statement, "Service").some((id) => id.toLowerCase() === POD_IDENTITY_SERVICE)
      ? [{ statement, index, label: `statement ${index} (Service pods.eks.amazonaws.com)` }]
      : [],
  );
}
