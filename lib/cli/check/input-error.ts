/** An input the `check` command cannot read (missing, not JSON, not Terraform): exit 2 with one line. */
export class InputError extends Error {}
