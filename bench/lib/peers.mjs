// Configuration of the peer tools the whole-CLI table compares against, written into
// bench/.peers/ next to their node_modules (so the plugins resolve from there).
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { EXTENSIONS, PEERS_DIR } from "../files.mjs";

export const ESLINT_CONFIG = path.join(PEERS_DIR, "eslint.config.mjs");
export const SECRETLINT_RC = path.join(PEERS_DIR, ".secretlintrc.json");
export const SECRETLINT_IGNORE = path.join(PEERS_DIR, ".secretlintignore");

const EXT_GLOB = `{${EXTENSIONS.map((e) => e.slice(1)).join(",")}}`;
export const SOURCE_GLOB = `**/*.${EXT_GLOB}`;

/** Whether the installed ESLint has the core rule `preserve-caught-error` (ESLint 9.35+). */
export function eslintHasRule(rule) {
  const require = createRequire(path.join(PEERS_DIR, "package.json"));
  try {
    const { builtinRules } = require("eslint/use-at-your-own-risk");
    return builtinRules.has(rule);
  } catch {
    return fs.existsSync(path.join(PEERS_DIR, "node_modules", "eslint", "lib", "rules", `${rule}.js`));
  }
}

/** Writes the configs; returns what the ESLint config turns on. */
export function writePeerConfigs() {
  const preserve = eslintHasRule("preserve-caught-error");
  const coreRules = { "no-empty": "error", ...(preserve ? { "preserve-caught-error": "error" } : {}) };
  const eslintConfig = `// Written by bench/run.mjs: the ESLint setup our CLI is compared with. Same files as ours:
// every ${EXT_GLOB} file, no declaration files; parsed by @typescript-eslint/parser.
import tsParser from "@typescript-eslint/parser";
import noSecrets from "eslint-plugin-no-secrets";
import security from "eslint-plugin-security";

export default [
  { ignores: ["**/*.d.ts", "**/*.d.mts", "**/*.d.cts"] },
  {
    files: ["${SOURCE_GLOB}"],
    languageOptions: {
      parser: tsParser,
      ecmaVersion: "latest",
      sourceType: "module",
      parserOptions: { ecmaFeatures: { jsx: true } },
    },
    plugins: { "no-secrets": noSecrets, security },
    // The corpus's own eslint-disable comments name plugins that are not installed here.
    linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: "off" },
    rules: {
      ...${JSON.stringify(coreRules)},
      "no-secrets/no-secrets": "error",
      ...security.configs.recommended.rules,
    },
  },
  { files: ["**/*.cjs", "**/*.cts"], languageOptions: { sourceType: "commonjs" } },
];
`;
  fs.mkdirSync(PEERS_DIR, { recursive: true });
  fs.writeFileSync(ESLINT_CONFIG, eslintConfig);
  fs.writeFileSync(SECRETLINT_RC, JSON.stringify({ rules: [{ id: "@secretlint/secretlint-rule-preset-recommend" }] }, null, 2) + "\n");
  fs.writeFileSync(SECRETLINT_IGNORE, ["**/node_modules/**", "**/.git/**", "**/*.d.ts", "**/*.d.mts", "**/*.d.cts", ""].join("\n"));
  const require = createRequire(path.join(PEERS_DIR, "package.json"));
  let securityRules = [];
  try {
    securityRules = Object.keys(require("eslint-plugin-security").configs.recommended.rules);
  } catch {
    /* reported by the run */
  }
  return { core: Object.keys(coreRules), preserveCaughtError: preserve, noSecrets: ["no-secrets/no-secrets"], security: securityRules };
}

/** Command lines (argv after `node`) for each peer on `folder`; outputs go to `outDir`. */
export function peerCommands(folder, outDir) {
  const nm = path.join(PEERS_DIR, "node_modules");
  return {
    eslint: {
      cwd: folder,
      argv: [path.join(nm, "eslint", "bin", "eslint.js"), "--config", ESLINT_CONFIG, "--format", "json", "--output-file", path.join(outDir, "eslint.json"), "--no-warn-ignored", "."],
      output: path.join(outDir, "eslint.json"),
    },
    secretlint: {
      cwd: folder,
      argv: [
        path.join(nm, "secretlint", "bin", "secretlint.js"),
        "--secretlintrc",
        SECRETLINT_RC,
        "--secretlintignore",
        SECRETLINT_IGNORE,
        "--no-gitignore",
        "--no-color",
        "--format",
        "json",
        "--output",
        path.join(outDir, "secretlint.json"),
        SOURCE_GLOB,
      ],
      output: path.join(outDir, "secretlint.json"),
    },
  };
}
