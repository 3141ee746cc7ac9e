/**
 * Whether the trust of the role a service account's `eks.amazonaws.com/role-arn` annotation names
 * admits that service account: decided with the testing helpers' IAM evaluator (statements OR'ed,
 * condition operators as IAM documents them), not by comparing strings. Undecided (not judged)
 * when the role is not in the configuration, or its trust or the account's names are known only
 * at apply.
 */
import { blocksOfType, objectForm } from "../config-model/config-blocks";
import { AnnotationVerdict } from "../config-model/config-model";
import { OIDC_PROVIDER_TYPE } from "../config-model/oidc-providers-of-config";
import { RoleAnnotation } from "../config-model/role-annotations-of-config";
import { Block } from "../config-model/terraform-config";
import { ValueSyntax } from "../config-model/trust-statement";
import { DEFAULT_AUDIENCE, hostOfProviderArn, serviceAccountSubject, webIdentityRequest } from "../evaluation/assume-requests";
import { PolicyEvaluator } from "../evaluation/policy-evaluator";
import { ConfigReferences } from "../evaluation/terraform/config-references";
import { renderTrustPolicy } from "../evaluation/trust-document";

const ROLE_REFERENCE = /^\$\{aws_iam_role\.([A-Za-z_][\w-]*)\.arn\}$/;
const ROLE_ARN = /^arn:[\w-]+:iam::\d{12}:role(\/(?:[\x21-\x7e]*\/)?)?([\w+=,.@-]+)$/;
/** The account and partition of the ARNs made up for the evaluation (the trust's own ARNs are used where it states them). */
const ACCOUNT = "111122223333";
const PARTITION = "aws";
const REGION = "us-east-1";

/** Stand-in hosts for providers whose URL is known only at apply: the trusts' keys built from the ARN still line up. */
function placeholderHosts(config: unknown): { [address: string]: string } {
  const hosts: { [address: string]: string } = {};
  for (const mode of ["managed", "data"] as const) {
    for (const { address, block } of blocksOfType(config, mode, OIDC_PROVIDER_TYPE)) {
      const key = `${mode === "data" ? "data." : ""}${OIDC_PROVIDER_TYPE}.${address.name}`;
      if (typeof block.url !== "string" || block.url.includes("${")) hosts[key] = `issuer-known-at-apply.invalid/${address.name}`;
    }
  }
  return hosts;
}

export class AnnotationTrustJudge {
  private readonly config: { [key: string]: any };
  private readonly roles: { [name: string]: Block };
  private readonly refs: ConfigReferences;
  private readonly evaluators = new Map<string, { json: string; evaluator: PolicyEvaluator } | string>();

  constructor(
    rawConfig: unknown,
    private readonly syntax: ValueSyntax,
  ) {
    this.config = objectForm(rawConfig);
    this.roles = this.config.resource?.aws_iam_role ?? {};
    const hosts = placeholderHosts(rawConfig);
    this.refs = new ConfigReferences(this.config, {
      providerArns: {},
      issuerHosts: hosts,
      // The provider's url, for keys written as replace(<provider>.url, "https://", ""): the same stand-in host.
      values: Object.fromEntries(Object.entries(hosts).map(([address, host]) => [`${address}.url`, `https://${host}`])),
      accountId: ACCOUNT,
      partition: PARTITION,
      region: REGION,
    });
  }

  judge(annotation: RoleAnnotation): AnnotationVerdict {
    const notJudged = (reason: string): AnnotationVerdict => ({
      annotation,
      role: undefined,
      admitted: undefined,
      subject: undefined,
      audience: undefined,
      reason,
    });
    const namespace = this.literal(annotation.namespace);
    const name = annotation.name === undefined ? undefined : this.literal(annotation.name);
    const audience = annotation.audience === undefined ? DEFAULT_AUDIENCE : this.literal(annotation.audience);
    if (namespace === undefined || name === undefined || audience === undefined) {
      return notJudged("the service account's namespace, name or audience is known only at apply");
    }
    const roleNames = this.rolesNamed(annotation.roleArn);
    if (roleNames.length === 0) return notJudged(`${annotation.roleArn} is not a role of this configuration`);
    const subject = serviceAccountSubject(namespace, name);
    let undecided: string | undefined;
    for (const role of roleNames) {
      const trust = this.trustOf(role);
      if (typeof trust === "string") {
        undecided = trust;
        continue;
      }
      if (admits(trust.json, trust.evaluator, subject, audience))
        return { annotation, role, admitted: true, subject, audience, reason: undefined };
    }
    if (undecided !== undefined) return notJudged(undecided);
    return { annotation, role: roleNames[0], admitted: false, subject, audience, reason: undefined };
  }

  /** A value as it will be applied, or undefined when it is known only at apply. */
  private literal(value: string): string | undefined {
    if (this.syntax === "iam" || !value.includes("${")) return value;
    try {
      const resolved = this.refs.resolveString(value);
      return typeof resolved === "string" ? resolved : undefined;
    } catch {
      return undefined;
    }
  }

  /** The roles an annotation names: by reference, by the `arn` a plan or export states, or by name and path. */
  private rolesNamed(value: string): string[] {
    const reference = ROLE_REFERENCE.exec(value)?.[1];
    if (reference !== undefined) return this.roles[reference] === undefined ? [] : [reference];
    const arn = this.literal(value);
    if (arn === undefined) return [];
    const byArn = Object.keys(this.roles).filter((r) => this.roles[r].arn === arn);
    if (byArn.length > 0) return byArn;
    const m = ROLE_ARN.exec(arn);
    if (m === null) return [];
    const [path, name] = [m[1] ?? "/", m[2]];
    return Object.keys(this.roles).filter((r) => {
      const role = this.roles[r];
      return this.literalOf(role.name) === name && (this.literalOf(role.path) ?? "/") === path;
    });
  }

  private literalOf(value: unknown): string | undefined {
    return typeof value === "string" ? this.literal(value) : undefined;
  }

  /**
   * The configuration as the trust renderer needs it for one role: the role and only the policy
   * documents its trust reaches (the renderer reads every document it is given, once per role).
   */
  private viewFor(role: string): { [key: string]: any } {
    const documents: { [name: string]: Block } = this.config.data?.aws_iam_policy_document ?? {};
    const reached: { [name: string]: Block } = {};
    const pending = [JSON.stringify(this.roles[role])];
    while (pending.length > 0) {
      for (const m of pending.pop()!.matchAll(/data\.aws_iam_policy_document\.([A-Za-z_][\w-]*)/g)) {
        if (documents[m[1]] === undefined || reached[m[1]] !== undefined) continue;
        reached[m[1]] = documents[m[1]];
        pending.push(JSON.stringify(documents[m[1]]));
      }
    }
    return {
      ...this.config,
      resource: { ...this.config.resource, aws_iam_role: { [role]: this.roles[role] } },
      data: { ...this.config.data, aws_iam_policy_document: reached },
    };
  }

  /** The role's trust as IAM will read it, or why it cannot be read. */
  private trustOf(role: string): { json: string; evaluator: PolicyEvaluator } | string {
    let trust = this.evaluators.get(role);
    if (trust === undefined) {
      try {
        const policy = this.roles[role].assume_role_policy;
        const json =
          this.syntax === "iam"
            ? typeof policy === "string"
              ? policy
              : JSON.stringify(policy)
            : renderTrustPolicy(this.viewFor(role), role, this.refs);
        trust = { json, evaluator: new PolicyEvaluator([json]) };
      } catch (e) {
        trust = `the trust of aws_iam_role.${role} cannot be read before apply (${(e as Error).message})`;
      }
      this.evaluators.set(role, trust);
    }
    return trust;
  }
}

/** Whether some Federated principal of the trust lets the token (sub, aud) of some issuer host the trust names assume the role. */
function admits(json: string, evaluator: PolicyEvaluator, subject: string, audience: string): boolean {
  const document = JSON.parse(json) as { Statement?: unknown };
  const statements = (Array.isArray(document.Statement) ? document.Statement : [document.Statement]) as { [key: string]: any }[];
  const principals = new Set(statements.flatMap((s) => [s?.Principal?.Federated ?? []].flat().map(String)));
  const keyHosts = statements.flatMap((s) =>
    Object.values((s?.Condition ?? {}) as { [op: string]: { [key: string]: unknown } }).flatMap((keys) =>
      Object.keys(keys ?? {}).flatMap((key) => (/:(sub|aud)$/i.test(key) ? [key.replace(/:(sub|aud)$/i, "")] : [])),
    ),
  );
  const roleArn = `arn:${PARTITION}:iam::${ACCOUNT}:role/annotated`;
  for (const principal of principals) {
    const hosts = new Set([hostOfProviderArn(principal) ?? principal, ...keyHosts]);
    for (const issuerHost of hosts) {
      const request = webIdentityRequest(principal, { issuerHost, claims: { sub: subject, aud: audience } }, roleArn);
      if (evaluator.isAllowed(request)) return true;
    }
  }
  return false;
}
