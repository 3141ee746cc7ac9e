/**
 * The EKS docs' s3-echoer: a job that writes what it reads to one S3 bucket, with a role that can
 * put objects into that bucket and nothing else.
 *
 *   cd examples/s3-echoer && npx cdktf synth
 */
import { DataAwsEksCluster } from "@cdktf/provider-aws/lib/data-aws-eks-cluster";
import { DataAwsIamPolicyDocument } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { S3Bucket } from "@cdktf/provider-aws/lib/s3-bucket";
import { App, Aspects, TerraformOutput, TerraformStack } from "cdktf";
import { EksKubernetesProvider, EksOidcProvider, IrsaRole, IrsaTrustChecks } from "../../lib"; // "cdktf-eks-irsa" in your app
import { awsAndTls, synthIfMain } from "../shared";

export function build(app: App): TerraformStack {
  const stack = new TerraformStack(app, "s3-echoer");
  const region = "us-west-2";
  awsAndTls(stack, region);
  const cluster = new DataAwsEksCluster(stack, "cluster", { name: "my-cluster" });
  new EksKubernetesProvider(stack, "kubernetes", { cluster, region });

  const oidc = new EksOidcProvider(stack, "oidc", { issuerUrl: cluster.identity.get(0).oidc.get(0).issuer });
  const bucket = new S3Bucket(stack, "bucket", { bucketPrefix: "s3-echoer-" });
  const putObjects = new DataAwsIamPolicyDocument(stack, "put-objects", {
    statement: [{ effect: "Allow", actions: ["s3:PutObject"], resources: [`${bucket.arn}/*`] }],
  });
  const role = new IrsaRole(stack, "s3-echoer", {
    oidcProvider: oidc,
    serviceAccounts: [{ namespace: "default", name: "s3-echoer" }],
    inlinePolicies: { "put-objects": putObjects.json },
  });
  new TerraformOutput(stack, "role_arn", { value: role.roleArn });
  new TerraformOutput(stack, "bucket_name", { value: bucket.bucket });
  Aspects.of(stack).add(new IrsaTrustChecks());
  return stack;
}

synthIfMain(module, build);
