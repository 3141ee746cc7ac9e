/**
 * Testing your own stack: who can assume a role, asserted on the synthesized JSON in one line.
 * This file runs with the project's tests (`npx jest examples/testing`); in your app, import from
 * "cdktf-eks-irsa/testing" and build your own stack.
 */
import { Testing } from "cdktf";
import { IrsaRole } from "../../lib"; // "cdktf-eks-irsa" in your app
import { IrsaAssertions } from "../../lib/testing"; // "cdktf-eks-irsa/testing" in your app
import { build } from "../s3-echoer/main";

const ISSUER_HOST = "oidc.eks.us-west-2.amazonaws.com/id/EXAMPLE";

function s3Echoer() {
  const stack = build(Testing.app());
  const role = stack.node.findChild("s3-echoer") as IrsaRole;
  // The example reads the issuer from the cluster, so it is known only at apply: say what it will be.
  const assertions = IrsaAssertions.fromSynth(Testing.synth(stack), {
    values: { "data.aws_eks_cluster.cluster.identity[0].oidc[0].issuer": `https://${ISSUER_HOST}` },
  });
  return { role, assertions };
}

test("only default/s3-echoer can assume the s3-echoer role", () => {
  const { role, assertions } = s3Echoer();
  expect(assertions.whoCanAssume(role).map((s) => `${s.namespace}/${s.serviceAccountName}`)).toEqual(["default/s3-echoer"]);
});

test("a service account of another namespace cannot", () => {
  const { role, assertions } = s3Echoer();
  expect(assertions.canAssume(role, { issuerHost: ISSUER_HOST, namespace: "default", name: "s3-echoer" })).toBe(true);
  expect(assertions.canAssume(role, { issuerHost: ISSUER_HOST, namespace: "kube-system", name: "s3-echoer" })).toBe(false);
});

test("the stack has no trust finding (the rules of IrsaTrustChecks and `cdktf-eks-irsa check`)", () => {
  // Testing.synth records error annotations without throwing: findings() makes them fail the test,
  // each with its rule id, Terraform address and message.
  const stack = build(Testing.app());
  expect(IrsaAssertions.fromSynth(Testing.synth(stack)).findings()).toEqual([]);
  expect(IrsaAssertions.trustFindings(stack)).toEqual([]); // the same, synthesizing the stack for you
});
