/** The part of a Terraform JSON configuration (cdk.tf.json, *.tf.json) the trust checks read, in object form (see normalize-config.ts). */

export type Block = { [attribute: string]: unknown };

export interface TerraformConfig {
  readonly resource?: { readonly [type: string]: { readonly [name: string]: Block } };
  readonly data?: { readonly [type: string]: { readonly [name: string]: Block } };
  readonly module?: { readonly [name: string]: Block };
  readonly variable?: { readonly [name: string]: Block };
  readonly output?: { readonly [name: string]: Block };
  readonly locals?: Block;
}

/** Where a trust policy sits: `aws_iam_role.app` or `data.aws_iam_policy_document.trust`. */
export interface TerraformAddress {
  readonly mode: "managed" | "data";
  readonly type: string;
  readonly name: string;
}

export const addressText = (a: TerraformAddress): string => `${a.mode === "data" ? "data." : ""}${a.type}.${a.name}`;
