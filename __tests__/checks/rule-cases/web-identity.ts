/** Cases for the web-identity rules (lib/checks/rules/web-identity). */
import { HOST, PROVIDER_ARN, RuleCase, SAFE_WEB_IDENTITY, SUBJECT, trust, webIdentity } from "./rule-case";

const AUD = { [`${HOST}:aud`]: "sts.amazonaws.com" };
const SUB = { [`${HOST}:sub`]: SUBJECT };
const safe = trust(SAFE_WEB_IDENTITY);
const withSub = (operator: string, subject: string) =>
  trust(
    webIdentity(
      operator === "StringEquals"
        ? { StringEquals: { ...AUD, [`${HOST}:sub`]: subject } }
        : { StringEquals: AUD, [operator]: { [`${HOST}:sub`]: subject } },
    ),
  );

const GITHUB = "token.actions.githubusercontent.com";
const DUAL_STACK_HOST = "oidc-eks.us-west-2.api.aws/id/EXAMPLED539D4633E53DE1B71EXAMPLE";
const github = (operator: string, subject: string) =>
  trust(
    webIdentity(
      { StringEquals: { [`${GITHUB}:aud`]: "sts.amazonaws.com" }, [operator]: { [`${GITHUB}:sub`]: subject } },
      `arn:aws:iam::111122223333:oidc-provider/${GITHUB}`,
    ),
  );

export const WEB_IDENTITY_CASES: readonly RuleCase[] = [
  { ruleId: "IRSA001", failing: trust(webIdentity()), message: /with no condition/, passing: safe },
  { ruleId: "IRSA002", failing: trust(webIdentity({ StringEquals: AUD })), message: /has no \S+:sub condition/, passing: safe },
  { ruleId: "IRSA003", failing: trust(webIdentity({ StringEquals: SUB })), message: /has no \S+:aud condition/, passing: safe },
  {
    ruleId: "IRSA004",
    failing: trust(webIdentity({ StringEquals: AUD, "ForAllValues:StringEquals": SUB })),
    message: /uses ForAllValues:StringEquals on .*:sub/,
    passing: safe,
  },
  {
    ruleId: "IRSA005",
    failing: withSub("StringLike", "system:serviceaccount:*:api"),
    message: /wildcard namespace/,
    passing: withSub("StringLike", SUBJECT),
  },
  {
    ruleId: "IRSA006",
    failing: withSub("StringLike", "system:serviceaccount:orders:api-*"),
    message: /matches service account names by wildcard in namespace "orders"/,
    passing: withSub("StringEquals", SUBJECT),
  },
  {
    ruleId: "IRSA007",
    failing: withSub("StringEquals", "system:serviceaccount:orders:api?"),
    message: /matches it literally/,
    passing: withSub("StringEquals", SUBJECT),
  },
  {
    ruleId: "IRSA008",
    failing: trust(webIdentity({ StringEquals: SUB, StringLike: { [`${HOST}:aud`]: "sts.*" } })),
    message: /:aud with a wildcard; the audience must be exact/,
    passing: safe,
  },
  {
    ruleId: "IRSA009",
    failing: trust(
      webIdentity({ StringEquals: { [`${HOST}:aud`]: "sts.amazonaws.com", "oidc.eks.eu-west-1.amazonaws.com/id/OTHER:sub": SUBJECT } }),
    ),
    message: /has the condition key .*OTHER:sub, which does not belong to/,
    passing: safe,
  },
  {
    ruleId: "IRSA010",
    failing: trust(
      webIdentity({ StringEquals: { ...SUB, ...AUD } }, [
        PROVIDER_ARN,
        "arn:aws:iam::111122223333:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/OTHER",
      ]),
    ),
    message: /names several Federated principals/,
    passing: safe,
  },
  {
    ruleId: "IRSA013",
    failing: withSub("StringEquals", `&{${HOST}:sub}`),
    message: /holds the policy variable \$\{oidc\.eks/,
    passing: safe,
  },
  {
    ruleId: "IRSA015",
    failing: github("StringLike", "repo:*"),
    message: /does not pin the owner; it must start with repo:<organization>\//,
    passing: github("StringLike", "repo:example-org/deploy:*"),
  },
  {
    ruleId: "IRSA016",
    failing: withSub("StringLike", "system:serviceaccount:${var.namespace}:api"),
    message: /namespace is only known at apply/,
    passing: withSub("StringEquals", "system:serviceaccount:${var.namespace}:api"),
  },
  {
    ruleId: "IRSA017",
    failing: trust(
      webIdentity(
        { StringEquals: { [`${DUAL_STACK_HOST}:aud`]: "sts.amazonaws.com", [`${DUAL_STACK_HOST}:sub`]: SUBJECT } },
        `arn:aws:iam::111122223333:oidc-provider/${DUAL_STACK_HOST}`,
      ),
    ),
    message: /on the dual-stack issuer; tokens carry oidc\.eks\.us-west-2\.amazonaws\.com/,
    passing: safe,
  },
];
