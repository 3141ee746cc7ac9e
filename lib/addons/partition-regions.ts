/**
 * Which Regions each AWS partition holds: the one place these facts live. A Region belongs to
 * exactly one partition, and its name says which: the `regionRegex` of each partition in the AWS
 * SDKs' partitions.json (@aws-sdk/util-endpoints `lib/aws/partitions.json`): `^cn\-`, `^us\-gov\-`,
 * `^us\-iso\-`, `^us\-isob\-`, `^eu\-isoe\-`, `^us\-isof\-`, `^eusc\-(de)\-`; every other Region
 * is in `aws`.
 */

/** A partition and the prefix of its Regions' names (`undefined` for `aws`: every Region no other partition claims). */
interface PartitionRegions {
  readonly partition: string;
  readonly regionPrefix?: string;
  /** How its Regions look, for messages. */
  readonly regions: string;
}

const PARTITION_REGIONS: readonly PartitionRegions[] = [
  { partition: "aws-cn", regionPrefix: "cn-", regions: "cn-* Regions (cn-north-1, cn-northwest-1)" },
  { partition: "aws-us-gov", regionPrefix: "us-gov-", regions: "us-gov-* Regions (us-gov-west-1, us-gov-east-1)" },
  { partition: "aws-iso", regionPrefix: "us-iso-", regions: "us-iso-* Regions" },
  { partition: "aws-iso-b", regionPrefix: "us-isob-", regions: "us-isob-* Regions" },
  { partition: "aws-iso-e", regionPrefix: "eu-isoe-", regions: "eu-isoe-* Regions" },
  { partition: "aws-iso-f", regionPrefix: "us-isof-", regions: "us-isof-* Regions" },
  { partition: "aws-eusc", regionPrefix: "eusc-", regions: "eusc-* Regions" },
  { partition: "aws", regions: "the commercial Regions (none of cn-*, us-gov-*, us-iso*-*, eu-isoe-*, eusc-*)" },
];

/** Every partition this library knows, e.g. for messages. */
export function knownPartitions(): string[] {
  return PARTITION_REGIONS.map((p) => p.partition);
}

/** The partition that holds a Region, from the Region's name. */
export function partitionOfRegion(region: string): string {
  return (PARTITION_REGIONS.find((p) => p.regionPrefix !== undefined && region.startsWith(p.regionPrefix)) ?? { partition: "aws" })
    .partition;
}

/**
 * Why a partition and a Region do not go together (a phrase for an error message), or undefined
 * when they do. A Region of `*` or an empty Region (global services) fits every known partition.
 */
export function partitionRegionMismatch(partition: string, region: string): string | undefined {
  const entry = PARTITION_REGIONS.find((p) => p.partition === partition);
  if (entry === undefined) return `names partition ${partition}, which AWS does not have (known: ${knownPartitions().join(", ")})`;
  if (region === "" || region === "*") return undefined;
  const holder = partitionOfRegion(region);
  if (holder === partition) return undefined;
  return `names Region ${region} in partition ${partition}, which holds only ${entry.regions}; ${region} is in ${holder}`;
}
