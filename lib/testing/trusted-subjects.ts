/**
 * Lists who a rendered trust policy admits: candidates are read from the Allow statements (each
 * issuer's `sub` × `aud` values, or each cluster × namespace × service account of the Pod Identity
 * session tags; `*` where the statement does not narrow it), then each candidate is kept only if
 * the policy evaluator allows its request, so Deny statements and other conditions count.
 */
import { POD_IDENTITY, TrustedSubject, WEB_IDENTITY } from "../kubernetes/trusted-subject";
import { hostOfProviderArn, POD_IDENTITY_SERVICE, PodIdentityServiceAccount, WebIdentityToken } from "./assume-requests";
import { globMatches } from "./iam-pattern";

type Json = { [key: string]: any };

/** Evaluates the candidates' requests against the policy. */
export interface CandidateCheck {
  readonly webIdentity: (token: WebIdentityToken) => boolean;
  readonly podIdentity: (sa: PodIdentityServiceAccount) => boolean;
}

const toList = (value: unknown): string[] => (value === undefined ? [] : Array.isArray(value) ? value.map(String) : [String(value)]);

function covers(statement: Json, action: string): boolean {
  if (statement.NotAction !== undefined) return !toList(statement.NotAction).some((a) => globMatches(a, action, true));
  return toList(statement.Action).some((a) => globMatches(a, action, true));
}

/** The values a statement allows for a key with a positive string operator; empty when it does not test the key. */
function allowedValues(statement: Json, key: string): string[] {
  const found: string[] = [];
  for (const [operator, keys] of Object.entries<Json>(statement.Condition ?? {})) {
    const base = operator.replace(/^(ForAnyValue|ForAllValues):/, "").replace(/IfExists$/, "");
    if (!["StringEquals", "StringLike", "StringEqualsIgnoreCase"].includes(base)) continue;
    for (const [k, v] of Object.entries(keys)) if (k.toLowerCase() === key.toLowerCase()) found.push(...toList(v));
  }
  return found;
}

const orAnything = (values: string[]): string[] => (values.length === 0 ? ["*"] : [...new Set(values)]);

function principalIds(statement: Json, type: string): string[] {
  if (statement.Principal === "*") return ["*"];
  const ids = toList(statement.Principal?.[type]);
  return toList(statement.Principal?.AWS).includes("*") ? [...ids, "*"] : ids;
}

/** `system:serviceaccount:<namespace>:<name>`; `*` for a subject the policy leaves open; empty for other subjects. */
function serviceAccountOf(subject: string): { namespace: string; serviceAccountName: string } {
  if (subject === "*") return { namespace: "*", serviceAccountName: "*" };
  const m = /^system:serviceaccount:([^:]*)(?::(.*))?$/.exec(subject);
  if (m === null) return { namespace: "", serviceAccountName: "" };
  return { namespace: m[1], serviceAccountName: m[2] ?? "*" };
}

/** The issuer hosts of a Federated `*` statement, read from its condition keys. */
function hostsOfConditionKeys(statement: Json): string[] {
  const keys = Object.values<Json>(statement.Condition ?? {}).flatMap((k) => Object.keys(k));
  const hosts = keys.filter((k) => /:(sub|aud)$/i.test(k) && !/^(aws|sts):/i.test(k)).map((k) => k.slice(0, k.lastIndexOf(":")));
  return orAnything(hosts);
}

function webIdentitySubjects(statement: Json, check: CandidateCheck): TrustedSubject[] {
  if (!covers(statement, "sts:AssumeRoleWithWebIdentity")) return [];
  const hosts = principalIds(statement, "Federated").flatMap((id) =>
    id === "*" ? hostsOfConditionKeys(statement) : [hostOfProviderArn(id) ?? id],
  );
  return [...new Set(hosts)].flatMap((issuerHost) =>
    orAnything(allowedValues(statement, `${issuerHost}:sub`)).flatMap((subject) =>
      orAnything(allowedValues(statement, `${issuerHost}:aud`))
        .filter((audience) => check.webIdentity({ issuerHost, claims: { sub: subject, aud: audience } }))
        .map((audience) => ({ via: WEB_IDENTITY, ...serviceAccountOf(subject), issuerHost, subject, audience })),
    ),
  );
}

function podIdentitySubjects(statement: Json, check: CandidateCheck): TrustedSubject[] {
  if (!covers(statement, "sts:AssumeRole")) return [];
  if (!principalIds(statement, "Service").some((id) => id === "*" || id === POD_IDENTITY_SERVICE)) return [];
  const tag = (name: string) => allowedValues(statement, `aws:RequestTag/${name}`);
  const arns = tag("eks-cluster-arn");
  const clusters =
    arns.length > 0
      ? arns.map((arn) => ({ clusterName: arn.slice(arn.lastIndexOf("/") + 1), clusterArn: arn }))
      : orAnything(tag("eks-cluster-name")).map((clusterName) => ({ clusterName, clusterArn: undefined }));
  return clusters.flatMap(({ clusterName, clusterArn }) =>
    orAnything(tag("kubernetes-namespace")).flatMap((namespace) =>
      orAnything(tag("kubernetes-service-account"))
        .filter((name) => check.podIdentity({ clusterName, namespace, name, clusterArn }))
        .map((name) => ({ via: POD_IDENTITY, namespace, serviceAccountName: name, service: POD_IDENTITY_SERVICE, clusterName })),
    ),
  );
}

/** Every subject the policy admits, in statement order, without duplicates. */
export function trustedSubjectsOf(policy: Json, check: CandidateCheck): TrustedSubject[] {
  const statements: Json[] = Array.isArray(policy.Statement) ? policy.Statement : [policy.Statement];
  const all = statements
    .filter((s) => s?.Effect === "Allow")
    .flatMap((s) => [...webIdentitySubjects(s, check), ...podIdentitySubjects(s, check)]);
  const seen = new Set<string>();
  return all.filter((s) => {
    const key = JSON.stringify(s);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
