/**
 * whoCanAssume is complete: for random web-identity trusts (operators with set prefixes and
 * IfExists, negated operators, `?`/`*`, condition keys in other case, Deny statements, NotAction,
 * several principals, Federated `*`, policy variables), every (issuer, sub, aud) that the evaluator
 * allows matches some listed subject. Before, candidates were read from Allow statements and
 * tried as literal values, so a Deny `StringNotEquals aud` emptied the list while canAssume said yes.
 * Seeded by setup.js (FC_SEED=<n> or "random" explores) and bounded to 200 runs: deterministic, and fast.
 */
import * as fc from "fast-check";
import { TrustedSubject } from "../../lib/kubernetes/trusted-subject";
import { IrsaAssertions } from "../../lib/testing";
import { coverMatches } from "../../lib/testing/witnesses";

const H1 = "oidc.eks.us-west-2.amazonaws.com/id/AAAA";
const H2 = "oidc.eks.eu-west-1.amazonaws.com/id/BBBB";
const H3 = "token.actions.githubusercontent.com";
const arnOf = (host: string) => `arn:aws:iam::111122223333:oidc-provider/${host}`;

const SUBS = [
  "system:serviceaccount:default:app",
  "system:serviceaccount:kube-system:*",
  "system:serviceaccount:*",
  "system:serviceaccount:default:ap?",
  "System:ServiceAccount:Default:App",
  "*",
  "?",
  "${H:sub}",
  "${H:aud}",
  "system:serviceaccount:${H:aud}:app",
  "${*}",
];
const AUDS = ["sts.amazonaws.com", "*", "sts.*", "other", "${H:aud}", "${H:sub}"];
const OPERATORS = [
  "StringEquals",
  "StringLike",
  "StringNotEquals",
  "StringNotLike",
  "StringEqualsIgnoreCase",
  "StringNotEqualsIgnoreCase",
  "ForAnyValue:StringLike",
  "ForAnyValue:StringEquals",
  "ForAllValues:StringEquals",
  "StringEqualsIfExists",
  "StringLikeIfExists",
  "StringNotEqualsIfExists",
];

const host = fc.constantFrom(H1, H2);
const condition = fc
  .record({
    operator: fc.constantFrom(...OPERATORS),
    host,
    claim: fc.constantFrom("sub", "aud", "SUB", "Aud"),
    values: fc.array(fc.constantFrom(...SUBS, ...AUDS), { minLength: 1, maxLength: 2 }),
  })
  .map(({ operator, host: h, claim, values }) => ({
    operator,
    key: `${h}:${claim}`,
    values: values.map((v) => v.replace(/\$\{H:/g, `\${${h}:`)),
  }));
const principal = fc.constantFrom<object | string>(
  { Federated: arnOf(H1) },
  { Federated: [arnOf(H1), arnOf(H2)] },
  { Federated: arnOf(H2) },
  { Federated: "*" },
  "*",
);
const statement = fc.record({
  effect: fc.constantFrom("Allow", "Allow", "Deny"),
  action: fc.constantFrom<object>(
    { Action: "sts:AssumeRoleWithWebIdentity" },
    { Action: ["sts:AssumeRole*"] },
    { NotAction: "sts:AssumeRole" },
    { Action: "sts:AssumeRole" },
  ),
  principal,
  conditions: fc.array(condition, { maxLength: 3 }),
});
const policy = fc.array(statement, { minLength: 1, maxLength: 3 }).map((statements) => ({
  Version: "2012-10-17",
  Statement: statements.map((s) => {
    const Condition: { [operator: string]: { [key: string]: string[] } } = {};
    for (const c of s.conditions) {
      const keys = (Condition[c.operator] ??= {});
      keys[c.key] = [...(keys[c.key] ?? []), ...c.values];
    }
    return { Effect: s.effect, ...s.action, Principal: s.principal, ...(s.conditions.length > 0 ? { Condition } : {}) };
  }),
}));

/** The synthesized JSON of one role with that literal trust (Terraform escapes a policy variable as $${...}). */
function assertionsFor(document: object): IrsaAssertions {
  const json = JSON.stringify(document).replace(/\$\{/g, "$$$${");
  return IrsaAssertions.fromSynth(JSON.stringify({ resource: { aws_iam_role: { r: { assume_role_policy: json } } } }));
}

/** Tokens to try: the policy's words, their instantiations, and a few strangers. */
const TRY_SUBS = [
  "system:serviceaccount:default:app",
  "system:serviceaccount:default:apx",
  "system:serviceaccount:kube-system:coredns",
  "system:serviceaccount:other:app",
  "System:ServiceAccount:Default:App",
  "*",
  "?",
  "x",
  "sts.amazonaws.com",
  "other",
  "repo:org/repo:ref:refs/heads/main",
];
const TRY_AUDS = ["sts.amazonaws.com", "STS.amazonaws.com", "sts.x", "*", "other", "x", "system:serviceaccount:default:app"];

const covered = (subjects: TrustedSubject[], issuerHost: string, sub: string, aud: string) =>
  subjects.some(
    (s) =>
      s.via === "web-identity" &&
      (s.issuerHost === issuerHost || s.issuerHost === "*") &&
      coverMatches(s.subject!, sub) &&
      coverMatches(s.audience!, aud),
  );

test("every (issuer, sub, aud) the evaluator allows is covered by a listed subject (random trusts, seeded)", () => {
  fc.assert(
    fc.property(policy, fc.constantFrom(...TRY_SUBS), fc.constantFrom(...TRY_AUDS), (document, extraSub, extraAud) => {
      const assertions = assertionsFor(document);
      const subjects = assertions.whoCanAssume("aws_iam_role.r");
      for (const issuerHost of [H1, H2, H3]) {
        for (const sub of [extraSub, ...TRY_SUBS]) {
          for (const aud of [extraAud, aud0(sub)]) {
            const allowed = assertions.canAssumeWithWebIdentity("aws_iam_role.r", { issuerHost, claims: { sub, aud } });
            if (allowed && !covered(subjects, issuerHost, sub, aud)) {
              throw new Error(`allowed but not listed: ${JSON.stringify({ issuerHost, sub, aud, subjects })}`);
            }
          }
        }
      }
    }),
    { numRuns: 200 },
  );
});

/** One more audience per subject: the usual one, and the subject itself (for sub = ${aud} trusts). */
const aud0 = (sub: string) => (sub.length % 2 === 0 ? "sts.amazonaws.com" : sub);

describe("the three defects of issue 18", () => {
  const allow = (condition: object) => ({
    Effect: "Allow",
    Action: "sts:AssumeRoleWithWebIdentity",
    Principal: { Federated: arnOf(H1) },
    Condition: condition,
  });
  const sub = "system:serviceaccount:default:app";

  test("a Deny StringNotEquals aud pins the audience; the list is not emptied", () => {
    const a = assertionsFor({
      Version: "2012-10-17",
      Statement: [
        allow({ StringEquals: { [`${H1}:sub`]: sub } }),
        {
          Effect: "Deny",
          Action: "sts:AssumeRoleWithWebIdentity",
          Principal: "*",
          Condition: { StringNotEquals: { [`${H1}:aud`]: "sts.amazonaws.com" } },
        },
      ],
    });
    expect(a.canAssume("aws_iam_role.r", { issuerHost: H1, namespace: "default", name: "app" })).toBe(true);
    expect(a.whoCanAssume("aws_iam_role.r")).toEqual([
      { via: "web-identity", issuerHost: H1, namespace: "default", serviceAccountName: "app", subject: sub, audience: "sts.amazonaws.com" },
    ]);
  });

  test("a literal * in StringEquals is written ${*}: it admits the subject `*` only, not anybody", () => {
    const a = assertionsFor({
      Version: "2012-10-17",
      Statement: [allow({ StringEquals: { [`${H1}:sub`]: "*", [`${H1}:aud`]: "sts.amazonaws.com" } })],
    });
    expect(a.whoCanAssume("aws_iam_role.r")).toEqual([
      { via: "web-identity", issuerHost: H1, namespace: "", serviceAccountName: "", subject: "${*}", audience: "sts.amazonaws.com" },
    ]);
    expect(a.canAssume("aws_iam_role.r", { issuerHost: H1, namespace: "default", name: "app" })).toBe(false);
  });

  test("a policy-variable tautology (sub = ${<host>:sub}) is namespace *, name *", () => {
    const a = assertionsFor({
      Version: "2012-10-17",
      Statement: [allow({ StringEquals: { [`${H1}:sub`]: `\${${H1}:sub}`, [`${H1}:aud`]: "sts.amazonaws.com" } })],
    });
    expect(a.canAssume("aws_iam_role.r", { issuerHost: H1, namespace: "any", name: "one" })).toBe(true);
    expect(a.whoCanAssume("aws_iam_role.r")).toEqual([
      { via: "web-identity", issuerHost: H1, namespace: "*", serviceAccountName: "*", subject: "*", audience: "sts.amazonaws.com" },
    ]);
  });
});
