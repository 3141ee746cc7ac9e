/**
 * cdktf runs aspects from each stack down (`invokeAspects(stack)`): an aspect added to the `App`
 * is never visited. So every stack runs the `IrsaTrustChecks` found on its ancestors (the App)
 * over itself just before its validations, which run after the aspects and before annotations are
 * collected: findings fail synth exactly as if the checks had been added to the stack, in every
 * stack of the App, whatever it contains.
 */
import { Aspects, IAspect, TerraformStack } from "cdktf";

/** Marks an IrsaTrustChecks (this module must not import it: irsa-trust-checks.ts imports this one). */
export const APP_LEVEL_TRUST_CHECKS = Symbol.for("cdktf-eks-irsa.trust-checks");

const ran = new WeakMap<IAspect, WeakSet<TerraformStack>>();

const isTrustChecks = (aspect: IAspect): boolean => (aspect as { [APP_LEVEL_TRUST_CHECKS]?: boolean })[APP_LEVEL_TRUST_CHECKS] === true;

/** The checks added above the stack (to the App): the ones cdktf does not run. */
function inheritedChecks(stack: TerraformStack): IAspect[] {
  const ancestors = stack.node.scopes.slice(0, -1);
  return ancestors.flatMap((scope) => Aspects.of(scope).all).filter(isTrustChecks);
}

/** Visits every construct of the stack with each App-level check that has not visited it yet. */
export function runInheritedChecks(stack: TerraformStack): void {
  for (const checks of inheritedChecks(stack)) {
    const stacks = ran.get(checks) ?? new WeakSet<TerraformStack>();
    ran.set(checks, stacks);
    // cdktf has visited the stack already when the same instance is also on the stack.
    if (stacks.has(stack) || Aspects.of(stack).all.includes(checks)) continue;
    stacks.add(stack);
    for (const node of stack.node.findAll()) checks.visit(node);
  }
}

/**
 * Every stack runs its validations right after its aspects and before its annotations are
 * collected, in `app.synth()` and in `Testing.synth(stack, true)`: that is where App-level checks
 * run, for every stack of the App, whatever it contains. Installed once, when this module loads
 * (any program that adds IrsaTrustChecks has loaded it).
 */
const PATCHED = Symbol.for("cdktf-eks-irsa.app-level-trust-checks-installed");
type PatchableStack = { runAllValidations(): void; [PATCHED]?: true };
const prototype = TerraformStack.prototype as unknown as PatchableStack;
if (prototype[PATCHED] !== true) {
  const runAllValidations = prototype.runAllValidations;
  prototype.runAllValidations = function (this: TerraformStack) {
    runInheritedChecks(this);
    return runAllValidations.call(this);
  };
  prototype[PATCHED] = true;
}
