import { ts } from "../../engine/ts";

function keyOf(p: ts.ObjectLiteralElementLike): string {
  return p.name && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) ? p.name.text : "";
}

/**
 * The name a call goes by: `docsearch` of `docsearch(…)`, and of the script-tag global
 * `window.docsearch(…)` (production keystone docs/components/Header.tsx).
 */
function calleeName(e: ts.Expression): string {
  if (ts.isIdentifier(e)) return e.text.toLowerCase();
  if (ts.isPropertyAccessExpression(e) && ts.isIdentifier(e.expression) && /^(?:window|globalThis|self)$/.test(e.expression.text)) return e.name.text.toLowerCase();
  return "";
}

/**
 * `algolia: { appId: "V93C1M14G6", apiKey: "0eb8…", indexName: "karakeep" }` in a Docusaurus
 * `themeConfig` (production karakeep docs/docusaurus.config.ts:119), VitePress's `search: {
 * provider: "algolia", options: { appId, apiKey, indexName } }` and `docsearch({ appId, apiKey,
 * indexName, container })`: the DocSearch widget's key, which runs in every visitor's browser and
 * must be a search-only key (Algolia: "The API key … is the search-only API key", Docusaurus: "it's
 * safe to commit"). The `apiKey` of an object that also names `indexName` (Docusaurus 1's config has
 * no `appId`), held by a property named `algolia` or `docsearch`, by an `options` beside `provider:
 * "algolia"`, or by a `const` typed `ThemeConfig["algolia"]`; or passed to `docsearch(…)` (or the global `window.docsearch(…)`) with an `appId`. Elsewhere (`algoliasearch(appId, adminKey)`, an indexing script's config) an
 * Algolia key may be the admin key and stays reported.
 */
export function inDocSearchConfig(literal: ts.Node): boolean {
  const prop = literal.parent;
  if (!prop || !ts.isPropertyAssignment(prop) || prop.initializer !== literal || keyOf(prop) !== "apiKey") return false;
  const obj = prop.parent;
  if (!ts.isObjectLiteralExpression(obj)) return false;
  const keys = new Set(obj.properties.map(keyOf));
  if (!keys.has("indexName")) return false;
  const holder = obj.parent;
  if (ts.isCallExpression(holder)) return keys.has("appId") && holder.arguments[0] === obj && calleeName(holder.expression) === "docsearch";
  // `const ALGOLIA_CONFIG: ThemeConfig["algolia"] = { … }`: typed as Docusaurus's own option.
  if (ts.isVariableDeclaration(holder)) return !!holder.type && /\bThemeConfig\b.*\b(?:algolia|docsearch)\b/i.test(holder.type.getText());
  if (!ts.isPropertyAssignment(holder) || holder.initializer !== obj) return false;
  const name = keyOf(holder);
  if (/^(?:algolia|docsearch)$/i.test(name)) return true;
  // VitePress: `search: { provider: "algolia", options: { … } }`.
  return name === "options" && ts.isObjectLiteralExpression(holder.parent) && holder.parent.properties.some((p) => keyOf(p) === "provider" && ts.isPropertyAssignment(p) && ts.isStringLiteralLike(p.initializer) && p.initializer.text === "algolia");
}
