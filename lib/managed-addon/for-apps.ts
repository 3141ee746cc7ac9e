/** The managed add-on catalogue as the bundled app uses it to read `managedAddons` from its JSON config. */
export { catalogueEntry, MANAGED_ADDON_CATALOGUE } from "./catalogue/catalogue";
export { CatalogueEntry, needsRole } from "./catalogue/catalogue-entry";
export { parseAddonIdentity } from "./addon-identity";
