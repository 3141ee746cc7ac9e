import { Token } from "cdktf";
import { issuerHostFromArn } from "./issuer";
import { TrustCondition, TrustStatement } from "./trust-model";

/**
 * Rules over the web-identity statements of one trust policy, as pure functions. A finding is an
 * error (synth fails) or a warning. Sources for each rule: shared/FACTS.md, "Trust policy".
 */
export interface Finding {
  readonly level: "error" | "warning";
  readonly message: string;
}

const WEB_IDENTITY = "sts:assumerolewithwebidentity";
const WILDCARD = /[*?]/;

function globMatches(pattern: string, text: string): boolean {
  const re = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".")}$`, "i");
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

const claimOf = (c: TrustCondition): string | undefined => {
  const m = /:(sub|aud)$/i.exec(c.key);
  return m ? m[1].toLowerCase() : undefined;
};

/** Operators that pass when the key is missing or that negate: never acceptable on sub or aud. */
export function failOpenReason(operator: string): string | undefined {
  if (/^ForAllValues:/i.test(operator)) return "ForAllValues passes when the claim is missing";
  if (/IfExists$/i.test(operator)) return "...IfExists passes when the claim is missing";
  if (/(^|:)StringNot/i.test(operator)) return "StringNot... admits every value but the listed ones";
  if (/^Null$/i.test(operator)) return "Null checks only that the claim exists";
  return undefined;
}

const isLike = (operator: string) => /StringLike$/i.test(operator);

/** Checks one `sub` value: never a wildcard namespace; a wildcard name is a warning. */
export function subjectFindings(value: string, operator: string): Finding[] {
  if (Token.isUnresolved(value)) return [];
  if (!isLike(operator)) {
    return WILDCARD.test(value)
      ? [{ level: "warning", message: `sub value "${value}" has a wildcard but ${operator} matches it literally; use StringLike or remove it` }]
      : [];
  }
  const prefix = "system:serviceaccount:";
  if (!value.startsWith(prefix)) {
    return WILDCARD.test(value)
      ? [{ level: "error", message: `sub value "${value}" is a wildcard over the namespace (or more); name one namespace` }]
      : [];
  }
  const rest = value.slice(prefix.length);
  const colon = rest.indexOf(":");
  const namespace = colon < 0 ? rest : rest.slice(0, colon);
  if (colon < 0 || WILDCARD.test(namespace)) {
    return [{ level: "error", message: `sub value "${value}" has a wildcard namespace; it trusts every matching namespace of the cluster` }];
  }
  if (WILDCARD.test(rest.slice(colon + 1))) {
    return [{ level: "warning", message: `sub value "${value}" matches service account names by wildcard in namespace "${namespace}"` }];
  }
  return [];
}

/** All findings for the statements of one trust policy. */
export function checkTrustStatements(statements: TrustStatement[]): Finding[] {
  const findings: Finding[] = [];
  const webIdentity = statements.filter(isWebIdentityStatement);
  const claimsIn = (s: TrustStatement) => new Set((s.conditions ?? []).map(claimOf).filter((c) => c !== undefined));
  statements.forEach((s, index) => {
    if (!webIdentity.includes(s)) return;
    const at = `statement ${index} (Federated ${s.federated.join(", ")})`;
    const error = (message: string) => findings.push({ level: "error", message: `${at} ${message}` });
    if (s.conditions === undefined) {
      findings.push({ level: "warning", message: `${at} has conditions given as a token; they cannot be checked at synth` });
      return;
    }
    if (s.federated.length > 1) {
      error("names several Federated principals; conditions are ANDed, so use one statement per OIDC provider");
    }
    if (s.conditions.length === 0) {
      error("allows sts:AssumeRoleWithWebIdentity with no condition: every identity of that issuer can assume the role");
      return;
    }
    const claims = claimsIn(s);
    for (const claim of ["sub", "aud"]) {
      if (claims.has(claim)) continue;
      const elsewhere = webIdentity.some((other) => other !== s && claimsIn(other).has(claim));
      error(
        elsewhere
          ? `has no :${claim} condition; it is in another statement, but statements are OR'ed: put sub and aud in the same statement`
          : `has no :${claim} condition${claim === "sub" ? ": every service account of the cluster can assume the role" : ": tokens for any audience are accepted"}`,
      );
    }
    for (const c of s.conditions) {
      const claim = claimOf(c);
      if (claim === undefined) continue;
      const reason = failOpenReason(c.operator);
      if (reason) error(`uses ${c.operator} on ${c.key} (${reason}); use StringEquals or StringLike`);
      if (claim === "sub") {
        for (const value of c.values) findings.push(...subjectFindings(value, c.operator).map((f) => ({ ...f, message: `${at} ${f.message}` })));
      } else if (isLike(c.operator) && c.values.some((v) => !Token.isUnresolved(v) && WILDCARD.test(v))) {
        error(`matches ${c.key} with a wildcard; the audience must be exact`);
      }
      const provider = s.federated.length === 1 ? s.federated[0] : undefined;
      if (provider && !Token.isUnresolved(provider) && !Token.isUnresolved(c.key)) {
        const host = issuerHostFromArn(provider);
        const keyHost = c.key.slice(0, c.key.lastIndexOf(":"));
        if (keyHost.toLowerCase() !== host.toLowerCase()) {
          error(`has the condition key ${c.key}, which does not belong to ${provider} (expected ${host}:${claim}); the statement can never match`);
        }
      }
    }
  });
  return findings;
}
