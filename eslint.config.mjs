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
);
