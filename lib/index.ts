/**
 * cdktf-eks-irsa: IAM roles for Kubernetes service accounts on Amazon EKS, for CDK for Terraform.
 * The main entry point, for users and for the bundled app; test helpers are in
 * `cdktf-eks-irsa/testing` (lib/testing/index.ts).
 * @module cdktf-eks-irsa
 */

// OIDC: the cluster's identity provider
export { IOidcProvider, DEFAULT_AUDIENCE } from "./oidc/oidc-provider";
export { EksOidcProvider } from "./oidc/eks-oidc-provider";
export { EksOidcProviderProps } from "./oidc/eks-oidc-provider-props";

// IRSA: the role, its trust and its Kubernetes binding
export { IrsaRole } from "./irsa/irsa-role";
export { IrsaRoleProps, DEFAULT_FIELD_MANAGER } from "./irsa/irsa-role-props";
export { ClusterTrust } from "./irsa/cluster-trust";
export { RoleOptions } from "./role/role-options";

// Kubernetes
export { ServiceAccountRef, ServiceAccountMode } from "./kubernetes/service-account";
export { TrustedSubject } from "./kubernetes/trusted-subject";
export {
  ROLE_ARN_ANNOTATION,
  AUDIENCE_ANNOTATION,
  STS_REGIONAL_ENDPOINTS_ANNOTATION,
  TOKEN_EXPIRATION_ANNOTATION,
} from "./kubernetes/annotations";
export { EksKubernetesProvider, EksKubernetesProviderProps } from "./kubernetes/eks-kubernetes-provider";

// Checks
export { IrsaTrustChecks, IrsaTrustChecksProps } from "./checks/irsa-trust-checks";

// Errors
export { ValidationError } from "./validation/validation-error";

/**
 * Input validation shared with the bundled app (`app/config.ts`), so that its config errors read
 * like the constructs' own. Not part of the supported API.
 * @internal
 */
export * as internalValidation from "./validation/for-apps";
