import { Validator } from "../validation/validator";
import { PodIdentityServiceAccountMode, ServiceAccountMode } from "./service-account";

const MODES: readonly string[] = Object.values(ServiceAccountMode);

/** The modes a Pod Identity role allows ({@link PodIdentityServiceAccountMode}), in the order messages list them. */
export const POD_IDENTITY_MODES: readonly ServiceAccountMode[] = [
  PodIdentityServiceAccountMode.NONE,
  PodIdentityServiceAccountMode.CREATE,
].map((mode) => mode as string as ServiceAccountMode);

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

/** A mode parsed with {@link POD_IDENTITY_MODES}, typed for {@link PodIdentityRoleProps} (same strings). */
export function podIdentityModeOf(mode: ServiceAccountMode): PodIdentityServiceAccountMode {
  if (!POD_IDENTITY_MODES.includes(mode)) throw new Error(`serviceAccountMode "${mode}" was not parsed for a Pod Identity role`);
  return mode as string as PodIdentityServiceAccountMode;
}
