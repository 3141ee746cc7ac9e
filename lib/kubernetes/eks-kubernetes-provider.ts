import { DataAwsEksCluster } from "@cdktf/provider-aws/lib/data-aws-eks-cluster";
import { KubernetesProvider } from "@cdktf/provider-kubernetes/lib/provider";
import { Fn } from "cdktf";
import { Construct } from "constructs";

/** Properties of {@link EksKubernetesProvider}. */
export interface EksKubernetesProviderProps {
  /** The cluster, looked up with `data "aws_eks_cluster"`. */
  readonly cluster: DataAwsEksCluster;
  /** The cluster's region, passed to `aws eks get-token`. */
  readonly region: string;
  /**
   * The cluster's name as `aws eks get-token` should see it. Give the literal name when you have
   * it: the plan then shows it instead of a reference.
   * @default - the data source's `name` attribute
   */
  readonly clusterName?: string;
  /**
   * Provider alias, for a second cluster in the same stack.
   * @default - the default kubernetes provider
   */
  readonly alias?: string;
}

/**
 * A kubernetes provider for an EKS cluster: its endpoint and CA from the data source, and a token
 * from `aws eks get-token` at every plan (no long-lived credentials in the state).
 */
export class EksKubernetesProvider extends KubernetesProvider {
  constructor(scope: Construct, id: string, props: EksKubernetesProviderProps) {
    super(scope, id, {
      alias: props.alias,
      host: props.cluster.endpoint,
      clusterCaCertificate: Fn.base64decode(props.cluster.certificateAuthority.get(0).data),
      exec: [
        {
          apiVersion: "client.authentication.k8s.io/v1beta1",
          command: "aws",
          args: ["eks", "get-token", "--cluster-name", props.clusterName ?? props.cluster.name, "--region", props.region],
        },
      ],
    });
  }
}
