import type { JsonSchema, RuleModule } from "../types";

const SEVERITY: JsonSchema = {
  enum: ["off", "info", "warning", "error"],
  description: "off: not reported; info, warning, error: reported at that level (error fails the CLI).",
};

/**
 * The JSON Schema of `.hardeninghints.json`, derived from the rules' metadata. The same object
 * is written to `schemas/config.schema.json` (for VS Code's jsonValidation) and used by the
 * engine at load time, so the two can never disagree (a meta test compares them).
 */
export function buildConfigSchema(rules: readonly RuleModule[]): JsonSchema & { $schema: string; title: string } {
  const ruleProps: Record<string, JsonSchema> = {};
  for (const rule of rules) {
    const optionProps = rule.options.schema.properties ?? {};
    ruleProps[rule.id] = {
      description: rule.docs.description,
      oneOf: [
        { $ref: "#/definitions/severity" },
        {
          type: "object",
          properties: { severity: { $ref: "#/definitions/severity" }, ...optionProps },
          additionalProperties: false,
        },
      ],
    };
    for (const [caseId, meta] of Object.entries(rule.cases)) {
      ruleProps[`${rule.id}/${caseId}`] = { description: meta.description, $ref: "#/definitions/severity" };
    }
  }
  return {
    $schema: "http://json-schema.org/draft-07/schema#",
    title: "Hardening Hints configuration (.hardeninghints.json)",
    type: "object",
    definitions: {
      severity: SEVERITY,
      rules: {
        type: "object",
        description: "Severity per rule family (`family`) or per case (`family/case`), and rule options.",
        properties: ruleProps,
        additionalProperties: false,
      },
    },
    properties: {
      $schema: { type: "string" },
      ignore: {
        type: "array",
        items: { type: "string", format: "glob" },
        description: "minimatch globs, relative to this file's folder, of files not to analyze. Added to the built-in ignores (node_modules, build output, coverage, *.min.js, Yarn's .pnp.cjs / .pnp.loader.mjs and .yarn/).",
      },
      maxFileSizeKb: { type: "integer", minimum: 1, default: 1024, description: "Files larger than this, in kilobytes (KB; 1 KB is 1,024 characters of text), are skipped and reported as skipped." },
      requireDirectiveReason: { type: "boolean", default: true, description: "Report ignore directives that give no reason after `--`." },
      reportUnusedDirectives: { type: "boolean", default: true, description: "Report ignore directives that silence nothing." },
      rules: { $ref: "#/definitions/rules" },
      overrides: {
        type: "array",
        description:
          "Rules for some files only (ESLint's overrides): each entry's `rules` apply to the files its `files` globs match, after the top-level `rules`; later entries win. An entry's family severity also replaces the case severities set before it.",
        items: {
          type: "object",
          properties: {
            files: {
              type: "array",
              minItems: 1,
              items: { type: "string", format: "glob" },
              description: "minimatch globs, relative to this file's folder, of the files this entry applies to (`src/legacy/**`; a glob without `/` matches file names at any depth).",
            },
            rules: { $ref: "#/definitions/rules" },
          },
          required: ["files"],
          additionalProperties: false,
        },
      },
    },
    additionalProperties: false,
  };
}
