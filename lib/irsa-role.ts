import { DataAwsIamPolicyDocument } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { IamRolePolicyAttachment } from "@cdktf/provider-aws/lib/iam-role-policy-attachment";
import { Annotations as KubernetesAnnotations } from "@cdktf/provider-kubernetes/lib/annotations";
import { ServiceAccountV1 } from "@cdktf/provider-kubernetes/lib/service-account-v1";
import { Annotations, ITerraformDependable, TerraformProvider, Token } from "cdktf";
import { Construct } from "constructs";
import { createHash } from "crypto";
import { DEFAULT_AUDIENCE, IOidcProvider } from "./oidc-provider";
import * as rules from "./rules";
import {
  AUDIENCE_ANNOTATION,
  ClusterTrust,
  ROLE_ARN_ANNOTATION,
  ServiceAccountMode,
  ServiceAccountRef,
  STS_REGIONAL_ENDPOINTS_ANNOTATION,
  TOKEN_EXPIRATION_ANNOTATION,
} from "./service-account";
import { estimateTrustPolicySize, TRUST_POLICY_QUOTA, trustStatements } from "./trust-policy";
import { checkTags, Validator } from "./validation";

/** Properties of {@link IrsaRole}. */
export interface IrsaRoleProps {
  /** The OIDC provider of the cluster whose service accounts assume the role. */
  readonly oidcProvider: IOidcProvider;
  /** Service accounts of that cluster that may assume the role; at least one. */
  readonly serviceAccounts: ServiceAccountRef[];
  /**
   * More clusters whose service accounts may assume the same role (one trust statement each).
   * @default - none
   */
  readonly additionalClusters?: ClusterTrust[];
  /**
   * The `aud` the service account tokens carry. Must be one of the providers' client IDs. A value
   * other than the default is also written to the `eks.amazonaws.com/audience` annotation.
   * @default "sts.amazonaws.com"
   */
  readonly audience?: string;
  /**
   * Allow `*` and `?` in service account names and match `sub` with StringLike. Namespaces are
   * never wildcards.
   * @default false
   */
  readonly allowWildcards?: boolean;
  /**
   * Exact name of the role. Exclusive with `roleNamePrefix`.
   * @default - a name prefix derived from the first service account's namespace and name
   */
  readonly roleName?: string;
  /**
   * Name prefix of the role (at most 38 characters); Terraform appends a unique suffix.
   * @default - derived from the first service account's namespace and name
   */
  readonly roleNamePrefix?: string;
  /**
   * IAM path of the role.
   * @default "/"
   */
  readonly path?: string;
  /**
   * Description of the role.
   * @default - none
   */
  readonly description?: string;
  /**
   * Maximum session duration in seconds, 3600 to 43200.
   * @default 3600
   */
  readonly maxSessionDuration?: number;
  /**
   * ARN of a managed policy that bounds the role's permissions.
   * @default - no permissions boundary
   */
  readonly permissionsBoundaryArn?: string;
  /**
   * Tags of the role.
   * @default - no tags
   */
  readonly tags?: { [key: string]: string };
  /**
   * Managed policies to attach (one `aws_iam_role_policy_attachment` each).
   * @default - none
   */
  readonly managedPolicyArns?: string[];
  /**
   * Inline policies by name, each a policy document in JSON (one `aws_iam_role_policy` each).
   * @default - none
   */
  readonly inlinePolicies?: { [name: string]: string };
  /**
   * What to do with the Kubernetes service accounts: "annotate" existing ones, "create" them, or
   * "none". See {@link ServiceAccountMode}.
   * @default "annotate"
   */
  readonly serviceAccountMode?: string;
  /**
   * The kubernetes provider for the first cluster's service accounts.
   * @default - the stack's default kubernetes provider
   */
  readonly kubernetesProvider?: TerraformProvider;
  /**
   * Take ownership of the annotations when another field manager owns them (server-side apply
   * `force`). Only in "annotate" mode.
   * @default false
   */
  readonly annotationForce?: boolean;
  /**
   * Server-side apply field manager of the annotations. The provider's default, "Terraform",
   * collides with `kubernetes_labels` on the same object.
   * @default "cdktf-eks-irsa"
   */
  readonly fieldManager?: string;
  /**
   * Sets `eks.amazonaws.com/sts-regional-endpoints` on the service accounts.
   * @default - not set (the webhook's default applies)
   */
  readonly stsRegionalEndpoints?: boolean;
  /**
   * Sets `eks.amazonaws.com/token-expiration` (seconds, 600 to 86400) on the service accounts.
   * @default - not set (the webhook's default, 86400)
   */
  readonly tokenExpiration?: number;
}

/** The server-side apply field manager of the annotations unless `fieldManager` says otherwise. */
export const DEFAULT_FIELD_MANAGER = "cdktf-eks-irsa";
const MODES: string[] = [ServiceAccountMode.ANNOTATE, ServiceAccountMode.CREATE, ServiceAccountMode.NONE];

/** Providers already checked: many roles share one, and its checks do not depend on the role. */
const checkedProviders = new WeakSet<object>();

interface Cluster {
  readonly oidcProvider: IOidcProvider;
  readonly serviceAccounts: ServiceAccountRef[];
  readonly kubernetesProvider?: TerraformProvider;
  /** property path for messages */
  readonly path: string;
}

/**
 * An IAM role that Kubernetes service accounts on EKS assume through IRSA: the trust policy (one
 * statement per cluster, with `sub` and `aud`), the role, its permissions, and the
 * `eks.amazonaws.com/role-arn` annotation on each service account.
 */
export class IrsaRole extends Construct {
  /** The `aws_iam_role`. */
  public readonly role: IamRole;
  /** The role's ARN (token). */
  public readonly roleArn: string;
  /** The role's name (token). */
  public readonly roleName: string;
  /** The trust policy document (`data "aws_iam_policy_document"`). */
  public readonly trustPolicy: DataAwsIamPolicyDocument;
  /** The `kubernetes_annotations` resources ("annotate" mode), one per service account. */
  public readonly annotations: KubernetesAnnotations[] = [];
  /** The `kubernetes_service_account_v1` resources ("create" mode), one per service account. */
  public readonly serviceAccounts: ServiceAccountV1[] = [];

  private readonly v: Validator;
  private readonly attachments = new Map<string, IamRolePolicyAttachment>();
  private readonly inline = new Map<string, IamRolePolicy>();
  private readonly kubernetesObjects: ITerraformDependable[] = [];
  private tokenPolicyCount = 0;

  constructor(scope: Construct, id: string, props: IrsaRoleProps) {
    super(scope, id);
    const v: Validator = (this.v = new Validator(`IrsaRole "${id}"`));
    if (props === undefined || props === null) v.failPlain("props", "are required (at least oidcProvider and serviceAccounts)");

    v.checkBoolean("allowWildcards", props.allowWildcards);
    const allowWildcards = props.allowWildcards ?? false;
    v.checkString("serviceAccountMode", props.serviceAccountMode);
    const mode = props.serviceAccountMode ?? ServiceAccountMode.ANNOTATE;
    if (!MODES.includes(mode)) v.fail("serviceAccountMode", mode, `is not one of ${MODES.map((m) => `"${m}"`).join(", ")}`);
    const audience = v.requireString("audience", props.audience ?? DEFAULT_AUDIENCE);
    v.check("audience", audience, rules.clientId);

    const clusters = this.validateClusters(props, allowWildcards, mode, audience);
    this.validateRoleInputs(props);

    const spec = { clusters, audience, allowWildcards };
    this.trustPolicy = new DataAwsIamPolicyDocument(this, "trust", { statement: trustStatements(spec) });
    const size = estimateTrustPolicySize(spec);
    if (size > TRUST_POLICY_QUOTA) {
      Annotations.of(this).addWarning(
        `IrsaRole "${id}": the trust policy is about ${size} characters, over IAM's default quota of ` +
          `${TRUST_POLICY_QUOTA}; request a higher "Role trust policy length" quota or split the role.`,
      );
    }

    const firstAccount = clusters[0].serviceAccounts[0];
    this.role = new IamRole(this, "role", {
      name: props.roleName,
      namePrefix: props.roleName === undefined ? (props.roleNamePrefix ?? this.defaultNamePrefix(firstAccount)) : undefined,
      assumeRolePolicy: this.trustPolicy.json,
      path: props.path,
      description: props.description,
      maxSessionDuration: props.maxSessionDuration,
      permissionsBoundary: props.permissionsBoundaryArn,
      tags: props.tags,
    });
    // Each attribute read mints a token (and cdktf captures a stack trace for it): read them once.
    this.roleArn = this.role.arn;
    this.roleName = this.role.name;

    for (const arn of v.requireArray("managedPolicyArns", props.managedPolicyArns) ?? []) this.attachManagedPolicy(arn);
    const inline = props.inlinePolicies ?? {};
    if (typeof inline !== "object" || Array.isArray(inline)) v.fail("inlinePolicies", inline, "must be a map of policy name to policy JSON");
    for (const [name, json] of Object.entries(inline)) this.addInlinePolicy(name, json);

    if (mode !== ServiceAccountMode.NONE) {
      const annotations = this.serviceAccountAnnotations(props, audience);
      for (const [index, cluster] of clusters.entries()) {
        for (const [saIndex, sa] of cluster.serviceAccounts.entries()) {
          const objectId = this.kubernetesObjectId(mode, index, saIndex, sa);
          if (mode === ServiceAccountMode.CREATE) {
            const created = new ServiceAccountV1(this, objectId, {
              provider: cluster.kubernetesProvider,
              metadata: { name: sa.name, namespace: sa.namespace, annotations },
            });
            this.serviceAccounts.push(created);
            this.kubernetesObjects.push(created);
          } else {
            const annotated = new KubernetesAnnotations(this, objectId, {
              provider: cluster.kubernetesProvider,
              apiVersion: "v1",
              kind: "ServiceAccount",
              // namespace is always explicit: the provider would default it to "default".
              metadata: { name: sa.name, namespace: sa.namespace },
              annotations,
              force: props.annotationForce ?? false,
              fieldManager: props.fieldManager ?? DEFAULT_FIELD_MANAGER,
            });
            this.annotations.push(annotated);
            this.kubernetesObjects.push(annotated);
          }
        }
      }
    }
  }

  /**
   * Everything a workload must `depends_on` before its pods start: the role, its policies, and the
   * annotated or created service accounts (pods read the annotation only when they start).
   */
  public get dependables(): ITerraformDependable[] {
    return [this.role, ...this.attachments.values(), ...this.inline.values(), ...this.kubernetesObjects];
  }

  /** Attaches a managed policy (`aws_iam_role_policy_attachment`). */
  public attachManagedPolicy(policyArn: string): IamRolePolicyAttachment {
    const path = `managedPolicyArns[${this.attachments.size}]`;
    this.v.requireString(path, policyArn);
    this.v.check(path, policyArn, rules.policyArn);
    if (this.attachments.has(policyArn)) this.v.fail(path, policyArn, "is attached twice");
    // Literal ARNs are keyed by their hash so that reordering the list keeps every address.
    const id = Token.isUnresolved(policyArn) ? `managed-policy-ref-${this.tokenPolicyCount++}` : `managed-policy-${shortHash(policyArn)}`;
    const attachment = new IamRolePolicyAttachment(this, id, { role: this.roleName, policyArn });
    this.attachments.set(policyArn, attachment);
    return attachment;
  }

  /** Adds an inline policy (`aws_iam_role_policy`) from a policy document in JSON. */
  public addInlinePolicy(name: string, policyJson: string): IamRolePolicy {
    const path = `inlinePolicies[${JSON.stringify(name)}]`;
    this.v.check("inlinePolicies name", name, rules.inlinePolicyName);
    this.v.requireString(path, policyJson);
    this.v.check(path, policyJson, rules.policyJson);
    if (this.inline.has(name)) this.v.fail("inlinePolicies name", name, "is used twice");
    const policy = new IamRolePolicy(this, `inline-policy-${name}`, { name, role: this.roleName, policy: policyJson });
    this.inline.set(name, policy);
    return policy;
  }

  private validateClusters(props: IrsaRoleProps, allowWildcards: boolean, mode: string, audience: string): Cluster[] {
    const v: Validator = this.v;
    const extra = v.requireArray("additionalClusters", props.additionalClusters) ?? [];
    const clusters: Cluster[] = [
      { oidcProvider: props.oidcProvider, serviceAccounts: props.serviceAccounts, kubernetesProvider: props.kubernetesProvider, path: "" },
      ...extra.map((c, i) => {
        if (c === null || typeof c !== "object") v.fail(`additionalClusters[${i}]`, c, "must be { oidcProvider, serviceAccounts, kubernetesProvider }");
        return { ...c, path: `additionalClusters[${i}].` };
      }),
    ];
    const seenProviders = new Map<string, string>();
    for (const c of clusters) {
      const provider = c.oidcProvider;
      if (provider === undefined || provider === null || typeof provider !== "object") {
        v.fail(`${c.path}oidcProvider`, provider, "is required (an EksOidcProvider or EksOidcProvider.fromArn(...))");
      }
      if (!checkedProviders.has(provider)) {
        v.requireString(`${c.path}oidcProvider.arn`, provider.arn);
        v.requireString(`${c.path}oidcProvider.issuerHost`, provider.issuerHost);
        v.check(`${c.path}oidcProvider.arn`, provider.arn, rules.oidcProviderArn);
        v.check(`${c.path}oidcProvider.issuerHost`, provider.issuerHost, rules.issuerHost);
        checkedProviders.add(provider);
      }
      const earlier = seenProviders.get(provider.arn);
      if (earlier !== undefined) {
        v.fail(`${c.path}oidcProvider`, provider.arn, `is the same provider as ${earlier}oidcProvider; list its service accounts once`);
      }
      seenProviders.set(provider.arn, c.path);
      if (provider.clientIds !== undefined && !Token.isUnresolved(provider.clientIds) && !Token.isUnresolved(audience) && !provider.clientIds.includes(audience)) {
        v.fail("audience", audience, `is not a client ID of ${c.path}oidcProvider (${provider.clientIds.join(", ")}); add it to the provider's clientIds`);
      }

      const accounts = v.requireArray(`${c.path}serviceAccounts`, c.serviceAccounts);
      if (Token.isUnresolved(accounts)) {
        v.failPlain(`${c.path}serviceAccounts`, "must be a literal list: a token cannot be expanded into one sub value and one annotation per account");
      }
      if (accounts === undefined || accounts.length === 0) {
        v.fail(`${c.path}serviceAccounts`, accounts, "must list at least one service account ({ namespace, name })");
      }
      accounts.forEach((sa, i) => {
        const at = `${c.path}serviceAccounts[${i}]`;
        if (sa === null || typeof sa !== "object") v.fail(at, sa, "must be { namespace, name }");
        v.check(`${at}.namespace`, v.requireString(`${at}.namespace`, sa.namespace), rules.kubernetesNamespace);
        v.check(`${at}.name`, v.requireString(`${at}.name`, sa.name), rules.kubernetesServiceAccountName(allowWildcards));
        if (mode !== ServiceAccountMode.NONE && !Token.isUnresolved(sa.name) && rules.hasWildcard(sa.name)) {
          v.fail(`${at}.name`, sa.name, `contains a wildcard and cannot be ${mode}d; set serviceAccountMode "none" and annotate the matching service accounts yourself`);
        }
      });
      const dup = rules.firstDuplicate(accounts, (sa) => (Token.isUnresolved(sa.namespace) || Token.isUnresolved(sa.name) ? undefined : `${sa.namespace}/${sa.name}`));
      if (dup >= 0) v.fail(`${c.path}serviceAccounts[${dup}]`, accounts[dup], "is listed twice");

      if (c.path !== "") checkKubernetesProvider(v, `${c.path}kubernetesProvider`, c.kubernetesProvider);
      if (c.path !== "" && mode !== ServiceAccountMode.NONE && c.kubernetesProvider === undefined) {
        v.failPlain(
          `${c.path}kubernetesProvider`,
          `is required when serviceAccountMode is "${mode}": the annotation must go to that cluster, not the default provider's (or set serviceAccountMode "none")`,
        );
      }
    }
    return clusters;
  }

  private validateRoleInputs(props: IrsaRoleProps): void {
    const v = this.v;
    if (props.roleName !== undefined && props.roleNamePrefix !== undefined) {
      v.fail("roleNamePrefix", props.roleNamePrefix, "cannot be used together with roleName (IAM names are either exact or prefixed)");
    }
    v.checkString("roleName", props.roleName, rules.roleName);
    v.checkString("roleNamePrefix", props.roleNamePrefix, rules.roleNamePrefix);
    v.checkString("path", props.path, rules.iamPath);
    v.checkString("description", props.description, rules.roleDescription);
    v.checkNumber("maxSessionDuration", props.maxSessionDuration, rules.maxSessionDuration);
    v.checkString("permissionsBoundaryArn", props.permissionsBoundaryArn, rules.permissionsBoundaryArn);
    checkTags(v, "tags", props.tags);
    v.checkBoolean("annotationForce", props.annotationForce);
    v.checkString("fieldManager", props.fieldManager, rules.fieldManager);
    v.checkBoolean("stsRegionalEndpoints", props.stsRegionalEndpoints);
    v.checkNumber("tokenExpiration", props.tokenExpiration, rules.tokenExpiration);
    checkKubernetesProvider(v, "kubernetesProvider", props.kubernetesProvider);
  }

  private serviceAccountAnnotations(props: IrsaRoleProps, audience: string): { [key: string]: string } {
    const annotations: { [key: string]: string } = { [ROLE_ARN_ANNOTATION]: this.roleArn };
    if (audience !== DEFAULT_AUDIENCE) annotations[AUDIENCE_ANNOTATION] = audience;
    if (props.stsRegionalEndpoints !== undefined) annotations[STS_REGIONAL_ENDPOINTS_ANNOTATION] = String(props.stsRegionalEndpoints);
    if (props.tokenExpiration !== undefined) annotations[TOKEN_EXPIRATION_ANNOTATION] = String(props.tokenExpiration);
    return annotations;
  }

  /**
   * Derived from the first service account only, so that adding accounts never renames (and so
   * replaces) the role. Terraform's 26-character suffix keeps names unique across namespaces and
   * clusters.
   */
  private defaultNamePrefix(sa: ServiceAccountRef): string {
    if (Token.isUnresolved(sa.namespace) || Token.isUnresolved(sa.name)) return `irsa-${this.node.addr.slice(0, 12)}-`;
    const base = `${sa.namespace}-${sa.name}`;
    return base.length <= 37 ? `${base}-` : `${base.slice(0, 29)}-${shortHash(base).slice(0, 7)}-`;
  }

  /** Keyed by namespace and name (not position), so reordering the list keeps every address. */
  private kubernetesObjectId(mode: string, clusterIndex: number, saIndex: number, sa: ServiceAccountRef): string {
    const kind = mode === ServiceAccountMode.CREATE ? "service-account" : "annotations";
    const cluster = clusterIndex === 0 ? "" : `cluster-${clusterIndex}-`;
    // A namespace has no '.', so "<namespace>.<name>" is unambiguous.
    const key = Token.isUnresolved(sa.namespace) || Token.isUnresolved(sa.name) ? `ref-${saIndex}` : `${sa.namespace}.${sa.name}`;
    return `${cluster}${kind}-${key}`;
  }
}

function checkKubernetesProvider(v: Validator, path: string, provider: unknown): void {
  if (provider !== undefined && !TerraformProvider.isTerraformProvider(provider)) {
    v.fail(path, provider, "must be a kubernetes provider construct (KubernetesProvider)");
  }
}

function shortHash(text: string): string {
  return createHash("sha256").update(text).digest("hex").slice(0, 8);
}
