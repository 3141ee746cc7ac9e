/**
 * Short keys for construct ids that must survive reordering: a hash of the value itself, or, for a
 * token, of the Terraform expression it stands for (e.g. `${aws_iam_policy.x.arn}`), which is as
 * stable as the address it refers to.
 */
import { DefaultTokenResolver, StringConcat, Token, Tokenization } from "cdktf";
import { IConstruct } from "constructs";
import { createHash } from "crypto";

/** Hashes already made: the same ARN is keyed for every role that attaches it. */
const hashes = new Map<string, string>();

/** First 8 hex characters of the SHA-256 of a text. */
export function shortHash(text: string): string {
  let hash = hashes.get(text);
  if (hash === undefined) hashes.set(text, (hash = createHash("sha256").update(text).digest("hex").slice(0, 8)));
  return hash;
}

/** The text a value will have in the synthesized configuration (`${...}` for references). */
export function stableText(scope: IConstruct, value: string): string {
  if (!Token.isUnresolved(value)) return value;
  // preparing: false resolves without creating cross-stack outputs.
  return String(Tokenization.resolve(value, { scope, preparing: false, resolver: new DefaultTokenResolver(new StringConcat()) }));
}

export const stableKey = (scope: IConstruct, value: string): string => shortHash(stableText(scope, value));
