/** IAM tags (roles and OIDC providers share the rules): at most 50, key and value rules, case-insensitive keys. */
import { Token } from "cdktf";
import { checkPlainMap } from "./plain-map";
import { Rule } from "./rule";
import { Validator } from "./validator";

const TAG_CHARS = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;

export const tagKey: Rule<string> = (key) => {
  if (key.length < 1 || key.length > 128) return "is not 1 to 128 characters long (IAM tag key limit)";
  if (!TAG_CHARS.test(key)) return "contains characters IAM does not accept in a tag (letters, digits, spaces and _.:/=+-@)";
  if (key.toLowerCase().startsWith("aws:")) return 'starts with "aws:", which is reserved for AWS';
  return undefined;
};

export const tagValue: Rule<string> = (value) => {
  if (value.length > 256) return "is longer than 256 characters (IAM tag value limit)";
  if (!TAG_CHARS.test(value)) return "contains characters IAM does not accept in a tag (letters, digits, spaces and _.:/=+-@)";
  return undefined;
};

/** Checks an IAM tag map: at most 50, key and value rules, no two keys equal ignoring case. */
export function checkTags(validator: Validator, path: string, tags: { [key: string]: string } | undefined): void {
  if (tags === undefined || Token.isUnresolved(tags)) return;
  if (tags === null || typeof tags !== "object" || Array.isArray(tags)) validator.reject(path, tags, "must be a map of strings");
  checkPlainMap(validator, path, tags);
  const keys = Object.keys(tags);
  if (keys.length > 50) validator.rejectProperty(path, `has ${keys.length} tags; IAM allows at most 50`);
  const seen = new Map<string, string>();
  for (const key of keys) {
    if (!Token.isUnresolved(key)) {
      validator.check(`${path} key`, key, tagKey);
      const folded = key.toLowerCase();
      const earlier = seen.get(folded);
      if (earlier !== undefined) {
        validator.reject(`${path} key`, key, `differs from the key "${earlier}" only by case; IAM role tag keys are case-insensitive`);
      }
      seen.set(folded, key);
    }
    const value = tags[key];
    if (typeof value !== "string") validator.reject(`${path}[${JSON.stringify(key)}]`, value, "must be a string");
    validator.check(`${path}[${JSON.stringify(key)}]`, value, tagValue);
  }
}
