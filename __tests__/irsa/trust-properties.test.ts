/**
 * Property tests: for generated valid configurations (1-3 clusters, issuers given as literal URL,
 * token or ARN, 1-4 service accounts each, default or custom audience), the synthesized trust policy
 * admits exactly the declared (provider, namespace, name, audience) and denies every mutation.
 */
import { DataAwsEksCluster } from "@cdktf/provider-aws/lib/data-aws-eks-cluster";
import { KubernetesProvider } from "@cdktf/provider-kubernetes/lib/provider";
import * as fc from "fast-check";
import { ClusterTrust, EksOidcProvider, IOidcProvider, IrsaRole, ServiceAccountMode } from "../../lib";
import { IrsaAssertions } from "../../lib/testing";
import { Json, newStack, resources, synth } from "../support/synth";

export const RUNS = 150;

type IssuerForm = "literal" | "token" | "arn";
interface ClusterSpec {
  /** An EKS issuer, or a self-hosted one whose path may itself contain "oidc-provider/". */
  issuer: string;
  form: IssuerForm;
  accounts: { namespace: string; name: string }[];
}
interface Spec {
  clusters: ClusterSpec[];
  audience: string;
  mode: "annotate" | "none";
}

const label = fc.stringMatching(/^[a-z0-9]([-a-z0-9]{0,8}[a-z0-9])?$/);
const saName = fc.array(label, { minLength: 1, maxLength: 3 }).map((labels) => labels.join("."));
const account = fc.record({ namespace: label, name: saName });
const eksIssuer = fc
  .record({ region: fc.constantFrom("us-west-2", "eu-west-1", "ap-southeast-2", "cn-north-1"), id: fc.stringMatching(/^[0-9A-F]{32}$/) })
  .map(({ region, id }) => `https://oidc.eks.${region}.amazonaws.com${region.startsWith("cn-") ? ".cn" : ""}/id/${id}`);
const selfHostedIssuer = fc
  .record({
    host: fc.stringMatching(/^[a-z0-9]{1,8}$/),
    path: fc.array(fc.oneof(fc.constantFrom("oidc-provider", "id", "tenants", "a:oidc-provider"), label), { maxLength: 4 }),
  })
  .map(({ host, path }) => `https://${host}.example.com${path.map((p) => `/${p}`).join("")}`);
const cluster: fc.Arbitrary<ClusterSpec> = fc.record({
  issuer: fc.oneof(eksIssuer, selfHostedIssuer),
  form: fc.constantFrom<IssuerForm>("literal", "token", "arn"),
  accounts: fc.uniqueArray(account, { minLength: 1, maxLength: 4, selector: (a) => `${a.namespace}/${a.name}` }),
});
const spec: fc.Arbitrary<Spec> = fc.record({
  clusters: fc.uniqueArray(cluster, { minLength: 1, maxLength: 3, selector: (c) => c.issuer }),
  audience: fc.constantFrom("sts.amazonaws.com", "sts.amazonaws.com", "vault", "my-app.example.com"),
  mode: fc.constantFrom<"annotate" | "none">("annotate", "none"),
});

const issuerOf = (c: ClusterSpec) => c.issuer;
/** The issuer host, written from the URL (not from an ARN), and the ARN IAM would give its provider. */
const hostOf = (c: ClusterSpec) => issuerOf(c).replace(/^https:\/\//, "");
const arnOf = (host: string) => `arn:aws:iam::111122223333:oidc-provider/${host}`;

/** Builds the stack and returns the role, the synthesized JSON and assertions over it (ARNs given for token issuers). */
function build(s: Spec) {
  const stack = newStack();
  const tokenArns: { [address: string]: string } = {};
  const providers: IOidcProvider[] = s.clusters.map((c, i) => {
    const clientIds = s.audience === "sts.amazonaws.com" ? undefined : ["sts.amazonaws.com", s.audience];
    if (c.form === "arn") return EksOidcProvider.fromArn(stack, `oidc-${i}`, arnOf(hostOf(c)));
    if (c.form === "literal") return new EksOidcProvider(stack, `oidc-${i}`, { issuerUrl: issuerOf(c), clientIds });
    const eks = new DataAwsEksCluster(stack, `cluster-${i}`, { name: `cluster-${i}` });
    return new EksOidcProvider(stack, `oidc-${i}`, { issuerUrl: eks.identity.get(0).oidc.get(0).issuer, clientIds });
  });
  const additionalClusters: ClusterTrust[] = s.clusters.slice(1).map((c, i) => ({
    oidcProvider: providers[i + 1],
    serviceAccounts: c.accounts,
    kubernetesProvider: new KubernetesProvider(stack, `k8s-${i + 1}`, { alias: `cluster${i + 1}` }),
  }));
  const role = new IrsaRole(stack, "role", {
    oidcProvider: providers[0],
    serviceAccounts: s.clusters[0].accounts,
    additionalClusters,
    audience: s.audience,
    serviceAccountMode: s.mode as ServiceAccountMode,
  });
  const { text, json } = synth(stack);
  // IAM assigns ARNs at apply; for token issuers we stand in the ARN IAM would give.
  s.clusters.forEach((c, i) => {
    if (c.form !== "token") return;
    const [id] = Object.entries<Json>(resources(json, "aws_iam_openid_connect_provider")).find(([, p]) =>
      p.url.includes(`aws_eks_cluster.cluster-${i}.`),
    )!;
    tokenArns[`aws_iam_openid_connect_provider.${id}`] = arnOf(hostOf(c));
  });
  return { json, role, assertions: IrsaAssertions.fromSynth(text, { providerArns: tokenArns }) };
}

const sub = (namespace: string, name: string) => `system:serviceaccount:${namespace}:${name}`;

type Built = ReturnType<typeof build>;

/** Every declared (issuer, namespace, name, audience) is allowed; every mutation is denied. */
function checkDecisions(s: Spec, { role, assertions }: Built): void {
  const declared = new Set(s.clusters.flatMap((c) => c.accounts.map((a) => `${hostOf(c)}|${sub(a.namespace, a.name)}`)));
  const allowed = (issuerHost: string, subject: string | undefined, aud: string | undefined) => {
    const claims: { [claim: string]: string } = {};
    if (subject !== undefined) claims.sub = subject;
    if (aud !== undefined) claims.aud = aud;
    return assertions.canAssumeWithWebIdentity(role, { issuerHost, claims });
  };
  const expectOnlyIfDeclared = (issuerHost: string, subject: string) =>
    expect(allowed(issuerHost, subject, s.audience)).toBe(declared.has(`${issuerHost}|${subject}`));

  const otherAudience = s.audience === "sts.amazonaws.com" ? "vault" : "sts.amazonaws.com";
  const strangerHost = "oidc.eks.us-east-1.amazonaws.com/id/FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF";
  for (const c of s.clusters) {
    const host = hostOf(c);
    for (const a of c.accounts) {
      const subject = sub(a.namespace, a.name);
      expect(allowed(host, subject, s.audience)).toBe(true);
      expect(allowed(host, subject, otherAudience)).toBe(false);
      expect(allowed(host, subject, `${s.audience}x`)).toBe(false);
      expect(allowed(host, subject, undefined)).toBe(false);
      expect(allowed(host, undefined, s.audience)).toBe(false);
      expect(allowed(strangerHost, subject, s.audience)).toBe(false);
      expectOnlyIfDeclared(host, sub(a.namespace, `${a.name}-x`));
      expectOnlyIfDeclared(host, sub(a.namespace, `${a.name}x`));
      expectOnlyIfDeclared(host, sub(`${a.namespace}x`, a.name));
      expectOnlyIfDeclared(host, sub(a.namespace, "default"));
      expectOnlyIfDeclared(host, `${subject}:x`);
      // Cross pairs inside the cluster and every account through every other provider.
      for (const b of c.accounts) expectOnlyIfDeclared(host, sub(a.namespace, b.name));
      for (const other of s.clusters) expectOnlyIfDeclared(hostOf(other), subject);
    }
  }
}

/** One statement per cluster, sub and aud in the same statement, StringEquals only. */
function checkShape(s: Spec, { role, assertions }: Built): void {
  const statements: Json[] = JSON.parse(assertions.trustPolicyJson(role)).Statement;
  expect(statements).toHaveLength(s.clusters.length);
  statements.forEach((st, i) => {
    const host = hostOf(s.clusters[i]);
    expect(st.Principal).toEqual({ Federated: [arnOf(host)] });
    expect(st.Condition).toEqual({
      StringEquals: { [`${host}:sub`]: s.clusters[i].accounts.map((a) => sub(a.namespace, a.name)), [`${host}:aud`]: [s.audience] },
    });
  });
}

/** Annotations target exactly the declared accounts, through each cluster's provider. */
function checkAnnotations(s: Spec, json: Json): void {
  const annotations = Object.values(resources(json, "kubernetes_annotations"));
  if (s.mode === "none") {
    expect(annotations).toEqual([]);
    return;
  }
  const expected = s.clusters.flatMap((c, i) =>
    c.accounts.map((a) => `${i === 0 ? "default" : `kubernetes.cluster${i}`}|${a.namespace}/${a.name}`),
  );
  const actual = annotations.map((a) => `${a.provider ?? "default"}|${a.metadata.namespace}/${a.metadata.name}`);
  expect(actual.sort()).toEqual(expected.sort());
  for (const a of annotations) {
    expect(Object.keys(a.annotations)).toContain("eks.amazonaws.com/role-arn");
    expect(a.annotations["eks.amazonaws.com/audience"]).toBe(s.audience === "sts.amazonaws.com" ? undefined : s.audience);
  }
}

describe(`trust policy properties (${RUNS} generated configs, each synthesized once and checked three ways)`, () => {
  test("admits exactly the declared accounts, one statement per cluster, annotations on exactly those accounts", () => {
    fc.assert(
      fc.property(spec, (s) => {
        const built = build(s);
        checkDecisions(s, built);
        checkShape(s, built);
        checkAnnotations(s, built.json);
      }),
      { numRuns: RUNS },
    );
  });
});
