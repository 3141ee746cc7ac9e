/** How an EKS managed add-on's pods get their IAM role. */
import { Validator } from "../validation/validator";

/**
 * How an EKS managed add-on's service account gets its role. Props take the value as a string
 * (`"irsa"`) or as this enum (`AddonIdentity.IRSA`).
 */
export enum AddonIdentity {
  /** EKS Pod Identity: the add-on's `pod_identity_association` block (needs the `eks-pod-identity-agent` add-on). */
  POD_IDENTITY = "pod-identity",
  /** IRSA: the add-on's `service_account_role_arn`, trusted through the cluster's OIDC provider. */
  IRSA = "irsa",
}

const IDENTITIES: readonly string[] = Object.values(AddonIdentity);

/** Reads the identity given as a string or as the enum. */
export function parseAddonIdentity(validator: Validator, path: string, value: unknown): AddonIdentity {
  if (value === undefined) return AddonIdentity.POD_IDENTITY;
  const identity = validator.requireString(path, value);
  if (!IDENTITIES.includes(identity)) validator.reject(path, identity, `is not one of ${IDENTITIES.map((i) => `"${i}"`).join(", ")}`);
  return identity as AddonIdentity;
}
