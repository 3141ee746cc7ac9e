/**
 * cert-manager's ACME DNS-01 solver for Route 53. The policy is not in the cert-manager repository
 * but on its website: cert-manager/website content/docs/configuration/acme/dns01/route53.md ("Set up
 * an IAM Policy", the v1.20 docs) at 776e5dba5651; the TXT-only condition dates from abdbb72fee1f.
 * `hostedzone/*` is narrowed to the given zones, as the page suggests.
 */
import { AddonDefinition } from "./addon-definition";
import { hostedZoneArn } from "./arn-rules";
import { arn } from "./partition";
import { allow, policyDocument } from "./policy-document";

/** Properties of {@link AddonPolicies.certManager}. */
export interface CertManagerPolicyProps {
  /** Hosted zones cert-manager writes `_acme-challenge` TXT records in (`arn:<partition>:route53:::hostedzone/<id>`). */
  readonly hostedZoneArns: string[];
}

export const CERT_MANAGER: AddonDefinition<CertManagerPolicyProps> = {
  name: "cert-manager",
  factory: "certManager",
  title: "cert-manager (ACME DNS-01 with Route 53)",
  defaultServiceAccount: { namespace: "cert-manager", name: "cert-manager" },
  sources: [
    {
      repository: "cert-manager/website",
      path: "content/docs/configuration/acme/dns01/route53.md (cert-manager v1.20 docs)",
      version: "main",
      commit: "776e5dba5651",
    },
  ],
  inputs: [{ name: "hostedZoneArns", kind: "list", required: true, what: "Route 53 hosted zone ARN", rule: hostedZoneArn }],
  build: (props) => ({
    documents: [
      {
        name: "cert-manager",
        render: (context) =>
          policyDocument(
            allow("route53:GetChange", arn(context, "route53", "", "", "change/*")),
            allow(["route53:ChangeResourceRecordSets", "route53:ListResourceRecordSets"], props.hostedZoneArns, {
              "ForAllValues:StringEquals": { "route53:ChangeResourceRecordSetsRecordTypes": ["TXT"] },
            }),
            allow("route53:ListHostedZonesByName", "*"),
          ),
      },
    ],
  }),
};
