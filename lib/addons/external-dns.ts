/**
 * ExternalDNS with the Route 53 provider: kubernetes-sigs/external-dns docs/tutorials/aws.md
 * ("IAM Policy") @ v0.22.0 (994f908d4abd), with `hostedzone/*` narrowed to the given zones as the
 * tutorial's "Further improvements" recommends. The default service account is the tutorial's
 * (`EXTERNALDNS_NS` defaults to `default`); pass `serviceAccounts` for a chart release elsewhere.
 */
import { AddonDefinition } from "./addon-definition";
import { hostedZoneArn } from "./arn-rules";
import { allow, policyDocument } from "./policy-document";

/** Properties of {@link AddonPolicies.externalDns}. */
export interface ExternalDnsPolicyProps {
  /** Hosted zones whose records ExternalDNS manages (`arn:<partition>:route53:::hostedzone/<id>`). */
  readonly hostedZoneArns: string[];
}

export const EXTERNAL_DNS: AddonDefinition<ExternalDnsPolicyProps> = {
  name: "external-dns",
  factory: "externalDns",
  title: "ExternalDNS (Route 53)",
  defaultServiceAccount: { namespace: "default", name: "external-dns" },
  sources: [
    { repository: "kubernetes-sigs/external-dns", path: "docs/tutorials/aws.md (IAM Policy)", version: "v0.22.0", commit: "994f908d4abd" },
  ],
  inputs: [{ name: "hostedZoneArns", kind: "list", required: true, what: "Route 53 hosted zone ARN", rule: hostedZoneArn }],
  build: (props) => ({
    documents: [
      {
        name: "external-dns",
        render: () =>
          policyDocument(
            allow(
              ["route53:ChangeResourceRecordSets", "route53:ListResourceRecordSets", "route53:ListTagsForResources"],
              props.hostedZoneArns,
            ),
            allow(["route53:ListHostedZones"], "*"),
          ),
      },
    ],
  }),
};
