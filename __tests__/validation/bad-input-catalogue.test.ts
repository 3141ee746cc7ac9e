import { DataAwsEksCluster } from "@cdktf/provider-aws/lib/data-aws-eks-cluster";
import { Fn, TerraformStack, Token } from "cdktf";
import { Construct } from "constructs";
import { EksOidcProvider, EksOidcProviderProps, IrsaRole, IrsaRoleProps, ServiceAccountMode } from "../../lib";
import { newStack, synth } from "../support/synth";

const ISSUER = "https://oidc.eks.us-west-2.amazonaws.com/id/AAAA";
const ARN = "arn:aws:iam::111122223333:oidc-provider/oidc.eks.us-west-2.amazonaws.com/id/AAAA";
const TP = "9e99a48a9960b14926bb7f3b02e22da2b0ab7280";
const tp = (i: number) => i.toString(16).padStart(40, "0");
const SA = { namespace: "default", name: "app" };
const POLICY = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"dynamodb:PutItem","Resource":"*"}]}';

function provider(props: Partial<EksOidcProviderProps>) {
  return () => new EksOidcProvider(newStack(), "oidc", { issuerUrl: ISSUER, ...props });
}

function role(props: Partial<IrsaRoleProps>) {
  return () => {
    const stack = newStack();
    const oidc = new EksOidcProvider(stack, "oidc", { issuerUrl: ISSUER });
    return new IrsaRole(stack, "app", { oidcProvider: oidc, serviceAccounts: [SA], ...props });
  };
}

/** [what, build, property path as it must appear in the message, rule fragment] */
const catalogue: [string, () => unknown, string, RegExp][] = [
  // OIDC provider
  ["http issuer", provider({ issuerUrl: "http://oidc.example.com" }), 'issuerUrl "http://oidc.example.com"', /must start with https:\/\//],
  ["issuer with port", provider({ issuerUrl: "https://oidc.example.com:8443/id/A" }), "issuerUrl", /must not contain a port/],
  ["issuer with query", provider({ issuerUrl: "https://oidc.example.com/id/A?x=1" }), "issuerUrl", /must not contain a query string/],
  ["issuer with fragment", provider({ issuerUrl: "https://oidc.example.com/id/A#x" }), "issuerUrl", /must not contain a fragment/],
  ["issuer with trailing slash", provider({ issuerUrl: "https://oidc.example.com/id/A/" }), "issuerUrl", /must not end with '\/'/],
  ["issuer too long", provider({ issuerUrl: `https://oidc.example.com/${"a".repeat(240)}` }), "issuerUrl", /longer than 255/],
  ["issuer without a host", provider({ issuerUrl: "https://" }), 'issuerUrl "https://"', /has an empty host/],
  ["issuer with an empty host", provider({ issuerUrl: "https:///id/A" }), "issuerUrl", /has an empty host/],
  ["issuer with a space", provider({ issuerUrl: "https://oidc.example.com/id/A B" }), "issuerUrl", /whitespace, control or non-ASCII/],
  ["issuer with a trailing newline", provider({ issuerUrl: "https://oidc.example.com/id/A\n" }), "issuerUrl", /whitespace, control/],
  ["issuer with a tab in the host", provider({ issuerUrl: "https://oidc.exa\tmple.com/id/A" }), "issuerUrl", /whitespace, control/],
  ["issuer with a control character", provider({ issuerUrl: "https://oidc.example.com/id/\u0000A" }), "issuerUrl", /control/],
  ["issuer with a non-ASCII host", provider({ issuerUrl: "https://oidc.exämple.com/id/A" }), "issuerUrl", /non-ASCII/],
  ["issuer host with a trailing dot", provider({ issuerUrl: "https://oidc.example.com./id/A" }), "issuerUrl", /ends with '\.'/],
  ["issuer with an IPv6 host", provider({ issuerUrl: "https://[2001:db8::1]/id/A" }), "issuerUrl", /IPv6 address as its host/],
  ["issuer with credentials", provider({ issuerUrl: "https://user:pw@oidc.example.com/id/A" }), "issuerUrl", /credentials/],
  ["provider tag key __proto__", provider({ tags: JSON.parse('{"__proto__":"x"}') }), 'tags key "__proto__"', /drop it silently/],
  ["issuer not a string", provider({ issuerUrl: 42 as unknown as string }), "issuerUrl 42", /must be a string/],
  ["no client IDs", provider({ clientIds: [] }), "clientIds []", /has 0 client IDs; IAM allows 1 to 100/],
  ["101 client IDs", provider({ clientIds: Array.from({ length: 101 }, (_, i) => `c${i}`) }), "clientIds", /has 101 client IDs/],
  ["empty client ID", provider({ clientIds: [""] }), 'clientIds[0] ""', /1 to 255/],
  ["client ID too long", provider({ clientIds: ["x".repeat(256)] }), "clientIds[0]", /1 to 255/],
  ["duplicate client ID", provider({ clientIds: ["a", "a"] }), 'clientIds[1] "a"', /listed twice/],
  ["thumbprint with colons", provider({ thumbprints: ["9E:99:A4"] }), 'thumbprints[0] "9E:99:A4"', /40 hexadecimal/],
  ["thumbprint too short", provider({ thumbprints: ["abc"] }), "thumbprints[0]", /40 hexadecimal/],
  ["duplicate thumbprint", provider({ thumbprints: [TP, TP.toUpperCase()] }), "thumbprints[1]", /listed twice/],
  [
    "five static plus the fetched",
    provider({ thumbprints: [1, 2, 3, 4, 5].map(tp) }),
    "thumbprints",
    /gives 6 thumbprints with the fetched one; IAM allows at most 5/,
  ],
  [
    "six static without fetching",
    provider({ fetchThumbprint: false, thumbprints: [1, 2, 3, 4, 5, 6].map(tp) }),
    "thumbprints",
    /gives 6 thumbprints; IAM allows at most 5/,
  ],
  ["fetchThumbprint not boolean", provider({ fetchThumbprint: "yes" as unknown as boolean }), 'fetchThumbprint "yes"', /true or false/],
  ["provider tag aws: prefix", provider({ tags: { "aws:owner": "x" } }), 'tags key "aws:owner"', /reserved for AWS/],
  [
    "fromArn of a role ARN",
    () => EksOidcProvider.fromArn(newStack(), "x", "arn:aws:iam::111122223333:role/app"),
    'EksOidcProvider.fromArn "x": arn "arn:aws:iam::111122223333:role/app"',
    /not an IAM OIDC provider ARN/,
  ],
  [
    "fromArn without account",
    () => EksOidcProvider.fromArn(newStack(), "x", "arn:aws:iam:::oidc-provider/x"),
    "arn",
    /not an IAM OIDC provider ARN/,
  ],
  [
    "fromIssuerUrl http",
    () => EksOidcProvider.fromIssuerUrl(newStack(), "x", "http://x"),
    'EksOidcProvider.fromIssuerUrl "x": url "http://x"',
    /https/,
  ],
  // Kubernetes
  [
    "uppercase namespace",
    role({ serviceAccounts: [{ namespace: "Prod", name: "app" }] }),
    'serviceAccounts[0].namespace "Prod"',
    /RFC 1123 label/,
  ],
  ["namespace with dot", role({ serviceAccounts: [{ namespace: "a.b", name: "app" }] }), "serviceAccounts[0].namespace", /RFC 1123 label/],
  [
    "namespace 64 chars",
    role({ serviceAccounts: [{ namespace: "a".repeat(64), name: "app" }] }),
    "serviceAccounts[0].namespace",
    /at most 63/,
  ],
  [
    "namespace ending with dash",
    role({ serviceAccounts: [{ namespace: "team-", name: "app" }] }),
    "serviceAccounts[0].namespace",
    /RFC 1123 label/,
  ],
  ["empty namespace", role({ serviceAccounts: [{ namespace: "", name: "app" }] }), 'serviceAccounts[0].namespace ""', /RFC 1123 label/],
  [
    "wildcard namespace",
    role({ serviceAccounts: [{ namespace: "*", name: "app" }], allowWildcards: true, serviceAccountMode: ServiceAccountMode.NONE }),
    'serviceAccounts[0].namespace "*"',
    /wildcard/,
  ],
  [
    "name with underscore",
    role({ serviceAccounts: [{ namespace: "default", name: "my_app" }] }),
    'serviceAccounts[0].name "my_app"',
    /RFC 1123 subdomain/,
  ],
  [
    "name 254 chars",
    role({ serviceAccounts: [{ namespace: "default", name: "a".repeat(254) }] }),
    "serviceAccounts[0].name",
    /at most 253/,
  ],
  [
    "name with empty label",
    role({ serviceAccounts: [{ namespace: "default", name: "a..b" }] }),
    "serviceAccounts[0].name",
    /RFC 1123 subdomain/,
  ],
  [
    "wildcard name without opt-in",
    role({ serviceAccounts: [{ namespace: "default", name: "app-*" }] }),
    'serviceAccounts[0].name "app-*"',
    /allowWildcards/,
  ],
  [
    "wildcard name to annotate",
    role({ serviceAccounts: [{ namespace: "default", name: "app-*" }], allowWildcards: true }),
    "serviceAccounts[0].name",
    /cannot be annotated/,
  ],
  ["no service accounts", role({ serviceAccounts: [] }), "serviceAccounts []", /at least one/],
  [
    "service accounts as a token",
    role({ serviceAccounts: Token.asAny(Fn.tolist(["a"])) as never }),
    "serviceAccounts must be a literal list",
    /cannot be expanded/,
  ],
  ["duplicate service account", role({ serviceAccounts: [SA, { ...SA }] }), "serviceAccounts[1]", /listed twice/],
  [
    "service account not an object",
    role({ serviceAccounts: ["default/app" as unknown as typeof SA] }),
    'serviceAccounts[0] "default/app"',
    /must be \{ namespace, name \}/,
  ],
  [
    "missing name",
    role({ serviceAccounts: [{ namespace: "default" } as typeof SA] }),
    "serviceAccounts[0].name is missing",
    /must be a string/,
  ],
  [
    "additional cluster bad namespace",
    role({
      additionalClusters: [
        {
          oidcProvider: { arn: ARN.replace("AAAA", "BBBB"), issuerHost: "oidc.eks.us-west-2.amazonaws.com/id/BBBB" },
          serviceAccounts: [{ namespace: "Bad", name: "x" }],
        },
      ],
      serviceAccountMode: ServiceAccountMode.NONE,
    }),
    'additionalClusters[0].serviceAccounts[0].namespace "Bad"',
    /RFC 1123/,
  ],
  [
    "additional cluster without kubernetes provider",
    role({
      additionalClusters: [
        {
          oidcProvider: { arn: ARN.replace("AAAA", "BBBB"), issuerHost: "oidc.eks.us-west-2.amazonaws.com/id/BBBB" },
          serviceAccounts: [SA],
        },
      ],
    }),
    "additionalClusters[0].kubernetesProvider",
    /is required when serviceAccountMode is "annotate"/,
  ],
  [
    "same provider twice",
    role({
      oidcProvider: { arn: ARN, issuerHost: "oidc.eks.us-west-2.amazonaws.com/id/AAAA" },
      additionalClusters: [{ oidcProvider: { arn: ARN, issuerHost: "oidc.eks.us-west-2.amazonaws.com/id/AAAA" }, serviceAccounts: [SA] }],
      serviceAccountMode: ServiceAccountMode.NONE,
    }),
    "additionalClusters[0].oidcProvider",
    /same provider/,
  ],
  // OIDC in the role
  [
    "provider host with scheme",
    role({ oidcProvider: { arn: ARN, issuerHost: "https://oidc.eks.us-west-2.amazonaws.com/id/AAAA" } }),
    'oidcProvider.issuerHost "https://',
    /must not carry a scheme/,
  ],
  [
    "provider ARN of a role",
    role({ oidcProvider: { arn: "arn:aws:iam::111122223333:role/x", issuerHost: "h" } }),
    "oidcProvider.arn",
    /not an IAM OIDC provider ARN/,
  ],
  ["missing provider", role({ oidcProvider: undefined }), "oidcProvider is missing", /is required/],
  [
    "plain provider with clientIds null",
    role({ oidcProvider: { arn: ARN, issuerHost: "oidc.eks.us-west-2.amazonaws.com/id/AAAA", clientIds: null as never } }),
    "oidcProvider.clientIds null",
    /must be a list of strings/,
  ],
  [
    "plain provider with clientIds as a string",
    role({
      oidcProvider: { arn: ARN, issuerHost: "oidc.eks.us-west-2.amazonaws.com/id/AAAA", clientIds: "sts.amazonaws.com,vault" as never },
    }),
    "oidcProvider.clientIds",
    /must be a list of strings/,
  ],
  [
    "token namespace with allowWildcards",
    role({
      serviceAccounts: [{ namespace: Fn.lower("CI"), name: "runner-*" }],
      allowWildcards: true,
      serviceAccountMode: ServiceAccountMode.NONE,
    }),
    "serviceAccounts[0].namespace is a token",
    /could be a pattern/,
  ],
  [
    "audience the provider does not list",
    role({ audience: "vault" }),
    'audience "vault"',
    /not a client ID of oidcProvider \(sts\.amazonaws\.com\)/,
  ],
  ["empty audience", role({ audience: "" }), 'audience ""', /1 to 255/],
  // IAM role
  ["role name with space", role({ roleName: "my role" }), 'roleName "my role"', /not a valid IAM role name/],
  ["role name 65 chars", role({ roleName: "r".repeat(65) }), "roleName", /1 to 64/],
  ["prefix 39 chars", role({ roleNamePrefix: "p".repeat(39) }), "roleNamePrefix", /1 to 38/],
  ["name and prefix", role({ roleName: "a", roleNamePrefix: "b" }), 'roleNamePrefix "b"', /cannot be used together with roleName/],
  ["path without trailing slash", role({ path: "/irsa" }), 'path "/irsa"', /not a valid IAM path/],
  ["path with space", role({ path: "/a b/" }), "path", /not a valid IAM path/],
  ["path too long", role({ path: `/${"a".repeat(511)}/` }), "path", /longer than 512/],
  ["session 3599", role({ maxSessionDuration: 3599 }), "maxSessionDuration 3599", /3600 \(1 hour\) to 43200/],
  ["session 43201", role({ maxSessionDuration: 43201 }), "maxSessionDuration 43201", /3600/],
  ["session fractional", role({ maxSessionDuration: 3600.5 }), "maxSessionDuration 3600.5", /whole number/],
  ["session as string", role({ maxSessionDuration: "3600" as unknown as number }), 'maxSessionDuration "3600"', /must be a number/],
  ["description 1001 chars", role({ description: "d".repeat(1001) }), "description", /longer than 1000/],
  ["boundary too short", role({ permissionsBoundaryArn: "arn:aws:iam::1:p" }), "permissionsBoundaryArn", /20 to 2048/],
  [
    "boundary not a policy",
    role({ permissionsBoundaryArn: "arn:aws:iam::111122223333:role/boundary" }),
    "permissionsBoundaryArn",
    /not an IAM managed policy ARN/,
  ],
  [
    "51 tags",
    role({ tags: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, "v"])) }),
    "tags has 51 tags",
    /IAM allows at most 50/,
  ],
  ["tag key too long", role({ tags: { ["k".repeat(129)]: "v" } }), "tags key", /1 to 128/],
  ["empty tag key", role({ tags: { "": "v" } }), 'tags key ""', /1 to 128/],
  ["tag value too long", role({ tags: { k: "v".repeat(257) } }), 'tags["k"]', /longer than 256/],
  ["tag key with bad character", role({ tags: { "team!": "x" } }), 'tags key "team!"', /characters IAM does not accept/],
  ["tag key aws: prefix", role({ tags: { "AWS:team": "x" } }), 'tags key "AWS:team"', /reserved for AWS/],
  ["tag keys equal ignoring case", role({ tags: { Team: "a", team: "b" } }), 'tags key "team"', /only by case/],
  [
    "managed policy ARN of a role",
    role({ managedPolicyArns: ["arn:aws:iam::111122223333:role/x"] }),
    'managedPolicyArns[0] "arn:aws:iam::111122223333:role/x"',
    /not an IAM managed policy ARN/,
  ],
  [
    "managed policy attached twice",
    role({ managedPolicyArns: ["arn:aws:iam::aws:policy/A", "arn:aws:iam::aws:policy/A"] }),
    "managedPolicyArns[1]",
    /attached twice/,
  ],
  ["inline policy bad JSON", role({ inlinePolicies: { p: "{" } }), 'inlinePolicies["p"] "{"', /not valid JSON/],
  ["inline policy not a document", role({ inlinePolicies: { p: "[]" } }), 'inlinePolicies["p"]', /not a JSON object/],
  ["inline policy without Version", role({ inlinePolicies: { p: '{"Statement":[]}' } }), 'inlinePolicies["p"]', /has no Version/],
  [
    "inline policy with an unknown Version",
    role({ inlinePolicies: { p: '{"Version":"2020-01-01"}' } }),
    'inlinePolicies["p"]',
    /IAM knows "2012-10-17"/,
  ],
  [
    "inline policy without Statement",
    role({ inlinePolicies: { p: '{"Version":"2012-10-17"}' } }),
    'inlinePolicies["p"]',
    /has no Statement/,
  ],
  [
    "inline policy with no statements",
    role({ inlinePolicies: { p: '{"Version":"2012-10-17","Statement":[]}' } }),
    'inlinePolicies["p"]',
    /empty Statement/,
  ],
  ...(
    [
      [
        "Effect allow",
        { Effect: "allow", Action: "s3:GetObject", Resource: "*" },
        /Statement\[0\] with Effect "allow"; IAM accepts exactly "Allow" or "Deny"/,
      ],
      ["no Effect", { Action: "s3:GetObject", Resource: "*" }, /with Effect undefined/],
      ["no Action", { Effect: "Allow", Resource: "*" }, /without Action or NotAction/],
      ["no Resource", { Effect: "Allow", Action: "s3:GetObject" }, /without Resource or NotResource/],
      ["a Principal", { Effect: "Allow", Action: "s3:GetObject", Resource: "*", Principal: "*" }, /with a Principal/],
      ["a null statement", null, /Statement\[0\] that is not an object/],
    ] as [string, unknown, RegExp][]
  ).map(([what, statement, rule]): [string, () => unknown, string, RegExp] => [
    `inline policy statement with ${what}`,
    role({ inlinePolicies: { p: JSON.stringify({ Version: "2012-10-17", Statement: [statement] }) } }),
    'inlinePolicies["p"]',
    rule,
  ]),
  [
    "inline policy name __proto__",
    role({ inlinePolicies: JSON.parse(`{"__proto__":${JSON.stringify(POLICY)}}`) }),
    'inlinePolicies key "__proto__"',
    /drop it silently/,
  ],
  [
    "inline policies with a replaced prototype",
    role({ inlinePolicies: { __proto__: { p: POLICY } } as never }),
    "inlinePolicies must be a plain object",
    /was `__proto__` written as a key/,
  ],
  ["role tag key __proto__", role({ tags: JSON.parse('{"__proto__":"x"}') }), 'tags key "__proto__"', /drop it silently/],
  [
    "21 managed policies",
    role({ managedPolicyArns: Array.from({ length: 21 }, (_, i) => `arn:aws:iam::111122223333:policy/p${i}`) }),
    "managedPolicyArns[20]",
    /is managed policy number 21; IAM allows at most 20 per role/,
  ],
  [
    "inline policy name with space",
    role({ inlinePolicies: { "my policy": POLICY } }),
    'inlinePolicies name "my policy"',
    /not a valid inline policy name/,
  ],
  // Kubernetes options
  [
    "unknown mode",
    role({ serviceAccountMode: "patch" as ServiceAccountMode }),
    'serviceAccountMode "patch"',
    /not one of "annotate", "create", "none"/,
  ],
  ["token expiration 599", role({ tokenExpiration: 599 }), "tokenExpiration 599", /600 to 86400/],
  ["token expiration 86401", role({ tokenExpiration: 86401 }), "tokenExpiration 86401", /600 to 86400/],
  ["field manager with space", role({ fieldManager: "a b" }), 'fieldManager "a b"', /field manager/],
  ["allowWildcards not boolean", role({ allowWildcards: "true" as unknown as boolean }), 'allowWildcards "true"', /true or false/],
];

describe("bad input catalogue", () => {
  test(`has at least 40 cases (${catalogue.length})`, () => {
    expect(catalogue.length).toBeGreaterThanOrEqual(40);
  });

  test.each(catalogue)("%s: the message names the property, the value and the rule", (_what, build, named, rule) => {
    let error: unknown;
    try {
      build();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(Error);
    const message = (error as Error).message;
    expect((error as Error).name).toBe("ValidationError");
    expect(message).toMatch(/^(IrsaRole "app"|EksOidcProvider(\.from\w+)? "(oidc|x)"): /);
    expect(message).toContain(named);
    expect(message).toMatch(rule);
  });

  test("long values are shortened in messages", () => {
    expect(role({ description: "d".repeat(1001) })).toThrow(/description "d{60,}\.\.\.d+" is longer than 1000/);
  });

  test("the messages of the catalogue", () => {
    const messages = catalogue.map(([what, build]) => {
      try {
        build();
        return `${what}: no error`;
      } catch (e) {
        // JSON.parse's own wording differs between Node versions.
        return `${what}: ${(e as Error).message.replace(/is not valid JSON \(.*\)$/, "is not valid JSON (...)")}`;
      }
    });
    expect(messages).toMatchSnapshot();
  });
});

describe("valid edges synthesize", () => {
  const edges: [string, () => Construct][] = [
    ["1-character namespace and name", role({ serviceAccounts: [{ namespace: "a", name: "b" }] })],
    ["dotted service account name", role({ serviceAccounts: [{ namespace: "default", name: "app.v2.worker" }] })],
    ["63-character namespace", role({ serviceAccounts: [{ namespace: "n".repeat(63), name: "app" }] })],
    [
      "253-character name",
      role({
        serviceAccounts: [{ namespace: "default", name: `${"a".repeat(63)}.${"b".repeat(63)}.${"c".repeat(63)}.${"d".repeat(61)}` }],
      }),
    ],
    ["64-character role name", role({ roleName: "r".repeat(64) })],
    ["38-character prefix", role({ roleNamePrefix: "p".repeat(38) })],
    ["path /", role({ path: "/" })],
    ["512-character path", role({ path: `/${"a".repeat(510)}/` })],
    ["session 3600", role({ maxSessionDuration: 3600 })],
    ["session 43200", role({ maxSessionDuration: 43200 })],
    ["50 tags", role({ tags: Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, "v"])) })],
    ["tag with unicode letters and empty value", role({ tags: { Équipe: "", "a:b/c=d+e-f@g_h.i": "x y" } })],
    ["1000-character description", role({ description: "d".repeat(1000) })],
    ["token expiration 600 and 86400", role({ tokenExpiration: 600 })],
    ["token expiration 86400", role({ tokenExpiration: 86400 })],
    ["five static thumbprints without fetching", provider({ fetchThumbprint: false, thumbprints: [1, 2, 3, 4, 5].map(tp) })],
    ["four static thumbprints with the fetched one", provider({ thumbprints: [1, 2, 3, 4].map(tp) })],
    ["100 client IDs", provider({ clientIds: Array.from({ length: 100 }, (_, i) => `c${i}`) })],
    ["255-character issuer URL", provider({ issuerUrl: `https://oidc.example.com/${"a".repeat(255 - 25)}` })],
    [
      "wildcard name with allowWildcards and mode none",
      role({ serviceAccounts: [{ namespace: "ci", name: "runner-?" }], allowWildcards: true, serviceAccountMode: ServiceAccountMode.NONE }),
    ],
    [
      "China partition provider ARN",
      role({
        oidcProvider: {
          arn: "arn:aws-cn:iam::111122223333:oidc-provider/oidc.eks.cn-north-1.amazonaws.com.cn/id/A",
          issuerHost: "oidc.eks.cn-north-1.amazonaws.com.cn/id/A",
        },
      }),
    ],
  ];

  test.each(edges)("%s", (_what, build) => {
    const stack = TerraformStack.of(build());
    expect(() => synth(stack)).not.toThrow();
  });

  test("token values skip literal checks (issuer, namespace, name, ARN)", () => {
    const stack = newStack();
    const cluster = new DataAwsEksCluster(stack, "cluster", { name: "demo" });
    const oidc = new EksOidcProvider(stack, "oidc", { issuerUrl: cluster.identity.get(0).oidc.get(0).issuer });
    const imported = EksOidcProvider.fromArn(stack, "imported", oidc.arn);
    new IrsaRole(stack, "app", {
      oidcProvider: imported,
      serviceAccounts: [{ namespace: cluster.name, name: cluster.id }],
      roleName: cluster.name,
      tags: { cluster: cluster.name },
    });
    expect(() => synth(stack)).not.toThrow();
  });
});
