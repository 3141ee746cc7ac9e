/**
 * The jsii-shaped API as TypeScript users meet it (issue 19): modes are enums, "annotate" on a Pod
 * Identity role is a type error (checked by the typecheck build test: an unused @ts-expect-error
 * fails it), strings still work at run time for JavaScript and JSON callers, constants are static
 * members, and bad input is recognisable without the ValidationError class.
 */
import { ITerraformDependable } from "cdktf";
import { Construct } from "constructs";
import {
  DEFAULT_AUDIENCE,
  EksOidcProvider,
  IrsaRole,
  IrsaRoleProps,
  PodIdentityRole,
  PodIdentityRoleProps,
  PodIdentityServiceAccountMode,
  POD_IDENTITY_SERVICE,
  ROLE_ARN_ANNOTATION,
  ServiceAccountMode,
  ValidationErrors,
  WorkloadRole,
} from "../../lib";
import { newStack, resources, synth } from "../support/synth";

const serviceAccounts = [{ namespace: "payments", name: "api" }];

test("type level: each role takes its own mode enum; annotate is not a Pod Identity mode", () => {
  const irsa: Partial<IrsaRoleProps> = { serviceAccountMode: ServiceAccountMode.ANNOTATE };
  const pod: Partial<PodIdentityRoleProps> = { serviceAccountMode: PodIdentityServiceAccountMode.CREATE };
  // @ts-expect-error Pod Identity reads no annotation: there is no annotate mode
  const annotate: Partial<PodIdentityRoleProps> = { serviceAccountMode: ServiceAccountMode.ANNOTATE };
  // @ts-expect-error a string literal is not the enum (jsii has no string-literal types)
  const literal: Partial<IrsaRoleProps> = { serviceAccountMode: "create" };
  expect([irsa, pod, annotate, literal].map((p) => p.serviceAccountMode)).toEqual(["annotate", "create", "annotate", "create"]);
});

test("run time: JavaScript callers still pass strings, and a Pod Identity role still rejects annotate", () => {
  const stack = newStack();
  const oidcProvider = EksOidcProvider.fromArn(
    stack,
    "oidc",
    "arn:aws:iam::111122223333:oidc-provider/oidc.eks.us-west-2.amazonaws.com/id/X",
  );
  const fromJs = (mode: string) => mode as unknown as ServiceAccountMode;
  new IrsaRole(stack, "irsa", { oidcProvider, serviceAccounts, serviceAccountMode: fromJs("create") });
  new PodIdentityRole(stack, "pod", { clusterName: "prod", serviceAccounts, serviceAccountMode: fromJs("none") as never });
  const { json } = synth(stack);
  expect(Object.keys(resources(json, "kubernetes_service_account_v1"))).toHaveLength(1);

  let thrown: unknown;
  try {
    new PodIdentityRole(newStack(), "bad", { clusterName: "prod", serviceAccounts, serviceAccountMode: fromJs("annotate") as never });
  } catch (e) {
    thrown = e;
  }
  expect(ValidationErrors.isValidationError(thrown)).toBe(true);
  expect((thrown as Error).name).toBe(ValidationErrors.NAME);
  expect((thrown as Error).message).toMatch(/^PodIdentityRole "bad": serviceAccountMode "annotate" is not one of "none", "create"/);
  expect(ValidationErrors.isValidationError(new Error("a bug"))).toBe(false);
  expect(ValidationErrors.isValidationError("not an error")).toBe(false);
});

test("constants are static members with the values of the named exports", () => {
  expect(IrsaRole.DEFAULT_AUDIENCE).toBe("sts.amazonaws.com");
  expect(IrsaRole.DEFAULT_AUDIENCE).toBe(DEFAULT_AUDIENCE);
  expect(IrsaRole.ROLE_ARN_ANNOTATION).toBe("eks.amazonaws.com/role-arn");
  expect(IrsaRole.ROLE_ARN_ANNOTATION).toBe(ROLE_ARN_ANNOTATION);
  expect(IrsaRole.AUDIENCE_ANNOTATION).toBe("eks.amazonaws.com/audience");
  expect(IrsaRole.STS_REGIONAL_ENDPOINTS_ANNOTATION).toBe("eks.amazonaws.com/sts-regional-endpoints");
  expect(IrsaRole.TOKEN_EXPIRATION_ANNOTATION).toBe("eks.amazonaws.com/token-expiration");
  expect(IrsaRole.DEFAULT_FIELD_MANAGER).toBe("cdktf-eks-irsa");
  expect(PodIdentityRole.POD_IDENTITY_SERVICE).toBe("pods.eks.amazonaws.com");
  expect(PodIdentityRole.POD_IDENTITY_SERVICE).toBe(POD_IDENTITY_SERVICE);
});

test("a WorkloadRole subclass that does not build its role says so instead of returning undefined", () => {
  class Unbuilt extends WorkloadRole {
    constructor(scope: Construct, id: string) {
      super(scope, id);
    }
    public get dependables(): ITerraformDependable[] {
      return [];
    }
  }
  const role = new Unbuilt(newStack(), "unbuilt");
  expect(() => role.roleArn).toThrow(/test\/unbuilt: a WorkloadRole subclass must call _buildWorkloadRole in its constructor/);
});
