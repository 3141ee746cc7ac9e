/**
 * A runner with no route to the issuer (or behind a TLS-intercepting proxy): no tls_certificate
 * data source, the thumbprint pinned statically, and the issuer URL given literally so that no plan
 * has to reach anything but the AWS and Kubernetes APIs.
 *
 * Get the thumbprint on a machine with a direct connection: the SHA-1 of the top-most certificate
 * the issuer sends (`openssl s_client -showcerts`, last certificate).
 *
 *   cd examples/air-gapped && npx cdktf synth
 */
import { App, Aspects, TerraformStack } from "cdktf";
import { KubernetesProvider } from "@cdktf/provider-kubernetes/lib/provider";
import { EksOidcProvider, IrsaRole, IrsaTrustChecks } from "../../lib"; // "cdktf-eks-irsa" in your app
import { awsAndTls, synthIfMain } from "../shared";

export const ISSUER = "https://oidc.eks.us-gov-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE";
export const THUMBPRINT = "9e99a48a9960b14926bb7f3b02e22da2b0ab7280";

export function build(app: App): TerraformStack {
  const stack = new TerraformStack(app, "air-gapped");
  awsAndTls(stack, "us-gov-west-1");
  new KubernetesProvider(stack, "kubernetes", { configPath: "~/.kube/config", configContext: "gov-cluster" });
  const oidc = new EksOidcProvider(stack, "oidc", { issuerUrl: ISSUER, fetchThumbprint: false, thumbprints: [THUMBPRINT] });
  new IrsaRole(stack, "ledger", {
    oidcProvider: oidc,
    serviceAccounts: [{ namespace: "ledger", name: "ledger-writer" }],
    managedPolicyArns: ["arn:aws-us-gov:iam::aws:policy/AmazonS3ReadOnlyAccess"],
  });
  Aspects.of(stack).add(new IrsaTrustChecks());
  return stack;
}

synthIfMain(module, build);
