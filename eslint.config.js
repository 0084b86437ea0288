import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: [".next/**", "node_modules/**", ".data/**", "prisma/generated/**", "test-results/**", "playwright-report/**", "next-env.d.ts"] },
  js.configs.recommended,
  { files: ["**/*.{js,mjs,cjs}"], languageOptions: { globals: globals.node } },
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/prisma/generated/*"],
              importNames: ["PrismaClient"],
              message: "Create clients with createDb() from server/db.ts.",
            },
          ],
        },
      ],
    },
  },
  {
    // Client components must not pull the server's database or access code into the browser bundle.
    files: ["components/**/*.tsx", "lib/**/*.ts", "lib/**/*.tsx"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/server/*", "@/prisma/*", "!@/prisma/generated/enums"],
              allowTypeImports: true,
              message: "Client and shared code must not import server modules (type imports are fine).",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["server/db.ts", "scripts/**", "tests/**", "prisma/**"],
    rules: { "no-restricted-imports": "off" },
  },
  {
    // The briefing book's print document is a server component (import "server-only"): Chromium prints it
    // with JavaScript off, from the same book object and formatters as the Markdown export.
    files: ["components/briefing/**/*.tsx"],
    rules: { "no-restricted-imports": "off" },
  },
);
