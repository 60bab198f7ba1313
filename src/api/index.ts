/**
 * The package's public API (`require("hardening-hints")`): what tools built on Hardening Hints
 * use. Analyze one text, audit folders, apply the fixes the fix-safety policy allows, load a
 * `.hardeninghints.json`, render SARIF. Everything here is re-exported from the engine; nothing
 * is implemented in this file.
 *
 * @example
 * const hh = require("hardening-hints");
 * const config = hh.defaultConfig(process.cwd());
 * const result = hh.analyze({ path: "/repo/a.ts", text, config, project: new hh.FsProjectHost() });
 * const { output } = hh.fixAll({ path: "/repo/a.ts", text, config, project }); // safe fixes only
 */
import { allRules } from "../engine/analyze";
import { buildConfigSchema } from "../engine/config/schema";
import type { JsonSchema } from "../engine/types";

export * from "../engine";
export { auditPaths, type AuditOptions, type AuditResult, type AuditedFile, type Located, type LocatedFinding, type LocatedFix, type Position } from "../engine/audit";
export { ConfigResolver } from "../engine/files";
export { sarifRules, toSarif } from "../engine/sarif";
export { DIRECTIVE_MARKER } from "../engine/suppress";
export { ProfileCache, computeProfile, findProjectRoot, profileCacheFor } from "../profile";
export type { LoggerProfile, LogShape, ModuleSystem, ProjectProfile, Runtime, ValidatorProfile } from "../profile";

/** The JSON Schema of `.hardeninghints.json` (the file the package ships as `hardening-hints/schema.json`). */
export function configSchema(): JsonSchema & { $schema: string; title: string } {
  return buildConfigSchema(allRules);
}
