// Lint: typescript-eslint's recommended rules, plus the architecture boundary: the core
// (core/src) must never import editor or LSP transport code.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "dist/**",
      "out/**",
      "core/generated/**",
      "node_modules/**",
      "test/fixtures/**",
      "**/*.cjs",
      "!cli/launcher.cjs",
      "bench/results/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: "readonly",
        console: "readonly",
        __dirname: "readonly",
        require: "readonly",
        module: "writable",
        Buffer: "readonly",
        setTimeout: "readonly",
        clearTimeout: "readonly",
        setImmediate: "readonly",
        URL: "readonly",
      },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      // Escaping and terminal-colour checks match control characters on purpose.
      "no-control-regex": "off",
    },
  },
  {
    // The CLI's launcher (copied to dist/cli.js): CommonJS that runs before anything is loaded.
    files: ["cli/launcher.cjs"],
    languageOptions: { sourceType: "commonjs" },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    files: ["core/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["vscode", "vscode-*", "**/server/**", "**/client/**", "**/cli/**"],
              message: "The core is editor-free: no VS Code, LSP or adapter imports.",
            },
          ],
        },
      ],
    },
  },
);
