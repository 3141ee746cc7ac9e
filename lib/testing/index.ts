/**
 * cdktf-eks-irsa/testing: assertions for your own tests about who may assume the roles of a
 * synthesized stack, and the IAM policy evaluator they are built on.
 *
 * ```ts
 * import { IrsaAssertions } from "cdktf-eks-irsa/testing";
 * ```
 * @module cdktf-eks-irsa/testing
 */

export { IrsaAssertions } from "./irsa-assertions";
export { IrsaAssertionsOptions } from "./irsa-assertions-options";
export { TrustCheckFinding } from "./trust-check-finding";
export { ServiceAccountToken, WebIdentityToken, PodIdentityServiceAccount } from "../evaluation/assume-requests";
export { UnresolvedValueError } from "../evaluation/unresolved-value-error";
export { TrustedSubject } from "../kubernetes/trusted-subject";
export { PolicyEvaluator, Decision, AuthorizationRequest, RequestPrincipal, EvaluationResult } from "../evaluation/policy-evaluator";
