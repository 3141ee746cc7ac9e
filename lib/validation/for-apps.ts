/** The validation toolkit, as the bundled app uses it to check its JSON config. */
export { Validator } from "./validator";
export { Rule } from "./rule";
export { checkTags } from "./tags";
export { firstDuplicate } from "./list-rules";
export { inlinePolicyName, policyArn, policyJson, roleName } from "./iam-rules";
export { kubernetesNamespace, kubernetesServiceAccountName } from "./kubernetes-rules";
export { oidcProviderArn, thumbprint } from "./oidc-rules";
export { parseServiceAccountMode } from "../kubernetes/service-account-mode";
export { checkPlainMap } from "./plain-map";
export { issuerHostFromArn } from "../oidc/issuer-host";
