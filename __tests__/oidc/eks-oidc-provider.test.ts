import { DataAwsEksCluster } from "@cdktf/provider-aws/lib/data-aws-eks-cluster";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { TerraformStack, Testing, Token } from "cdktf";
import { EksOidcProvider, IOidcProvider } from "../../lib";
import { IrsaAssertions, IrsaAssertionsOptions } from "../../lib/testing";
import { dataSources, newStack, only, ref, resolveIn, resources, synth } from "../support/synth";

const ISSUER = "https://oidc.eks.us-west-2.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE";
const HOST = "oidc.eks.us-west-2.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE";
const TP = "9e99a48a9960b14926bb7f3b02e22da2b0ab7280";
const TP2 = "06b25927c42a721631c1efd9431e648fa62e1e39";

/**
 * The issuer host a trust written with the provider's `arn` and `issuerHost` ends up with, once
 * IAM has assigned the ARN: the host of the only subject IrsaAssertions finds.
 */
function hostOnceApplied(stack: TerraformStack, provider: IOidcProvider, options: IrsaAssertionsOptions): string | undefined {
  const statement = {
    Effect: "Allow",
    Action: "sts:AssumeRoleWithWebIdentity",
    Principal: { Federated: provider.arn },
    Condition: { StringEquals: { [`${provider.issuerHost}:sub`]: "system:serviceaccount:a:b", [`${provider.issuerHost}:aud`]: "x" } },
  };
  const role = new IamRole(stack, "probe", { assumeRolePolicy: JSON.stringify({ Version: "2012-10-17", Statement: [statement] }) });
  const subjects = IrsaAssertions.fromSynth(Testing.synth(stack), options).whoCanAssume(role);
  expect(subjects).toHaveLength(1);
  return subjects[0].issuerHost;
}

describe("EksOidcProvider", () => {
  test("literal issuer: tls_certificate pins certificates[0], default client ID, literal host", () => {
    const stack = newStack();
    const oidc = new EksOidcProvider(stack, "oidc", { issuerUrl: ISSUER });
    const { text, json } = synth(stack);
    expect(text).toMatchSnapshot();

    const [certId, cert] = only(dataSources(json, "tls_certificate"));
    expect(cert.url).toBe(ISSUER);
    const [providerId, provider] = only(resources(json, "aws_iam_openid_connect_provider"));
    expect(provider.url).toBe(ISSUER);
    expect(provider.client_id_list).toEqual(["sts.amazonaws.com"]);
    // certificates[0], never certificates[*] (the leaf churns at every renewal).
    expect(provider.thumbprint_list).toEqual([`\${data.tls_certificate.${certId}.certificates[0].sha1_fingerprint}`]);
    expect(provider.tags).toBeUndefined();

    expect(oidc.issuerHost).toBe(HOST);
    expect(oidc.issuerUrl).toBe(ISSUER);
    expect(oidc.clientIds).toEqual(["sts.amazonaws.com"]);
    expect(oidc.certificate).toBeDefined();
    expect(resolveIn(stack, oidc.arn)).toBe(ref("aws_iam_openid_connect_provider", providerId, "arn"));
  });

  test("static thumbprints follow the fetched one; custom client IDs and tags", () => {
    const stack = newStack();
    new EksOidcProvider(stack, "oidc", {
      issuerUrl: ISSUER,
      thumbprints: [TP, TP2],
      clientIds: ["sts.amazonaws.com", "my-audience"],
      tags: { team: "platform" },
    });
    const { text, json } = synth(stack);
    expect(text).toMatchSnapshot();
    const [certId] = only(dataSources(json, "tls_certificate"));
    const [, provider] = only(resources(json, "aws_iam_openid_connect_provider"));
    expect(provider.thumbprint_list).toEqual([`\${data.tls_certificate.${certId}.certificates[0].sha1_fingerprint}`, TP, TP2]);
    expect(provider.client_id_list).toEqual(["sts.amazonaws.com", "my-audience"]);
    expect(provider.tags).toEqual({ team: "platform" });
  });

  test("fetchThumbprint false: no data source, only the static thumbprints", () => {
    const stack = newStack();
    const oidc = new EksOidcProvider(stack, "oidc", { issuerUrl: ISSUER, fetchThumbprint: false, thumbprints: [TP] });
    const { text, json } = synth(stack);
    expect(text).toMatchSnapshot();
    expect(json.data?.tls_certificate).toBeUndefined();
    expect(oidc.certificate).toBeUndefined();
    expect(only(resources(json, "aws_iam_openid_connect_provider"))[1].thumbprint_list).toEqual([TP]);
  });

  test("fetchThumbprint false without thumbprints: no thumbprint_list, and a warning", () => {
    const stack = newStack();
    const oidc = new EksOidcProvider(stack, "oidc", { issuerUrl: ISSUER, fetchThumbprint: false });
    const { json } = synth(stack);
    expect(only(resources(json, "aws_iam_openid_connect_provider"))[1].thumbprint_list).toBeUndefined();
    const warnings = oidc.node.metadata.filter((m) => m.type === "@cdktf/warn").map((m) => String(m.data));
    expect(warnings).toEqual([expect.stringContaining("no thumbprint is pinned")]);
  });

  test("token issuer (from aws_eks_cluster): host is taken from the ARN, never with a scheme", () => {
    const stack = newStack();
    const cluster = new DataAwsEksCluster(stack, "cluster", { name: "demo" });
    const oidc = new EksOidcProvider(stack, "oidc", { issuerUrl: cluster.identity.get(0).oidc.get(0).issuer });
    const { text, json } = synth(stack);
    expect(text).toMatchSnapshot();
    const [providerId, provider] = only(resources(json, "aws_iam_openid_connect_provider"));
    expect(provider.url).toBe("${data.aws_eks_cluster.cluster.identity[0].oidc[0].issuer}");
    expect(only(dataSources(json, "tls_certificate"))[1].url).toBe("${data.aws_eks_cluster.cluster.identity[0].oidc[0].issuer}");
    expect(Token.isUnresolved(oidc.issuerHost)).toBe(true);
    const host = resolveIn(stack, oidc.issuerHost);
    expect(host).toBe(`\${replace(aws_iam_openid_connect_provider.${providerId}.arn, "/^[^/]*:oidc-provider[/]/", "")}`);
    // Evaluated against the ARN IAM returns, the expression gives the bare host.
    const providerArns = { [`aws_iam_openid_connect_provider.${providerId}`]: `arn:aws:iam::111122223333:oidc-provider/${HOST}` };
    expect(hostOnceApplied(stack, oidc, { providerArns })).toBe(HOST);
  });

  test("fromArn with a literal ARN: no resources, host after oidc-provider/", () => {
    const stack = newStack();
    const imported = EksOidcProvider.fromArn(stack, "existing", `arn:aws:iam::111122223333:oidc-provider/${HOST}`);
    expect(imported.arn).toBe(`arn:aws:iam::111122223333:oidc-provider/${HOST}`);
    expect(imported.issuerHost).toBe(HOST);
    const { json } = synth(stack);
    expect(json.resource).toBeUndefined();
    expect(json.data).toBeUndefined();
  });

  test("fromArn with a China-partition ARN keeps the partition out of the host", () => {
    const stack = newStack();
    const cn = "oidc.eks.cn-north-1.amazonaws.com.cn/id/EXAMPLE";
    expect(EksOidcProvider.fromArn(stack, "cn", `arn:aws-cn:iam::111122223333:oidc-provider/${cn}`).issuerHost).toBe(cn);
  });

  test("fromArn with a token ARN: host is everything after the first :oidc-provider/ of that token", () => {
    const stack = newStack();
    const lookup = EksOidcProvider.fromIssuerUrl(stack, "lookup", ISSUER);
    const imported = EksOidcProvider.fromArn(stack, "existing", lookup.arn);
    const host = resolveIn(stack, imported.issuerHost);
    expect(host).toMatch(
      /^\$\{replace\(data\.aws_iam_openid_connect_provider\.[\w-]+\.arn, "\/\^\[\^\/\]\*:oidc-provider\[\/\]\/", ""\)\}$/,
    );
    // A self-hosted issuer whose path holds "oidc-provider/" keeps its whole path.
    const address = /data\.aws_iam_openid_connect_provider\.[\w-]+/.exec(host)![0];
    const selfHosted = "issuer.example.com/oidc-provider/c1";
    const providerArns = { [address]: `arn:aws:iam::111122223333:oidc-provider/${selfHosted}` };
    expect(hostOnceApplied(stack, imported, { providerArns })).toBe(selfHosted);
  });

  test("fromArn with a literal ARN whose issuer path holds oidc-provider/: the whole path is the host", () => {
    const selfHosted = "issuer.example.com/oidc-provider/c1";
    expect(EksOidcProvider.fromArn(newStack(), "x", `arn:aws:iam::111122223333:oidc-provider/${selfHosted}`).issuerHost).toBe(selfHosted);
  });

  test("fromIssuerUrl: a data source lookup by URL, literal host", () => {
    const stack = newStack();
    const found = EksOidcProvider.fromIssuerUrl(stack, "found", ISSUER);
    const { text, json } = synth(stack);
    expect(text).toMatchSnapshot();
    const [lookupId, lookup] = only(dataSources(json, "aws_iam_openid_connect_provider"));
    expect(lookup.url).toBe(ISSUER);
    expect(resolveIn(stack, found.arn)).toBe(ref("data.aws_iam_openid_connect_provider", lookupId, "arn"));
    expect(found.issuerHost).toBe(HOST);
    expect(json.resource).toBeUndefined();
  });

  test("synthesizes byte-identical JSON twice", () => {
    const build = () => {
      const stack = newStack();
      new EksOidcProvider(stack, "oidc", { issuerUrl: ISSUER, thumbprints: [TP] });
      return Testing.synth(stack);
    };
    expect(build()).toBe(build());
  });
});

describe("EksOidcProvider: the dual-stack issuer host is refused, naming the form tokens carry", () => {
  const DUAL = "https://oidc-eks.us-west-2.api.aws/id/EXAMPLED539D4633E53DE1B71EXAMPLE";
  const USE = /use https:\/\/oidc\.eks\.us-west-2\.amazonaws\.com\/id\/EXAMPLED539D4633E53DE1B71EXAMPLE$/;

  test("issuerUrl", () => {
    const build = () => new EksOidcProvider(newStack(), "oidc", { issuerUrl: DUAL });
    expect(build).toThrow(/^EksOidcProvider "oidc": issuerUrl "https:\/\/oidc-eks\.us-west-2\.api\.aws\/id\/EXAMPLE.*" is the dual-stack/);
    expect(build).toThrow(USE);
  });

  test("fromIssuerUrl, in any letter case", () => {
    const build = () => EksOidcProvider.fromIssuerUrl(newStack(), "found", DUAL.replace("oidc-eks", "OIDC-EKS"));
    expect(build).toThrow(/^EksOidcProvider\.fromIssuerUrl "found": url .* is the dual-stack issuer host/);
    expect(build).toThrow(USE);
  });

  test("fromArn with the dual-stack host; China names the .com.cn form", () => {
    const arn = `arn:aws:iam::111122223333:oidc-provider/${DUAL.slice("https://".length)}`;
    expect(() => EksOidcProvider.fromArn(newStack(), "existing", arn)).toThrow(
      /^EksOidcProvider\.fromArn "existing": arn .* is the dual-stack/,
    );
    expect(() => EksOidcProvider.fromArn(newStack(), "existing", arn)).toThrow(USE);
    const cn = "arn:aws-cn:iam::111122223333:oidc-provider/oidc-eks.cn-north-1.api.aws/id/ABC";
    expect(() => EksOidcProvider.fromArn(newStack(), "cn", cn)).toThrow(
      /use https:\/\/oidc\.eks\.cn-north-1\.amazonaws\.com\.cn\/id\/ABC$/,
    );
  });

  test("the token form and other hosts that merely contain the words are accepted", () => {
    expect(() => new EksOidcProvider(newStack(), "oidc", { issuerUrl: ISSUER })).not.toThrow();
    expect(
      () => new EksOidcProvider(newStack(), "oidc", { issuerUrl: "https://issuer.example.com/oidc-eks.us-west-2.api.aws" }),
    ).not.toThrow();
  });
});
