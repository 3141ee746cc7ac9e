/** The `aws_iam_openid_connect_provider` blocks of a configuration, as the OIDC provider rules read them. */
import { blocksOfType } from "./config-blocks";
import { TerraformAddress } from "./terraform-config";
import { isExpression } from "./terraform-expression";
import { ValueSyntax } from "./trust-statement";

export const OIDC_PROVIDER_TYPE = "aws_iam_openid_connect_provider";

/** A list attribute: its literal items (strings, each maybe an expression), or the whole list as one expression. */
export type ListValue =
  | { readonly kind: "absent" }
  | { readonly kind: "expression"; readonly text: string }
  | { readonly kind: "items"; readonly items: readonly string[] };

export interface OidcProviderBlock {
  readonly address: TerraformAddress;
  /** The literal URL, the expression that gives it, or undefined when the block has none. */
  readonly url: string | undefined;
  readonly clientIds: ListValue;
  readonly thumbprints: ListValue;
  /** The provider's ARN, when the configuration states it (a plan's or state's values, an export). */
  readonly arn: string | undefined;
  readonly syntax: ValueSyntax;
}

function listValue(value: unknown, syntax: ValueSyntax): ListValue {
  if (value === undefined || value === null) return { kind: "absent" };
  if (typeof value === "string")
    return isExpression(value, syntax) ? { kind: "expression", text: value } : { kind: "items", items: [value] };
  if (Array.isArray(value)) return { kind: "items", items: value.map((v) => (typeof v === "string" ? v : JSON.stringify(v))) };
  return { kind: "expression", text: JSON.stringify(value) };
}

/** Every OIDC provider resource of the configuration (data sources read an existing provider: nothing to judge). */
export function oidcProvidersOf(config: unknown, syntax: ValueSyntax): OidcProviderBlock[] {
  return blocksOfType(config, "managed", OIDC_PROVIDER_TYPE).map(({ address, block }) => ({
    address,
    url: typeof block.url === "string" ? block.url : undefined,
    clientIds: listValue(block.client_id_list, syntax),
    thumbprints: listValue(block.thumbprint_list, syntax),
    arn: typeof block.arn === "string" && !isExpression(block.arn, syntax) ? block.arn : undefined,
    syntax,
  }));
}

/** The issuer host of a literal URL (without scheme and trailing slash); undefined for an expression. */
export function hostOfUrl(url: string | undefined, syntax: ValueSyntax): string | undefined {
  if (url === undefined || isExpression(url, syntax)) return undefined;
  return url.replace(/^[a-z][a-z0-9+.-]*:\/\//i, "").replace(/\/+$/, "");
}
