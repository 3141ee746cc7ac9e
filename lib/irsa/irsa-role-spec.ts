import { ROLE_ARN_ANNOTATION, AUDIENCE_ANNOTATION, STS_REGIONAL_ENDPOINTS_ANNOTATION, TOKEN_EXPIRATION_ANNOTATION } from "../facts/eks";
import { ServiceAccountMode, parseServiceAccountMode } from "../kubernetes/service-account";
import { ServiceAccountBindingSpec } from "../kubernetes/service-account-binding";
import { DEFAULT_AUDIENCE } from "../oidc/oidc-provider";
import { defaultNamePrefix } from "../role/default-name-prefix";
import { roleSpec, RoleSpec } from "../role/role-spec";
import { RolePlacement } from "../role/workload-role";
import { fieldManager, tokenExpiration, clientId } from "../validation/eks-rules";
import { Validator } from "../validation/validator";
import { DEFAULT_FIELD_MANAGER, IrsaRoleProps } from "./irsa-role-props";
import { trustedSubjectsOf, TrustSpec, trustStatements } from "./trust-policy";
import { DataAwsIamPolicyDocumentStatement } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { TrustedSubject } from "../kubernetes/trusted-subject";
import { podIdentitySubjectsOf, podIdentityTrustStatements } from "../pod-identity/pod-identity-trust";
import { migrationSpec, MigrationSpec } from "./pod-identity-migration";
import { trustedClusters } from "./trusted-clusters";

/** {@link IrsaRoleProps}, validated and defaulted: what to build, with no cdktf resources in it. */
export interface IrsaRoleSpec {
  /** How the role is named in messages, e.g. `IrsaRole "app"`. */
  readonly owner: string;
  readonly trust: TrustSpec;
  readonly role: RoleSpec;
  readonly binding: ServiceAccountBindingSpec;
  readonly migration: MigrationSpec;
  /** The trust policy's statements: web identity (unless migrated away) and Pod Identity (while migrating). */
  readonly trustStatements: DataAwsIamPolicyDocumentStatement[];
  readonly trustedSubjects: TrustedSubject[];
  /** The annotations every service account gets besides the role ARN. */
  readonly extraAnnotations: { readonly [key: string]: string };
}

/** Turns the props into a spec, or throws a ValidationError that names the property, the value and the rule. */
export function irsaRoleSpec(props: IrsaRoleProps, { id, pathInStack, stableKey, aws }: RolePlacement): IrsaRoleSpec {
  const owner = `IrsaRole "${id}"`;
  const validator: Validator = new Validator(owner);
  if (props === undefined || props === null) validator.rejectProperty("props", "are required (at least oidcProvider and serviceAccounts)");

  validator.checkBoolean("allowWildcards", props.allowWildcards);
  const allowWildcards = props.allowWildcards ?? false;
  const mode = parseServiceAccountMode(validator, "serviceAccountMode", props.serviceAccountMode, ServiceAccountMode.ANNOTATE);
  const audience = validator.requireString("audience", props.audience ?? DEFAULT_AUDIENCE);
  validator.check("audience", audience, clientId);
  const clusters = trustedClusters(validator, props, { allowWildcards, mode, audience });
  const migration = migrationSpec(validator, props, clusters, { mode, allowWildcards, stableKey, aws });

  const role = roleSpec(validator, props, defaultNamePrefix(pathInStack));
  const trust: TrustSpec = { clusters, audience, allowWildcards };
  validator.checkBoolean("annotationForce", props.annotationForce);
  validator.checkString("fieldManager", props.fieldManager, fieldManager);
  validator.checkBoolean("stsRegionalEndpoints", props.stsRegionalEndpoints);
  validator.checkNumber("tokenExpiration", props.tokenExpiration, tokenExpiration);

  return {
    owner,
    trust,
    role,
    binding: {
      mode,
      // Additional clusters' objects are keyed by their provider, never by position: removing a
      // cluster must not move the next one's objects (in "create" mode that deletes ServiceAccounts).
      clusters: clusters.map((c, index) => ({
        ...c,
        idPrefix: index === 0 ? "" : `cluster-${stableKey(c.oidcProvider.arn)}-`,
        annotationClaimKey: c.oidcProvider.arn,
      })),
      force: props.annotationForce ?? false,
      fieldManager: props.fieldManager ?? DEFAULT_FIELD_MANAGER,
      stableKey,
    },
    migration,
    trustStatements: [...(migration.webIdentityTrust ? trustStatements(trust) : []), ...podIdentityTrustStatements(migration.podIdentity)],
    trustedSubjects: [...(migration.webIdentityTrust ? trustedSubjectsOf(trust) : []), ...podIdentitySubjectsOf(migration.podIdentity)],
    extraAnnotations: {
      ...(audience !== DEFAULT_AUDIENCE ? { [AUDIENCE_ANNOTATION]: audience } : {}),
      ...(props.stsRegionalEndpoints !== undefined ? { [STS_REGIONAL_ENDPOINTS_ANNOTATION]: String(props.stsRegionalEndpoints) } : {}),
      ...(props.tokenExpiration !== undefined ? { [TOKEN_EXPIRATION_ANNOTATION]: String(props.tokenExpiration) } : {}),
    },
  };
}

/** The annotations of a service account bound to a role. */
export function roleAnnotations(spec: IrsaRoleSpec, roleArn: string): { [key: string]: string } {
  return { [ROLE_ARN_ANNOTATION]: roleArn, ...spec.extraAnnotations };
}
