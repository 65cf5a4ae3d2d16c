// ESLint (flat config): typescript-eslint's recommended rules and React's hooks rules.
// `npm run lint`; `make test` runs it next to the type check.
import js from "@eslint/js";
import { defineConfig } from "eslint/config";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

export default defineConfig(
  // Generated from the committed OpenAPI schema (npm run gen:api), never edited by hand.
  { ignores: ["dist/", "src/lib/api/schema.d.ts"] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ["src/**/*.{ts,tsx}"],
    extends: [reactHooks.configs.flat.recommended],
    languageOptions: { globals: globals.browser },
    rules: {
      // A missing dependency is a stale value read from an earlier render: an error, not a
      // warning (the preset's rules-of-hooks is one already).
      "react-hooks/exhaustive-deps": "error",
    },
  },
  {
    files: ["*.{js,ts}", "scripts/**/*.mjs"],
    languageOptions: { globals: globals.node },
  },
);
