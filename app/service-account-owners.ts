/**
 * One role per Kubernetes service account in the app: a listed service account, an add-on role and
 * a managed add-on's role on the same account would make two roles fight over it (the annotation
 * flips on every apply, or EKS rejects the second Pod Identity association). One error names both.
 */
import { ServiceAccountRef } from "../lib";
import * as internal from "../lib/internal";
import { AppAddon } from "./addons-config";
import { AppServiceAccount } from "./account-config";
import { AppManagedAddon } from "./managed-addons-config";

interface Owner {
  readonly field: string;
  readonly what: string;
  readonly serviceAccount: ServiceAccountRef;
}

/** The service account a managed add-on's role trusts: the one given, else the catalogue's (none for add-ons without a role). */
export function managedAddonServiceAccount(addon: AppManagedAddon): ServiceAccountRef | undefined {
  const entry = internal.catalogueEntry(addon.name);
  return addon.serviceAccount ?? entry?.serviceAccount;
}

/** Throws through `validatorOf(field)` when two entries give one service account a role. */
export function checkOneRolePerServiceAccount(
  validatorOf: (field: string) => internal.Validator,
  accounts: readonly AppServiceAccount[],
  addons: readonly AppAddon[],
  managedAddons: readonly AppManagedAddon[],
): void {
  const owners: Owner[] = [
    ...accounts.map((sa, i) => ({ field: "serviceAccounts", what: `serviceAccounts[${i}]`, serviceAccount: sa })),
    ...addons.map((a, i) => ({ field: "addons", what: `addons[${i}] (${a.addon})`, serviceAccount: a.serviceAccount })),
    ...managedAddons.flatMap((a) => {
      const serviceAccount = managedAddonServiceAccount(a);
      return serviceAccount === undefined ? [] : [{ field: "managedAddons", what: `${a.at} (${a.name})`, serviceAccount }];
    }),
  ];
  const seen = new Map<string, Owner>();
  for (const owner of owners) {
    const key = `${owner.serviceAccount.namespace}/${owner.serviceAccount.name}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      validatorOf(owner.field).rejectProperty(
        owner.what,
        `gives service account ${key} a role, and so does ${earlier.what}: one service account, one role ` +
          "(two would flip its annotation on every apply, or EKS would reject the second Pod Identity association); remove one",
      );
    }
    seen.set(key, owner);
  }
}
