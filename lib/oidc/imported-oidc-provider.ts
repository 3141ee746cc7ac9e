import { Construct } from "constructs";
import { issuerHostFromArn } from "./issuer-host";
import { IOidcProvider } from "./oidc-provider";

/** An OIDC provider that already exists, known by ARN or looked up by issuer URL. Creates nothing. */
export class ImportedOidcProvider extends Construct implements IOidcProvider {
  public readonly issuerHost: string;

  constructor(
    scope: Construct,
    id: string,
    public readonly arn: string,
    issuerHost?: string,
  ) {
    super(scope, id);
    this.issuerHost = issuerHost ?? issuerHostFromArn(arn);
  }
}
