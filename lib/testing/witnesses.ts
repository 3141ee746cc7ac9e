/**
 * Concrete values inside a cover pattern, to ask the policy evaluator whether a pattern admits
 * anybody at all: the pattern's own instantiations (each `*` empty or a few characters, each `?`
 * one character), and every value the policy compares the key with (as written, instantiated, and
 * in other case) that falls inside the pattern.
 */
import { piecesRegExp, substitute } from "../evaluation/iam-pattern";
import { DEFAULT_AUDIENCE, serviceAccountSubject } from "../facts/eks";

const FILLERS: ReadonlyArray<[string, string]> = [
  ["", "q"],
  ["x", "*"],
  ["-Zz9:", "?"],
];

/** Strings a policy value or cover pattern stands for: as written, and with its wildcards filled in a few ways. */
export function instantiations(pattern: string): string[] {
  const found = new Set<string>([pattern]);
  for (const [star, one] of FILLERS) {
    found.add(pattern.replace(/\$\{([*?$])\}|\*|\?/g, (m, ch: string | undefined) => ch ?? (m === "*" ? star : one)));
  }
  return [...found];
}

/** Whether the cover pattern (IAM syntax) matches the value. */
export function coverMatches(pattern: string, value: string): boolean {
  const pieces = substitute(pattern, () => undefined);
  return pieces !== undefined && piecesRegExp(pieces).test(value);
}

/** Witnesses inside the cover, drawn from its instantiations and the policy's vocabulary (and its words in other case). */
export function witnessesOf(cover: string, vocabulary: readonly string[]): string[] {
  const pool = new Set<string>([...instantiations(cover), serviceAccountSubject("default", "default"), DEFAULT_AUDIENCE]);
  for (const word of vocabulary) {
    for (const w of instantiations(word)) pool.add(w);
    pool.add(word.toLowerCase());
    pool.add(word.toUpperCase());
  }
  return [...pool].filter((w) => coverMatches(cover, w));
}

/**
 * The policy's words with each policy variable (other than `${*}`, `${?}`, `${$}`) replaced by a value: for conditions that
 * compare one claim with another.
 */
export function wordsWithVariables(words: readonly string[], value: string): string[] {
  return words.filter((w) => /\$\{(?![*?$]\})/.test(w)).map((w) => w.replace(/\$\{(?![*?$]\})[^}]*\}/g, value));
}
