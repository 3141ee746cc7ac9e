/**
 * The helper's EKS Pod Identity requests carry what EKS sends: all six session tags
 * (`eks-cluster-arn`, `eks-cluster-name`, `kubernetes-namespace`, `kubernetes-service-account`,
 * `kubernetes-pod-name`, `kubernetes-pod-uid`) and all six in `aws:TagKeys`. Before, the pod's
 * name and UID were missing, so a trust that narrows by pod was wrongly refused and a trust that
 * limits the tag keys to the other four was wrongly admitted.
 */
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { Testing } from "cdktf";
import { POD_IDENTITY_SESSION_TAG_NAMES } from "../../lib/facts/eks";
import { IrsaAssertions } from "../../lib/testing";
import { podIdentityRequests } from "../../lib/evaluation/assume-requests";
import { newStack } from "../support/synth";

const CLUSTER_ARN = "arn:aws:eks:us-east-1:111122223333:cluster/prod";
const PRINCIPAL = { Service: "pods.eks.amazonaws.com" };
const ACTIONS = ["sts:AssumeRole", "sts:TagSession"];

function roleWith(condition: object) {
  const stack = newStack();
  const Statement = [{ Effect: "Allow", Action: ACTIONS, Principal: PRINCIPAL, Condition: condition }];
  new IamRole(stack, "role", { assumeRolePolicy: JSON.stringify({ Version: "2012-10-17", Statement }) });
  return IrsaAssertions.fromSynth(Testing.synth(stack));
}

const api = { clusterName: "prod", namespace: "payments", name: "api" };

test("both calls carry the six session tags EKS sets, and aws:TagKeys lists exactly them", () => {
  const requests = podIdentityRequests({ ...api, podName: "api-6c9f-abcde", podUid: "uid-1" }, CLUSTER_ARN, "arn:aws:iam::1:role/r");
  expect(requests.map((r) => r.action)).toEqual(ACTIONS);
  for (const request of requests) {
    expect(request.context).toEqual({
      "aws:RequestTag/eks-cluster-arn": CLUSTER_ARN,
      "aws:RequestTag/eks-cluster-name": "prod",
      "aws:RequestTag/kubernetes-namespace": "payments",
      "aws:RequestTag/kubernetes-service-account": "api",
      "aws:RequestTag/kubernetes-pod-name": "api-6c9f-abcde",
      "aws:RequestTag/kubernetes-pod-uid": "uid-1",
    });
    expect(request.multiValuedContext).toEqual({ "aws:TagKeys": [...POD_IDENTITY_SESSION_TAG_NAMES] });
  }
  expect(POD_IDENTITY_SESSION_TAG_NAMES).toHaveLength(6);
});

test("a trust that narrows by pod name admits the pods it names (was: refused, the tag was missing)", () => {
  const assertions = roleWith({ StringLike: { "aws:RequestTag/kubernetes-pod-name": "api-*" } });
  expect(assertions.canAssumeWithPodIdentity("aws_iam_role.role", api)).toBe(true);
  expect(assertions.canAssumeWithPodIdentity("aws_iam_role.role", { ...api, podName: "worker-1" })).toBe(false);
});

test("a trust that requires a pod UID admits any pod that has one, and the caller's own UID is what it sees", () => {
  const present = roleWith({ Null: { "aws:RequestTag/kubernetes-pod-uid": "false" } });
  expect(present.canAssumeWithPodIdentity("aws_iam_role.role", api)).toBe(true);
  const pinned = roleWith({ StringEquals: { "aws:RequestTag/kubernetes-pod-uid": "uid-1" } });
  expect(pinned.canAssumeWithPodIdentity("aws_iam_role.role", { ...api, podUid: "uid-1" })).toBe(true);
  expect(pinned.canAssumeWithPodIdentity("aws_iam_role.role", { ...api, podUid: "uid-2" })).toBe(false);
});

test("a trust that allows only four tag keys refuses EKS, which sends six (was: admitted)", () => {
  const four = ["eks-cluster-arn", "eks-cluster-name", "kubernetes-namespace", "kubernetes-service-account"];
  const assertions = roleWith({ "ForAllValues:StringEquals": { "aws:TagKeys": four } });
  expect(assertions.canAssumeWithPodIdentity("aws_iam_role.role", api)).toBe(false);
  const six = roleWith({ "ForAllValues:StringEquals": { "aws:TagKeys": [...four, "kubernetes-pod-name", "kubernetes-pod-uid"] } });
  expect(six.canAssumeWithPodIdentity("aws_iam_role.role", api)).toBe(true);
});
