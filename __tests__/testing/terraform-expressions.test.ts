/**
 * The Terraform interpreter of cdktf-eks-irsa/testing against the examples of Terraform's own
 * function and template documentation, and the expressions this library emits.
 */
import { ConfigReferences, canonicalReference, UnresolvableReference } from "../../lib/evaluation/terraform/config-references";
import { TfValue } from "../../lib/evaluation/terraform/syntax";
import { FUNCTION_CASES, TEMPLATE_CASES } from "./terraform-expression-cases";

const NO_VALUES = { providerArns: {}, issuerHosts: {}, values: {}, accountId: "111122223333", partition: "aws", region: "us-east-1" };

function evaluate(template: string, config: object = {}, known: Partial<typeof NO_VALUES> = {}): TfValue {
  return new ConfigReferences(config, { ...NO_VALUES, ...known }).resolveString(template);
}

describe("functions, with the examples of their documentation", () => {
  test.each<[string, TfValue]>([...FUNCTION_CASES])("%s", (template, expected) => {
    expect(evaluate(template)).toEqual(expected);
  });

  test("an unknown function fails with its name", () => {
    expect(() => evaluate('${timestamp("x")}')).toThrow(/the Terraform function timestamp\(\) is not interpreted here/);
  });

  test("element with a negative index and regex without a match fail, as Terraform does", () => {
    expect(() => evaluate('${element(["a"], -1)}')).toThrow(/must not be negative/);
    expect(() => evaluate('${regex("x", "abc")}')).toThrow(/does not match/);
  });
});

describe("templates and operators", () => {
  test.each<[string, TfValue]>([...TEMPLATE_CASES])("%s", (template, expected) => {
    expect(evaluate(template)).toEqual(expected);
  });

  test("a template directive is refused, not misread", () => {
    expect(() => evaluate("%{ if true }x%{ endif }")).toThrow(/template directives/);
  });
});

describe("references into the configuration", () => {
  const config = {
    locals: { issuer: "https://issuer.example.com/oidc-provider/c1", hosts: ["a", "b"] },
    variable: { region: { default: "eu-west-1" }, nodefault: {} },
    resource: {
      aws_iam_openid_connect_provider: {
        literal: { url: "https://oidc.eks.us-west-2.amazonaws.com/id/AAAA" },
        local: { url: "${local.issuer}" },
        fromCluster: { url: "${data.aws_eks_cluster.c.identity[0].oidc[0].issuer}" },
      },
      aws_iam_role: { r: { name: "fixed-${var.region}" } },
    },
    data: {
      aws_eks_cluster: { c: { name: "demo" } },
      aws_iam_openid_connect_provider: { byArn: { arn: "arn:aws:iam::444455556666:oidc-provider/x" } },
    },
  };
  const hostOf = (address: string) => `\${replace(${address}.arn, "/^[^/]*:oidc-provider[/]/", "")}`;

  test("an OIDC provider's ARN is built from its literal URL, and the library's host expression gives the host back", () => {
    expect(evaluate("${aws_iam_openid_connect_provider.literal.arn}", config)).toBe(
      "arn:aws:iam::111122223333:oidc-provider/oidc.eks.us-west-2.amazonaws.com/id/AAAA",
    );
    expect(evaluate(hostOf("aws_iam_openid_connect_provider.literal"), config)).toBe("oidc.eks.us-west-2.amazonaws.com/id/AAAA");
    // A self-hosted issuer whose path holds "oidc-provider/": everything after the account's marker.
    expect(evaluate(hostOf("aws_iam_openid_connect_provider.local"), config)).toBe("issuer.example.com/oidc-provider/c1");
  });

  test("literal attributes, locals, variable defaults and a data source's literal arn", () => {
    expect(evaluate("${aws_iam_role.r.name}", config)).toBe("fixed-eu-west-1");
    expect(evaluate("${local.hosts[1]}", config)).toBe("b");
    expect(evaluate("${data.aws_iam_openid_connect_provider.byArn.arn}", config)).toBe("arn:aws:iam::444455556666:oidc-provider/x");
    expect(evaluate("${data.aws_eks_cluster.c.name}", config)).toBe("demo");
  });

  test("a value known only at apply throws, naming the reference and how to supply it", () => {
    const attempt = () => evaluate(hostOf("aws_iam_openid_connect_provider.fromCluster"), config);
    expect(attempt).toThrow(UnresolvableReference);
    expect(attempt).toThrow(/aws_iam_openid_connect_provider\.fromCluster\.arn is known only at apply/);
    try {
      attempt();
    } catch (e) {
      const error = e as UnresolvableReference;
      expect(error.hint).toContain('providerArns: { "aws_iam_openid_connect_provider.fromCluster"');
      expect(error.hint).toContain('values: { "data.aws_eks_cluster.c.identity[0].oidc[0].issuer"');
    }
    expect(() => evaluate("${var.nodefault}", config)).toThrow(/var.nodefault is a variable without a default/);
    expect(() => evaluate("${aws_iam_role.r.arn}", config)).toThrow(/aws_iam_role.r.arn is known only at apply/);
    expect(() => evaluate("${aws_iam_role.missing.arn}", config)).toThrow(/not in the configuration/);
  });

  test("supplied values: by reference (legacy .0 indexes accepted), by provider ARN, by issuer host", () => {
    const issuer = "https://oidc.eks.eu-west-1.amazonaws.com/id/BBBB";
    const viaValue = { values: { "data.aws_eks_cluster.c.identity.0.oidc.0.issuer": issuer } };
    expect(evaluate(hostOf("aws_iam_openid_connect_provider.fromCluster"), config, viaValue)).toBe(
      "oidc.eks.eu-west-1.amazonaws.com/id/BBBB",
    );
    const arn = "arn:aws-cn:iam::444455556666:oidc-provider/oidc.eks.cn-north-1.amazonaws.com.cn/id/CCCC";
    const viaArn = { providerArns: { "aws_iam_openid_connect_provider.fromCluster": arn } };
    expect(evaluate("${aws_iam_openid_connect_provider.fromCluster.arn}", config, viaArn)).toBe(arn);
    const viaHost = { issuerHosts: { "aws_iam_openid_connect_provider.fromCluster": "h.example.com/x" }, partition: "aws-us-gov" };
    expect(evaluate("${aws_iam_openid_connect_provider.fromCluster.arn}", config, viaHost)).toBe(
      "arn:aws-us-gov:iam::111122223333:oidc-provider/h.example.com/x",
    );
  });

  test("canonical references", () => {
    expect(canonicalReference("data.x.y.identity.0.oidc[0].issuer")).toBe("data.x.y.identity[0].oidc[0].issuer");
    expect(canonicalReference('local.m["a b"]')).toBe('local.m["a b"]');
  });
});
