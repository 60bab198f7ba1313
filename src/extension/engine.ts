import type * as Engine from "../engine";

type AuditModule = typeof import("../engine/audit");
type SarifModule = typeof import("../engine/sarif");
export type { AuditResult, AuditedFile, LocatedFinding } from "../engine/audit";

export interface AuditModules {
  auditPaths: AuditModule["auditPaths"];
  toSarif: SarifModule["toSarif"];
}

let engine: typeof Engine | undefined;
let audit: AuditModules | undefined;

/**
 * The engine, loaded on first use. `require` (not `import`) keeps it out of activation:
 * esbuild wraps the required modules in lazy initializers, so ts-morph and the rules are
 * evaluated only when the first document is analyzed.
 */
export function loadEngine(): typeof Engine {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  engine ??= require("../engine") as typeof Engine;
  return engine;
}

/** The workspace audit and the SARIF writer, the very functions the CLI uses. */
export function loadAudit(): AuditModules {
  if (!audit) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const a = require("../engine/audit") as AuditModule;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const s = require("../engine/sarif") as SarifModule;
    audit = { auditPaths: a.auditPaths, toSarif: s.toSarif };
  }
  return audit;
}

/** True once the first analysis loaded the engine (the host test checks activation stays cheap). */
export function isEngineLoaded(): boolean {
  return engine !== undefined;
}
