/**
 * The internal door: what the bundled app (`app/`) shares with the library beyond its public API.
 * Not part of the supported API, not in the jsii assembly, and the only lib/ path that app/ may
 * import besides lib/index and lib/testing (ESLint `no-restricted-imports`). lib/testing does not
 * use it: the test helpers must stay an independent check and load only the trust-statement model
 * (__tests__/testing/irsa-assertions.test.ts), not the whole library this door pulls in.
 */

// Input validation, so that the app's config errors read like the constructs' own.
export { firstDuplicate, Rule, ValidationError, Validator } from "./validation/validator";
export { checkPlainMap, checkTags, inlinePolicyName, policyArn, policyJson, roleName } from "./validation/iam-rules";
export { kubernetesNamespace, kubernetesServiceAccountName, oidcProviderArn, thumbprint } from "./validation/eks-rules";
export { parseServiceAccountMode, podIdentityModeOf, POD_IDENTITY_MODES } from "./kubernetes/service-account";
export { issuerHostFromArn } from "./oidc/issuer-host";

// The add-on catalog, so that the app's `addons` config is checked by the same rules as the factories.
export { ADDON_CATALOG, addonByName } from "./addons/catalog";
export { createAddonPolicy } from "./addons/addon-definition";

// The managed add-on catalogue, so that the app's `managedAddons` config is read by the same entries.
export { catalogueEntry, MANAGED_ADDON_CATALOGUE } from "./managed-addon/catalogue/catalogue";
export { CatalogueEntry, needsRole } from "./managed-addon/catalogue/catalogue-entry";
export { parseAddonIdentity } from "./managed-addon/addon-identity";

// Partitions and the Regions they hold (one home for the fact: add-on ARNs and the app's config).
export { partitionOfRegion, partitionRegionMismatch } from "./facts/partitions";
