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
export { WorkloadRole } from "./role/workload-role";

// EKS Pod Identity
export { PodIdentityRole } from "./pod-identity/pod-identity-role";
export { PodIdentityRoleProps, PodIdentityClusterTrust } from "./pod-identity/pod-identity-role-props";
export { POD_IDENTITY_SERVICE } from "./pod-identity/pod-identity-trust";

// EKS managed add-ons and their roles
export { EksManagedAddon } from "./managed-addon/eks-managed-addon";
export { EksManagedAddonProps } from "./managed-addon/eks-managed-addon-props";
export { AddonIdentity } from "./managed-addon/addon-identity";

// Add-on policies: least-privilege permissions of the controllers every cluster runs
export { AddonPolicies } from "./addons/addon-policies";
export { AddonPolicy } from "./addons/addon-policy";
export { AddonPolicyContext, AwsPartition } from "./addons/partition";
export { CertManagerPolicyProps } from "./addons/cert-manager";
export { ClusterAutoscalerPolicyProps } from "./addons/cluster-autoscaler";
export { EbsCsiDriverPolicyProps } from "./addons/ebs-csi-driver";
export { ExternalDnsPolicyProps } from "./addons/external-dns";
export { ExternalSecretsPolicyProps } from "./addons/external-secrets";
export { FsxLustreCsiPolicyProps } from "./addons/fsx-lustre-csi";
export { KarpenterControllerPolicyProps } from "./addons/karpenter-controller";
export { LoadBalancerControllerTargetGroupBindingPolicyProps } from "./addons/load-balancer-controller-target-group-binding";
export { ManagedPrometheusPolicyProps } from "./addons/managed-prometheus";
export { MountpointS3CsiPolicyProps } from "./addons/mountpoint-s3-csi";
export { NodeTerminationHandlerPolicyProps } from "./addons/node-termination-handler";
export { VeleroPolicyProps } from "./addons/velero";
export { VpcCniPolicyProps } from "./addons/vpc-cni";
export { FluentBitPolicyProps } from "./addons/fluent-bit";
export { PrivateCaIssuerPolicyProps } from "./addons/private-ca-issuer";
export { SecretsStoreCsiProviderPolicyProps } from "./addons/secrets-store-csi-provider";

// Kubernetes
export { ServiceAccountRef, ServiceAccountMode, PodIdentityServiceAccountMode } from "./kubernetes/service-account";
export { TrustedSubject } from "./kubernetes/trusted-subject";
export { ROLE_ARN_ANNOTATION, AUDIENCE_ANNOTATION, STS_REGIONAL_ENDPOINTS_ANNOTATION, TOKEN_EXPIRATION_ANNOTATION } from "./facts/eks";
export { EksKubernetesProvider, EksKubernetesProviderProps } from "./kubernetes/eks-kubernetes-provider";
export { KubernetesAuthentication } from "./kubernetes/kubernetes-authentication";

// Checks
export { IrsaTrustChecks, IrsaTrustChecksProps } from "./checks/irsa-trust-checks";

// Errors: bad input throws an Error named "ValidationError"
export { ValidationErrors } from "./validation/validation-errors";
