/** The value an add-on factory returns and a role construct turns into resources. */
import { ServiceAccountRef } from "../kubernetes/service-account";
import { ValidationError } from "../validation/validator";
import { AddonPolicyContext } from "./partition";
import { PolicyDocument } from "./policy-document";

/** One customer managed policy of an add-on: its name and how to render it in a context. */
export interface AddonDocument {
  /** Name of the policy and key of its addresses: the add-on's name, or `<add-on>-<part>`. */
  readonly name: string;
  readonly render: (context: AddonPolicyContext) => PolicyDocument;
}

const BRAND = Symbol.for("cdktf-eks-irsa.AddonPolicy");

/**
 * Least-privilege permissions of one cluster add-on, made by {@link AddonPolicies}. Give it to a
 * role in `addonPolicies`: the role gets one `aws_iam_policy` and attachment per document (or the
 * AWS managed policies the add-on's docs prescribe), and with no `serviceAccounts` and one add-on
 * policy it trusts {@link AddonPolicy.defaultServiceAccount}.
 */
export class AddonPolicy {
  /** True for values made by {@link AddonPolicies} (also across copies of this library). */
  public static isAddonPolicy(x: any): x is AddonPolicy {
    return x !== null && typeof x === "object" && (x as { [BRAND]?: boolean })[BRAND] === true;
  }

  /** @internal */
  public static _create(parts: {
    name: string;
    defaultServiceAccount?: ServiceAccountRef;
    factory: string;
    source: string;
    documents: readonly AddonDocument[];
    managedPolicyNames: readonly string[];
  }): AddonPolicy {
    return new AddonPolicy(parts.name, parts.defaultServiceAccount, parts.factory, parts.source, parts.documents, parts.managedPolicyNames);
  }

  /** The add-on's name, e.g. `external-dns`; it keys the Terraform addresses of its resources. */
  public readonly name: string;
  /**
   * False for a policy that is the workload's own role (the Secrets Store CSI provider): it has no
   * default service account, and a role with it must list `serviceAccounts`.
   */
  public readonly hasDefaultServiceAccount: boolean;
  /** Where the permissions come from: repository, file, version and commit. */
  public readonly source: string;
  /** Names of the AWS managed policies attached as they are, e.g. `AmazonEKS_CNI_Policy`. */
  public readonly managedPolicyNames: string[];
  private readonly documents: readonly AddonDocument[];
  private readonly serviceAccount?: ServiceAccountRef;
  private readonly factory: string;

  private constructor(
    name: string,
    defaultServiceAccount: ServiceAccountRef | undefined,
    factory: string,
    source: string,
    documents: readonly AddonDocument[],
    managedPolicyNames: readonly string[],
  ) {
    this.name = name;
    this.serviceAccount = defaultServiceAccount;
    this.hasDefaultServiceAccount = defaultServiceAccount !== undefined;
    this.factory = factory;
    this.source = source;
    this.documents = documents;
    this.managedPolicyNames = [...managedPolicyNames];
    Object.defineProperty(this, BRAND, { value: true });
  }

  /**
   * The service account the add-on's own install docs or chart create, e.g. `kube-system/aws-node`.
   * Throws for a workload's own policy ({@link AddonPolicy.hasDefaultServiceAccount} false).
   */
  public get defaultServiceAccount(): ServiceAccountRef {
    if (this.serviceAccount === undefined) {
      throw new ValidationError(
        `${this.factory}: the ${this.name} policy is the workload's own role and has no default service account; ` +
          "list the workload's service accounts (serviceAccounts)",
      );
    }
    return this.serviceAccount;
  }

  /** Names of the customer managed policies this add-on gets (its name, or one per part). */
  public get policyNames(): string[] {
    return this.documents.map((d) => d.name);
  }

  /**
   * The customer managed policy documents as JSON, by policy name, with ARNs in the context's
   * partition, region and account. Empty when the add-on uses AWS managed policies only.
   */
  public policyDocuments(context: AddonPolicyContext): { [name: string]: string } {
    return Object.fromEntries(this.documents.map((d) => [d.name, JSON.stringify(d.render(context))]));
  }
}
