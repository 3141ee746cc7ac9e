/**
 * cdktf runs aspects from each stack down (`invokeAspects(stack)`): an aspect added to the `App`
 * is never visited. So the constructs of this library register, once per stack, a validation
 * that runs the `IrsaTrustChecks` found on the stack's ancestors (the App) over the stack. Stack
 * validations run after the aspects and before annotations are collected, so findings fail synth
 * exactly as if the checks had been added to the stack.
 */
import { Aspects, TerraformStack } from "cdktf";
import { IConstruct } from "constructs";
import { IrsaTrustChecks } from "./irsa-trust-checks";

const watched = new WeakSet<TerraformStack>();
const ran = new WeakMap<IrsaTrustChecks, WeakSet<TerraformStack>>();

/** The checks added above the stack (to the App): the ones cdktf does not run. */
function inheritedChecks(stack: TerraformStack): IrsaTrustChecks[] {
  const ancestors = stack.node.scopes.slice(0, -1);
  return ancestors.flatMap((scope) => Aspects.of(scope).all).filter((a): a is IrsaTrustChecks => a instanceof IrsaTrustChecks);
}

function runInheritedChecks(stack: TerraformStack): string[] {
  for (const checks of inheritedChecks(stack)) {
    const stacks = ran.get(checks) ?? new WeakSet<TerraformStack>();
    ran.set(checks, stacks);
    // cdktf has visited the stack already when the same instance is also on the stack.
    if (stacks.has(stack) || Aspects.of(stack).all.includes(checks)) continue;
    stacks.add(stack);
    for (const node of stack.node.findAll()) checks.visit(node);
  }
  return [];
}

/** Makes `Aspects.of(app).add(new IrsaTrustChecks())` reach the stack of `scope` (once per stack). */
export function runAppLevelTrustChecks(scope: IConstruct): void {
  const stack = TerraformStack.of(scope);
  if (watched.has(stack)) return;
  watched.add(stack);
  stack.node.addValidation({ validate: () => runInheritedChecks(stack) });
}
