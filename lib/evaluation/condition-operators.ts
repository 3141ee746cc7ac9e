/**
 * IAM condition operators: one key of a Condition block against the request context. Values of one
 * key are OR'ed (for the negated operators: the context value must match none of them); the
 * `ForAnyValue:` / `ForAllValues:` set operators and the `...IfExists` suffix change what a missing
 * or multivalued key means. Where IAM's documentation is silent, the rules follow
 * @cloud-copilot/iam-simulate, against which the tests cross-check.
 */
import { BlockList, isIP } from "net";
import { arnMatches, PatternPiece, piecesRegExp, piecesText, substitute, VariableLookup } from "./iam-pattern";

/** A context key's values, and whether the request gave it as a multivalued key. */
export interface ContextValues {
  readonly values: readonly string[];
  readonly multiValued: boolean;
}

/** What a condition sees of the request. */
export interface ConditionContext {
  /** The values of a context key (any case), or undefined when the request does not carry it. */
  values(key: string): ContextValues | undefined;
  /** Policy variables, or undefined when the policy's Version does not support them. */
  readonly variables: VariableLookup | undefined;
}

type Positive = (policyValue: string, contextValue: string, variables: VariableLookup | undefined) => boolean;

interface Matcher {
  readonly positive: Positive;
  /** StringNotEquals and friends: true when the context value matches none of the policy values. */
  readonly negated: boolean;
}

const withPieces =
  (test: (pieces: PatternPiece[], contextValue: string) => boolean): Positive =>
  (policyValue, contextValue, variables) => {
    const pieces = substitute(policyValue, variables);
    return pieces !== undefined && test(pieces, contextValue);
  };

const stringEquals = withPieces((p, v) => piecesText(p) === v);
const stringEqualsIgnoreCase = withPieces((p, v) => piecesText(p).toLowerCase() === v.toLowerCase());
const stringLike = withPieces((p, v) => piecesRegExp(p).test(v));
const arnLike = withPieces((p, v) => arnMatches(p, v));

function numeric(compare: (a: number, b: number) => boolean): Positive {
  return (policyValue, contextValue) => {
    const [a, b] = [Number(contextValue), Number(policyValue)];
    return policyValue.trim() !== "" && contextValue.trim() !== "" && !Number.isNaN(a) && !Number.isNaN(b) && compare(a, b);
  };
}

function parseDate(text: string): number {
  return /^\d+$/.test(text.trim()) ? Number(text) * 1000 : Date.parse(text);
}

function date(compare: (a: number, b: number) => boolean): Positive {
  return (policyValue, contextValue) => {
    const [a, b] = [parseDate(contextValue), parseDate(policyValue)];
    return !Number.isNaN(a) && !Number.isNaN(b) && compare(a, b);
  };
}

const ipAddress: Positive = (policyValue, contextValue) => {
  const [network, bits] = policyValue.trim().split("/");
  const family = isIP(network);
  const type = family === 6 ? "ipv6" : "ipv4";
  if (family === 0 || isIP(contextValue) !== family) return false;
  const list = new BlockList();
  list.addSubnet(network, bits === undefined ? (family === 6 ? 128 : 32) : Number(bits), type);
  return list.check(contextValue, type);
};

const positive = (test: Positive): Matcher => ({ positive: test, negated: false });
const negated = (test: Positive): Matcher => ({ positive: test, negated: true });

const MATCHERS: { readonly [operator: string]: Matcher } = {
  StringEquals: positive(stringEquals),
  StringNotEquals: negated(stringEquals),
  StringEqualsIgnoreCase: positive(stringEqualsIgnoreCase),
  StringNotEqualsIgnoreCase: negated(stringEqualsIgnoreCase),
  StringLike: positive(stringLike),
  StringNotLike: negated(stringLike),
  NumericEquals: positive(numeric((a, b) => a === b)),
  NumericNotEquals: negated(numeric((a, b) => a === b)),
  NumericLessThan: positive(numeric((a, b) => a < b)),
  NumericLessThanEquals: positive(numeric((a, b) => a <= b)),
  NumericGreaterThan: positive(numeric((a, b) => a > b)),
  NumericGreaterThanEquals: positive(numeric((a, b) => a >= b)),
  DateEquals: positive(date((a, b) => a === b)),
  DateNotEquals: negated(date((a, b) => a === b)),
  DateLessThan: positive(date((a, b) => a < b)),
  DateLessThanEquals: positive(date((a, b) => a <= b)),
  DateGreaterThan: positive(date((a, b) => a > b)),
  DateGreaterThanEquals: positive(date((a, b) => a >= b)),
  Bool: positive((p, v) => p.toLowerCase() === v.toLowerCase()),
  BinaryEquals: positive((p, v) => p === v),
  IpAddress: positive(ipAddress),
  NotIpAddress: negated(ipAddress),
  // IAM documents ArnEquals and ArnLike alike: component-wise, wildcards allowed in both.
  ArnEquals: positive(arnLike),
  ArnLike: positive(arnLike),
  ArnNotEquals: negated(arnLike),
  ArnNotLike: negated(arnLike),
};

/** An operator as written, taken apart: `ForAllValues:StringLikeIfExists` -> set, base, ifExists. */
export interface ParsedOperator {
  readonly set?: "ForAnyValue" | "ForAllValues";
  readonly base: string;
  readonly ifExists: boolean;
}

/** Parses a condition operator, or throws for one IAM does not know. */
export function parseOperator(operator: string): ParsedOperator {
  const setMatch = /^(ForAnyValue|ForAllValues):(.+)$/.exec(operator);
  const set = setMatch ? (setMatch[1] as ParsedOperator["set"]) : undefined;
  let base = setMatch ? setMatch[2] : operator;
  const ifExists = base.endsWith("IfExists") && base !== "IfExists";
  if (ifExists) base = base.slice(0, -"IfExists".length);
  if (base === "Null" ? ifExists || set !== undefined : MATCHERS[base] === undefined) {
    throw new Error(`unknown condition operator "${operator}"`);
  }
  return { set, base, ifExists };
}

/**
 * Whether one key of a Condition block holds for the request. A missing key: ForAllValues holds
 * vacuously (why it fails open), ForAnyValue does not (not even with IfExists), a plain operator
 * holds only with ...IfExists or when negated. A plain operator never matches a multivalued key:
 * those need a set operator.
 */
export function conditionHolds(operator: ParsedOperator, key: string, policyValues: readonly string[], context: ConditionContext): boolean {
  const found = context.values(key);
  if (operator.base === "Null") return policyValues.some((v) => (v.toLowerCase() === "true") === (found === undefined));

  const matcher = MATCHERS[operator.base];
  const test = (contextValue: string): boolean => {
    const matches = policyValues.some((p) => matcher.positive(p, contextValue, context.variables));
    return matcher.negated ? !matches : matches;
  };
  if (operator.set === "ForAllValues") return found === undefined || found.values.every(test);
  if (operator.set === "ForAnyValue") return found !== undefined && found.values.some(test);
  if (found === undefined) return operator.ifExists || matcher.negated;
  return !found.multiValued && test(found.values[0]);
}
