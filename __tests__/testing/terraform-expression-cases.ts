/**
 * The cases of the Terraform interpreter's tests (terraform-expressions.test.ts), shared with the
 * check that runs them through `terraform console` (terraform-console.test.ts).
 */
import { TfValue } from "../../lib/evaluation/terraform/syntax";

/** [template as cdktf writes it in JSON, its value]: the examples of Terraform's function documentation. */
export const FUNCTION_CASES: readonly [string, TfValue][] = [
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
];

/** [template, value]: template syntax and operators. */
export const TEMPLATE_CASES: readonly [string, TfValue][] = [
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
];
