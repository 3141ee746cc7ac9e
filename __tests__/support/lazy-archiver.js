// Stands in for `archiver` under jest (jest.config.js moduleNameMapper). cdktf requires archiver as
// it loads (about 200 modules with its dependencies, a third of what a suite loads) for the zip and
// tar files of TerraformAsset, and jest loads every module again for each suite. The real archiver
// is loaded on first use, so an asset would still be packed as it is outside jest.
const real = require.resolve("archiver", { paths: [require.resolve("cdktf")] });

function archiver(...args) {
  return require(real)(...args);
}
// archiver's static functions, loaded on first use as well.
for (const name of ["create", "registerFormat", "isRegisteredFormat"]) {
  archiver[name] = (...args) => require(real)[name](...args);
}

module.exports = archiver;
