import { EksPodIdentityAssociation } from "@cdktf/provider-aws/lib/eks-pod-identity-association";
import { Annotations as KubernetesAnnotations } from "@cdktf/provider-kubernetes/lib/annotations";
import { ServiceAccountV1 } from "@cdktf/provider-kubernetes/lib/service-account-v1";
import { ITerraformDependable } from "cdktf";
import { Construct } from "constructs";
import { withAddonServiceAccount } from "../addons/default-service-account";
import { bindServiceAccounts } from "../kubernetes/service-account-binding";
import { TrustedSubject } from "../kubernetes/trusted-subject";
import { AUDIENCE_ANNOTATION, ROLE_ARN_ANNOTATION, STS_REGIONAL_ENDPOINTS_ANNOTATION, TOKEN_EXPIRATION_ANNOTATION } from "../facts/eks";
import { DEFAULT_AUDIENCE } from "../oidc/oidc-provider";
import { associate } from "../pod-identity/pod-identity-associations";
import { placementOf, WorkloadRole } from "../role/workload-role";
import { DEFAULT_FIELD_MANAGER, IrsaRoleProps } from "./irsa-role-props";
import { irsaRoleSpec, roleAnnotations } from "./irsa-role-spec";

/**
 * An IAM role that Kubernetes service accounts on EKS assume through IRSA: the trust policy (one
 * statement per cluster, with `sub` and `aud`), the role, its permissions, and the
 * `eks.amazonaws.com/role-arn` annotation on each service account.
 */
export class IrsaRole extends WorkloadRole {
  /** The audience EKS projects into service account tokens, in every partition: `sts.amazonaws.com`. */
  public static readonly DEFAULT_AUDIENCE: string = DEFAULT_AUDIENCE;
  /** The server-side apply field manager of the annotations unless `fieldManager` says otherwise. */
  public static readonly DEFAULT_FIELD_MANAGER: string = DEFAULT_FIELD_MANAGER;
  /** The annotation the EKS pod identity webhook reads to inject the role's credentials: `eks.amazonaws.com/role-arn`. */
  public static readonly ROLE_ARN_ANNOTATION: string = ROLE_ARN_ANNOTATION;
  /** The annotation that asks for a token audience other than `sts.amazonaws.com`. */
  public static readonly AUDIENCE_ANNOTATION: string = AUDIENCE_ANNOTATION;
  /** The annotation that makes the SDKs use the regional STS endpoint ("true"). */
  public static readonly STS_REGIONAL_ENDPOINTS_ANNOTATION: string = STS_REGIONAL_ENDPOINTS_ANNOTATION;
  /** The annotation that sets the projected token's lifetime in seconds. */
  public static readonly TOKEN_EXPIRATION_ANNOTATION: string = TOKEN_EXPIRATION_ANNOTATION;

  /** The `kubernetes_annotations` resources ("annotate" mode), one per service account. */
  public readonly annotations: KubernetesAnnotations[];
  /** The ServiceAccounts this role created (`kubernetes_service_account_v1`, "create" mode only), one per service account. */
  public readonly createdServiceAccounts: ServiceAccountV1[];
  /** Every service account the trust policy admits: issuer host, subject and audience, or Pod Identity cluster. */
  public readonly trustedSubjects: TrustedSubject[];
  /** The `aws_eks_pod_identity_association` resources while migrating to EKS Pod Identity (`podIdentityClusterName`). */
  public readonly podIdentityAssociations: EksPodIdentityAssociation[];

  constructor(scope: Construct, id: string, props: IrsaRoleProps) {
    // The spec comes first: bad props fail before anything joins the construct tree.
    const spec = irsaRoleSpec(withAddonServiceAccount(props), placementOf(scope, id));
    super(scope, id);
    this._buildWorkloadRole({ owner: spec.owner, trustStatements: spec.trustStatements, role: spec.role });

    const bound = bindServiceAccounts(this, spec.binding, roleAnnotations(spec, this.roleArn));
    this.annotations = bound.annotations;
    this.createdServiceAccounts = bound.created;
    this.podIdentityAssociations = associate(this, this.roleArn, spec.migration.associations);
    this.trustedSubjects = spec.trustedSubjects;
  }

  /**
   * Everything a workload must `depends_on` before its pods start: the role, its policies, and the
   * annotated or created service accounts (pods read the annotation only when they start).
   */
  public get dependables(): ITerraformDependable[] {
    return [...this.roleDependables, ...this.annotations, ...this.createdServiceAccounts, ...this.podIdentityAssociations];
  }
}
