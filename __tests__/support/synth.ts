import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { KubernetesProvider } from "@cdktf/provider-kubernetes/lib/provider";
import { TlsProvider } from "@cdktf/provider-tls/lib/provider";
import { DefaultTokenResolver, StringConcat, TerraformStack, Testing, Tokenization } from "cdktf";

export type Json = { [key: string]: any };

/** A stack with the three providers configured, so that cdktf's own validations pass. */
export function newStack(id = "test"): TerraformStack {
  const stack = new TerraformStack(Testing.app(), id);
  new AwsProvider(stack, "aws", { region: "us-west-2" });
  new TlsProvider(stack, "tls");
  new KubernetesProvider(stack, "kubernetes", {});
  return stack;
}

/** Synthesizes with validations and returns the text (for snapshots) and the parsed JSON. */
export function synth(stack: TerraformStack): { text: string; json: Json } {
  const text = Testing.synth(stack, true);
  return { text, json: JSON.parse(text) };
}

/** All blocks of one resource type, by logical ID. */
export function resources(json: Json, type: string): { [id: string]: Json } {
  return json.resource?.[type] ?? {};
}

export function dataSources(json: Json, type: string): { [id: string]: Json } {
  return json.data?.[type] ?? {};
}

/** The single block of a type (fails when there are zero or several). */
export function only(blocks: { [id: string]: Json }): [string, Json] {
  const entries = Object.entries(blocks);
  if (entries.length !== 1) throw new Error(`expected exactly one block, found ${entries.length}: ${Object.keys(blocks).join(", ")}`);
  return entries[0];
}

/** `${aws_iam_role.x.arn}` for a resource address and attribute. */
export const ref = (type: string, id: string, attribute: string) => `\${${type}.${id}.${attribute}}`;

/** The Terraform expression a token stands for, e.g. `${aws_iam_role.x.arn}`. */
export function resolveIn(stack: TerraformStack, value: unknown): any {
  return Tokenization.resolve(value, { scope: stack, resolver: new DefaultTokenResolver(new StringConcat()), preparing: false });
}

/** Every Terraform address in a synthesized stack (`type.id`, `data.type.id`), sorted. */
export function addresses(json: Json): string[] {
  return ["resource", "data"]
    .flatMap((kind) =>
      Object.entries<Json>(json[kind] ?? {}).flatMap(([type, blocks]) =>
        Object.keys(blocks).map((id) => `${kind === "data" ? "data." : ""}${type}.${id}`),
      ),
    )
    .sort();
}

/** The data sources and resources the default app synthesizes: the five wrapped types and the cluster lookup. */
export const DEFAULT_APP_TYPES = {
  data: ["aws_eks_cluster", "aws_iam_policy_document", "tls_certificate"],
  resource: ["aws_iam_openid_connect_provider", "aws_iam_role", "aws_iam_role_policy", "kubernetes_annotations"],
};

/** The data source and resource types of a synthesized configuration, sorted. */
export const typesOf = (json: Json) => ({ data: Object.keys(json.data ?? {}).sort(), resource: Object.keys(json.resource ?? {}).sort() });
