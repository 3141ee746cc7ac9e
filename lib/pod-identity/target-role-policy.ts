/**
 * What the Pod Identity role needs to chain into a target role: sts:AssumeRole and sts:TagSession
 * on that role (EKS user guide, "Access AWS resources using EKS Pod Identity Target IAM Roles").
 */
/** Name of that inline policy on the role (and part of its construct id: never rename). */
export const TARGET_ROLE_POLICY_NAME = "assume-target-role";

export function targetRolePolicy(targetRoleArn: string): string {
  return JSON.stringify({
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Action: ["sts:AssumeRole", "sts:TagSession"], Resource: targetRoleArn }],
  });
}
