/** The add-on catalog as the bundled app uses it to read `addons` from its JSON config. */
export { ADDON_CATALOG, addonByName } from "./catalog";
export { createAddonPolicy } from "./addon-definition";
