/** The service account annotations the EKS pod identity webhook reads. */

/** The annotation the EKS pod identity webhook reads to inject the role's credentials. */
export const ROLE_ARN_ANNOTATION = "eks.amazonaws.com/role-arn";
/** The annotation that asks for a token audience other than `sts.amazonaws.com`. */
export const AUDIENCE_ANNOTATION = "eks.amazonaws.com/audience";
/** The annotation that makes the SDKs use the regional STS endpoint ("true"). */
export const STS_REGIONAL_ENDPOINTS_ANNOTATION = "eks.amazonaws.com/sts-regional-endpoints";
/** The annotation that sets the projected token's lifetime in seconds. */
export const TOKEN_EXPIRATION_ANNOTATION = "eks.amazonaws.com/token-expiration";
