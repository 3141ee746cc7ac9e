import { IamRoleConfig } from "@cdktf/provider-aws/lib/iam-role";
import { Token } from "cdktf";
import {
  iamPath,
  maxSessionDuration,
  permissionsBoundaryArn,
  roleDescription,
  roleName,
  roleNamePrefix,
  checkPlainMap,
  checkTags,
} from "../validation/iam-rules";
import { Validator } from "../validation/validator";
import { AddonPolicy } from "../addons/addon-policy";
import { RoleOptions } from "./role-options";

/** {@link RoleOptions}, validated, with the name settled: an exact name or a prefix, never both. */
export interface RoleSpec {
  readonly name?: string;
  readonly namePrefix?: string;
  readonly path?: string;
  readonly description?: string;
  readonly maxSessionDuration?: number;
  readonly permissionsBoundaryArn?: string;
  readonly tags?: { [key: string]: string };
  /** Managed policy ARNs (literal or token), in the order given. */
  readonly managedPolicyArns: readonly string[];
  /** Inline policies as [name, policy JSON], in the order given. */
  readonly inlinePolicies: ReadonlyArray<readonly [string, string]>;
  /** Add-on policies, checked where they are attached. */
  readonly addonPolicies?: readonly AddonPolicy[];
}

/**
 * Validates the role options. `defaultNamePrefix` is used when neither a name nor a prefix is
 * given. Policies are only checked for shape here; their rules run where they are attached.
 */
export function roleSpec(validator: Validator, options: RoleOptions, defaultNamePrefix: string): RoleSpec {
  if (options.roleName !== undefined && options.roleNamePrefix !== undefined) {
    validator.reject(
      "roleNamePrefix",
      options.roleNamePrefix,
      "cannot be used together with roleName (IAM names are either exact or prefixed)",
    );
  }
  validator.checkString("roleName", options.roleName, roleName);
  validator.checkString("roleNamePrefix", options.roleNamePrefix, roleNamePrefix);
  validator.checkString("path", options.path, iamPath);
  validator.checkString("description", options.description, roleDescription);
  validator.checkNumber("maxSessionDuration", options.maxSessionDuration, maxSessionDuration);
  validator.checkString("permissionsBoundaryArn", options.permissionsBoundaryArn, permissionsBoundaryArn);
  checkTags(validator, "tags", options.tags);

  const managedPolicyArns = validator.optionalList("managedPolicyArns", options.managedPolicyArns) ?? [];
  const inline = options.inlinePolicies ?? {};
  if (inline === null || typeof inline !== "object" || Array.isArray(inline) || Token.isUnresolved(inline)) {
    validator.reject("inlinePolicies", inline, "must be a map of policy name to policy JSON");
  }
  checkPlainMap(validator, "inlinePolicies", inline);
  return {
    name: options.roleName,
    namePrefix: options.roleName === undefined ? (options.roleNamePrefix ?? defaultNamePrefix) : undefined,
    path: options.path,
    description: options.description,
    maxSessionDuration: options.maxSessionDuration,
    permissionsBoundaryArn: options.permissionsBoundaryArn,
    tags: options.tags,
    managedPolicyArns,
    inlinePolicies: Object.entries(inline),
    addonPolicies: options.addonPolicies,
  };
}

/** The `aws_iam_role` arguments of a role spec. */
export function iamRoleConfig(spec: RoleSpec, assumeRolePolicy: string): IamRoleConfig {
  return {
    name: spec.name,
    namePrefix: spec.namePrefix,
    assumeRolePolicy,
    path: spec.path,
    description: spec.description,
    maxSessionDuration: spec.maxSessionDuration,
    permissionsBoundary: spec.permissionsBoundaryArn,
    tags: spec.tags,
  };
}
