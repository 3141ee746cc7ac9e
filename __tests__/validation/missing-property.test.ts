/**
 * A required property left out is called missing ("clusterName is missing; it must be a string"),
 * not shown as the value `undefined` ("clusterName undefined must be a string"). A wrong value is
 * still shown as given.
 */
import { PodIdentityRole } from "../../lib";
import { Validator } from "../../lib/validation/validator";
import { newStack } from "../support/synth";

test("Validator: undefined is missing, null and other values are shown", () => {
  const v = new Validator('PodIdentityRole "app"');
  expect(() => v.requireString("clusterName", undefined)).toThrow(/^PodIdentityRole "app": clusterName is missing; it must be a string$/);
  expect(() => v.requireString("clusterName", null)).toThrow(/^PodIdentityRole "app": clusterName null must be a string$/);
  expect(() => v.requireString("clusterName", 7)).toThrow(/^PodIdentityRole "app": clusterName 7 must be a string$/);
});

test("PodIdentityRole without clusterName says clusterName is missing", () => {
  const props = { serviceAccounts: [{ namespace: "default", name: "app" }] } as never;
  expect(() => new PodIdentityRole(newStack(), "app", props)).toThrow(/clusterName is missing; it must be a string/);
});
