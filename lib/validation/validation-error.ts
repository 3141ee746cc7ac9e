/**
 * Bad input. The message names the construct, the property, the offending value and the rule, e.g.
 * `IrsaRole "app": serviceAccounts[1].namespace "Prod" is not a valid Kubernetes namespace (...)`.
 * Catch it to tell bad input apart from a bug.
 */
export class ValidationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ValidationError";
  }
}
