/** Maps given as JavaScript objects (tags, inline policies, JSON configs): keys that would be lost on the way. */
import { Validator } from "./validator";

/**
 * Rejects a `__proto__` key: assigning it (as cdktf and most JavaScript code do when copying a map)
 * sets the prototype instead of a property, so the entry would vanish without a word. An object
 * literal's `__proto__:` is not a key at all; it shows as a changed prototype.
 */
export function checkPlainMap(validator: Validator, path: string, map: object): void {
  if (Object.prototype.hasOwnProperty.call(map, "__proto__")) {
    validator.reject(`${path} key`, "__proto__", "cannot be a key: JavaScript and cdktf drop it silently when they copy the map");
  }
  const prototype = Object.getPrototypeOf(map);
  if (prototype !== Object.prototype && prototype !== null) {
    validator.rejectProperty(path, "must be a plain object; its prototype was replaced (was `__proto__` written as a key?)");
  }
}
