/**
 * Which Regions each AWS partition holds: the one place these facts live. A Region belongs to at
 * most one partition, and its name says which: the `regionRegex` of each partition in the AWS
 * SDKs' partitions.json (@aws-sdk/util-endpoints `lib/aws/partitions.json`), copied below.
 */

interface PartitionRegions {
  readonly partition: string;
  /** The SDKs' `regionRegex` of the partition. */
  readonly regionRegex: RegExp;
  /** How its Regions look, for messages. */
  readonly regions: string;
}

const PARTITION_REGIONS: readonly PartitionRegions[] = [
  { partition: "aws", regionRegex: /^(us|eu|ap|sa|ca|me|af|il|mx)-\w+-\d+$/, regions: "the commercial Regions (us-*, eu-*, ap-*, ...)" },
  { partition: "aws-cn", regionRegex: /^cn-\w+-\d+$/, regions: "cn-* Regions (cn-north-1, cn-northwest-1)" },
  { partition: "aws-us-gov", regionRegex: /^us-gov-\w+-\d+$/, regions: "us-gov-* Regions (us-gov-west-1, us-gov-east-1)" },
  { partition: "aws-iso", regionRegex: /^us-iso-\w+-\d+$/, regions: "us-iso-* Regions" },
  { partition: "aws-iso-b", regionRegex: /^us-isob-\w+-\d+$/, regions: "us-isob-* Regions" },
  { partition: "aws-iso-e", regionRegex: /^eu-isoe-\w+-\d+$/, regions: "eu-isoe-* Regions" },
  { partition: "aws-iso-f", regionRegex: /^us-isof-\w+-\d+$/, regions: "us-isof-* Regions" },
  { partition: "aws-eusc", regionRegex: /^eusc-(de)-\w+-\d+$/, regions: "eusc-de-* Regions" },
];

/** Every partition this library knows, e.g. for messages. */
export function knownPartitions(): string[] {
  return PARTITION_REGIONS.map((p) => p.partition);
}

/** The partition that holds a Region, from the Region's name; undefined when no partition does. */
export function partitionOfRegion(region: string): string | undefined {
  return PARTITION_REGIONS.find((p) => p.regionRegex.test(region))?.partition;
}

/**
 * Why a partition and a Region do not go together (a phrase for an error message), or undefined
 * when they do. A Region of `*` or an empty Region (global services) fits every known partition.
 */
export function partitionRegionMismatch(partition: string, region: string): string | undefined {
  const entry = PARTITION_REGIONS.find((p) => p.partition === partition);
  if (entry === undefined) return `names partition ${partition}, which AWS does not have (known: ${knownPartitions().join(", ")})`;
  if (region === "" || region === "*" || entry.regionRegex.test(region)) return undefined;
  const holder = partitionOfRegion(region);
  const where = holder === undefined ? "no partition has such a Region" : `${region} is in ${holder}`;
  return `names Region ${region} in partition ${partition}, which holds only ${entry.regions}; ${where}`;
}
