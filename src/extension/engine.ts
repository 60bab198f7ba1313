type EngineModule = typeof import("./engine-entry");
export type { AuditResult, AuditedFile, LocatedFinding } from "../engine/audit";

let engine: EngineModule | undefined;

/**
 * The engine (with the audit and SARIF writer the CLI uses), loaded on first use. `require`,
 * not `import`: esbuild then wraps the engine's modules in lazy initializers, so ts-morph and
 * the rules are evaluated only when the first document is analyzed, never at activation.
 * The build may also map `./engine-entry` to a separate dist/engine.js, which then is not
 * even read from disk until that moment.
 */
export function loadEngine(): EngineModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  engine ??= require("./engine-entry") as EngineModule;
  return engine;
}

/** The workspace audit and the SARIF writer, the very functions the CLI uses. */
export function loadAudit(): Pick<EngineModule, "auditPaths" | "toSarif"> {
  return loadEngine();
}

/** True once the first analysis loaded the engine (the host test checks activation stays cheap). */
export function isEngineLoaded(): boolean {
  return engine !== undefined;
}
