/**
 * The Terraform interpreter of cdktf-eks-irsa/testing against the examples of Terraform's own
 * function and template documentation, and the expressions this library emits.
 */
import { ConfigReferences, canonicalReference, UnresolvableReference } from "../../lib/testing/terraform/config-references";
import { TfValue } from "../../lib/testing/terraform/syntax";

const NO_VALUES = { providerArns: {}, issuerHosts: {}, values: {}, accountId: "111122223333", partition: "aws" };

function evaluate(template: string, config: object = {}, known: Partial<typeof NO_VALUES> = {}): TfValue {
  return new ConfigReferences(config, { ...NO_VALUES, ...known }).resolveString(template);
}

describe("functions, with the examples of their documentation", () => {
  test.each<[string, TfValue]>([
    ['${replace("1 + 2 + 3", "+", "-")}', "1 - 2 - 3"],
    ['${replace("hello world", "/w.*d/", "everybody")}', "hello everybody"],
    ['${replace("hello world", "/(h)(e)/", "$2$1")}', "ehllo world"],
    ['${replace("hello world", "/(?P<first>h)/", "[$${first}]")}', "[h]ello world"],
    ['${replace("a/b", "/", "-")}', "a-b"],
    ['${split(",", "foo,bar,baz")}', ["foo", "bar", "baz"]],
    ['${element(["a", "b", "c"], 1)}', "b"],
    ['${element(["a", "b", "c"], 3)}', "a"],
    ['${element(split("/", "a/b/c"), 2)}', "c"],
    ['${join(", ", ["foo", "bar", "baz"])}', "foo, bar, baz"],
    ['${regex("[a-z]+", "53453453.345345aaabbbccc23454")}', "aaabbbccc"],
    ['${regex("(\\\\d\\\\d\\\\d\\\\d)-(\\\\d\\\\d)-(\\\\d\\\\d)", "2019-02-01")}', ["2019", "02", "01"]],
    [
      '${regex("^(?:(?P<scheme>[^:/?#]+):)?(?://(?P<authority>[^/?#]*))?", "https://terraform.io/docs/")}',
      { scheme: "https", authority: "terraform.io" },
    ],
    ['${regexall("[a-z]+", "1234abcd5678efgh9")}', ["abcd", "efgh"]],
    ['${trimprefix("helloworld", "hello")}', "world"],
    ['${trimsuffix("helloworld", "world")}', "hello"],
    ['${trimspace("  hello\\n\\n")}', "hello"],
    ['${trim("?!hello?!", "!?")}', "hello"],
    ['${substr("hello world", 1, 4)}', "ello"],
    ['${substr("🤔🤷", 0, 1)}', "🤔"],
    ['${substr("hello world", -5, -1)}', "world"],
    ['${format("Hello, %s!", "Ander")}', "Hello, Ander!"],
    ['${format("There are %d lights", 4)}', "There are 4 lights"],
    ['${lower("HELLO")}${upper("hello")}', "helloHELLO"],
    ['${length(["a", "b"])}', 2],
    ['${concat(["a", ""], ["b", "c"])}', ["a", "", "b", "c"]],
    ['${coalesce("", "b")}', "b"],
    ['${compact(["a", "", "b"])}', ["a", "b"]],
    ['${distinct(["a", "b", "a", "c", "d", "b"])}', ["a", "b", "c", "d"]],
    ['${flatten([["a", "b"], [], ["c"]])}', ["a", "b", "c"]],
    ['${lookup({a="ay", b="bee"}, "c", "what?")}', "what?"],
    ['${jsonencode({"hello"="world"})}', '{"hello":"world"}'],
    ['${jsondecode("{\\"hello\\": \\"world\\"}")["hello"]}', "world"],
    ['${contains(["a", "b", "c"], "a")}', true],
    ['${startswith("hello world", "hello")}', true],
    ['${merge({a="b", c="d"}, {e="f", c="z"})}', { a: "b", c: "z", e: "f" }],
    ['${concat([["a"], ["b"]]...)}', ["a", "b"]],
  ])("%s", (template, expected) => {
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
  test.each<[string, TfValue]>([
    ["plain text", "plain text"],
    ["$${aws:username} is escaped", "${aws:username} is escaped"],
    ["%%{ literal", "%{ literal"],
    ["${1 + 2 * 3}", 7],
    ["${(1 + 2) * 3 - 1}", 8],
    ['${"a" == "a" ? "yes" : "no"}', "yes"],
    ["${!true || 2 >= 2}", true],
    ["${-1 < 0 && 5 % 3 == 2}", true],
    ['x-${"y"}-${2}', "x-y-2"],
    ['${"nested ${"quoted"} template"}', "nested quoted template"],
    ['${["a", "b"][1]}', "b"],
    ['${{ k = "v" }.k}', "v"],
    ['${~ "stripped" ~}', "stripped"],
  ])("%s", (template, expected) => {
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
