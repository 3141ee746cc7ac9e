/** The spec function on its own: props in, a plain validated and defaulted spec out; no stack, no synth. */
import { irsaRoleSpec } from "../../lib/irsa/irsa-role-spec";
import { ServiceAccountMode } from "../../lib";
import { ValidationError } from "../../lib/internal";

const PROVIDER = {
  arn: "arn:aws:iam::111122223333:oidc-provider/oidc.eks.us-west-2.amazonaws.com/id/AAAA",
  issuerHost: "oidc.eks.us-west-2.amazonaws.com/id/AAAA",
};
const placement = {
  id: "api",
  pathInStack: "team-a/api",
  stableKey: (value: string) => `key(${value.length})`,
  aws: { partition: "aws", region: "eu-west-1", accountId: "111122223333" },
};

test("defaults: annotate mode, the default audience and field manager, a name prefix from the path, IRSA only", () => {
  const spec = irsaRoleSpec({ oidcProvider: PROVIDER, serviceAccounts: [{ namespace: "payments", name: "api" }] }, placement);
  expect(spec.owner).toBe('IrsaRole "api"');
  expect(spec.role).toEqual(
    expect.objectContaining({ name: undefined, namePrefix: "team-a-api-", managedPolicyArns: [], inlinePolicies: [] }),
  );
  expect(spec.binding).toEqual(
    expect.objectContaining({ mode: ServiceAccountMode.ANNOTATE, force: false, fieldManager: "cdktf-eks-irsa" }),
  );
  expect(spec.trust.audience).toBe("sts.amazonaws.com");
  expect(spec.extraAnnotations).toEqual({});
  expect(spec.migration.webIdentityTrust).toBe(true);
  expect(spec.trustStatements).toEqual([
    {
      effect: "Allow",
      actions: ["sts:AssumeRoleWithWebIdentity"],
      principals: [{ type: "Federated", identifiers: [PROVIDER.arn] }],
      condition: [
        { test: "StringEquals", variable: `${PROVIDER.issuerHost}:sub`, values: ["system:serviceaccount:payments:api"] },
        { test: "StringEquals", variable: `${PROVIDER.issuerHost}:aud`, values: ["sts.amazonaws.com"] },
      ],
    },
  ]);
});

test("the migration's last step: only the Pod Identity statement, and the subjects say so", () => {
  const spec = irsaRoleSpec(
    {
      oidcProvider: PROVIDER,
      serviceAccounts: [{ namespace: "payments", name: "api" }],
      podIdentityClusterName: "prod",
      serviceAccountMode: ServiceAccountMode.NONE,
      webIdentityTrust: false,
    },
    placement,
  );
  expect(spec.trustStatements.map((s) => s.principals)).toEqual([[{ type: "Service", identifiers: ["pods.eks.amazonaws.com"] }]]);
  // Pinned by the cluster's ARN (region and account of the stack) as well as by its name.
  expect(spec.trustStatements[0].condition).toContainEqual({
    test: "StringEquals",
    variable: "aws:RequestTag/eks-cluster-arn",
    values: ["arn:aws:eks:eu-west-1:111122223333:cluster/prod"],
  });
  expect(spec.trustedSubjects).toEqual([
    { via: "pod-identity", namespace: "payments", serviceAccountName: "api", service: "pods.eks.amazonaws.com", clusterName: "prod" },
  ]);
  expect(spec.migration.associations.clusters).toEqual([
    { clusterName: "prod", serviceAccounts: [{ namespace: "payments", name: "api" }] },
  ]);
});

test("bad props throw a ValidationError before anything is built", () => {
  expect(() => irsaRoleSpec({ oidcProvider: PROVIDER, serviceAccounts: [] }, placement)).toThrow(ValidationError);
});
