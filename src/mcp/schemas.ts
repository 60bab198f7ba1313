import * as z from "zod";

// Zod compiles fast object parsers with the Function constructor unless told not to: no code is
// generated at run time in this project (the meta test's "no eval" rule), only interpreted.
z.config({ jitless: true });

/**
 * The input of each agent tool, one definition for both surfaces: the MCP server hands these
 * to the SDK, and package.json's `contributes.languageModelTools` carries their JSON Schema
 * (test/unit/mcp/schemas.test.ts keeps the two equal).
 */
export const auditInput = z
  .object({
    paths: z.array(z.string().min(1)).min(1).optional().describe("Files or folders to audit, relative to the workspace root (default: the whole workspace)."),
    text: z.string().optional().describe("Source text to audit instead of reading a file (an unsaved or proposed version); `path` names the file it belongs to."),
    path: z.string().min(1).optional().describe("With `text`: the file the text belongs to (its extension and its folder's configuration apply). Default: `untitled.ts` at the workspace root."),
    limit: z.number().int().min(1).max(1000).optional().describe("At most this many findings in the answer (default 100); the summary still counts all."),
  })
  .strict();

export const explainInput = z
  .object({
    code: z.string().min(1).describe("A rule family (`swallowed-exception`), a case (`swallowed-exception/emptyCatch`) or a bare case id (`emptyCatch`)."),
    path: z.string().min(1).optional().describe("A file or folder whose configuration to report (default: the workspace root)."),
  })
  .strict();

export const fixesInput = z
  .object({
    path: z.string().min(1).describe("The file of the finding, relative to the workspace root."),
    text: z.string().optional().describe("Analyze this text as the file's content instead of reading it (no `apply` then)."),
    line: z.number().int().min(1).optional().describe("1-based line of the finding (as `audit` reports it)."),
    column: z.number().int().min(1).optional().describe("1-based column of the finding; with `line`, picks one finding on a busy line."),
    code: z.string().min(1).optional().describe("Only findings of this code (`family/case`) or family."),
    fingerprint: z.string().min(1).optional().describe("The finding's fingerprint from `audit`."),
    apply: z.boolean().optional().describe("Write the fix to the file. Off by default: without it nothing is written. Needs exactly one matching finding."),
    fix: z.number().int().min(0).optional().describe("With `apply`: the index of the fix to apply (default: the finding's preferred safe fix)."),
  })
  .strict();

export const rulesInput = z
  .object({
    path: z.string().min(1).optional().describe("A file or folder whose configuration applies (default: the workspace root)."),
  })
  .strict();

export type AuditInput = z.infer<typeof auditInput>;
export type ExplainInput = z.infer<typeof explainInput>;
export type FixesInput = z.infer<typeof fixesInput>;
export type RulesInput = z.infer<typeof rulesInput>;

/** Names, descriptions and inputs of the four tools, shared by the MCP server and the VS Code tools. */
export const TOOLS = {
  audit: {
    title: "Audit for swallowed errors, unvalidated input and hard-coded secrets",
    description:
      "Audits TypeScript/JavaScript files (or a file's text) with Hardening Hints and returns findings with 1-based positions, codes (`family/case`), severities, docs links and the titles and safety of the fixes offered. Secrets are masked. Read-only.",
    input: auditInput,
  },
  explain: {
    title: "Explain a Hardening Hints rule or case",
    description:
      "Explains a rule family or one of its cases: what it finds and why, the docs section with its examples, the fix capability, and how this project's .hardeninghints.json configures it.",
    input: explainInput,
  },
  fixes: {
    title: "Fixes offered for a finding",
    description:
      "Lists the fixes offered for a finding (pick it by line/column, code or fingerprint): title, kind (`safe` only adds information and never changes behaviour; `suggestion` changes behaviour and needs review) and the exact edits. Writes nothing unless `apply` is true; then it applies one fix, never outside the workspace, and returns the file's findings after it.",
    input: fixesInput,
  },
  rules: {
    title: "Hardening Hints rules in effect",
    description: "Lists every rule family and case with its severity in this project (off when disabled), its default and its fix capability, and the configuration file in effect.",
    input: rulesInput,
  },
} as const;

export type ToolName = keyof typeof TOOLS;

/**
 * Validates a tool's input where no SDK does it (the VS Code tools): the answer to a wrong
 * argument is one message naming it, like the MCP server's `Input validation error`.
 */
export function parseToolInput<N extends ToolName>(name: N, input: unknown): z.infer<(typeof TOOLS)[N]["input"]> {
  const parsed = TOOLS[name].input.safeParse(input ?? {});
  if (!parsed.success) throw new TypeError(`Input validation error: invalid arguments for ${name}: ${z.prettifyError(parsed.error).replace(/\n\s*/g, "; ")}`);
  return parsed.data as z.infer<(typeof TOOLS)[N]["input"]>;
}
