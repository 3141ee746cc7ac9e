import { DataAwsIamOpenidConnectProvider } from "@cdktf/provider-aws/lib/data-aws-iam-openid-connect-provider";
import { IamOpenidConnectProvider } from "@cdktf/provider-aws/lib/iam-openid-connect-provider";
import { DataTlsCertificate } from "@cdktf/provider-tls/lib/data-tls-certificate";
import { Annotations, Token } from "cdktf";
import { Construct } from "constructs";
import { issuerHostFromArn, issuerHostFromUrl } from "./issuer";
import * as rules from "./rules";
import { checkTags, Validator } from "./validation";

/** The audience EKS projects into service account tokens, in every partition (China included). */
export const DEFAULT_AUDIENCE = "sts.amazonaws.com";

/** An IAM OIDC identity provider that role trust policies can name. */
export interface IOidcProvider {
  /** ARN of the IAM OIDC provider (literal or token). */
  readonly arn: string;
  /**
   * Issuer host and path without a scheme, e.g. `oidc.eks.us-west-2.amazonaws.com/id/EXAMPLE`.
   * It prefixes the `:sub` and `:aud` condition keys of trust policies.
   */
  readonly issuerHost: string;
  /**
   * The provider's client IDs (allowed audiences) when they are known at synth time; roles check
   * their audience against them.
   * @default - unknown: the audience is not checked
   */
  readonly clientIds?: string[];
}

/** Properties of {@link EksOidcProvider}. */
export interface EksOidcProviderProps {
  /**
   * The cluster's OIDC issuer URL, e.g. `https://oidc.eks.us-west-2.amazonaws.com/id/EXAMPLE`
   * (literal, or a token such as `aws_eks_cluster.identity[0].oidc[0].issuer`).
   */
  readonly issuerUrl: string;
  /**
   * Client IDs (audiences) the provider accepts.
   * @default ["sts.amazonaws.com"]
   */
  readonly clientIds?: string[];
  /**
   * Static thumbprints (SHA-1, 40 hex characters) pinned in addition to the fetched one, or
   * instead of it when `fetchThumbprint` is false. IAM allows five in all.
   * @default - none
   */
  readonly thumbprints?: string[];
  /**
   * Read the issuer's certificate chain at plan time with the `tls_certificate` data source and pin
   * `certificates[0]` (the top-most certificate the server sends). Set to false on air-gapped or
   * TLS-intercepting runners and pass `thumbprints` instead.
   * @default true
   */
  readonly fetchThumbprint?: boolean;
  /**
   * Tags of the IAM OIDC provider.
   * @default - no tags
   */
  readonly tags?: { [key: string]: string };
}

/** An OIDC provider that already exists, known by ARN or looked up by issuer URL. */
class ImportedOidcProvider extends Construct implements IOidcProvider {
  public readonly issuerHost: string;
  constructor(scope: Construct, id: string, public readonly arn: string, issuerHost?: string) {
    super(scope, id);
    this.issuerHost = issuerHost ?? issuerHostFromArn(arn);
  }
}

/**
 * The IAM OIDC identity provider of one EKS cluster, with a correct thumbprint list. Create one per
 * cluster and pass it to every {@link IrsaRole} of that cluster.
 */
export class EksOidcProvider extends Construct implements IOidcProvider {
  /** Uses a provider that already exists, by ARN. Creates no resources. */
  public static fromArn(scope: Construct, id: string, arn: string): IOidcProvider {
    const v: Validator = new Validator(`EksOidcProvider.fromArn "${id}"`);
    v.requireString("arn", arn);
    v.check("arn", arn, rules.oidcProviderArn);
    return new ImportedOidcProvider(scope, id, arn);
  }

  /** Looks an existing provider up by its issuer URL (`data "aws_iam_openid_connect_provider"`). */
  public static fromIssuerUrl(scope: Construct, id: string, url: string): IOidcProvider {
    const v: Validator = new Validator(`EksOidcProvider.fromIssuerUrl "${id}"`);
    v.requireString("url", url);
    v.check("url", url, rules.issuerUrl);
    const holder = new Construct(scope, id);
    const lookup = new DataAwsIamOpenidConnectProvider(holder, "lookup", { url });
    const host = Token.isUnresolved(url) ? issuerHostFromArn(lookup.arn) : issuerHostFromUrl(url);
    return new ImportedOidcProvider(holder, "provider", lookup.arn, host);
  }

  public readonly arn: string;
  public readonly issuerHost: string;
  /** The issuer URL as given. */
  public readonly issuerUrl: string;
  public readonly clientIds: string[];
  /** The `aws_iam_openid_connect_provider` resource. */
  public readonly resource: IamOpenidConnectProvider;
  /** The `tls_certificate` data source, absent when `fetchThumbprint` is false. */
  public readonly certificate?: DataTlsCertificate;

  constructor(scope: Construct, id: string, props: EksOidcProviderProps) {
    super(scope, id);
    const v: Validator = new Validator(`EksOidcProvider "${id}"`);
    if (props === undefined || props === null) v.failPlain("props", "are required (at least issuerUrl)");
    const issuerUrl = v.requireString("issuerUrl", props.issuerUrl);
    v.check("issuerUrl", issuerUrl, rules.issuerUrl);

    const clientIds = v.requireArray("clientIds", props.clientIds) ?? [DEFAULT_AUDIENCE];
    if (!Token.isUnresolved(clientIds)) {
      v.check("clientIds", clientIds, rules.listLength(1, 100, "client IDs"));
      clientIds.forEach((cid, i) => {
        v.requireString(`clientIds[${i}]`, cid);
        v.check(`clientIds[${i}]`, cid, rules.clientId);
      });
      const dup = rules.firstDuplicate(clientIds, (c) => c);
      if (dup >= 0) v.fail(`clientIds[${dup}]`, clientIds[dup], "is listed twice");
    }

    v.checkBoolean("fetchThumbprint", props.fetchThumbprint);
    const fetchThumbprint = props.fetchThumbprint ?? true;
    const staticThumbprints = v.requireArray("thumbprints", props.thumbprints) ?? [];
    if (!Token.isUnresolved(staticThumbprints)) {
      staticThumbprints.forEach((tp, i) => {
        v.requireString(`thumbprints[${i}]`, tp);
        v.check(`thumbprints[${i}]`, tp, rules.thumbprint);
      });
      const dup = rules.firstDuplicate(staticThumbprints, (t) => (Token.isUnresolved(t) ? undefined : t.toLowerCase()));
      if (dup >= 0) v.fail(`thumbprints[${dup}]`, staticThumbprints[dup], "is listed twice");
      const total = staticThumbprints.length + (fetchThumbprint ? 1 : 0);
      if (total > 5) {
        v.fail(
          "thumbprints",
          staticThumbprints,
          `gives ${total} thumbprints${fetchThumbprint ? " with the fetched one" : ""}; IAM allows at most 5`,
        );
      }
    }
    checkTags(v, "tags", props.tags);

    this.issuerUrl = issuerUrl;
    this.clientIds = clientIds;

    let thumbprintList: string[] | undefined;
    if (fetchThumbprint) {
      this.certificate = new DataTlsCertificate(this, "certificate", { url: issuerUrl });
      // certificates[0] is the top-most certificate the issuer sends (tls_certificate reverses the
      // chain): the CA that AWS documents as the thumbprint. certificates[*] would pin the leaf.
      const fetched = this.certificate.certificates.get(0).sha1Fingerprint;
      thumbprintList = Token.isUnresolved(staticThumbprints) ? staticThumbprints : [fetched, ...staticThumbprints];
    } else if (Token.isUnresolved(staticThumbprints) || staticThumbprints.length > 0) {
      thumbprintList = staticThumbprints;
    } else {
      Annotations.of(this).addWarning(
        `EksOidcProvider "${id}": no thumbprint is pinned (fetchThumbprint is false and thumbprints is empty); ` +
          "IAM then relies on its own trusted CAs, which works for EKS issuers only.",
      );
    }

    this.resource = new IamOpenidConnectProvider(this, "provider", {
      url: issuerUrl,
      clientIdList: clientIds,
      thumbprintList,
      tags: props.tags,
    });
    this.arn = this.resource.arn;
    // A literal URL gives a host known at plan time; a token URL takes the host from the ARN so that
    // it never carries a scheme, whatever the `url` attribute returns.
    this.issuerHost = Token.isUnresolved(issuerUrl) ? issuerHostFromArn(this.arn) : issuerHostFromUrl(issuerUrl);
  }
}
