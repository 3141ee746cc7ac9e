/** The app's stack: the cluster looked up by name, its OIDC provider, one IRSA role per service account and per add-on. */
import { DataAwsEksCluster } from "@cdktf/provider-aws/lib/data-aws-eks-cluster";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { TlsProvider } from "@cdktf/provider-tls/lib/provider";
import { Aspects, CloudBackend, LocalBackend, NamedCloudWorkspace, TerraformOutput, TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { EksKubernetesProvider, EksOidcProvider, IOidcProvider, IrsaRole, IrsaTrustChecks } from "../lib";
import { addAddonRoles } from "./addon-roles";
import { AppConfig } from "./config";

/** Where the state lives: Terraform Cloud when an organization and a workspace are known. */
export function backendSettings(config: AppConfig, env: { [key: string]: string | undefined }) {
  const organization = env.TF_CLOUD_ORGANIZATION || config.terraformCloud?.organization;
  const workspace = env.TF_WORKSPACE || config.terraformCloud?.workspace;
  const hostname = env.TF_CLOUD_HOSTNAME || config.terraformCloud?.hostname;
  return organization && workspace ? { kind: "cloud" as const, organization, workspace, hostname } : { kind: "local" as const };
}

export class IrsaAppStack extends TerraformStack {
  public readonly oidcProvider: IOidcProvider;
  public readonly roles: IrsaRole[] = [];

  constructor(scope: Construct, config: AppConfig, env: { [key: string]: string | undefined } = {}) {
    super(scope, config.stackName);
    const backend = backendSettings(config, env);
    if (backend.kind === "cloud") {
      new CloudBackend(this, {
        organization: backend.organization,
        hostname: backend.hostname,
        workspaces: new NamedCloudWorkspace(backend.workspace),
      });
    } else {
      new LocalBackend(this, { path: `terraform.${config.stackName}.tfstate` });
    }

    new AwsProvider(this, "aws", { region: config.region, defaultTags: config.tags ? [{ tags: config.tags }] : undefined });
    new TlsProvider(this, "tls");
    const cluster = new DataAwsEksCluster(this, "cluster", { name: config.clusterName });
    const kubernetes = new EksKubernetesProvider(this, "kubernetes", { cluster, clusterName: config.clusterName, region: config.region });

    this.oidcProvider =
      config.oidcProviderArn !== undefined
        ? EksOidcProvider.fromArn(this, "oidc", config.oidcProviderArn)
        : new EksOidcProvider(this, "oidc", {
            issuerUrl: cluster.identity.get(0).oidc.get(0).issuer,
            fetchThumbprint: config.fetchThumbprint,
            thumbprints: config.thumbprints,
          });

    for (const sa of config.serviceAccounts) {
      const key = `${sa.namespace}-${sa.name}`;
      const role = new IrsaRole(this, key, {
        oidcProvider: this.oidcProvider,
        serviceAccounts: [{ namespace: sa.namespace, name: sa.name }],
        roleName: sa.roleName,
        managedPolicyArns: sa.managedPolicyArns,
        inlinePolicies: sa.inlinePolicies,
        serviceAccountMode: sa.serviceAccountMode,
        kubernetesProvider: kubernetes,
      });
      this.roles.push(role);
      new TerraformOutput(this, `role_arn_${key.replace(/[^A-Za-z0-9_-]/g, "_")}`, {
        value: role.roleArn,
        description: `IAM role of service account ${sa.namespace}/${sa.name}`,
      });
    }
    this.roles.push(...addAddonRoles(this, config.addons, this.oidcProvider, kubernetes));
    new TerraformOutput(this, "oidc_provider_arn", { value: this.oidcProvider.arn });
    Aspects.of(this).add(new IrsaTrustChecks());
  }
}
