// ESLint (typescript-eslint, without type information so that it stays fast); Prettier owns formatting.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

const NODE_GLOBALS = Object.fromEntries(
  ["require", "module", "process", "__dirname", "console", "setTimeout", "clearTimeout", "setInterval", "clearInterval", "Buffer"].map(
    (name) => [name, "readonly"],
  ),
);

export default tseslint.config(
  { ignores: ["node_modules/", "dist/", "cdktf.out/", "docs/", "coverage/", "bench/.work/", "examples/**/cdktf.out/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: "module",
      globals: NODE_GLOBALS,
    },
    rules: {
      // cdktf constructs are created for their side effect on the tree.
      "no-new": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      // Tests read synthesized JSON, which is untyped by nature.
      "@typescript-eslint/no-explicit-any": "off",
      "max-len": ["error", { code: 140, ignoreUrls: true }],
    },
  },
  {
    files: ["**/*.js"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  // Layering (issue 19): the app uses the public API (lib/index.ts), the test helpers and the one
  // internal door (lib/internal.ts); examples use the public API and lib/testing only.
  restrictImports(
    ["app/*.ts"],
    "^\\.\\./lib/(?!internal$|testing$)",
    "app/ imports lib/ through lib/index.ts, lib/testing or lib/internal.ts",
  ),
  restrictImports(["examples/**/*.ts"], "^(\\.\\./)+lib/(?!testing$)", "examples use the public API: lib/index.ts or lib/testing"),
);

/** A `no-restricted-imports` block: in `files`, imports matching `regex` are errors with `message`. */
function restrictImports(files, regex, message) {
  return { files, rules: { "no-restricted-imports": ["error", { patterns: [{ regex, message }] }] } };
}
