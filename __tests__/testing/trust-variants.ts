/**
 * Hand-written trust policies for the iam-simulate cross-check (trust-cross-check.test.ts): the
 * operators, Deny, NotAction and NotPrincipal shapes found in public Terraform, rewritten.
 */

export const ACCOUNT = "111122223333";
export const HOST = "oidc.eks.us-west-2.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE";
export const OTHER_HOST = "oidc.eks.eu-west-1.amazonaws.com/id/OTHER9D4633E53DE1B71EXAMPLE";
export const providerArn = (host: string) => `arn:aws:iam::${ACCOUNT}:oidc-provider/${host}`;
export const PODS = "pods.eks.amazonaws.com";

const fed = (host: string) => ({ Federated: providerArn(host) });
const sub = (host: string) => `${host}:sub`;
const aud = (host: string) => `${host}:aud`;
const document = (...Statement: object[]) => JSON.stringify({ Version: "2012-10-17", Statement });

/** Hand-written trusts: the operators, Deny, NotAction and NotPrincipal shapes found in public Terraform. */
export const HAND_WRITTEN: readonly [string, string][] = [
  [
    "StringLike over a namespace",
    document({
      Effect: "Allow",
      Principal: fed(HOST),
      Action: "sts:AssumeRoleWithWebIdentity",
      Condition: { StringLike: { [sub(HOST)]: "system:serviceaccount:orders:*" }, StringEquals: { [aud(HOST)]: "sts.amazonaws.com" } },
    }),
  ],
  [
    "several values, and ? in StringLike",
    document({
      Effect: "Allow",
      Principal: fed(HOST),
      Action: "sts:AssumeRoleWithWebIdentity",
      Condition: { StringLike: { [sub(HOST)]: ["system:serviceaccount:billing:ap?", "system:serviceaccount:orders:worker"] } },
    }),
  ],
  [
    "aud only (the missing-sub mistake)",
    document({
      Effect: "Allow",
      Principal: fed(HOST),
      Action: "sts:AssumeRoleWithWebIdentity",
      Condition: { StringEquals: { [aud(HOST)]: "sts.amazonaws.com" } },
    }),
  ],
  [
    "an Allow with a Deny on one namespace",
    document(
      {
        Effect: "Allow",
        Principal: fed(HOST),
        Action: "sts:AssumeRoleWithWebIdentity",
        Condition: { StringEquals: { [aud(HOST)]: "sts.amazonaws.com" } },
      },
      {
        Effect: "Deny",
        Principal: fed(HOST),
        Action: "sts:AssumeRoleWithWebIdentity",
        Condition: { StringLike: { [sub(HOST)]: "system:serviceaccount:billing:*" } },
      },
    ),
  ],
  [
    "a Deny with StringNotEquals (deny every other subject)",
    document(
      { Effect: "Allow", Principal: fed(HOST), Action: "sts:AssumeRoleWithWebIdentity" },
      {
        Effect: "Deny",
        Principal: fed(HOST),
        Action: "sts:AssumeRoleWithWebIdentity",
        Condition: { StringNotEquals: { [sub(HOST)]: "system:serviceaccount:orders:api" } },
      },
    ),
  ],
  [
    "NotAction that leaves AssumeRoleWithWebIdentity in",
    document({
      Effect: "Allow",
      Principal: fed(HOST),
      NotAction: "sts:AssumeRole",
      Condition: { StringEquals: { [sub(HOST)]: "system:serviceaccount:orders:api", [aud(HOST)]: "sts.amazonaws.com" } },
    }),
  ],
  [
    "an action glob (sts:AssumeRole*)",
    document({
      Effect: "Allow",
      Principal: { ...fed(HOST), Service: PODS },
      Action: "sts:AssumeRole*",
      Condition: { StringEqualsIfExists: { [sub(HOST)]: "system:serviceaccount:orders:api" } },
    }),
  ],
  [
    "ForAllValues and IfExists on sub (fail-open operators)",
    document(
      {
        Effect: "Allow",
        Principal: fed(HOST),
        Action: "sts:AssumeRoleWithWebIdentity",
        Condition: { "ForAllValues:StringEquals": { [sub(HOST)]: "system:serviceaccount:orders:api" } },
      },
      {
        Effect: "Allow",
        Principal: fed(OTHER_HOST),
        Action: "sts:AssumeRoleWithWebIdentity",
        Condition: { StringLikeIfExists: { [sub(OTHER_HOST)]: "system:serviceaccount:orders:*" } },
      },
    ),
  ],
  [
    "Null: sub must be present",
    document({
      Effect: "Allow",
      Principal: fed(HOST),
      Action: "sts:AssumeRoleWithWebIdentity",
      Condition: { Null: { [sub(HOST)]: "false" }, StringEquals: { [aud(HOST)]: "sts.amazonaws.com" } },
    }),
  ],
  [
    "StringEqualsIgnoreCase and StringNotLike",
    document({
      Effect: "Allow",
      Principal: fed(HOST),
      Action: "sts:AssumeRoleWithWebIdentity",
      Condition: {
        StringEqualsIgnoreCase: { [aud(HOST)]: "STS.amazonaws.com" },
        StringNotLike: { [sub(HOST)]: "system:serviceaccount:billing:*" },
      },
    }),
  ],
  [
    "Pod Identity narrowed by ForAllValues on aws:TagKeys and StringLike on a tag",
    document({
      Effect: "Allow",
      Principal: { Service: PODS },
      Action: ["sts:AssumeRole", "sts:TagSession"],
      Condition: {
        StringLike: { "aws:RequestTag/kubernetes-namespace": "ord*" },
        "ForAllValues:StringEquals": {
          "aws:TagKeys": [
            "eks-cluster-arn",
            "eks-cluster-name",
            "kubernetes-namespace",
            "kubernetes-service-account",
            "kubernetes-pod-name",
            "kubernetes-pod-uid",
          ],
        },
      },
    }),
  ],
  [
    "Pod Identity without TagSession, and a Deny by cluster ARN",
    document(
      { Effect: "Allow", Principal: { Service: PODS }, Action: "sts:AssumeRole" },
      {
        Effect: "Deny",
        Principal: { Service: PODS },
        Action: "sts:*",
        Condition: { ArnNotLike: { "aws:RequestTag/eks-cluster-arn": `arn:aws:eks:*:${ACCOUNT}:cluster/prod` } },
      },
    ),
  ],
  [
    "case: an upper-case condition key, an upper-case action",
    document({
      Effect: "Allow",
      Principal: fed(HOST),
      Action: "STS:AssumeRoleWithWebIdentity",
      Condition: { StringEquals: { [sub(HOST).toUpperCase()]: "system:serviceaccount:orders:api" } },
    }),
  ],
  [
    "two providers in one statement, StringNotEquals over a list, ForAnyValue on aws:TagKeys",
    document(
      {
        Effect: "Allow",
        Principal: { Federated: [providerArn(HOST), providerArn(OTHER_HOST)] },
        Action: "sts:AssumeRoleWithWebIdentity",
        Condition: { StringNotEquals: { [sub(HOST)]: ["system:serviceaccount:orders:api", "system:serviceaccount:billing:api"] } },
      },
      {
        Effect: "Allow",
        Principal: { Service: PODS },
        Action: "sts:AssumeRole",
        Condition: { "ForAnyValue:StringEquals": { "aws:TagKeys": "kubernetes-pod-uid" } },
      },
    ),
  ],
  [
    "Principal * with a condition, and a Deny with NotPrincipal",
    document(
      {
        Effect: "Allow",
        Principal: "*",
        Action: "sts:AssumeRole",
        Condition: { StringEquals: { "aws:RequestTag/kubernetes-service-account": "api" } },
      },
      { Effect: "Deny", NotPrincipal: { Service: PODS }, Action: "sts:AssumeRole" },
    ),
  ],
];
