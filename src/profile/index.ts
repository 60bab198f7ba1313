export type { LoggerProfile, LogShape, ModuleSystem, ProjectProfile, Runtime, ValidatorProfile } from "./types";
export { computeProfile, findProjectRoot } from "./detect";
export { ProfileCache, profileCacheFor } from "./cache";
export type { OpenApiOperation, OpenApiValidation, SchemaObject } from "./openapi";
export type { AliasTargets, ImportAliases } from "./aliases";
export type { WorkspacePackages } from "./workspace";
