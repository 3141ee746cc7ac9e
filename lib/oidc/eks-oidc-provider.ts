import { DataAwsIamOpenidConnectProvider } from "@cdktf/provider-aws/lib/data-aws-iam-openid-connect-provider";
import { IamOpenidConnectProvider } from "@cdktf/provider-aws/lib/iam-openid-connect-provider";
import { DataTlsCertificate } from "@cdktf/provider-tls/lib/data-tls-certificate";
import { Annotations, Token } from "cdktf";
import { Construct } from "constructs";
import { issuerUrl as issuerUrlRule, oidcProviderArn } from "../validation/eks-rules";
import { Validator } from "../validation/validator";
import { EksOidcProviderProps } from "./eks-oidc-provider-props";
import { eksOidcProviderSpec, EksOidcProviderSpec } from "./eks-oidc-provider-spec";
import { notDualStackIssuer, notDualStackProviderArn, issuerHostFromArn, issuerHostFromUrl } from "./issuer-host";
import { ImportedOidcProvider } from "./imported-oidc-provider";
import { IOidcProvider } from "./oidc-provider";

/**
 * The IAM OIDC identity provider of one EKS cluster, with a correct thumbprint list. Create one per
 * cluster and pass it to every {@link IrsaRole} of that cluster.
 */
export class EksOidcProvider extends Construct implements IOidcProvider {
  /** Uses a provider that already exists, by ARN. Creates no resources. */
  public static fromArn(scope: Construct, id: string, arn: string): IOidcProvider {
    const validator: Validator = new Validator(`EksOidcProvider.fromArn "${id}"`);
    validator.requireString("arn", arn);
    validator.check("arn", arn, oidcProviderArn);
    validator.check("arn", arn, notDualStackProviderArn);
    return new ImportedOidcProvider(scope, id, arn);
  }

  /** Looks an existing provider up by its issuer URL (`data "aws_iam_openid_connect_provider"`). */
  public static fromIssuerUrl(scope: Construct, id: string, url: string): IOidcProvider {
    const validator: Validator = new Validator(`EksOidcProvider.fromIssuerUrl "${id}"`);
    validator.requireString("url", url);
    validator.check("url", url, issuerUrlRule, notDualStackIssuer);
    const holder = new Construct(scope, id);
    const lookup = new DataAwsIamOpenidConnectProvider(holder, "lookup", { url });
    const host = Token.isUnresolved(url) ? issuerHostFromArn(lookup.arn) : issuerHostFromUrl(url);
    return new ImportedOidcProvider(holder, "provider", lookup.arn, host);
  }

  public readonly arn: string;
  public readonly issuerHost: string;
  /** The issuer URL as given. */
  public readonly issuerUrl: string;
  /** The provider's client IDs (always set here; optional only because {@link IOidcProvider} has it optional). */
  public readonly clientIds?: string[];
  /** The `aws_iam_openid_connect_provider` resource. */
  public readonly resource: IamOpenidConnectProvider;
  /** The `tls_certificate` data source, absent when `fetchThumbprint` is false. */
  public readonly certificate?: DataTlsCertificate;

  constructor(scope: Construct, id: string, props: EksOidcProviderProps) {
    super(scope, id);
    const spec = eksOidcProviderSpec(id, props);
    this.issuerUrl = spec.issuerUrl;
    this.clientIds = spec.clientIds;

    if (spec.fetchThumbprint) this.certificate = new DataTlsCertificate(this, "certificate", { url: spec.issuerUrl });
    this.resource = new IamOpenidConnectProvider(this, "provider", {
      url: spec.issuerUrl,
      clientIdList: spec.clientIds,
      thumbprintList: this.thumbprintList(spec),
      tags: spec.tags,
    });
    this.arn = this.resource.arn;
    // A literal URL gives a host known at plan time; a token URL takes the host from the ARN so that
    // it never carries a scheme, whatever the `url` attribute returns.
    this.issuerHost = Token.isUnresolved(spec.issuerUrl) ? issuerHostFromArn(this.arn) : issuerHostFromUrl(spec.issuerUrl);
  }

  /** The fetched thumbprint first, then the static ones; `undefined` (IAM's own CAs) when there are none. */
  private thumbprintList(spec: EksOidcProviderSpec): string[] | undefined {
    const statics = spec.staticThumbprints;
    if (this.certificate !== undefined) {
      // certificates[0] is the top-most certificate the issuer sends (tls_certificate reverses the
      // chain): the CA that AWS documents as the thumbprint. certificates[*] would pin the leaf.
      const fetched = this.certificate.certificates.get(0).sha1Fingerprint;
      return Token.isUnresolved(statics) ? statics : [fetched, ...statics];
    }
    if (Token.isUnresolved(statics) || statics.length > 0) return statics;
    Annotations.of(this).addWarning(
      `EksOidcProvider "${this.node.id}": no thumbprint is pinned (fetchThumbprint is false and thumbprints is empty); ` +
        "IAM then relies on its own trusted CAs, which works for EKS issuers only.",
    );
    return undefined;
  }
}
