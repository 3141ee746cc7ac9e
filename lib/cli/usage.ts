/**
 * The commands' usage lines, apart from the commands themselves, so that `main` prints them (and
 * dispatches) without loading a command it does not run: `thumbprint` and `--help` start without
 * the check engine, cdktf and the HCL parser.
 */
import { MAX_TIMEOUT_MS } from "./thumbprint/deadline";

export const THUMBPRINT_USAGE =
  `cdktf-eks-irsa thumbprint <issuer-url> [--json] [--timeout <ms, at most ` + `${MAX_TIMEOUT_MS}>] [--no-discovery]`;

export const CHECK_USAGE =
  "cdktf-eks-irsa check [PATH...] [--format text|json|sarif]\n" +
  "         PATH: cdktf.out/, a folder of *.tf / *.tf.json (with its local modules), *.tf, *.tf.json,\n" +
  "               terraform show -json, aws iam get-account-authorization-details, aws iam list-roles,\n" +
  "               kubectl get serviceaccounts -A -o json";
