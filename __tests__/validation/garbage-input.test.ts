/**
 * JavaScript callers and JSON configs can pass anything. Whatever a prop holds, construction either
 * succeeds or throws our ValidationError; never a TypeError from deeper code.
 */
import * as fc from "fast-check";
import { EksOidcProvider, IrsaRole, ServiceAccountMode } from "../../lib";
import { Testing } from "cdktf";
import { newStack } from "../support/synth";

const RUNS = 20;
const ISSUER = "https://oidc.eks.us-west-2.amazonaws.com/id/AAAA";

function outcome(build: () => unknown): string {
  try {
    build();
    return "ok";
  } catch (e) {
    return (e as Error).name;
  }
}

const roleProps = [
  "oidcProvider",
  "serviceAccounts",
  "additionalClusters",
  "audience",
  "allowWildcards",
  "roleName",
  "roleNamePrefix",
  "path",
  "description",
  "maxSessionDuration",
  "permissionsBoundaryArn",
  "tags",
  "managedPolicyArns",
  "inlinePolicies",
  "serviceAccountMode",
  "kubernetesProvider",
  "annotationForce",
  "fieldManager",
  "stsRegionalEndpoints",
  "tokenExpiration",
  "addonPolicies",
];
const providerProps = ["issuerUrl", "clientIds", "thumbprints", "fetchThumbprint", "tags"];

describe("garbage input never crashes deep inside", () => {
  test.each(roleProps)("IrsaRole.%s", (prop) => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.constantFrom(null, "", 0, NaN, [], {}, true)), (value) => {
        const stack = newStack();
        const oidc = new EksOidcProvider(stack, "oidc", { issuerUrl: ISSUER });
        const props = { oidcProvider: oidc, serviceAccounts: [{ namespace: "default", name: "app" }], [prop]: value };
        // Synthesis too: a bad value must not slip through to fail inside cdktf.
        expect(["ok", "ValidationError"]).toContain(outcome(() => (new IrsaRole(stack, "app", props as never), Testing.synth(stack))));
      }),
      { numRuns: RUNS },
    );
  });

  test.each(providerProps)("EksOidcProvider.%s", (prop) => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.constantFrom(null, "", 0, NaN, [], {}, true)), (value) => {
        const props = { issuerUrl: ISSUER, [prop]: value };
        const stack = newStack();
        expect(["ok", "ValidationError"]).toContain(
          outcome(() => (new EksOidcProvider(stack, "oidc", props as never), Testing.synth(stack))),
        );
      }),
      { numRuns: RUNS },
    );
  });

  test("service account entries and additional clusters of any shape", () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (entry, cluster) => {
        const stack = newStack();
        const oidc = new EksOidcProvider(stack, "oidc", { issuerUrl: ISSUER });
        expect(["ok", "ValidationError"]).toContain(
          outcome(() => new IrsaRole(stack, "a", { oidcProvider: oidc, serviceAccounts: [entry as never] })),
        );
        expect(["ok", "ValidationError"]).toContain(
          outcome(
            () =>
              new IrsaRole(stack, "b", {
                oidcProvider: oidc,
                serviceAccounts: [{ namespace: "a", name: "b" }],
                additionalClusters: [cluster as never],
                serviceAccountMode: ServiceAccountMode.NONE,
              }),
          ),
        );
      }),
      { numRuns: RUNS * 5 },
    );
  });

  test("null or missing props", () => {
    expect(outcome(() => new IrsaRole(newStack(), "a", undefined as never))).toBe("ValidationError");
    expect(outcome(() => new EksOidcProvider(newStack(), "a", null as never))).toBe("ValidationError");
    expect(outcome(() => EksOidcProvider.fromArn(newStack(), "a", undefined as never))).toBe("ValidationError");
  });
});
