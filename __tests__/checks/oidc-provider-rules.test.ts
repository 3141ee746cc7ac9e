/** OIDC provider rules (IRSA030-035) and the dual-stack trust rule (IRSA017): failing and passing, as JSON and through the Aspect. */
import { IamOpenidConnectProvider, IamOpenidConnectProviderConfig } from "@cdktf/provider-aws/lib/iam-openid-connect-provider";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { DataTlsCertificate } from "@cdktf/provider-tls/lib/data-tls-certificate";
import { Aspects, Testing } from "cdktf";
import { reportTerraformConfig } from "../../lib/checks/check-trust";
import { EksOidcProvider, IrsaRole, IrsaTrustChecks } from "../../lib";
import { errorsOf, warningsOf } from "../support/annotations";
import { newStack } from "../support/synth";

const HOST = "oidc.eks.us-west-2.amazonaws.com/id/AAAA";
const URL = `https://${HOST}`;
const FINGERPRINT = "9e99a48a9960b14926bb7f3b02e22da2b0ab7280";
const PROVIDER_REF = "${aws_iam_openid_connect_provider.p.arn}";

type Block = { [key: string]: unknown };

/** A trust policy on the provider `p` pinning sub and aud (audience as given). */
function trustOn(principal: string, host = HOST, audience = "sts.amazonaws.com"): string {
  return JSON.stringify({
    Version: "2012-10-17",
    Statement: [
      {
        Effect: "Allow",
        Action: "sts:AssumeRoleWithWebIdentity",
        Principal: { Federated: principal },
        Condition: { StringEquals: { [`${host}:sub`]: "system:serviceaccount:payments:api", [`${host}:aud`]: audience } },
      },
    ],
  });
}

function config(provider: Block, roles: { [name: string]: Block } = {}) {
  return { resource: { aws_iam_openid_connect_provider: { p: provider }, aws_iam_role: roles } };
}

/** The findings of one rule, as "<address>: <message>". */
function findingsOf(ruleId: string, cfg: object, syntax: "terraform" | "iam" = "terraform"): string[] {
  return reportTerraformConfig(cfg, syntax)
    .findings.filter((f) => f.ruleId === ruleId)
    .map((f) => `${f.address.type}.${f.address.name}: ${f.message}`);
}

const GOOD: Block = {
  url: URL,
  client_id_list: ["sts.amazonaws.com"],
  thumbprint_list: ["${data.tls_certificate.c.certificates[0].sha1_fingerprint}"],
};

describe("OIDC provider rules on synthesized JSON", () => {
  test("a correct provider (certificates[0], or no thumbprint at all) and its trust: no finding, counted as judged", () => {
    const report = reportTerraformConfig(config(GOOD, { r: { assume_role_policy: trustOn(PROVIDER_REF) } }));
    expect(report.findings).toEqual([]);
    expect(report.judged).toEqual({ trustPolicies: 1, oidcProviders: 1, annotations: 0 });
    const noList = { url: URL, client_id_list: ["sts.amazonaws.com"] };
    expect(reportTerraformConfig(config(noList)).findings).toEqual([]);
    expect(reportTerraformConfig(config({ ...GOOD, thumbprint_list: [FINGERPRINT] })).findings).toEqual([]);
  });

  test.each<[string, unknown, RegExp]>([
    ["contains an empty client id", [""], /has "" in client_id_list/],
    ["is empty", [], /has an empty client_id_list/],
    ["is missing", undefined, /has no client_id_list/],
  ])("IRSA030: client_id_list %s", (_, list, message) => {
    const found = findingsOf("IRSA030", config({ ...GOOD, client_id_list: list }));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(message);
    expect(findingsOf("IRSA030", config(GOOD))).toEqual([]);
  });

  test("IRSA031: a trust on the provider (by reference, by ARN host) requires an audience its client_id_list lacks", () => {
    const other = { ...GOOD, client_id_list: ["other-client"] };
    expect(findingsOf("IRSA031", config(other, { r: { assume_role_policy: trustOn(PROVIDER_REF) } }))).toEqual([
      'aws_iam_openid_connect_provider.p: client_id_list ["other-client"] lacks sts.amazonaws.com, which aws_iam_role.r statement 0 ' +
        "(Federated ${aws_iam_openid_connect_provider.p.arn}) requires as aud: that trust can never be assumed",
    ]);
    const literalArn = `arn:aws:iam::111122223333:oidc-provider/${HOST}`;
    expect(findingsOf("IRSA031", config(other, { r: { assume_role_policy: trustOn(literalArn) } }))).toHaveLength(1);
    // Passing: the audience is listed; a trust on another provider does not count; a custom audience that is listed.
    expect(findingsOf("IRSA031", config(GOOD, { r: { assume_role_policy: trustOn(PROVIDER_REF) } }))).toEqual([]);
    const elsewhere = trustOn("arn:aws:iam::111122223333:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/BBBB", "x");
    expect(findingsOf("IRSA031", config(other, { r: { assume_role_policy: elsewhere } }))).toEqual([]);
    const custom = trustOn(PROVIDER_REF, HOST, "other-client");
    expect(findingsOf("IRSA031", config(other, { r: { assume_role_policy: custom } }))).toEqual([]);
  });

  test.each<[string, unknown, RegExp]>([
    ["certificates[*]", ["${data.tls_certificate.c.certificates[*].sha1_fingerprint}"], /every certificate of the chain/],
    ["a whole-list splat", "${data.tls_certificate.c.certificates.*.sha1_fingerprint}", /every certificate of the chain/],
    ["a for expression", "${[for x in data.tls_certificate.c.certificates : x.sha1_fingerprint]}", /every certificate of the chain/],
    ["an unindexed certificates", ["${data.tls_certificate.this.certificates.sha1_fingerprint}"], /an unindexed certificates/],
    [
      "the last element",
      ["${data.tls_certificate.c.certificates[length(data.tls_certificate.c.certificates) - 1].sha1_fingerprint}"],
      /the leaf/,
    ],
    ["reverse(...)[0]", ["${reverse(data.tls_certificate.c.certificates)[0].sha1_fingerprint}"], /the leaf/],
    [
      "element(..., length - 1)",
      ["${element(data.tls_certificate.c.certificates, length(data.tls_certificate.c.certificates) - 1).sha1_fingerprint}"],
      /the leaf/,
    ],
  ])("IRSA032: thumbprint_list from %s", (_, list, message) => {
    const found = findingsOf("IRSA032", config({ ...GOOD, thumbprint_list: list }));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(message);
  });

  test("IRSA032 passes certificates[0], a variable, a literal and no list; plans (rendered values) are not judged by expression", () => {
    for (const list of [GOOD.thumbprint_list, ["${var.thumbprint}"], [FINGERPRINT], undefined]) {
      expect(findingsOf("IRSA032", config({ ...GOOD, thumbprint_list: list }))).toEqual([]);
    }
  });

  test("IRSA033: a literal thumbprint that is not 40 hex characters, or more than 5", () => {
    expect(findingsOf("IRSA033", config({ ...GOOD, thumbprint_list: ["9E:99:A4:8A"] }))).toEqual([
      'aws_iam_openid_connect_provider.p: thumbprint_list has "9E:99:A4:8A", which is not 40 hex characters',
    ]);
    expect(findingsOf("IRSA033", config({ ...GOOD, thumbprint_list: Array(6).fill(FINGERPRINT) }))).toEqual([
      "aws_iam_openid_connect_provider.p: thumbprint_list has 6 values; IAM takes at most 5",
    ]);
    expect(findingsOf("IRSA033", config({ ...GOOD, thumbprint_list: [FINGERPRINT, FINGERPRINT.toUpperCase()] }))).toEqual([]);
  });

  test("IRSA034: a non-https URL; in a plan, the scheme-less form IAM stores passes", () => {
    expect(findingsOf("IRSA034", config({ ...GOOD, url: `http://${HOST}` }))).toHaveLength(1);
    expect(findingsOf("IRSA034", config({ ...GOOD, url: HOST }))).toHaveLength(1);
    expect(findingsOf("IRSA034", config({ ...GOOD, url: HOST }), "iam")).toEqual([]);
    expect(findingsOf("IRSA034", config({ ...GOOD, url: `http://${HOST}` }), "iam")).toHaveLength(1);
    expect(findingsOf("IRSA034", config(GOOD))).toEqual([]);
    expect(findingsOf("IRSA034", config({ ...GOOD, url: "${data.aws_eks_cluster.c.identity[0].oidc[0].issuer}" }))).toEqual([]);
  });

  test("IRSA035: a provider on the dual-stack issuer", () => {
    expect(findingsOf("IRSA035", config({ ...GOOD, url: "https://oidc-eks.us-west-2.api.aws/id/AAAA" }))).toEqual([
      "aws_iam_openid_connect_provider.p: url https://oidc-eks.us-west-2.api.aws/id/AAAA is the dual-stack issuer; tokens carry " +
        "https://oidc.eks.us-west-2.amazonaws.com/id/AAAA, so it never matches",
    ]);
    expect(findingsOf("IRSA035", config(GOOD))).toEqual([]);
  });

  test("IRSA017: a trust keyed on the dual-stack issuer (principal and keys); the regular issuer passes", () => {
    const dual = "oidc-eks.us-west-2.api.aws/id/AAAA";
    const found = findingsOf(
      "IRSA017",
      config(GOOD, { r: { assume_role_policy: trustOn(`arn:aws:iam::111122223333:oidc-provider/${dual}`, dual) } }),
    );
    expect(found).toEqual([
      `aws_iam_role.r: statement 0 has the Federated arn:aws:iam::111122223333:oidc-provider/${dual} on the dual-stack issuer; ` +
        `tokens carry ${HOST}, so it never matches`,
      `aws_iam_role.r: statement 0 has the condition key ${dual}:sub on the dual-stack issuer; tokens carry ${HOST}, so it never matches`,
      `aws_iam_role.r: statement 0 has the condition key ${dual}:aud on the dual-stack issuer; tokens carry ${HOST}, so it never matches`,
    ]);
    expect(findingsOf("IRSA017", config(GOOD, { r: { assume_role_policy: trustOn(PROVIDER_REF) } }))).toEqual([]);
  });

  test("no false positive on other issuers' providers and trusts: GitHub Actions, HCP Terraform", () => {
    const github = {
      url: "https://token.actions.githubusercontent.com",
      client_id_list: ["sts.amazonaws.com"],
      thumbprint_list: [FINGERPRINT],
    };
    const hcp = { url: "https://app.terraform.io", client_id_list: ["aws.workload.identity"] };
    const hcpTrust = JSON.stringify({
      Version: "2012-10-17",
      Statement: [
        {
          Effect: "Allow",
          Action: "sts:AssumeRoleWithWebIdentity",
          Principal: { Federated: "${aws_iam_openid_connect_provider.hcp.arn}" },
          Condition: {
            StringEquals: { "app.terraform.io:aud": "aws.workload.identity" },
            StringLike: { "app.terraform.io:sub": "organization:acme:project:*:workspace:*:run_phase:*" },
          },
        },
      ],
    });
    const cfg = {
      resource: {
        aws_iam_openid_connect_provider: { github, hcp },
        aws_iam_role: { ci: { assume_role_policy: hcpTrust } },
      },
    };
    const report = reportTerraformConfig(cfg);
    expect(report.findings).toEqual([]);
    expect(report.judged).toEqual({ trustPolicies: 1, oidcProviders: 2, annotations: 0 });
  });

  test("every JSON form gives the same findings: blocks as arrays of objects at every level (as @cdktf/hcl2json writes them)", () => {
    const bad = {
      url: "https://oidc-eks.us-west-2.api.aws/id/AAAA",
      client_id_list: [""],
      thumbprint_list: ["${x.certificates[*].sha1_fingerprint}"],
    };
    const objectForm = reportTerraformConfig(config(bad));
    const arrayForm = reportTerraformConfig({ resource: [{ aws_iam_openid_connect_provider: [{ p: [bad] }] }] } as object);
    expect(objectForm.findings.map((f) => f.ruleId)).toEqual(["IRSA030", "IRSA032", "IRSA035"]);
    expect(arrayForm).toEqual(objectForm);
  });
});

describe("OIDC provider rules through the IrsaTrustChecks Aspect", () => {
  test("hand-written providers with the seeds' bugs: one error per finding, on the provider", () => {
    const stack = newStack();
    const cert = new DataTlsCertificate(stack, "cert", { url: URL });
    new IamOpenidConnectProvider(stack, "seed", {
      url: URL,
      clientIdList: [""],
      thumbprintList: [`\${${cert.fqn}.certificates.sha1_fingerprint}`],
    });
    new IamOpenidConnectProvider(stack, "dual", { url: "https://oidc-eks.us-west-2.api.aws/id/AAAA", clientIdList: ["sts.amazonaws.com"] });
    Aspects.of(stack).add(new IrsaTrustChecks());
    expect(Testing.synth(stack)).toMatchSnapshot();
    const errors = errorsOf(stack);
    expect(errors.map((e) => /IRSA\d+/.exec(e)?.[0])).toEqual(["IRSA030", "IRSA032", "IRSA035"]);
    expect(errors[0]).toBe(
      'IrsaTrustChecks IRSA030 (oidc-provider-empty-client-id): aws_iam_openid_connect_provider at test/seed: has "" in client_id_list: ' +
        "an empty client ID matches no token (IAM requires 1..255 characters)",
    );
  });

  /** A stack with one hand-written provider and a role trusting it; the rule ids of the error annotations. */
  function aspectErrors(provider: Partial<IamOpenidConnectProviderConfig>, trustHost = HOST, audience = "sts.amazonaws.com"): string[] {
    const stack = newStack();
    const p = new IamOpenidConnectProvider(stack, "p", { url: URL, clientIdList: ["sts.amazonaws.com"], ...provider });
    const principal = trustHost === HOST ? p.arn : `arn:aws:iam::111122223333:oidc-provider/${trustHost}`;
    new IamRole(stack, "r", { assumeRolePolicy: trustOn(principal, trustHost, audience) });
    Aspects.of(stack).add(new IrsaTrustChecks());
    Testing.synth(stack);
    return errorsOf(stack).map((e) => /^IrsaTrustChecks (IRSA\d+) \([a-z-]+\): (\w+) at test\/(\w+)/.exec(e)!.slice(1).join(" "));
  }

  test.each<[string, Partial<IamOpenidConnectProviderConfig>, string, string, string]>([
    ["IRSA030", { clientIdList: [] }, HOST, "sts.amazonaws.com", "aws_iam_openid_connect_provider p"],
    ["IRSA031", { clientIdList: ["other"] }, HOST, "sts.amazonaws.com", "aws_iam_openid_connect_provider p"],
    [
      "IRSA032",
      { thumbprintList: ["${data.tls_certificate.c.certificates[*].sha1_fingerprint}"] },
      HOST,
      "sts.amazonaws.com",
      "aws_iam_openid_connect_provider p",
    ],
    ["IRSA033", { thumbprintList: ["not-a-thumbprint"] }, HOST, "sts.amazonaws.com", "aws_iam_openid_connect_provider p"],
    ["IRSA034", { url: `http://${HOST}` }, HOST, "sts.amazonaws.com", "aws_iam_openid_connect_provider p"],
    ["IRSA017", {}, "oidc-eks.us-west-2.api.aws/id/AAAA", "sts.amazonaws.com", "aws_iam_role r"],
  ])("through the Aspect: %s fails on its block, and the corrected stack passes", (id, provider, host, audience, on) => {
    expect(aspectErrors(provider, host, audience).filter((e) => e.startsWith(id))).toEqual(
      id === "IRSA017" ? [`${id} ${on}`, `${id} ${on}`, `${id} ${on}`] : [`${id} ${on}`],
    );
    expect(aspectErrors({})).toEqual([]);
  });

  test("our EksOidcProvider (fetched thumbprint, static thumbprints) and IrsaRole give no finding and no warning", () => {
    const stack = newStack();
    const oidc = new EksOidcProvider(stack, "oidc", { issuerUrl: URL, thumbprints: [FINGERPRINT] });
    new IrsaRole(stack, "role", { oidcProvider: oidc, serviceAccounts: [{ namespace: "payments", name: "api" }] });
    new IamRole(stack, "other", { assumeRolePolicy: trustOn(oidc.arn) });
    Aspects.of(stack).add(new IrsaTrustChecks());
    const text = Testing.synth(stack);
    expect(text).toMatchSnapshot();
    expect(errorsOf(stack)).toEqual([]);
    expect(warningsOf(stack)).toEqual([]);
  });
});
