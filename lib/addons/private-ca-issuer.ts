/**
 * AWS Private CA Issuer for cert-manager: cert-manager/aws-privateca-issuer README.md
 * ("Configuration", the `awspcaissuer` statement) @ v1.9.0 (604302103927). Upstream scopes the
 * statement to one certificate authority; here to the listed ones (required: a CA of another team
 * would issue certificates in its name). The service account is the Helm chart's
 * (charts/aws-pca-issuer: `serviceAccount.create: true`, name = the release's full name) for a
 * release named `aws-privateca-issuer` installed in a namespace of that name.
 */
import { AddonDefinition } from "./addon-definition";
import { certificateAuthorityArn } from "./arn-rules";
import { policyDocument } from "./policy-document";

/** Properties of {@link AddonPolicies.privateCaIssuer}. */
export interface PrivateCaIssuerPolicyProps {
  /**
   * The AWS Private CA certificate authorities the issuer may issue from
   * (`arn:<partition>:acm-pca:<region>:<account>:certificate-authority/<id>`).
   */
  readonly certificateAuthorityArns: string[];
}

export const PRIVATE_CA_ISSUER: AddonDefinition<PrivateCaIssuerPolicyProps> = {
  name: "private-ca-issuer",
  factory: "privateCaIssuer",
  title: "AWS Private CA Issuer (cert-manager)",
  defaultServiceAccount: { namespace: "aws-privateca-issuer", name: "aws-privateca-issuer" },
  sources: [
    { repository: "cert-manager/aws-privateca-issuer", path: "README.md (Configuration)", version: "v1.9.0", commit: "604302103927" },
  ],
  inputs: [
    {
      name: "certificateAuthorityArns",
      kind: "list",
      required: true,
      what: "AWS Private CA certificate authority ARN",
      rule: certificateAuthorityArn,
    },
  ],
  build: (props) => ({
    documents: [
      {
        name: "private-ca-issuer",
        render: () =>
          policyDocument({
            Sid: "awspcaissuer",
            Effect: "Allow",
            Action: ["acm-pca:DescribeCertificateAuthority", "acm-pca:GetCertificate", "acm-pca:IssueCertificate"],
            Resource: props.certificateAuthorityArns,
          }),
      },
    ],
  }),
};
