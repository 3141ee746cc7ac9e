/**
 * AWS Load Balancer Controller, full policy: kubernetes-sigs/aws-load-balancer-controller
 * docs/install/iam_policy.json (and its _cn / _us-gov variants) @ v3.5.0 (11eb202c97e4); the
 * statements are in load-balancer-controller-statements.ts. Upstream scopes mutations by the
 * presence of the controller's tag `elbv2.k8s.aws/cluster`, not by its value.
 */
import { AddonDefinition } from "./addon-definition";
import { loadBalancerControllerStatements } from "./load-balancer-controller-statements";
import { policyDocument } from "./policy-document";

export const LOAD_BALANCER_CONTROLLER: AddonDefinition<object> = {
  name: "load-balancer-controller",
  factory: "loadBalancerController",
  title: "AWS Load Balancer Controller",
  defaultServiceAccount: { namespace: "kube-system", name: "aws-load-balancer-controller" },
  sources: [
    {
      repository: "kubernetes-sigs/aws-load-balancer-controller",
      path: "docs/install/iam_policy.json, iam_policy_cn.json, iam_policy_us-gov.json",
      version: "v3.5.0",
      commit: "11eb202c97e4",
    },
  ],
  inputs: [],
  build: () => ({
    documents: [{ name: "load-balancer-controller", render: (context) => policyDocument(...loadBalancerControllerStatements(context)) }],
  }),
};
