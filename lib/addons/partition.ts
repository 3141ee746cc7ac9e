/**
 * The AWS partition, region and account of a stack, read once per stack from shared data sources
 * (`data "aws_partition" "aws-partition"` and friends) so that every add-on policy of every role in
 * the stack builds its ARNs from the same references.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- the data source modules load on first use, not at start-up */
import { TerraformDataSource, TerraformStack } from "cdktf";
import { IConstruct } from "constructs";
import { ValidationError } from "../validation/validator";

/** Where an add-on policy is rendered: the partition, region and account its ARNs use. */
export interface AddonPolicyContext {
  /** `aws`, `aws-cn`, `aws-us-gov`, ... (literal or token). */
  readonly partition: string;
  /** The region of Region-scoped ARNs and conditions, e.g. `us-west-2` (literal or token). */
  readonly region: string;
  /** The 12-digit account ID of account-scoped ARNs (literal or token). */
  readonly accountId: string;
}

/** Construct IDs of the shared data sources: fixed, so that their addresses never change. */
const SHARED = {
  partition: { id: "aws-partition", type: "aws_partition" },
  region: { id: "aws-region", type: "aws_region" },
  account: { id: "aws-caller-identity", type: "aws_caller_identity" },
} as const;

const cache = new WeakMap<TerraformStack, { partition?: string; region?: string; accountId?: string }>();

/** The shared data source of a stack, created on first use. */
function shared<T extends TerraformDataSource>(scope: IConstruct, which: keyof typeof SHARED, create: (stack: TerraformStack) => T): T {
  const stack = TerraformStack.of(scope);
  const { id, type } = SHARED[which];
  const existing = stack.node.tryFindChild(id);
  if (existing === undefined) return create(stack);
  if (!(existing instanceof TerraformDataSource) || existing.terraformResourceType !== type) {
    throw new ValidationError(
      `The stack's construct "${id}" is not a data "${type}": cdktf-eks-irsa keeps one there for the ARNs of add-on policies`,
    );
  }
  return existing as T;
}

function cached(scope: IConstruct): { partition?: string; region?: string; accountId?: string } {
  const stack = TerraformStack.of(scope);
  let entry = cache.get(stack);
  if (entry === undefined) cache.set(stack, (entry = {}));
  return entry;
}

/** The stack's AWS partition, from one shared `data "aws_partition"`. */
export class AwsPartition {
  /**
   * The partition (`aws`, `aws-cn`, `aws-us-gov`, ...) of the stack's default AWS provider, as a
   * token. Every call in a stack refers to the same `data "aws_partition" "aws-partition"`: build
   * ARNs with it instead of writing the partition literally.
   */
  public static of(scope: IConstruct): string {
    const entry = cached(scope);
    entry.partition ??= shared(scope, "partition", (stack) => {
      const { DataAwsPartition } =
        require("@cdktf/provider-aws/lib/data-aws-partition") as typeof import("@cdktf/provider-aws/lib/data-aws-partition");
      return new DataAwsPartition(stack, SHARED.partition.id);
    }).partition;
    return entry.partition;
  }

  private constructor() {}
}

/**
 * The context of a stack. Each value creates its data source only when a document reads it, so a
 * stack whose add-ons need no region gets no `data "aws_region"`.
 */
export function stackContext(scope: IConstruct): AddonPolicyContext {
  const entry = cached(scope);
  return {
    get partition() {
      return AwsPartition.of(scope);
    },
    get region() {
      entry.region ??= shared(scope, "region", (stack) => {
        const { DataAwsRegion } =
          require("@cdktf/provider-aws/lib/data-aws-region") as typeof import("@cdktf/provider-aws/lib/data-aws-region");
        return new DataAwsRegion(stack, SHARED.region.id);
      }).region;
      return entry.region;
    },
    get accountId() {
      entry.accountId ??= shared(scope, "account", (stack) => {
        const { DataAwsCallerIdentity } =
          require("@cdktf/provider-aws/lib/data-aws-caller-identity") as typeof import("@cdktf/provider-aws/lib/data-aws-caller-identity");
        return new DataAwsCallerIdentity(stack, SHARED.account.id);
      }).accountId;
      return entry.accountId;
    },
  };
}

/**
 * The context used to estimate sizes at construction: the longest common partition name, and a
 * region and account of typical length.
 */
export const SIZE_ESTIMATE_CONTEXT: AddonPolicyContext = { partition: "aws-us-gov", region: "ap-southeast-2", accountId: "123456789012" };

/** An ARN in the context's partition: `arn:<partition>:<service>:<region>:<account>:<resource>`. */
export function arn(context: AddonPolicyContext, service: string, region: string, account: string, resource: string): string {
  return `arn:${context.partition}:${service}:${region}:${account}:${resource}`;
}
