/**
 * What the Pod Identity role needs to chain into a target role: sts:AssumeRole and sts:TagSession
 * on that role (EKS user guide, "Access AWS resources using EKS Pod Identity Target IAM Roles").
 */
import { POD_IDENTITY_ACTIONS } from "../facts/eks";
import { POLICY_VERSION } from "../facts/iam";

/** Name of that inline policy on the role (and part of its construct id: never rename). */
export const TARGET_ROLE_POLICY_NAME = "assume-target-role";

export function targetRolePolicy(targetRoleArn: string): string {
  return JSON.stringify({
    Version: POLICY_VERSION,
    Statement: [{ Effect: "Allow", Action: POD_IDENTITY_ACTIONS, Resource: targetRoleArn }],
  });
}
