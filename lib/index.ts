export { EksOidcProvider, EksOidcProviderProps, IOidcProvider, DEFAULT_AUDIENCE } from "./oidc-provider";
export { IrsaRole, IrsaRoleProps, DEFAULT_FIELD_MANAGER } from "./irsa-role";
export {
  ClusterTrust,
  ServiceAccountMode,
  ServiceAccountRef,
  ROLE_ARN_ANNOTATION,
  AUDIENCE_ANNOTATION,
  STS_REGIONAL_ENDPOINTS_ANNOTATION,
  TOKEN_EXPIRATION_ANNOTATION,
} from "./service-account";
export { IrsaTrustChecks, IrsaTrustChecksProps } from "./trust-checks";
