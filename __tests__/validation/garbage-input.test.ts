/**
 * JavaScript callers and JSON configs can pass anything. Whatever a prop holds, construction (and
 * synth) either succeeds or throws one clear Error that names the prop; never a TypeError or a
 * crash from deep inside cdktf. The prop lists come from the TypeScript declarations in lib/
 * (support/prop-lists.ts), so a new prop is covered without editing this file.
 */
import * as fc from "fast-check";
import { Testing } from "cdktf";
import { EksOidcProvider, IrsaRole, PodIdentityRole } from "../../lib";
import { propsOf } from "../support/prop-lists";
import { newStack } from "../support/synth";
import { GARBAGE, outcome } from "./garbage";

/** serviceAccountMode "none", typed loosely: the mode is an enum in the jsii API, a string at run time. */
const NO_SERVICE_ACCOUNT: object = { serviceAccountMode: "none" };

const RUNS = 4;
const ISSUER = "https://oidc.eks.us-west-2.amazonaws.com/id/AAAA";
const OTHER_ISSUER = "https://oidc.eks.eu-west-1.amazonaws.com/id/BBBB";
const SA = { namespace: "default", name: "app" };

/** Builds the construct with `value` in `prop` (and synthesizes, so nothing slips through to cdktf). */
type Build = (prop: string, value: unknown) => void;

const irsaRole: Build = (prop, value) => {
  const stack = newStack();
  const oidc = new EksOidcProvider(stack, "oidc", { issuerUrl: ISSUER });
  new IrsaRole(stack, "app", { oidcProvider: oidc, serviceAccounts: [SA], [prop]: value } as never);
  Testing.synth(stack);
};

const podIdentityRole: Build = (prop, value) => {
  const stack = newStack();
  new PodIdentityRole(stack, "app", { clusterName: "prod", serviceAccounts: [SA], [prop]: value } as never);
  Testing.synth(stack);
};

const oidcProvider: Build = (prop, value) => {
  const stack = newStack();
  new EksOidcProvider(stack, "oidc", { issuerUrl: ISSUER, [prop]: value } as never);
  Testing.synth(stack);
};

const clusterTrust: Build = (prop, value) => {
  const stack = newStack();
  const oidc = new EksOidcProvider(stack, "oidc", { issuerUrl: ISSUER });
  const other = new EksOidcProvider(stack, "other", { issuerUrl: OTHER_ISSUER });
  new IrsaRole(stack, "app", {
    oidcProvider: oidc,
    serviceAccounts: [SA],
    ...NO_SERVICE_ACCOUNT,
    additionalClusters: [{ oidcProvider: other, serviceAccounts: [SA], [prop]: value } as never],
  });
  Testing.synth(stack);
};

const podIdentityClusterTrust: Build = (prop, value) => {
  const stack = newStack();
  new PodIdentityRole(stack, "app", {
    clusterName: "prod",
    serviceAccounts: [SA],
    ...NO_SERVICE_ACCOUNT,
    additionalClusters: [{ clusterName: "dr", serviceAccounts: [SA], [prop]: value } as never],
  });
  Testing.synth(stack);
};

const serviceAccountRef: Build = (prop, value) => irsaRole("serviceAccounts", [{ ...SA, [prop]: value }]);

/** Each props interface, and how a value reaches it. */
const TARGETS: readonly [string, Build][] = [
  ["IrsaRoleProps", irsaRole],
  ["PodIdentityRoleProps", podIdentityRole],
  ["EksOidcProviderProps", oidcProvider],
  ["ClusterTrust", clusterTrust],
  ["PodIdentityClusterTrust", podIdentityClusterTrust],
  ["ServiceAccountRef", serviceAccountRef],
];

const cases = TARGETS.flatMap(([iface, build]) => propsOf(iface).map((p) => [`${iface}.${p.name}`, p.name, build] as const));

test("the prop lists come from the declarations: what the hand-written lists missed is covered", () => {
  const names = cases.map(([label]) => label);
  expect(names).toEqual(
    expect.arrayContaining([
      "IrsaRoleProps.podIdentityClusterName",
      "IrsaRoleProps.webIdentityTrust",
      "IrsaRoleProps.addonPolicies",
      "PodIdentityRoleProps.clusterName",
      "PodIdentityRoleProps.targetRoleArn",
      "PodIdentityRoleProps.disableSessionTags",
      "ClusterTrust.podIdentityClusterName",
      "PodIdentityClusterTrust.clusterName",
    ]),
  );
  // RoleOptions is inherited by both roles, so each of its props is tried on both.
  for (const p of propsOf("RoleOptions")) {
    expect(names).toContain(`IrsaRoleProps.${p.name}`);
    expect(names).toContain(`PodIdentityRoleProps.${p.name}`);
  }
  expect(cases.length).toBeGreaterThanOrEqual(54);
});

describe("garbage input never crashes deep inside", () => {
  test.each(cases)("%s", (_label, prop, build) => {
    const wrong = GARBAGE.map(([what, value]) => [what, outcome(prop, () => build(prop, value))]).filter(
      ([, result]) => result !== "ok" && result !== "clear",
    );
    expect(wrong).toEqual([]);
    fc.assert(
      fc.property(fc.anything(), (value) => ["ok", "clear"].includes(outcome(prop, () => build(prop, value)))),
      { numRuns: RUNS },
    );
  });

  test("null or missing props", () => {
    expect(outcome("props", () => new IrsaRole(newStack(), "a", undefined as never))).toBe("clear");
    expect(outcome("props", () => new PodIdentityRole(newStack(), "a", null as never))).toBe("clear");
    expect(outcome("props", () => new EksOidcProvider(newStack(), "a", null as never))).toBe("clear");
    expect(outcome("arn", () => EksOidcProvider.fromArn(newStack(), "a", undefined as never))).not.toMatch(/crashed/);
  });
});
