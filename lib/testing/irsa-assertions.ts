/** Assertions about who may assume the roles of a synthesized stack, for users' snapshot tests. */
import { TerraformStack, Testing, Token } from "cdktf";
import { IConstruct } from "constructs";
import { TrustedSubject } from "../kubernetes/trusted-subject";
import {
  DEFAULT_AUDIENCE,
  hostOfProviderArn,
  PodIdentityServiceAccount,
  podIdentityRequests,
  ServiceAccountToken,
  serviceAccountSubject,
  WebIdentityToken,
  webIdentityRequest,
} from "../evaluation/assume-requests";
import { IrsaAssertionsOptions } from "./irsa-assertions-options";
import { PolicyEvaluator } from "../evaluation/policy-evaluator";
import { roleAddressName } from "./role-address";
import { ConfigReferences } from "../evaluation/terraform/config-references";
import { TrustCheckFinding, trustCheckFindings } from "./trust-check-finding";
import { renderTrustPolicy } from "../evaluation/trust-document";
import { trustedSubjectsOf } from "./trusted-subjects";

type Json = { [key: string]: any };

interface RoleTrust {
  readonly json: string;
  readonly document: Json;
  readonly evaluator: PolicyEvaluator;
  readonly roleArn: string;
}

/**
 * Reads the trust policies of a synthesized stack and evaluates them with IAM's rules (statements
 * OR'ed, explicit Deny wins, condition operators as IAM documents them), after resolving the
 * Terraform expressions in them: references to literal attributes, OIDC provider ARNs, and the
 * built-in functions (`replace`, `split`, `element`, `jsonencode`, ...). A value known only at apply
 * fails with an {@link UnresolvedValueError} that says which option supplies it.
 *
 * ```ts
 * const assertions = IrsaAssertions.fromSynth(Testing.synth(stack));
 * expect(assertions.whoCanAssume(role)).toEqual([expect.objectContaining({ namespace: "default", serviceAccountName: "app" })]);
 * ```
 */
export class IrsaAssertions {
  /**
   * Reads a synthesized stack.
   * @param synthesized the JSON text `Testing.synth(stack)` returns (or a `cdk.tf.json` file's content)
   * @param options values known only at apply, and the account the stack deploys to
   */
  public static fromSynth(synthesized: string, options: IrsaAssertionsOptions = {}): IrsaAssertions {
    let config: unknown;
    try {
      config = JSON.parse(synthesized);
    } catch (e) {
      throw new Error(`IrsaAssertions.fromSynth takes the JSON text of Testing.synth(stack): ${(e as Error).message}`);
    }
    if (config === null || typeof config !== "object" || Array.isArray(config)) {
      throw new Error("IrsaAssertions.fromSynth takes the JSON text of Testing.synth(stack), a JSON object");
    }
    return new IrsaAssertions(config as Json, options);
  }

  /**
   * Synthesizes a stack (running its aspects) and returns every finding of the trust rules in it,
   * errors and warnings: `expect(IrsaAssertions.trustFindings(stack)).toEqual([])` fails your test
   * on a trust problem, where `Testing.synth` only records error annotations.
   * @param stack the stack to synthesize
   */
  public static trustFindings(stack: TerraformStack): TrustCheckFinding[] {
    return IrsaAssertions.fromSynth(Testing.synth(stack)).findings();
  }

  private readonly refs: ConfigReferences;
  private readonly trusts = new Map<string, RoleTrust>();
  private readonly accountId: string;
  private readonly partition: string;
  private readonly region: string;

  private constructor(
    private readonly config: Json,
    options: IrsaAssertionsOptions,
  ) {
    this.accountId = options.accountId ?? "111122223333";
    this.partition = options.partition ?? "aws";
    this.region = options.region ?? "us-east-1";
    this.refs = new ConfigReferences(config, {
      providerArns: options.providerArns ?? {},
      issuerHosts: options.issuerHosts ?? {},
      values: options.values ?? {},
      accountId: this.accountId,
      partition: this.partition,
      region: this.region,
    });
  }

  /**
   * Every finding of the trust rules (the rules of `IrsaTrustChecks` and `cdktf-eks-irsa check`)
   * in the synthesized stack, errors and warnings, each with its rule, Terraform address and
   * message. `expect(assertions.findings()).toEqual([])` fails a test on any of them.
   */
  public findings(): TrustCheckFinding[] {
    return trustCheckFindings(this.config);
  }

  /**
   * The role's trust policy as IAM will receive it: every expression resolved, source and override
   * documents merged, lists as arrays.
   * @param role an IrsaRole (or any construct with a `role` or `roleArn`), an IamRole, or `"aws_iam_role.<name>"`
   */
  public trustPolicyJson(role: IConstruct | string): string {
    return this.trustOf(role).json;
  }

  /**
   * Everyone the role's trust policy admits: each service account (or other subject) per issuer
   * and audience for web identities, and per cluster for EKS Pod Identity. A field is `*` where
   * the policy does not narrow it (e.g. no `sub` condition: namespace, name and subject are `*`).
   *
   * The list is complete: every token the trust admits matches some listed subject, read as an
   * IAM pattern (`*` any run of characters, `?` one character; `${*}`, `${?}` and `${$}` are the
   * characters themselves, so a literal `*` in a StringEquals value is `${*}`). Deny statements
   * count (a Deny `StringNotEquals <host>:aud` pins the audience); a policy variable in a value
   * (e.g. `sub = ${<host>:sub}`, which matches every token) lists as `*`. Issuer host `*` stands
   * for any issuer the policy does not name (a `Federated: "*"` statement).
   * @param role an IrsaRole (or any construct with a `role` or `roleArn`), an IamRole, or `"aws_iam_role.<name>"`
   */
  public whoCanAssume(role: IConstruct | string): TrustedSubject[] {
    const trust = this.trustOf(role);
    return trustedSubjectsOf(trust.document, {
      webIdentity: (token) => this.allowsWebIdentity(trust, token),
      podIdentity: (sa) => this.allowsPodIdentity(trust, sa),
    });
  }

  /**
   * Whether a service account's projected token (IRSA) may assume the role.
   * @param role an IrsaRole (or any construct with a `role` or `roleArn`), an IamRole, or `"aws_iam_role.<name>"`
   * @param serviceAccount the issuer host, namespace, name and audience of the token
   */
  public canAssume(role: IConstruct | string, serviceAccount: ServiceAccountToken): boolean {
    const claims = {
      sub: serviceAccountSubject(serviceAccount.namespace, serviceAccount.name),
      aud: serviceAccount.audience ?? DEFAULT_AUDIENCE,
    };
    return this.canAssumeWithWebIdentity(role, { issuerHost: serviceAccount.issuerHost, claims });
  }

  /**
   * Whether any web identity token (with exactly the given claims) may assume the role, e.g. a
   * token without `aud`, or a GitHub Actions token.
   * @param role an IrsaRole (or any construct with a `role` or `roleArn`), an IamRole, or `"aws_iam_role.<name>"`
   * @param token the issuer host and the claims of the token
   */
  public canAssumeWithWebIdentity(role: IConstruct | string, token: WebIdentityToken): boolean {
    if (Token.isUnresolved(token.issuerHost)) {
      throw new Error(
        "IrsaAssertions: issuerHost is a token (known only at apply); pass the literal host, e.g. oidc.eks.<region>.amazonaws.com/id/<id>",
      );
    }
    return this.allowsWebIdentity(this.trustOf(role), token);
  }

  /**
   * Whether a service account may assume the role through an EKS Pod Identity association
   * (`sts:AssumeRole` and `sts:TagSession` by `pods.eks.amazonaws.com`, with the session tags EKS sets).
   * @param role an IrsaRole or PodIdentityRole (any construct with a `role` or `roleArn`), an IamRole, or `"aws_iam_role.<name>"`
   * @param serviceAccount the cluster, namespace and name of the service account
   */
  public canAssumeWithPodIdentity(role: IConstruct | string, serviceAccount: PodIdentityServiceAccount): boolean {
    return this.allowsPodIdentity(this.trustOf(role), serviceAccount);
  }

  private trustOf(role: IConstruct | string): RoleTrust {
    const name = roleAddressName(role);
    let trust = this.trusts.get(name);
    if (trust === undefined) {
      const json = renderTrustPolicy(this.config, name, this.refs);
      const literalName = this.config.resource.aws_iam_role[name].name;
      const roleName = typeof literalName === "string" && !literalName.includes("${") ? literalName : name;
      trust = {
        json,
        document: JSON.parse(json),
        evaluator: new PolicyEvaluator([json]),
        roleArn: `arn:${this.partition}:iam::${this.accountId}:role/${roleName}`,
      };
      this.trusts.set(name, trust);
    }
    return trust;
  }

  /** The token comes through the provider of its issuer: each Federated ARN of that host in the policy, or a made-up one. */
  private allowsWebIdentity(trust: RoleTrust, token: WebIdentityToken): boolean {
    const statements: Json[] = Array.isArray(trust.document.Statement) ? trust.document.Statement : [trust.document.Statement];
    const federated = statements.flatMap((s) => [s.Principal?.Federated ?? []].flat().map(String));
    const arns = [...new Set(federated.filter((arn) => hostOfProviderArn(arn) === token.issuerHost))];
    if (arns.length === 0) arns.push(`arn:${this.partition}:iam::${this.accountId}:oidc-provider/${token.issuerHost}`);
    return arns.some((arn) => trust.evaluator.isAllowed(webIdentityRequest(arn, token, trust.roleArn)));
  }

  private allowsPodIdentity(trust: RoleTrust, sa: PodIdentityServiceAccount): boolean {
    const clusterArn = sa.clusterArn ?? `arn:${this.partition}:eks:${this.region}:${this.accountId}:cluster/${sa.clusterName}`;
    return podIdentityRequests(sa, clusterArn, trust.roleArn).every((request) => trust.evaluator.isAllowed(request));
  }
}
