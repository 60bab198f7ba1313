// Everything the extension uses of the engine, behind one module specifier, so that the build
// can emit it as a separate file (dist/engine.js) that is read only on the first analysis.
export * from "../engine";
export { auditPaths } from "../engine/audit";
export { toSarif } from "../engine/sarif";
export { zodInstallCommand } from "../fixes/zod-schema";
export { ProfileCache } from "../profile/cache";
// The agent tools (src/mcp), for the language-model tools of src/extension/agent-tools.ts.
export { auditTool, explainTool, fixesTool, rulesTool } from "../mcp/tools";
export { parseToolInput, TOOLS } from "../mcp/schemas";
// `hardening-hints agents`, for the palette command of src/extension/agent-instructions.ts.
export { instructionTargets, updateInstructions } from "../agents/instructions";
export { agentsTrend } from "../agents/trend";
// The baseline the CLI reads with --baseline, recorded and applied by the editor too (baseline.ts).
export { fingerprints } from "../engine/audit";
export { baselineKey, baselineMatches, buildBaseline, formatBaseline, parseBaseline, DEFAULT_BASELINE_FILE } from "../engine/baseline";
