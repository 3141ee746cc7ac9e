import { ValidationError } from "./validator";

/**
 * Tells the library's bad-input errors apart from bugs. The constructs throw an `Error` whose `name` is
 * `"ValidationError"` and whose message names the construct, the property, the offending value and
 * the rule, e.g. `IrsaRole "app": serviceAccounts[1].namespace "Prod" is not a valid Kubernetes namespace (...)`.
 * (The error class itself is not exported: jsii cannot carry a class that extends `Error`.)
 */
export class ValidationErrors {
  /** The `name` of every error this library throws for bad input. */
  public static readonly NAME = "ValidationError";

  /** True for an error this library threw because of bad input (not a bug, not an error of cdktf). */
  public static isValidationError(thrown: any): boolean {
    return thrown instanceof ValidationError;
  }

  private constructor() {}
}
