/**
 * The ESLint plugin (`require("hardening-hints/eslint")`), also loadable as an oxlint JS plugin.
 * One rule per family of the engine's registry, named by the family id, plus `ignore-directive`
 * (our directives without a reason, unused or naming an unknown code, as the CLI reports them);
 * `configs.recommended` turns them all on at the family's default severity.
 *
 * @example
 * // eslint.config.mjs
 * import hardeningHints from "hardening-hints/eslint";
 * export default [hardeningHints.configs.recommended];
 */
import type { ESLint, Linter, Rule } from "eslint";
import { version } from "../../package.json";
import { allRules } from "../engine/analyze";
import { eslintRuleFor } from "./rule";

const PLUGIN = "hardening-hints";

const rules: Record<string, Rule.RuleModule> = Object.fromEntries(allRules.map((family) => [family.id, eslintRuleFor(family)]));

const plugin = {
  meta: { name: PLUGIN, version },
  rules,
  configs: {} as { recommended: Linter.Config },
} satisfies ESLint.Plugin;

plugin.configs.recommended = {
  name: `${PLUGIN}/recommended`,
  plugins: { [PLUGIN]: plugin },
  rules: Object.fromEntries(allRules.map((family) => [`${PLUGIN}/${family.id}`, family.severity === "error" ? "error" : "warn"])),
};

export = plugin;
