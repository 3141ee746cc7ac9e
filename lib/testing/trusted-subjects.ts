/**
 * Lists who a rendered trust policy admits, complete by construction: every Allow statement that
 * covers the call contributes the cross product of its covers (./subject-covers.ts: patterns that
 * include every value the statement admits, Deny pins applied, `*` where nothing narrows), so any
 * request the policy allows matches some listed subject. A listed subject is kept only when the
 * policy evaluator allows a concrete request inside it (./witnesses.ts), so Deny statements and
 * other conditions remove what nobody can use.
 *
 * Web identity: per issuer host, `sub` × `aud`; a Federated `*` (or Principal `*`, or a NotPrincipal)
 * also admits any other issuer, listed as issuer host `*`. Pod Identity: per cluster, namespace and
 * service account from the session-tag conditions.
 */
import { POD_IDENTITY_SESSION_TAGS, requestTagKey, SERVICE_ACCOUNT_SUBJECT_PREFIX } from "../facts/eks";
import { STS_ACTIONS } from "../facts/iam";
import { POD_IDENTITY, TrustedSubject, WEB_IDENTITY } from "../kubernetes/trusted-subject";
import { hostOfProviderArn, POD_IDENTITY_SERVICE, PodIdentityServiceAccount, WebIdentityToken } from "../evaluation/assume-requests";
import { coversAction, coversPrincipal, CoverRequest, keyCover, statementsOf, toList, vocabulary } from "./subject-covers";
import { witnessesOf, wordsWithVariables } from "./witnesses";

type Json = { [key: string]: any };

/** Evaluates the candidates' requests against the policy. */
export interface CandidateCheck {
  readonly webIdentity: (token: WebIdentityToken) => boolean;
  readonly podIdentity: (sa: PodIdentityServiceAccount) => boolean;
}

const WEB_IDENTITY_ACTION = STS_ACTIONS.assumeRoleWithWebIdentity;
const SERVICE_ACCOUNT_PREFIX = SERVICE_ACCOUNT_SUBJECT_PREFIX;
/** Stands for every issuer the policy does not name, when a statement admits any Federated principal. */
const OTHER_ISSUER = "*";
const OTHER_ISSUER_WITNESS = "issuer.invalid/any";

/** The namespace and name a `sub` pattern covers: `*` where open; empty when it covers no service account. */
function serviceAccountOf(subject: string): { namespace: string; serviceAccountName: string } {
  const m = /^system:serviceaccount:([^:]*)(?::(.*))?$/.exec(subject);
  if (m !== null) return { namespace: m[1], serviceAccountName: m[2] ?? "*" };
  // A pattern such as `*`, `system:*` or `sys?em:serviceaccount:a:b` may still match service accounts; a literal cannot.
  let prefix = "";
  let wildcard = false;
  for (const m of subject.matchAll(/\$\{([*?$])\}|([*?])|([^$*?]+|\$)/g)) {
    if (m[2] !== undefined) {
      wildcard = true;
      break;
    }
    prefix += m[1] ?? m[3];
  }
  const open = wildcard && (SERVICE_ACCOUNT_PREFIX.startsWith(prefix) || prefix.startsWith(SERVICE_ACCOUNT_PREFIX));
  return open ? { namespace: "*", serviceAccountName: "*" } : { namespace: "", serviceAccountName: "" };
}

/** Every issuer host the policy names: its Federated ARNs' hosts and the prefixes of its `<host>:sub` / `<host>:aud` keys. */
function hostsOfPolicy(policy: Json): string[] {
  return statementsOf(policy).flatMap((s) => {
    const keys = Object.values<Json>(s?.Condition ?? {}).flatMap((k) => Object.keys(k ?? {}));
    const ofKeys = keys.filter((k) => /:(sub|aud)$/i.test(k) && !/^(aws|sts):/i.test(k)).map((k) => k.slice(0, k.lastIndexOf(":")));
    const ofArns = toList(s?.Principal?.Federated).flatMap((id) => hostOfProviderArn(id) ?? []);
    return [...ofArns, ...ofKeys];
  });
}

/** The issuer hosts a statement admits: its Federated ARNs' hosts, or for any principal every host the policy names and any other. */
function issuerHosts(policy: Json, statement: Json): string[] {
  const principal = statement.Principal;
  const open =
    statement.NotPrincipal !== undefined ||
    principal === "*" ||
    toList(principal?.Federated).includes("*") ||
    toList(principal?.AWS).includes("*");
  const named = toList(principal?.Federated)
    .filter((id) => id !== "*")
    .map((id) => hostOfProviderArn(id) ?? id);
  return open ? [...named, ...hostsOfPolicy(policy), OTHER_ISSUER] : named;
}

/** The Federated ARN a token of the host comes through: the policy's own for that host, or any. */
function providerArnOf(policy: Json, host: string): string {
  const federated = statementsOf(policy).flatMap((s) => toList(s?.Principal?.Federated));
  return federated.find((arn) => hostOfProviderArn(arn) === host) ?? `oidc-provider/${host}`;
}

function webIdentitySubjects(policy: Json, statement: Json, check: CandidateCheck): TrustedSubject[] {
  if (!coversAction(statement, WEB_IDENTITY_ACTION)) return [];
  return [...new Set(issuerHosts(policy, statement))].flatMap((issuerHost) => {
    const host = issuerHost === OTHER_ISSUER ? OTHER_ISSUER_WITNESS : issuerHost;
    const request: CoverRequest = { action: WEB_IDENTITY_ACTION, principalType: "Federated", principalId: providerArnOf(policy, host) };
    const [subKey, audKey] = [`${host}:sub`, `${host}:aud`];
    const words = vocabulary(policy, [subKey, audKey]);
    const subjects = issuerHost === OTHER_ISSUER ? ["*"] : keyCover(policy, statement, subKey, request);
    const audiences = issuerHost === OTHER_ISSUER ? ["*"] : keyCover(policy, statement, audKey, request);
    return subjects.flatMap((subject) => {
      const subWitnesses = witnessesOf(subject, words);
      return audiences
        .filter((audience) => {
          const audWitnesses = witnessesOf(audience, words);
          const allows = (sub: string, aud: string) => check.webIdentity({ issuerHost: host, claims: { sub, aud } });
          // Plain pairs first; then, for a claim compared with the other (`sub = ...${<host>:aud}...`),
          // witnesses made of the other's values. Stops at the first allowed pair.
          return (
            subWitnesses.some((sub) => audWitnesses.some((aud) => allows(sub, aud))) ||
            (words.some((w) => w.includes("${")) &&
              (subWitnesses.some((sub) => witnessesOf(audience, wordsWithVariables(words, sub)).some((aud) => allows(sub, aud))) ||
                audWitnesses.some((aud) => witnessesOf(subject, wordsWithVariables(words, aud)).some((sub) => allows(sub, aud)))))
          );
        })
        .map((audience) => ({ via: WEB_IDENTITY, ...serviceAccountOf(subject), issuerHost, subject, audience }));
    });
  });
}

function podIdentitySubjects(policy: Json, statement: Json, check: CandidateCheck): TrustedSubject[] {
  if (!coversAction(statement, "sts:AssumeRole")) return [];
  if (!coversPrincipal(statement, "Service", POD_IDENTITY_SERVICE)) return [];
  const request: CoverRequest = { action: "sts:AssumeRole", principalType: "Service", principalId: POD_IDENTITY_SERVICE };
  const tag = (name: string) => keyCover(policy, statement, requestTagKey(name), request);
  const arns = tag(POD_IDENTITY_SESSION_TAGS.clusterArn);
  const clusters =
    arns[0] !== "*"
      ? arns.map((arn) => ({ clusterName: arn.slice(arn.lastIndexOf("/") + 1), clusterArn: arn }))
      : tag(POD_IDENTITY_SESSION_TAGS.clusterName).map((clusterName) => ({ clusterName, clusterArn: undefined }));
  const [namespaceKey, nameKey] = [POD_IDENTITY_SESSION_TAGS.namespace, POD_IDENTITY_SESSION_TAGS.serviceAccount].map(requestTagKey);
  const words = vocabulary(policy, [namespaceKey, nameKey]);
  return clusters.flatMap(({ clusterName, clusterArn }) =>
    tag(POD_IDENTITY_SESSION_TAGS.namespace).flatMap((namespace) =>
      tag(POD_IDENTITY_SESSION_TAGS.serviceAccount)
        .filter((name) =>
          witnessesOf(namespace, words).some((ns) =>
            witnessesOf(name, words).some((sa) => check.podIdentity({ clusterName, namespace: ns, name: sa, clusterArn })),
          ),
        )
        .map((name) => ({ via: POD_IDENTITY, namespace, serviceAccountName: name, service: POD_IDENTITY_SERVICE, clusterName })),
    ),
  );
}

/** Every subject the policy admits, in statement order, without duplicates. */
export function trustedSubjectsOf(policy: Json, check: CandidateCheck): TrustedSubject[] {
  const all = statementsOf(policy)
    .filter((s) => s?.Effect === "Allow")
    .flatMap((s) => [...webIdentitySubjects(policy, s, check), ...podIdentitySubjects(policy, s, check)]);
  const seen = new Set<string>();
  return all.filter((s) => {
    const key = JSON.stringify(s);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
