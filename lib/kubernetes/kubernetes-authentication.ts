/** How {@link EksKubernetesProvider} logs in to the cluster. */
import { Validator } from "../validation/validator";

/**
 * How the kubernetes provider gets its token. Props take the value as a string (`"token"`) or as
 * this enum (`KubernetesAuthentication.TOKEN`).
 */
export enum KubernetesAuthentication {
  /**
   * Run `aws eks get-token` at every plan and apply (`exec` block). Needs the `aws` CLI on the
   * runner: a laptop, CI with the CLI installed, a Terraform Cloud agent that has it. Terraform
   * Cloud's hosted runners have no `aws` binary ("executable aws not found").
   */
  EXEC = "exec",
  /**
   * Read a token with `data "aws_eks_cluster_auth"` (hashicorp/aws) and pass it as `token`: no CLI
   * needed, so it works on Terraform Cloud's hosted runners. The token is valid for 15 minutes from
   * the refresh that read it, enough for a plan or an apply of these resources, not for a long one.
   */
  TOKEN = "token",
}

const VALUES: readonly string[] = Object.values(KubernetesAuthentication);

/** Reads the mode given as the enum or as its string; anything else is a clear error. */
export function parseKubernetesAuthentication(validator: Validator, value: unknown): KubernetesAuthentication {
  if (value === undefined) return KubernetesAuthentication.EXEC;
  const mode = validator.requireString("authentication", value);
  if (!VALUES.includes(mode)) validator.reject("authentication", mode, `is not one of ${VALUES.map((v) => `"${v}"`).join(", ")}`);
  return mode as KubernetesAuthentication;
}
