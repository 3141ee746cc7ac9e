/** Every add-on case (policy, in-scope calls, out-of-scope calls), for the permission tests and the cross-check. */
import { AddonCase } from "../harness";
import { DATA_CASES } from "./data";
import { NETWORKING_CASES } from "./networking";
import { PLATFORM_CASES } from "./platform";
import { SCALING_CASES } from "./scaling";
import { STORAGE_CASES } from "./storage";

export const ADDON_CASES: { readonly [name: string]: AddonCase } = {
  ...STORAGE_CASES,
  ...NETWORKING_CASES,
  ...SCALING_CASES,
  ...DATA_CASES,
  ...PLATFORM_CASES,
};
