/** Rules for EKS inputs: cluster names (EKS API, CreateCluster `name`) and role ARNs that associations point at. */
import { Rule } from "./rule";

export const eksClusterName: Rule<string> = (name) =>
  /^[0-9A-Za-z][A-Za-z0-9_-]{0,99}$/.test(name)
    ? undefined
    : "is not an EKS cluster name (1 to 100 letters, digits, '-' and '_', starting with a letter or digit)";

export const iamRoleArn: Rule<string> = (arn) =>
  /^arn:[\w-]+:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/.test(arn) && /[^/]$/.test(arn)
    ? undefined
    : "is not an IAM role ARN (arn:<partition>:iam::<account>:role/<path and name>)";
