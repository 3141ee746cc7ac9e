import { DataAwsEksCluster } from "@cdktf/provider-aws/lib/data-aws-eks-cluster";
import { ConfigMapV1 } from "@cdktf/provider-kubernetes/lib/config-map-v1";
import { KubernetesProvider } from "@cdktf/provider-kubernetes/lib/provider";
import { TerraformStack, Testing } from "cdktf";
import { Construct } from "constructs";
import { EksOidcProvider, IrsaRole, IrsaRoleProps, ServiceAccountMode } from "../../lib";
import { IrsaAssertions } from "../../lib/testing";
import { dataSources, Json, newStack, only, ref, resources, synth } from "../support/synth";

const HOST_A = "oidc.eks.us-west-2.amazonaws.com/id/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
const HOST_B = "oidc.eks.eu-west-1.amazonaws.com/id/BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB";
const ISSUER_A = `https://${HOST_A}`;
const ISSUER_B = `https://${HOST_B}`;
/** The ARN IAM gives a provider (the account IrsaAssertions assumes by default). */
const arnOf = (host: string) => `arn:aws:iam::111122223333:oidc-provider/${host}`;
const ARN_A = arnOf(HOST_A);
const ARN_B = arnOf(HOST_B);
const S3_READ = "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess";

function roleStack(props: Partial<IrsaRoleProps> = {}, issuer = ISSUER_A) {
  const stack = newStack();
  const oidc = new EksOidcProvider(stack, "oidc", { issuerUrl: issuer });
  const role = new IrsaRole(stack, "app", {
    oidcProvider: oidc,
    serviceAccounts: [{ namespace: "default", name: "s3-echoer" }],
    ...props,
  });
  return { stack, oidc, role };
}

/** A service account's token from an issuer. */
const sa = (issuerHost: string, namespace: string, name: string, audience?: string) => ({ issuerHost, namespace, name, audience });

/** The trust policy IAM receives, with its statements. */
const policyOf = (a: IrsaAssertions, role: IrsaRole) => JSON.parse(a.trustPolicyJson(role)) as { Statement: Json[] };

describe("IrsaRole: trust policy", () => {
  test("one service account: one statement with Federated, sub and aud; admits exactly that account", () => {
    const { stack, role } = roleStack({ managedPolicyArns: [S3_READ] });
    const { text, json } = synth(stack);
    expect(text).toMatchSnapshot();

    const [docId, doc] = only(dataSources(json, "aws_iam_policy_document"));
    const [providerId] = only(resources(json, "aws_iam_openid_connect_provider"));
    const [, roleBlock] = only(resources(json, "aws_iam_role"));
    expect(roleBlock.assume_role_policy).toBe(ref("data.aws_iam_policy_document", docId, "json"));
    expect(doc.statement).toEqual([
      {
        effect: "Allow",
        actions: ["sts:AssumeRoleWithWebIdentity"],
        principals: [{ type: "Federated", identifiers: [ref("aws_iam_openid_connect_provider", providerId, "arn")] }],
        condition: [
          {
            test: "StringEquals",
            variable: "oidc.eks.us-west-2.amazonaws.com/id/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA:sub",
            values: ["system:serviceaccount:default:s3-echoer"],
          },
          {
            test: "StringEquals",
            variable: "oidc.eks.us-west-2.amazonaws.com/id/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA:aud",
            values: ["sts.amazonaws.com"],
          },
        ],
      },
    ]);

    const a = IrsaAssertions.fromSynth(text);
    expect(a.canAssume(role, sa(HOST_A, "default", "s3-echoer"))).toBe(true);
    expect(a.canAssume(role, sa(HOST_A, "default", "other"))).toBe(false);
    expect(a.canAssume(role, sa(HOST_A, "kube-system", "s3-echoer"))).toBe(false);
    expect(a.canAssume(role, sa(HOST_A, "default", "s3-echoer-2"))).toBe(false);
    expect(a.canAssume(role, sa(HOST_A, "default", "s3-echoer", "other-audience"))).toBe(false);
    expect(a.canAssume(role, sa(HOST_B, "default", "s3-echoer"))).toBe(false);
    expect(a.canAssumeWithWebIdentity(role, { issuerHost: HOST_A, claims: { aud: "sts.amazonaws.com" } })).toBe(false);
    expect(a.canAssumeWithWebIdentity(role, { issuerHost: HOST_A, claims: { sub: "system:serviceaccount:default:s3-echoer" } })).toBe(
      false,
    );
  });

  test("several service accounts: one sub condition with several values, no cross pairs", () => {
    const { stack, role } = roleStack({
      serviceAccounts: [
        { namespace: "payments", name: "api" },
        { namespace: "billing", name: "worker" },
      ],
    });
    const { text, json } = synth(stack);
    expect(text).toMatchSnapshot();
    const a = IrsaAssertions.fromSynth(text);
    const { Statement: statements } = policyOf(a, role);
    expect(statements).toHaveLength(1);
    expect(statements[0].Condition).toEqual({
      StringEquals: {
        [`${HOST_A}:sub`]: ["system:serviceaccount:payments:api", "system:serviceaccount:billing:worker"],
        [`${HOST_A}:aud`]: ["sts.amazonaws.com"],
      },
    });
    expect(a.canAssume(role, sa(HOST_A, "payments", "api"))).toBe(true);
    expect(a.canAssume(role, sa(HOST_A, "billing", "worker"))).toBe(true);
    expect(a.canAssume(role, sa(HOST_A, "payments", "worker"))).toBe(false);
    expect(a.canAssume(role, sa(HOST_A, "billing", "api"))).toBe(false);
    const targets = Object.values(resources(json, "kubernetes_annotations")).map((x) => `${x.metadata.namespace}/${x.metadata.name}`);
    expect(targets.sort()).toEqual(["billing/worker", "payments/api"]);
  });

  test("additional clusters: one statement per provider; each provider admits only its own accounts", () => {
    const stack = newStack();
    const oidcA = new EksOidcProvider(stack, "oidc-a", { issuerUrl: ISSUER_A });
    const oidcB = new EksOidcProvider(stack, "oidc-b", { issuerUrl: ISSUER_B });
    const k8sB = new KubernetesProvider(stack, "kubernetes-b", { alias: "cluster_b" });
    const role = new IrsaRole(stack, "app", {
      oidcProvider: oidcA,
      serviceAccounts: [{ namespace: "payments", name: "api" }],
      additionalClusters: [{ oidcProvider: oidcB, serviceAccounts: [{ namespace: "payments-dr", name: "api" }], kubernetesProvider: k8sB }],
    });
    const { text, json } = synth(stack);
    expect(text).toMatchSnapshot();
    const a = IrsaAssertions.fromSynth(text);
    const { Statement: statements } = policyOf(a, role);
    expect(statements.map((s) => s.Principal.Federated)).toEqual([[ARN_A], [ARN_B]]);
    [HOST_A, HOST_B].forEach((host, i) => {
      const keys = Object.values<Json>(statements[i].Condition).flatMap((k) => Object.keys(k));
      expect(keys.sort()).toEqual([`${host}:aud`, `${host}:sub`]);
    });
    expect(a.canAssume(role, sa(HOST_A, "payments", "api"))).toBe(true);
    expect(a.canAssume(role, sa(HOST_B, "payments-dr", "api"))).toBe(true);
    expect(a.canAssume(role, sa(HOST_A, "payments-dr", "api"))).toBe(false);
    expect(a.canAssume(role, sa(HOST_B, "payments", "api"))).toBe(false);
    // The second cluster's annotation goes through that cluster's provider.
    const annotations = Object.values(resources(json, "kubernetes_annotations"));
    expect(annotations.map((x) => [x.metadata.namespace, x.provider]).sort()).toEqual([
      ["payments", undefined],
      ["payments-dr", "kubernetes.cluster_b"],
    ]);
  });

  test("token issuer: the condition keys use the host derived from the provider ARN", () => {
    const stack = newStack();
    const cluster = new DataAwsEksCluster(stack, "cluster", { name: "demo" });
    const oidc = new EksOidcProvider(stack, "oidc", { issuerUrl: cluster.identity.get(0).oidc.get(0).issuer });
    const role = new IrsaRole(stack, "app", { oidcProvider: oidc, serviceAccounts: [{ namespace: "default", name: "s3-echoer" }] });
    const { text, json } = synth(stack);
    expect(text).toMatchSnapshot();
    const [providerId] = only(resources(json, "aws_iam_openid_connect_provider"));
    const [, doc] = only(dataSources(json, "aws_iam_policy_document"));
    const variables = doc.statement[0].condition.map((c: Json) => c.variable);
    const hostExpr = `\${replace(aws_iam_openid_connect_provider.${providerId}.arn, "/^[^/]*:oidc-provider[/]/", "")}`;
    expect(variables).toEqual([`${hostExpr}:sub`, `${hostExpr}:aud`]);
    expect(variables.join()).not.toContain("https://");
    // IAM assigns the ARN at apply; with that ARN the policy admits exactly the account.
    const a = IrsaAssertions.fromSynth(text, { providerArns: { [`aws_iam_openid_connect_provider.${providerId}`]: ARN_B } });
    expect(a.canAssume(role, sa(HOST_B, "default", "s3-echoer"))).toBe(true);
    expect(a.canAssume(role, sa(HOST_B, "default", "other"))).toBe(false);
    expect(a.canAssume(role, sa(HOST_A, "default", "s3-echoer"))).toBe(false);
  });

  test("provider imported by ARN: literal principal and literal host", () => {
    const stack = newStack();
    const oidc = EksOidcProvider.fromArn(stack, "existing", ARN_B);
    const role = new IrsaRole(stack, "app", { oidcProvider: oidc, serviceAccounts: [{ namespace: "default", name: "s3-echoer" }] });
    const { text, json } = synth(stack);
    expect(text).toMatchSnapshot();
    expect(resources(json, "aws_iam_openid_connect_provider")).toEqual({});
    const a = IrsaAssertions.fromSynth(text);
    expect(policyOf(a, role).Statement[0].Principal.Federated).toEqual([ARN_B]);
    expect(a.canAssume(role, sa(HOST_B, "default", "s3-echoer"))).toBe(true);
    expect(a.canAssume(role, sa(HOST_A, "default", "s3-echoer"))).toBe(false);
  });

  test("a plain { arn, issuerHost } object works as a provider", () => {
    const stack = newStack();
    const role = new IrsaRole(stack, "app", {
      oidcProvider: { arn: ARN_A, issuerHost: HOST_A },
      serviceAccounts: [{ namespace: "default", name: "s3-echoer" }],
    });
    const a = IrsaAssertions.fromSynth(synth(stack).text);
    expect(a.canAssume(role, sa(HOST_A, "default", "s3-echoer"))).toBe(true);
  });

  test("custom audience: aud condition, audience annotation, default audience denied", () => {
    const stack = newStack();
    const oidc = new EksOidcProvider(stack, "oidc", { issuerUrl: ISSUER_A, clientIds: ["sts.amazonaws.com", "vault"] });
    const role = new IrsaRole(stack, "app", {
      oidcProvider: oidc,
      serviceAccounts: [{ namespace: "default", name: "s3-echoer" }],
      audience: "vault",
    });
    const { text, json } = synth(stack);
    expect(text).toMatchSnapshot();
    const a = IrsaAssertions.fromSynth(text);
    expect(a.canAssume(role, sa(HOST_A, "default", "s3-echoer", "vault"))).toBe(true);
    expect(a.canAssume(role, sa(HOST_A, "default", "s3-echoer", "sts.amazonaws.com"))).toBe(false);
    const [, annotation] = only(resources(json, "kubernetes_annotations"));
    expect(annotation.annotations["eks.amazonaws.com/audience"]).toBe("vault");
  });

  test("allowWildcards: only sub switches to StringLike; the namespace stays exact", () => {
    const { stack, role } = roleStack({
      allowWildcards: true,
      serviceAccountMode: ServiceAccountMode.NONE,
      serviceAccounts: [{ namespace: "ci", name: "runner-*" }],
    });
    const { text } = synth(stack);
    expect(text).toMatchSnapshot();
    const a = IrsaAssertions.fromSynth(text);
    expect(policyOf(a, role).Statement[0].Condition).toEqual({
      StringLike: { [`${HOST_A}:sub`]: ["system:serviceaccount:ci:runner-*"] },
      StringEquals: { [`${HOST_A}:aud`]: ["sts.amazonaws.com"] },
    });
    expect(a.canAssume(role, sa(HOST_A, "ci", "runner-1"))).toBe(true);
    expect(a.canAssume(role, sa(HOST_A, "ci", "runner-abc"))).toBe(true);
    expect(a.canAssume(role, sa(HOST_A, "ci", "builder"))).toBe(false);
    expect(a.canAssume(role, sa(HOST_A, "other", "runner-1"))).toBe(false);
    expect(a.canAssume(role, sa(HOST_A, "ci", "runner-1", "x"))).toBe(false);
  });

  test("trustedSubjects lists every admitted service account with its issuer host, subject and audience", () => {
    const stack = newStack();
    const oidcA = new EksOidcProvider(stack, "oidc-a", { issuerUrl: ISSUER_A });
    const oidcB = EksOidcProvider.fromArn(stack, "oidc-b", ARN_B);
    const k8sB = new KubernetesProvider(stack, "kubernetes-b", { alias: "cluster_b" });
    const role = new IrsaRole(stack, "app", {
      oidcProvider: oidcA,
      serviceAccounts: [{ namespace: "payments", name: "api" }],
      additionalClusters: [{ oidcProvider: oidcB, serviceAccounts: [{ namespace: "payments-dr", name: "api" }], kubernetesProvider: k8sB }],
    });
    expect(role.trustedSubjects).toEqual([
      {
        via: "web-identity",
        namespace: "payments",
        serviceAccountName: "api",
        issuerHost: HOST_A,
        subject: "system:serviceaccount:payments:api",
        audience: "sts.amazonaws.com",
      },
      {
        via: "web-identity",
        namespace: "payments-dr",
        serviceAccountName: "api",
        issuerHost: HOST_B,
        subject: "system:serviceaccount:payments-dr:api",
        audience: "sts.amazonaws.com",
      },
    ]);
    // Each listed subject is admitted by the synthesized trust policy, and nothing else is.
    const a = IrsaAssertions.fromSynth(synth(stack).text);
    for (const s of role.trustedSubjects) {
      const claims = { sub: s.subject!, aud: s.audience! };
      expect(a.canAssumeWithWebIdentity(role, { issuerHost: s.issuerHost!, claims })).toBe(true);
    }
    expect(a.whoCanAssume(role)).toEqual(role.trustedSubjects);
    expect(a.canAssume(role, sa(HOST_B, "payments", "api"))).toBe(false);
  });

  test("without allowWildcards the operator is StringEquals, which would take '*' literally", () => {
    const { stack, role } = roleStack();
    const a = IrsaAssertions.fromSynth(synth(stack).text);
    expect(Object.keys(policyOf(a, role).Statement[0].Condition)).toEqual(["StringEquals"]);
  });
});

describe("IrsaRole: role, permissions, Kubernetes objects", () => {
  test("role inputs reach aws_iam_role", () => {
    const { stack } = roleStack({
      roleName: "s3-echoer",
      path: "/irsa/",
      description: "S3 echoer",
      maxSessionDuration: 7200,
      permissionsBoundaryArn: "arn:aws:iam::111122223333:policy/boundary",
      tags: { team: "platform" },
    });
    const { text, json } = synth(stack);
    expect(text).toMatchSnapshot();
    const [, role] = only(resources(json, "aws_iam_role"));
    expect(role).toMatchObject({
      name: "s3-echoer",
      path: "/irsa/",
      description: "S3 echoer",
      max_session_duration: 7200,
      permissions_boundary: "arn:aws:iam::111122223333:policy/boundary",
      tags: { team: "platform" },
    });
    expect(role.name_prefix).toBeUndefined();
  });

  test("default name prefix: the construct path below the stack, valid for IAM, shortened with a hash", () => {
    const prefixOf = (build: (stack: ReturnType<typeof newStack>, oidc: EksOidcProvider) => void) => {
      const stack = newStack();
      build(stack, new EksOidcProvider(stack, "oidc", { issuerUrl: ISSUER_A }));
      return only(resources(synth(stack).json, "aws_iam_role"))[1].name_prefix as string;
    };
    const sa = [{ namespace: "default", name: "s3-echoer" }];
    expect(prefixOf((stack, oidcProvider) => new IrsaRole(stack, "s3-echoer", { oidcProvider, serviceAccounts: sa }))).toBe("s3-echoer-");
    const nested = prefixOf(
      (stack, oidcProvider) => new IrsaRole(new Construct(stack, "team-a"), "api", { oidcProvider, serviceAccounts: sa }),
    );
    expect(nested).toBe("team-a-api-");
    const long = (id: string) => prefixOf((stack, oidcProvider) => new IrsaRole(stack, id, { oidcProvider, serviceAccounts: sa }));
    const [long1, long2] = [long(`${"x".repeat(40)}-one`), long(`${"x".repeat(40)}-two`)];
    for (const p of [long1, long2]) expect(p).toMatch(/^[\w+=,.@-]{1,38}$/);
    expect(long1).not.toBe(long2);
    // Characters IAM does not accept in a name become '-'; a wildcard never reaches the name.
    const odd = prefixOf(
      (stack, oidcProvider) =>
        new IrsaRole(stack, "ci runner*", {
          oidcProvider,
          serviceAccounts: [{ namespace: "ci", name: "runner-*" }],
          allowWildcards: true,
          serviceAccountMode: ServiceAccountMode.NONE,
        }),
    );
    expect(odd).toBe("ci-runner-");
  });

  test("reordering service accounts, or adding one at the front, keeps the role's name and every address", () => {
    const build = (accounts: { namespace: string; name: string }[]) => {
      const { stack } = roleStack({ serviceAccounts: accounts, managedPolicyArns: [S3_READ] });
      const json = synth(stack).json;
      const [, role] = only(resources(json, "aws_iam_role"));
      return { role, addresses: Object.keys(json.resource.kubernetes_annotations) };
    };
    const a = { namespace: "default", name: "s3-echoer" };
    const b = { namespace: "batch", name: "exporter" };
    const before = build([a]);
    const front = build([b, a]);
    const reordered = build([a, b].reverse());
    expect(front.role).toEqual(before.role);
    expect(reordered.role).toEqual(before.role);
    expect(front.addresses).toEqual(expect.arrayContaining(before.addresses));
    expect([...front.addresses].sort()).toEqual([...build([a, b]).addresses].sort());
  });

  test("managed and inline policies are separate resources on the role; methods add more", () => {
    const { stack, role } = roleStack({
      managedPolicyArns: [S3_READ],
      inlinePolicies: {
        "read-table": JSON.stringify({
          Version: "2012-10-17",
          Statement: [{ Effect: "Allow", Action: "dynamodb:GetItem", Resource: "*" }],
        }),
      },
    });
    role.attachManagedPolicy("arn:aws:iam::111122223333:policy/extra");
    role.addInlinePolicy(
      "write-queue",
      JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "sqs:SendMessage", Resource: "*" }] }),
    );
    const { text, json } = synth(stack);
    expect(text).toMatchSnapshot();
    const [roleId] = only(resources(json, "aws_iam_role"));
    const attachments = Object.values(resources(json, "aws_iam_role_policy_attachment"));
    expect(attachments.map((a) => a.policy_arn).sort()).toEqual(["arn:aws:iam::111122223333:policy/extra", S3_READ]);
    expect(attachments.every((a) => a.role === ref("aws_iam_role", roleId, "name"))).toBe(true);
    const inline = Object.values(resources(json, "aws_iam_role_policy"));
    expect(inline.map((p) => p.name).sort()).toEqual(["read-table", "write-queue"]);
    expect(inline.every((p) => p.role === ref("aws_iam_role", roleId, "name"))).toBe(true);
    expect(JSON.parse(inline.find((p) => p.name === "write-queue")!.policy).Statement[0].Action).toBe("sqs:SendMessage");
  });

  test("annotate mode: explicit namespace, role ARN annotation, force false, distinct field manager", () => {
    const { stack, role } = roleStack();
    const { json } = synth(stack);
    const [roleId] = only(resources(json, "aws_iam_role"));
    const [, annotation] = only(resources(json, "kubernetes_annotations"));
    expect(annotation).toEqual({
      api_version: "v1",
      kind: "ServiceAccount",
      metadata: { name: "s3-echoer", namespace: "default" },
      annotations: { "eks.amazonaws.com/role-arn": ref("aws_iam_role", roleId, "arn") },
      force: false,
      field_manager: "cdktf-eks-irsa",
    });
    expect(role.annotations).toHaveLength(1);
    expect(role.createdServiceAccounts).toHaveLength(0);
  });

  test("annotate mode options: force, field manager, regional STS, token expiration, provider", () => {
    const stack = newStack();
    const other = new KubernetesProvider(stack, "k8s-prod", { alias: "prod" });
    const oidc = new EksOidcProvider(stack, "oidc", { issuerUrl: ISSUER_A });
    new IrsaRole(stack, "app", {
      oidcProvider: oidc,
      serviceAccounts: [{ namespace: "default", name: "s3-echoer" }],
      annotationForce: true,
      fieldManager: "platform-irsa",
      stsRegionalEndpoints: true,
      tokenExpiration: 3600,
      kubernetesProvider: other,
    });
    const [, annotation] = only(resources(synth(stack).json, "kubernetes_annotations"));
    expect(annotation.force).toBe(true);
    expect(annotation.field_manager).toBe("platform-irsa");
    expect(annotation.provider).toBe("kubernetes.prod");
    expect(annotation.annotations).toMatchObject({
      "eks.amazonaws.com/sts-regional-endpoints": "true",
      "eks.amazonaws.com/token-expiration": "3600",
    });
  });

  test("create mode: kubernetes_service_account_v1 carrying the annotation, no kubernetes_annotations", () => {
    const { stack, role } = roleStack({ serviceAccountMode: ServiceAccountMode.CREATE });
    const { text, json } = synth(stack);
    expect(text).toMatchSnapshot();
    const [roleId] = only(resources(json, "aws_iam_role"));
    expect(resources(json, "kubernetes_annotations")).toEqual({});
    const [, sa] = only(resources(json, "kubernetes_service_account_v1"));
    expect(sa.metadata).toEqual({
      name: "s3-echoer",
      namespace: "default",
      annotations: { "eks.amazonaws.com/role-arn": ref("aws_iam_role", roleId, "arn") },
    });
    expect(role.createdServiceAccounts).toHaveLength(1);
  });

  test("none mode: no Kubernetes objects at all", () => {
    const { stack, role } = roleStack({ serviceAccountMode: ServiceAccountMode.NONE, managedPolicyArns: [S3_READ] });
    const { json } = synth(stack);
    expect(resources(json, "kubernetes_annotations")).toEqual({});
    expect(resources(json, "kubernetes_service_account_v1")).toEqual({});
    expect(role.dependables).toHaveLength(2);
  });

  test("dependables: a workload that depends on them waits for role, policies and annotation", () => {
    const { stack, role } = roleStack({
      managedPolicyArns: [S3_READ],
      inlinePolicies: { p: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"dynamodb:PutItem","Resource":"*"}]}' },
    });
    new ConfigMapV1(stack, "workload", { metadata: { name: "w", namespace: "default" }, dependsOn: role.dependables });
    const { json } = synth(stack);
    const dependsOn: string[] = only(resources(json, "kubernetes_config_map_v1"))[1].depends_on;
    const expected = [
      ...Object.keys(resources(json, "aws_iam_role")).map((id) => `aws_iam_role.${id}`),
      ...Object.keys(resources(json, "aws_iam_role_policy_attachment")).map((id) => `aws_iam_role_policy_attachment.${id}`),
      ...Object.keys(resources(json, "aws_iam_role_policy")).map((id) => `aws_iam_role_policy.${id}`),
      ...Object.keys(resources(json, "kubernetes_annotations")).map((id) => `kubernetes_annotations.${id}`),
    ];
    expect(expected).toHaveLength(4);
    expect([...dependsOn].sort()).toEqual(expected.sort());
  });

  test("adding a service account changes only the trust document and adds an annotation", () => {
    const build = (accounts: { namespace: string; name: string }[]) => {
      const { stack } = roleStack({ serviceAccounts: accounts, managedPolicyArns: [S3_READ] });
      return synth(stack).json;
    };
    const before = build([{ namespace: "default", name: "s3-echoer" }]);
    const after = build([
      { namespace: "default", name: "s3-echoer" },
      { namespace: "batch", name: "s3-echoer" },
    ]);
    expect(after.resource.aws_iam_role).toEqual(before.resource.aws_iam_role);
    expect(after.resource.aws_iam_role_policy_attachment).toEqual(before.resource.aws_iam_role_policy_attachment);
    const beforeIds = Object.keys(before.resource.kubernetes_annotations);
    const afterIds = Object.keys(after.resource.kubernetes_annotations);
    expect(afterIds).toEqual(expect.arrayContaining(beforeIds));
    expect(afterIds).toHaveLength(2);
    expect(after.data.aws_iam_policy_document).not.toEqual(before.data.aws_iam_policy_document);
  });

  test("reordering managed policies and service accounts keeps every address", () => {
    const build = (arns: string[], accounts: { namespace: string; name: string }[]) => {
      const { stack } = roleStack({ serviceAccounts: accounts, managedPolicyArns: arns });
      const json = synth(stack).json;
      return [...Object.keys(json.resource.aws_iam_role_policy_attachment), ...Object.keys(json.resource.kubernetes_annotations)].sort();
    };
    const x = "arn:aws:iam::111122223333:policy/x";
    const sa1 = { namespace: "default", name: "s3-echoer" };
    const sa2 = { namespace: "default", name: "other" };
    expect(build([S3_READ, x], [sa1, sa2])).toEqual(build([x, S3_READ], [sa1, sa2]));
  });

  test("a trust policy past IAM's default quota is synthesized with a warning", () => {
    const accounts = Array.from({ length: 40 }, (_, i) => ({ namespace: "workloads-namespace", name: `service-account-${i}` }));
    const { stack, role } = roleStack({ serviceAccounts: accounts, serviceAccountMode: ServiceAccountMode.NONE });
    synth(stack);
    const warnings = role.node.metadata.filter((m) => m.type === "@cdktf/warn").map((m) => String(m.data));
    expect(warnings).toEqual([expect.stringMatching(/trust policy is about \d+ characters, over IAM's default quota of 2048/)]);
    const { stack: small, role: smallRole } = roleStack();
    synth(small);
    expect(smallRole.node.metadata.filter((m) => m.type === "@cdktf/warn")).toEqual([]);
  });

  test("more than 10 managed policies: a warning about IAM's default quota (20 is the hard limit)", () => {
    const arns = (n: number) => Array.from({ length: n }, (_, i) => `arn:aws:iam::111122223333:policy/p${i}`);
    const warningsFor = (n: number) => {
      const { stack, role } = roleStack({ managedPolicyArns: arns(n) });
      synth(stack);
      return role.node.metadata.filter((m) => m.type === "@cdktf/warn").map((m) => String(m.data));
    };
    expect(warningsFor(10)).toEqual([]);
    expect(warningsFor(11)).toEqual([expect.stringMatching(/more than 10 managed policies; IAM's default quota is 10 per role/)]);
    expect(warningsFor(20)).toHaveLength(1);
  });

  test("synthesizes byte-identical JSON twice", () => {
    const build = () => Testing.synth(roleStack({ managedPolicyArns: [S3_READ] }).stack);
    expect(build()).toBe(build());
  });

  test("stack type is a plain TerraformStack (no hidden providers added by the library)", () => {
    const { stack } = roleStack();
    expect(stack).toBeInstanceOf(TerraformStack);
    expect(Object.keys(synth(stack).json.provider).sort()).toEqual(["aws", "kubernetes", "tls"]);
  });
});
