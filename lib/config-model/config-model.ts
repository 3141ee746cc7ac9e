/** Everything the rules read from one configuration, read once: trust policies, OIDC providers, role annotations. */
import { OidcProviderBlock } from "./oidc-providers-of-config";
import { RoleAnnotation } from "./role-annotations-of-config";
import { LocatedTrustPolicy } from "./trust-policies-of-config";
import { ValueSyntax } from "./trust-statement";

/** The verdict on one role annotation (see lib/checks/annotation-trust.ts). */
export interface AnnotationVerdict {
  readonly annotation: RoleAnnotation;
  /** The role whose trust was evaluated; undefined when the annotation was not judged. */
  readonly role: string | undefined;
  /** Whether that trust admits the account; undefined when not judged. */
  readonly admitted: boolean | undefined;
  readonly subject: string | undefined;
  readonly audience: string | undefined;
  /** Why the annotation was not judged. */
  readonly reason: string | undefined;
}

export interface ConfigModel {
  readonly syntax: ValueSyntax;
  readonly trusts: readonly LocatedTrustPolicy[];
  readonly oidcProviders: readonly OidcProviderBlock[];
  readonly annotations: readonly AnnotationVerdict[];
}
