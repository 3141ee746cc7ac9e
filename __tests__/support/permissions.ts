/**
 * The permission policies of a synthesized role, as literal IAM JSON for one partition, region and
 * account: the Terraform references this library emits (the shared data sources, policy ARNs) are
 * resolved, and AWS managed policies are read from fixtures (__tests__/addons/fixtures/aws-managed).
 */
import { readFileSync } from "fs";
import { join } from "path";
import { Json } from "./synth";

export const PARTITIONS = ["aws", "aws-cn", "aws-us-gov"] as const;
export type Partition = (typeof PARTITIONS)[number];

/** Where a synthesized stack is deployed. */
export interface Environment {
  readonly partition: Partition;
  readonly region: string;
  readonly accountId: string;
}

export const ENVIRONMENTS: { readonly [P in Partition]: Environment } = {
  aws: { partition: "aws", region: "us-west-2", accountId: "111122223333" },
  "aws-cn": { partition: "aws-cn", region: "cn-north-1", accountId: "111122223333" },
  "aws-us-gov": { partition: "aws-us-gov", region: "us-gov-west-1", accountId: "111122223333" },
};

const MANAGED_FIXTURES = join(__dirname, "..", "addons", "fixtures", "aws-managed");

/** An AWS managed policy's document in a partition (the fixtures are written for `aws`). */
export function managedPolicy(name: string, partition: Partition): string {
  return readFileSync(join(MANAGED_FIXTURES, `${name}.json`), "utf8").replace(/arn:aws:/g, `arn:${partition}:`);
}

/** Resolves `${...}` references of the stack's data sources and IAM policies to literal values. */
export function resolver(json: Json, env: Environment): (text: string) => string {
  const values: { [expression: string]: string } = {};
  for (const id of Object.keys(json.data?.aws_partition ?? {})) values[`data.aws_partition.${id}.partition`] = env.partition;
  for (const id of Object.keys(json.data?.aws_region ?? {})) values[`data.aws_region.${id}.region`] = env.region;
  for (const id of Object.keys(json.data?.aws_caller_identity ?? {})) values[`data.aws_caller_identity.${id}.account_id`] = env.accountId;
  for (const id of Object.keys(json.resource?.aws_iam_policy ?? {})) {
    values[`aws_iam_policy.${id}.arn`] = `arn:${env.partition}:iam::${env.accountId}:policy/${id}`;
  }
  return (text) =>
    text.replace(/\$\{([^}]*)\}/g, (_m, expression: string) => {
      const value = values[expression.trim()];
      if (value === undefined) throw new Error(`cannot resolve \${${expression}}`);
      return value;
    });
}

/** The permission policy documents (JSON) of a role: attached customer and AWS managed policies, inline policies. */
export function rolePolicies(json: Json, roleId: string, env: Environment): string[] {
  const resolve = resolver(json, env);
  const ofRole = (block: Json) => block.role === `\${aws_iam_role.${roleId}.name}`;
  const policies = json.resource?.aws_iam_policy ?? {};
  const attached = Object.values<Json>(json.resource?.aws_iam_role_policy_attachment ?? {})
    .filter(ofRole)
    .map((attachment) => {
      const local = /^\$\{aws_iam_policy\.(.+)\.arn\}$/.exec(attachment.policy_arn);
      if (local) return resolve(policies[local[1]].policy);
      const arn = resolve(attachment.policy_arn);
      const managed = new RegExp(`^arn:${env.partition}:iam::aws:policy/(.+)$`).exec(arn);
      if (!managed) throw new Error(`attachment of ${arn}: neither a policy of the stack nor an AWS managed policy of ${env.partition}`);
      return managedPolicy(managed[1], env.partition);
    });
  const inline = Object.values<Json>(json.resource?.aws_iam_role_policy ?? {})
    .filter(ofRole)
    .map((p) => resolve(p.policy));
  return [...attached, ...inline];
}
