/**
 * Which `aws_iam_role` a test means: a role construct of this library (anything with a `role`
 * that is an `aws_iam_role`, or a `roleArn` token), an `IamRole`, or the address as a string.
 */
import { DefaultTokenResolver, StringConcat, TerraformStack, Token, Tokenization } from "cdktf";
import { IConstruct } from "constructs";

const ADDRESS = /^aws_iam_role\.([A-Za-z_][\w-]*)$/;
const ARN_REFERENCE = /^\$\{aws_iam_role\.([A-Za-z_][\w-]*)\.arn\}$/;

interface TerraformRoleLike {
  readonly terraformResourceType?: unknown;
  readonly friendlyUniqueId?: unknown;
}

function roleNameOf(candidate: unknown): string | undefined {
  const element = candidate as TerraformRoleLike | undefined;
  if (element?.terraformResourceType !== "aws_iam_role" || typeof element.friendlyUniqueId !== "string") return undefined;
  return element.friendlyUniqueId;
}

/** The name part of the role's address (`aws_iam_role.<name>`). */
export function roleAddressName(role: IConstruct | string): string {
  if (typeof role === "string") {
    const m = ADDRESS.exec(role);
    if (m === null) throw new Error(`IrsaAssertions: "${role}" is not a role address; write it as aws_iam_role.<name>`);
    return m[1];
  }
  const direct = roleNameOf(role) ?? roleNameOf((role as { role?: unknown }).role);
  if (direct !== undefined) return direct;
  const arn = (role as { roleArn?: unknown }).roleArn;
  if (typeof arn === "string" && Token.isUnresolved(arn)) {
    const resolved = Tokenization.resolve(arn, {
      scope: TerraformStack.of(role),
      resolver: new DefaultTokenResolver(new StringConcat()),
      preparing: false,
    });
    const m = ARN_REFERENCE.exec(String(resolved));
    if (m !== null) return m[1];
  }
  throw new Error(
    `IrsaAssertions: cannot tell which aws_iam_role ${role.node.path} is; pass a construct with a "role" (IrsaRole), ` +
      `an IamRole, or the address "aws_iam_role.<name>"`,
  );
}
