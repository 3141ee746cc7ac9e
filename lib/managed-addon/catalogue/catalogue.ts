/** Every EKS add-on whose role this library knows how to default, by add-on name. */
import { CatalogueEntry } from "./catalogue-entry";
import { NETWORKING_ADDONS } from "./networking-addons";
import { OBSERVABILITY_ADDONS } from "./observability-addons";
import { ROLELESS_ADDONS } from "./roleless-addons";
import { STORAGE_ADDONS } from "./storage-addons";

export const MANAGED_ADDON_CATALOGUE: readonly CatalogueEntry[] = [
  ...NETWORKING_ADDONS,
  ...STORAGE_ADDONS,
  ...OBSERVABILITY_ADDONS,
  ...ROLELESS_ADDONS,
];

/** The entry of an EKS add-on name, or undefined for names the catalogue does not know. */
export function catalogueEntry(addonName: string): CatalogueEntry | undefined {
  return MANAGED_ADDON_CATALOGUE.find((e) => e.addonName === addonName);
}
