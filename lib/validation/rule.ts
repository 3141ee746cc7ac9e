/**
 * A validation rule: a small pure function that takes a literal value and returns why it is wrong
 * (a phrase that follows the value in the error message), or `undefined` when it is valid. The
 * {@link Validator} skips rules for token values.
 */
export type Rule<T> = (value: T) => string | undefined;
