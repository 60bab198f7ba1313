/**
 * The ESLint plugin (`require("hardening-hints/eslint")`), also loadable as an oxlint JS plugin.
 * One rule per family of the engine's registry, named by the family id; `configs.recommended`
 * turns them all on at the family's default severity.
 *
 * @example
 * // eslint.config.mjs
 * import hardeningHints from "hardening-hints/eslint";
 * export default [hardeningHints.configs.recommended];
 */
import type { ESLint, Linter, Rule } from "eslint";
import { version } from "../../package.json";
import { familyRules } from "../rules";
import { eslintRuleFor } from "./rule";

const PLUGIN = "hardening-hints";

const rules: Record<string, Rule.RuleModule> = Object.fromEntries(familyRules.map((family) => [family.id, eslintRuleFor(family)]));

const plugin = {
  meta: { name: PLUGIN, version },
  rules,
  configs: {} as { recommended: Linter.Config },
} satisfies ESLint.Plugin;

plugin.configs.recommended = {
  name: `${PLUGIN}/recommended`,
  plugins: { [PLUGIN]: plugin },
  rules: Object.fromEntries(familyRules.map((family) => [`${PLUGIN}/${family.id}`, family.severity === "error" ? "error" : "warn"])),
};

export = plugin;
