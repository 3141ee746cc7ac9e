/** Cases for the EKS Pod Identity rules (lib/checks/rules/pod-identity). */
import { HOST, RuleCase, SAFE_WEB_IDENTITY, trust, webIdentity } from "./rule-case";

export const PODS = { Service: "pods.eks.amazonaws.com" };
/** The session-tag conditions that narrow a Pod Identity trust to prod/orders/api. */
export const NARROW = {
  StringEquals: {
    "aws:RequestTag/eks-cluster-name": "prod",
    "aws:RequestTag/kubernetes-namespace": "orders",
    "aws:RequestTag/kubernetes-service-account": "api",
  },
};
const podIdentity = (actions: string[], condition?: object) => ({
  Effect: "Allow",
  Principal: PODS,
  Action: actions,
  ...(condition === undefined ? {} : { Condition: condition }),
});
const narrow = podIdentity(["sts:AssumeRole", "sts:TagSession"], NARROW);

export const POD_IDENTITY_CASES: readonly RuleCase[] = [
  {
    ruleId: "IRSA020",
    failing: trust(podIdentity(["sts:AssumeRole"], NARROW)),
    message: /allows sts:AssumeRole without sts:TagSession/,
    passing: trust(narrow),
  },
  {
    ruleId: "IRSA021",
    failing: trust(podIdentity(["sts:AssumeRole", "sts:TagSession"], { StringEquals: { "aws:RequestTag/eks-cluster-name": "prod" } })),
    message: /narrows only by aws:RequestTag\/eks-cluster-name/,
    passing: trust(narrow),
  },
  {
    ruleId: "IRSA022",
    failing: trust(narrow, webIdentity({ StringEquals: { [`${HOST}:aud`]: "sts.amazonaws.com" } })),
    message: /the role trusts EKS Pod Identity, but a web-identity/,
    passing: trust(narrow, SAFE_WEB_IDENTITY),
  },
];
