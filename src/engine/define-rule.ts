import type { CaseMeta, FindingSeverity, JsonSchema, RuleContext, RuleModule, Visitors } from "./types";

/** Base of every docs link; the anchor is the case id. */
export const DOCS_BASE = "https://github.com/hardening-hints/hardening-hints/blob/main/docs/rules/";

export function docsUrl(ruleId: string, caseId?: string): string {
  return `${DOCS_BASE}${ruleId}.md${caseId ? `#${caseId.toLowerCase()}` : ""}`;
}

export interface RuleDefinition<Options, CaseId extends string> {
  id: string;
  docs: { description: string };
  severity: FindingSeverity;
  cases: Record<CaseId, CaseMeta>;
  options?: { schema: JsonSchema; defaults: Options };
  create(ctx: RuleContext<Options>): Visitors;
  scanText?: RuleModule["scanText"];
  scanJson?: RuleModule<Options>["scanJson"];
}

/**
 * Declares a rule family: metadata as data, the docs URL derived from the id.
 * @example export default defineRule({ id: "swallowed-exception", docs: { description: "…" }, severity: "warning", cases: {…}, create(ctx) { return {…}; } });
 */
export function defineRule<Options = Record<string, never>, CaseId extends string = string>(
  def: RuleDefinition<Options, CaseId>,
): RuleModule<Options, CaseId> {
  if (!/^[a-z]+(?:-[a-z]+)*$/.test(def.id)) throw new Error(`rule id must be kebab-case: ${def.id}`);
  for (const caseId of Object.keys(def.cases)) {
    if (!/^[a-z][A-Za-z0-9]*$/.test(caseId)) throw new Error(`case id must be camelCase: ${def.id}/${caseId}`);
  }
  return {
    id: def.id,
    docs: { description: def.docs.description, url: docsUrl(def.id) },
    severity: def.severity,
    cases: def.cases,
    options: def.options ?? { schema: { type: "object", properties: {}, additionalProperties: false }, defaults: {} as Options },
    create: def.create,
    ...(def.scanText ? { scanText: def.scanText } : {}),
    ...(def.scanJson ? { scanJson: def.scanJson } : {}),
  };
}
