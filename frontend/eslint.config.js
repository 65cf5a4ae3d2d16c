// ESLint (flat config): typescript-eslint's recommended rules and React's hooks rules.
// `npm run lint`; `make test` runs it next to the type check.
import js from "@eslint/js";
import { defineConfig } from "eslint/config";
import i18next from "eslint-plugin-i18next";
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
    // Every user-facing string goes through react-i18next (src/lib/i18n.ts): text in JSX and
    // the attributes a person reads or hears fail lint when written as literals.
    files: ["src/**/*.tsx"],
    ignores: ["**/*.test.tsx"],
    plugins: { i18next },
    rules: {
      "i18next/no-literal-string": [
        "error",
        {
          mode: "jsx-only",
          "jsx-attributes": {
            include: ["^(aria-label|aria-description|placeholder|title|alt|label)$"],
          },
        },
      ],
    },
  },
  {
    files: ["*.{js,ts}", "scripts/**/*.mjs"],
    languageOptions: { globals: globals.node },
  },
);
