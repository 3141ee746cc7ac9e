/**
 * The `eks.amazonaws.com/role-arn` annotations of a configuration: on `kubernetes_annotations`
 * (kind ServiceAccount), `kubernetes_service_account(_v1)` and `kubernetes_manifest` blocks, in
 * every JSON form (nested blocks as objects or arrays of objects).
 */
import { AddressedBlock, blocksOfType } from "./config-blocks";
import { firstBlock } from "./nested-blocks";
import { Block, TerraformAddress } from "./terraform-config";
import { AUDIENCE_ANNOTATION, ROLE_ARN_ANNOTATION } from "../facts/eks";

/** One service account's role annotation. Values are as written (they may be Terraform expressions). */
export interface RoleAnnotation {
  readonly address: TerraformAddress;
  readonly namespace: string;
  readonly name: string | undefined;
  readonly roleArn: string;
  /** The `eks.amazonaws.com/audience` annotation, when set. */
  readonly audience: string | undefined;
}

const SERVICE_ACCOUNT_TYPES = ["kubernetes_service_account", "kubernetes_service_account_v1"];

const text = (value: unknown): string | undefined => (typeof value === "string" ? value : undefined);

/** From metadata and annotations; the namespace defaults to "default", as Kubernetes and the provider do. */
function annotationOf(address: TerraformAddress, metadata: Block | undefined, annotations: unknown): RoleAnnotation[] {
  const map = firstBlock(annotations);
  const roleArn = text(map?.[ROLE_ARN_ANNOTATION]);
  if (roleArn === undefined) return [];
  return [
    {
      address,
      namespace: text(metadata?.namespace) ?? "default",
      name: text(metadata?.name),
      roleArn,
      audience: text(map?.[AUDIENCE_ANNOTATION]),
    },
  ];
}

const isServiceAccount = (kind: unknown): boolean => kind === undefined || kind === "ServiceAccount";

function fromAnnotations({ address, block }: AddressedBlock): RoleAnnotation[] {
  if (!isServiceAccount(block.kind)) return [];
  return annotationOf(address, firstBlock(block.metadata), block.annotations);
}

function fromServiceAccount({ address, block }: AddressedBlock): RoleAnnotation[] {
  const metadata = firstBlock(block.metadata);
  return annotationOf(address, metadata, metadata?.annotations);
}

function fromManifest({ address, block }: AddressedBlock): RoleAnnotation[] {
  const manifest = firstBlock(block.manifest);
  if (manifest === undefined || manifest.kind !== "ServiceAccount") return [];
  const metadata = firstBlock(manifest.metadata);
  return annotationOf(address, metadata, metadata?.annotations);
}

/** Every role annotation on a service account in the configuration. */
export function roleAnnotationsOf(config: unknown): RoleAnnotation[] {
  return [
    ...blocksOfType(config, "managed", "kubernetes_annotations").flatMap(fromAnnotations),
    ...SERVICE_ACCOUNT_TYPES.flatMap((type) => blocksOfType(config, "managed", type).flatMap(fromServiceAccount)),
    ...blocksOfType(config, "managed", "kubernetes_manifest").flatMap(fromManifest),
  ];
}
