/**
 * Amazon Managed Service for Prometheus, a Prometheus server remote-writing to workspaces. There is
 * no project repository for this: the source is the AMP user guide page "Set up IAM roles for
 * service accounts" (set-up-irsa.html, ingest script), whose policy grants on `*`; here it is
 * limited to the given workspaces. `allowQuery` adds aps:QueryMetrics (the guide's query role).
 */
import { AddonDefinition } from "./addon-definition";
import { prometheusWorkspaceArn } from "./arn-rules";
import { allow, policyDocument } from "./policy-document";

/** Properties of {@link AddonPolicies.managedPrometheus}. */
export interface ManagedPrometheusPolicyProps {
  /** Workspaces written to (`arn:<partition>:aps:<region>:<account>:workspace/<id>`). */
  readonly workspaceArns: string[];
  /**
   * Also allow queries (`aps:QueryMetrics`), for a service account that reads as well.
   * @default false
   */
  readonly allowQuery?: boolean;
}

export const MANAGED_PROMETHEUS: AddonDefinition<ManagedPrometheusPolicyProps> = {
  name: "managed-prometheus",
  factory: "managedPrometheus",
  title: "Amazon Managed Service for Prometheus (remote write)",
  defaultServiceAccount: { namespace: "prometheus", name: "amp-iamproxy-ingest-service-account" },
  sources: [
    { repository: "AWS documentation", path: "Amazon Managed Service for Prometheus user guide, set-up-irsa.html", version: "ingest role" },
  ],
  inputs: [
    {
      name: "workspaceArns",
      kind: "list",
      required: true,
      what: "Amazon Managed Service for Prometheus workspace ARN",
      rule: prometheusWorkspaceArn,
    },
    { name: "allowQuery", kind: "boolean", required: false, what: "query permission" },
  ],
  build: (props) => ({
    documents: [
      {
        name: "managed-prometheus",
        render: () =>
          policyDocument(
            allow(
              [
                "aps:RemoteWrite",
                ...(props.allowQuery ? ["aps:QueryMetrics"] : []),
                "aps:GetSeries",
                "aps:GetLabels",
                "aps:GetMetricMetadata",
              ],
              props.workspaceArns,
            ),
          ),
      },
    ],
  }),
};
