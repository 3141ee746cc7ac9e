/**
 * Which AWS partition holds a region, so that an ARN of another partition is refused before a plan
 * (`arn:aws:` in cn-north-1 names a provider IAM there can never find). Partitions and their
 * region prefixes: AWS General Reference, "ARN format" / "Regions and endpoints" (aws, aws-cn,
 * aws-us-gov, and the ISO partitions aws-iso, aws-iso-b, aws-iso-e, aws-iso-f).
 */
import * as internal from "../lib/internal";

/** The partition that holds a region, e.g. `aws-cn` for `cn-north-1` (a region no partition knows: `aws`, as before). */
export function partitionOfRegion(region: string): string {
  return internal.partitionOfRegion(region) ?? "aws";
}

/** Rejects an ARN whose partition is not the region's: `path` and the value are named in the message. */
export function checkArnPartition(validator: internal.Validator, path: string, arn: string | undefined, region: string): void {
  if (arn === undefined) return;
  const partition = /^arn:([^:]*):/.exec(arn)?.[1];
  const expected = partitionOfRegion(region);
  if (partition === undefined || partition === expected) return;
  validator.reject(
    path,
    arn,
    `is in partition "${partition}", but region ${region} is in partition "${expected}": IAM there has no such ARN; ` +
      `use the ARN from that partition (arn:${expected}:...)`,
  );
}
