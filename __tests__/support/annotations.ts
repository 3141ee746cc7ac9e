import { IConstruct } from "constructs";

type Level = "error" | "warn";

/** The error or warning annotations in a construct tree (after synth has run the aspects). */
export function annotations(scope: IConstruct, level: Level): string[] {
  return scope.node.findAll().flatMap((c) => c.node.metadata.filter((m) => m.type === `@cdktf/${level}`).map((m) => String(m.data)));
}

export const errorsOf = (scope: IConstruct) => annotations(scope, "error");
export const warningsOf = (scope: IConstruct) => annotations(scope, "warn");
