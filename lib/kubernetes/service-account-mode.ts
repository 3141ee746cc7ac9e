import { Validator } from "../validation/validator";
import { ServiceAccountMode } from "./service-account";

const MODES: readonly string[] = Object.values(ServiceAccountMode);

/** Reads a mode given as a string or as the enum; the one place that knows the spellings. */
export function parseServiceAccountMode(
  validator: Validator,
  path: string,
  value: unknown,
  fallback: ServiceAccountMode,
  allowed: readonly ServiceAccountMode[] = Object.values(ServiceAccountMode),
): ServiceAccountMode {
  if (value === undefined) return fallback;
  const mode = validator.requireString(path, value);
  if (!MODES.includes(mode) || !allowed.includes(mode as ServiceAccountMode)) {
    validator.reject(path, mode, `is not one of ${allowed.map((m) => `"${m}"`).join(", ")}`);
  }
  return mode as ServiceAccountMode;
}
