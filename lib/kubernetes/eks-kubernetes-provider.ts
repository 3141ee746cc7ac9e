import { DataAwsEksCluster } from "@cdktf/provider-aws/lib/data-aws-eks-cluster";
import { DataAwsEksClusterAuth } from "@cdktf/provider-aws/lib/data-aws-eks-cluster-auth";
import { KubernetesProvider, KubernetesProviderConfig } from "@cdktf/provider-kubernetes/lib/provider";
import { Fn } from "cdktf";
import { Construct } from "constructs";
import { Validator } from "../validation/validator";
import { KubernetesAuthentication, parseKubernetesAuthentication } from "./kubernetes-authentication";

/** Properties of {@link EksKubernetesProvider}. */
export interface EksKubernetesProviderProps {
  /** The cluster, looked up with `data "aws_eks_cluster"`. */
  readonly cluster: DataAwsEksCluster;
  /** The cluster's region, passed to `aws eks get-token` (exec authentication). */
  readonly region: string;
  /**
   * The cluster's name as `aws eks get-token` (or `data "aws_eks_cluster_auth"`) should see it.
   * Give the literal name when you have it: the plan then shows it instead of a reference.
   * @default - the data source's `name` attribute
   */
  readonly clusterName?: string;
  /**
   * Provider alias, for a second cluster in the same stack.
   * @default - the default kubernetes provider
   */
  readonly alias?: string;
  /**
   * How the provider logs in. `"exec"` runs `aws eks get-token` at every plan and apply, which
   * needs the `aws` CLI on the runner (Terraform Cloud's hosted runners have none; an agent may).
   * `"token"` reads a token with `data "aws_eks_cluster_auth"` instead: no CLI, works on Terraform
   * Cloud's hosted runners; the token is valid for 15 minutes from the refresh that read it.
   * JavaScript and JSON callers may pass the string ("exec", "token").
   * @default KubernetesAuthentication.EXEC
   */
  readonly authentication?: KubernetesAuthentication;
}

/**
 * A kubernetes provider for an EKS cluster: its endpoint and CA from the data source, and a
 * short-lived token, from `aws eks get-token` at every plan ("exec", the default) or from
 * `data "aws_eks_cluster_auth"` ("token"): no long-lived credentials in the state either way.
 */
export class EksKubernetesProvider extends KubernetesProvider {
  /** The `aws_eks_cluster_auth` data source ("token" authentication only). */
  public readonly clusterAuth?: DataAwsEksClusterAuth;

  constructor(scope: Construct, id: string, props: EksKubernetesProviderProps) {
    const authentication = parseKubernetesAuthentication(new Validator(`EksKubernetesProvider "${id}"`), props?.authentication);
    const clusterName = props.clusterName ?? props.cluster.name;
    const connection: KubernetesProviderConfig = {
      alias: props.alias,
      host: props.cluster.endpoint,
      clusterCaCertificate: Fn.base64decode(props.cluster.certificateAuthority.get(0).data),
    };
    if (authentication === KubernetesAuthentication.TOKEN) {
      super(scope, id, connection);
      // The data source sits under the provider's construct, so each provider has its own.
      this.clusterAuth = new DataAwsEksClusterAuth(this, "auth", { name: clusterName });
      this.token = this.clusterAuth.token;
      return;
    }
    super(scope, id, {
      ...connection,
      exec: [
        {
          apiVersion: "client.authentication.k8s.io/v1beta1",
          command: "aws",
          args: ["eks", "get-token", "--cluster-name", clusterName, "--region", props.region],
        },
      ],
    });
  }
}
