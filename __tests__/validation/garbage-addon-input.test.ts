/**
 * Garbage in every prop of every add-on's props (each `...PolicyProps` interface of lib/, read from
 * the declarations): the factory, and synth of a role that uses it, either succeed or throw one
 * Error that names the prop; never a TypeError or a crash inside cdktf.
 */
import { Testing } from "cdktf";
import { AddonPolicies, PodIdentityRole } from "../../lib";
import { ADDON_CATALOG } from "../../lib/addons/catalog";
import { interfacesNamed, propsOf } from "../support/prop-lists";
import { newStack } from "../support/synth";
import { GARBAGE, outcome } from "./garbage";

/** serviceAccountMode "none", typed loosely: the mode is an enum in the jsii API, a string at run time. */
const NO_SERVICE_ACCOUNT: object = { serviceAccountMode: "none" };

/** A valid value for each kind of input the catalog names, so that only the prop under test is wrong. */
const EXAMPLES: { [what: string]: string } = {
  "target group ARN": "arn:aws:elasticloadbalancing:us-west-2:111122223333:targetgroup/web/73e2d6bc24d8a067",
  "Route 53 hosted zone ARN": "arn:aws:route53:::hostedzone/Z1D633PJN98FT9",
  "EKS cluster name": "prod",
  "IAM role ARN": "arn:aws:iam::111122223333:role/KarpenterNodeRole-prod",
  "S3 bucket ARN": "arn:aws:s3:::velero-backups",
  "SQS queue ARN": "arn:aws:sqs:us-west-2:111122223333:node-termination",
  "Amazon Managed Service for Prometheus workspace ARN": "arn:aws:aps:us-west-2:111122223333:workspace/ws-0a1b2c3d",
  "Secrets Manager secret ARN": "arn:aws:secretsmanager:us-west-2:111122223333:secret:app-AbCdEf",
  "AWS Private CA certificate authority ARN":
    "arn:aws:acm-pca:us-west-2:111122223333:certificate-authority/12345678-1234-1234-1234-123456789012",
  "CloudWatch Logs log group ARN": "arn:aws:logs:us-west-2:111122223333:log-group:/aws/containerinsights/prod/application",
};

type Factory = (props: object) => unknown;
const factories = AddonPolicies as unknown as { [name: string]: Factory };

/** The factory of a props interface: `ExternalDnsPolicyProps` is `AddonPolicies.externalDns`. */
const factoryName = (iface: string) => iface.charAt(0).toLowerCase() + iface.slice(1).replace(/PolicyProps$/, "");

/** The smallest valid props of a factory: its required inputs (or the first of its one-of) with example values. */
function baseProps(factory: string): { [name: string]: unknown } {
  const definition = ADDON_CATALOG.find((d) => d.factory === factory);
  if (definition === undefined) throw new Error(`AddonPolicies.${factory} is not in the catalog`);
  const needed = definition.inputs.filter((i) => i.required || i.name === definition.oneOf?.[0]);
  return Object.fromEntries(
    needed.map((i) => {
      const example = EXAMPLES[i.what];
      if (example === undefined) throw new Error(`add an example value for "${i.what}" (AddonPolicies.${factory} ${i.name})`);
      return [i.name, i.kind === "list" ? [example] : example];
    }),
  );
}

function build(factory: string, overrides: object = {}): void {
  const policy = factories[factory]({ ...baseProps(factory), ...overrides });
  const stack = newStack();
  new PodIdentityRole(stack, "addon", {
    clusterName: "prod",
    serviceAccounts: [{ namespace: "kube-system", name: "addon" }],
    ...NO_SERVICE_ACCOUNT,
    addonPolicies: [policy as never],
  });
  Testing.synth(stack);
}

const PROPS_INTERFACES = interfacesNamed(/PolicyProps$/);
const cases = PROPS_INTERFACES.flatMap((iface) => propsOf(iface).map((p) => [`${iface}.${p.name}`, factoryName(iface), p.name] as const));

test("every add-on props interface has its factory, and the base props are valid", () => {
  expect(PROPS_INTERFACES.length).toBeGreaterThanOrEqual(13);
  for (const iface of PROPS_INTERFACES) {
    expect({ iface, factory: typeof factories[factoryName(iface)] }).toEqual({ iface, factory: "function" });
    expect(() => build(factoryName(iface))).not.toThrow();
  }
});

test.each(cases)("%s", (_label, factory, prop) => {
  const wrong = GARBAGE.map(([what, value]) => [what, outcome(prop, () => build(factory, { [prop]: value }))]).filter(
    ([, result]) => result !== "ok" && result !== "clear",
  );
  expect(wrong).toEqual([]);
});
