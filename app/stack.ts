/** The app's stack: the cluster by name, its OIDC provider, an IRSA (or Pod Identity) role per service account and per add-on. */
import { DataAwsEksCluster } from "@cdktf/provider-aws/lib/data-aws-eks-cluster";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { TlsProvider } from "@cdktf/provider-tls/lib/provider";
import { Aspects, CloudBackend, LocalBackend, NamedCloudWorkspace, TerraformOutput, TerraformStack } from "cdktf";
import { Construct } from "constructs";
import {
  EksKubernetesProvider,
  EksManagedAddon,
  EksOidcProvider,
  IOidcProvider,
  IrsaRole,
  IrsaTrustChecks,
  KubernetesAuthentication,
  PodIdentityRole,
} from "../lib";
import * as internalValidation from "../lib/internal";
import { ValidationError } from "../lib/internal";
import { addAddonRoles } from "./addon-roles";
import { AppConfig, KubernetesAuth } from "./config";
import { addManagedAddons } from "./managed-addons";

/**
 * Where the state lives: Terraform Cloud when an organization and a workspace are known, local
 * when neither is. Only one of them is a mistake that would silently keep the state local.
 */
export function backendSettings(config: AppConfig, env: { [key: string]: string | undefined }) {
  const organization = env.TF_CLOUD_ORGANIZATION || config.terraformCloud?.organization;
  const workspace = env.TF_WORKSPACE || config.terraformCloud?.workspace;
  const hostname = env.TF_CLOUD_HOSTNAME || config.terraformCloud?.hostname;
  if (organization && workspace) return { kind: "cloud" as const, organization, workspace, hostname };
  if (organization) {
    throw new ValidationError(
      `Terraform Cloud: the organization is set (${JSON.stringify(organization)}) but no workspace: ` +
        "set TF_WORKSPACE or terraformCloud.workspace, or unset the organization for local state",
    );
  }
  if (workspace) {
    throw new ValidationError(
      `Terraform Cloud: the workspace is set (${JSON.stringify(workspace)}) but no organization: ` +
        "set TF_CLOUD_ORGANIZATION or terraformCloud.organization, or unset TF_WORKSPACE for local state",
    );
  }
  return { kind: "local" as const };
}

/**
 * How the kubernetes provider logs in: the config's kubernetesAuth, else "token" with a Terraform
 * Cloud backend (its hosted runners have no aws CLI for `aws eks get-token`) and "exec" otherwise.
 */
export function kubernetesAuthFor(config: AppConfig, backend: { readonly kind: "cloud" | "local" }): KubernetesAuth {
  return config.kubernetesAuth ?? (backend.kind === "cloud" ? "token" : "exec");
}

export class IrsaAppStack extends TerraformStack {
  public readonly oidcProvider: IOidcProvider;
  public readonly roles: (IrsaRole | PodIdentityRole)[] = [];
  public readonly managedAddons: EksManagedAddon[];
  /** How the kubernetes provider logs in (see kubernetesAuthFor). */
  public readonly kubernetesAuth: KubernetesAuth;

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
    const issuer = "self.identity[0].oidc[0].issuer";
    const cluster = new DataAwsEksCluster(this, "cluster", {
      name: config.clusterName,
      // An existing provider of another cluster would make every role trust that cluster: fail the plan.
      lifecycle:
        config.oidcProviderArn === undefined
          ? undefined
          : { postcondition: [providerMatchesCluster(config.oidcProviderArn, config.clusterName, issuer)] },
    });
    this.kubernetesAuth = kubernetesAuthFor(config, backend);
    const kubernetes = new EksKubernetesProvider(this, "kubernetes", {
      cluster,
      clusterName: config.clusterName,
      region: config.region,
      authentication: this.kubernetesAuth === "token" ? KubernetesAuthentication.TOKEN : KubernetesAuthentication.EXEC,
    });

    const issuerUrl = cluster.identity.get(0).oidc.get(0).issuer;
    if (config.oidcProviderArn !== undefined) this.oidcProvider = EksOidcProvider.fromArn(this, "oidc", config.oidcProviderArn);
    else if (config.lookupOidcProvider) this.oidcProvider = EksOidcProvider.fromIssuerUrl(this, "oidc", issuerUrl);
    else {
      this.oidcProvider = new EksOidcProvider(this, "oidc", {
        issuerUrl,
        fetchThumbprint: config.fetchThumbprint,
        thumbprints: config.thumbprints,
      });
    }

    for (const sa of config.serviceAccounts) {
      const common = {
        serviceAccounts: [{ namespace: sa.namespace, name: sa.name }],
        roleName: sa.roleName,
        managedPolicyArns: sa.managedPolicyArns,
        inlinePolicies: sa.inlinePolicies,
        serviceAccountMode: sa.serviceAccountMode,
        kubernetesProvider: kubernetes,
      };
      const role =
        sa.identity === "pod-identity"
          ? new PodIdentityRole(this, sa.id, {
              ...common,
              clusterName: config.clusterName,
              serviceAccountMode: internalValidation.podIdentityModeOf(sa.serviceAccountMode),
            })
          : new IrsaRole(this, sa.id, {
              ...common,
              oidcProvider: this.oidcProvider,
              podIdentityClusterName: sa.podIdentity ? config.clusterName : undefined,
              webIdentityTrust: sa.webIdentityTrust,
            });
      this.roles.push(role);
      new TerraformOutput(this, `role_arn_${sa.id.replace(/[^A-Za-z0-9_-]/g, "_")}`, {
        value: role.roleArn,
        description: `IAM role of service account ${sa.namespace}/${sa.name}`,
      });
    }
    this.roles.push(...addAddonRoles(this, config.addons, this.oidcProvider, kubernetes));
    this.managedAddons = addManagedAddons(this, config.managedAddons, config.clusterName, this.oidcProvider);
    new TerraformOutput(this, "oidc_provider_arn", { value: this.oidcProvider.arn });
    Aspects.of(this).add(new IrsaTrustChecks());
  }
}

/** A postcondition on the cluster lookup: the provider ARN's issuer host is the cluster's issuer without https://. */
export function providerMatchesCluster(arn: string, clusterName: string, issuer: string) {
  const host = internalValidation.issuerHostFromArn(arn);
  return {
    condition: `\${trimprefix(${issuer}, "https://") == "${host}"}`,
    errorMessage:
      `The OIDC provider ${arn} in the config is for the issuer https://${host}, not for the issuer of cluster ` +
      `${clusterName}: every role would trust another cluster. Use that cluster's own provider, or set "lookupOidcProvider": true.`,
  };
}
