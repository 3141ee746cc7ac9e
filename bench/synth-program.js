#!/usr/bin/env node
/**
 * One benchmark program: builds a stack and synthesizes it to a temp outdir, then prints its own
 * peak RSS (KiB) as JSON on stdout. Plain JS against the compiled library (dist/), so that the
 * numbers measure cdktf and this library, not a TypeScript runner.
 *
 *   node bench/synth-program.js floor        an empty stack with the aws, tls and kubernetes providers
 *   node bench/synth-program.js roles <N>    N IrsaRoles on one OIDC provider, one managed policy each
 *   node bench/synth-program.js raw <N>      the same resources written by hand with the provider
 *                                            classes (what cdktf itself costs for them)
 */
const { mkdtempSync, rmSync } = require("fs");
const { tmpdir } = require("os");
const { join } = require("path");
const { App, TerraformStack } = require("cdktf");
const { AwsProvider } = require("@cdktf/provider-aws/lib/provider");
const { KubernetesProvider } = require("@cdktf/provider-kubernetes/lib/provider");
const { TlsProvider } = require("@cdktf/provider-tls/lib/provider");

const [kind, countArg] = process.argv.slice(2);
const outdir = mkdtempSync(join(tmpdir(), "irsa-bench-"));
const app = new App({ outdir });
const stack = new TerraformStack(app, "bench");
new AwsProvider(stack, "aws", { region: "us-west-2" });
new TlsProvider(stack, "tls");
new KubernetesProvider(stack, "kubernetes", {});

if (kind === "roles") {
  const { EksOidcProvider, IrsaRole } = require("../dist");
  const oidc = new EksOidcProvider(stack, "oidc", {
    issuerUrl: "https://oidc.eks.us-west-2.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE",
  });
  const count = Number(countArg);
  for (let i = 0; i < count; i++) {
    new IrsaRole(stack, `role-${i}`, {
      oidcProvider: oidc,
      serviceAccounts: [{ namespace: `team-${i % 50}`, name: `workload-${i}` }],
      managedPolicyArns: ["arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"],
    });
  }
} else if (kind === "raw") {
  const { DataTlsCertificate } = require("@cdktf/provider-tls/lib/data-tls-certificate");
  const { IamOpenidConnectProvider } = require("@cdktf/provider-aws/lib/iam-openid-connect-provider");
  const { DataAwsIamPolicyDocument } = require("@cdktf/provider-aws/lib/data-aws-iam-policy-document");
  const { IamRole } = require("@cdktf/provider-aws/lib/iam-role");
  const { IamRolePolicyAttachment } = require("@cdktf/provider-aws/lib/iam-role-policy-attachment");
  const { Annotations } = require("@cdktf/provider-kubernetes/lib/annotations");
  const url = "https://oidc.eks.us-west-2.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE";
  const host = url.replace("https://", "");
  const cert = new DataTlsCertificate(stack, "cert", { url });
  const provider = new IamOpenidConnectProvider(stack, "oidc", {
    url,
    clientIdList: ["sts.amazonaws.com"],
    thumbprintList: [cert.certificates.get(0).sha1Fingerprint],
  });
  const count = Number(countArg);
  for (let i = 0; i < count; i++) {
    const trust = new DataAwsIamPolicyDocument(stack, `trust-${i}`, {
      statement: [
        {
          effect: "Allow",
          actions: ["sts:AssumeRoleWithWebIdentity"],
          principals: [{ type: "Federated", identifiers: [provider.arn] }],
          condition: [
            { test: "StringEquals", variable: `${host}:sub`, values: [`system:serviceaccount:team-${i % 50}:workload-${i}`] },
            { test: "StringEquals", variable: `${host}:aud`, values: ["sts.amazonaws.com"] },
          ],
        },
      ],
    });
    const role = new IamRole(stack, `role-${i}`, { namePrefix: `team-${i % 50}-workload-${i}-`, assumeRolePolicy: trust.json });
    new IamRolePolicyAttachment(stack, `attach-${i}`, { role: role.name, policyArn: "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess" });
    new Annotations(stack, `annotations-${i}`, {
      apiVersion: "v1",
      kind: "ServiceAccount",
      metadata: { name: `workload-${i}`, namespace: `team-${i % 50}` },
      annotations: { "eks.amazonaws.com/role-arn": role.arn },
      force: false,
      fieldManager: "cdktf-eks-irsa",
    });
  }
} else if (kind !== "floor") {
  throw new Error(`unknown program ${kind}`);
}
app.synth();
rmSync(outdir, { recursive: true, force: true });
process.stdout.write(JSON.stringify({ maxRssKiB: process.resourceUsage().maxRSS }) + "\n");
