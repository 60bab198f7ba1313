import type { ImportAliases } from "./aliases";
import type { WorkspacePackages } from "./workspace";
import type { OpenApiValidation } from "./openapi";
import type { ImportersIndex, SpecifierResolver } from "./importers";

/**
 * What the engine knows about the project around a file. Computed once per project root and
 * cached (see {@link ProfileCache}); rules read it instead of the file system.
 */

/** Where a file's code runs; decides globals (`process.env` vs `Deno.env`) and import forms. */
export type Runtime = "node" | "deno" | "bun" | "workers" | "browser";

export type ModuleSystem = "esm" | "cjs";

/** How a structured error log is written (see src/fixes/logger.ts). */
export type LogShape = "objectFirst" | "messageFirst" | "console";

export interface LoggerProfile {
  /** The library, or `module` for a project module that wraps one (`src/lib/logger.ts`). */
  kind: "pino" | "winston" | "bunyan" | "consola" | "nest" | "module";
  /**
   * For `module`: the project-relative path of the module (no extension), e.g. `src/lib/logger`.
   * For a library: its package name.
   */
  from: string;
  /** The binding the project imports, e.g. `logger`, `Logger`, `log`; `default` for a default export. */
  name: string;
  shape: LogShape;
  /** For `module`: true when it exports with `export` syntax (a CommonJS file cannot `require` it as its logger). */
  esm?: boolean;
}

export interface ValidatorProfile {
  kind: "zod" | "valibot" | "joi" | "yup" | "class-validator" | "ajv" | "typebox" | "superstruct";
  /** Major version when the manifest or lockfile says (zod 3 or 4). */
  major?: number;
  /**
   * The import specifier that resolves for files of this project: `zod`, `zod/v4`,
   * `npm:zod@3.23.8`, `https://deno.land/x/zod@v3.22.4/mod.ts`, or an import-map key.
   */
  specifier: string;
}

export interface ProjectProfile {
  /** Folder holding the nearest package.json or deno.json(c); the file's folder when there is none. */
  root: string;
  /** True when a package.json or deno.json(c) was found at `root`. */
  hasManifest: boolean;
  /** The project's default runtime; {@link ProjectProfile.runtimeOf} refines it per file. */
  runtime: Runtime;
  /** Runtime of one file of this project (a `"use client"` file or a `public/` script is `browser`). */
  runtimeOf(path: string, text?: string): Runtime;
  moduleSystem: ModuleSystem;
  /** Names from dependencies, devDependencies and peerDependencies (and deno.json imports). */
  dependencies: ReadonlySet<string>;
  /**
   * Import-map keys and their targets (`"supabase-js": "https://esm.sh/@supabase/supabase-js@2.20.0"`): deno.json(c)
   * `imports`, the map its `importMap` names, and the Supabase functions' shared `supabase/functions/import_map.json`.
   */
  importMap?: ReadonlyMap<string, string>;
  /** Names only in devDependencies (not in dependencies or peerDependencies). */
  devOnly?: ReadonlySet<string>;
  /** The project's logger, when it has one; undefined means `console` is what it uses. */
  logger?: LoggerProfile;
  validator?: ValidatorProfile;
  /**
   * The env example file: an existing `.env.example`, `.env.sample`, `.env.template` or `.env.dist`,
   * else variant templates (`env-example-relational`: the first by name, the others in `also`),
   * else `.env.example` at the root.
   */
  envExample: { path: string; exists: boolean; also?: readonly string[] };
  /** True when the project's ESLint config turns `no-console` on. */
  noConsole: boolean;
  /** The project's TypeScript `target` is below ES2022 (no `{ cause }` in the Error types). */
  predatesEs2022: boolean;
  /** The project's TypeScript `target` or `lib` is below ES2018 (no `Promise.prototype.finally` in its types). */
  predatesEs2018?: boolean;
  /**
   * Dependency names of every package of the workspace around `root` (a pnpm-workspace.yaml or a
   * package.json `workspaces`), empty outside one; read on the first call, then kept.
   */
  workspaceDependencies?(): ReadonlySet<string>;
  /** Major version of the `typescript` the manifest declares (zod 4's types need 5), when it does. */
  typescriptMajor?: number;
  /** Major version of the `openai` SDK the manifest declares (v3's `OpenAIApi` has no default timeout; v4 has no `OpenAIApi`), when it does. */
  openaiMajor?: number;
  /** Major version of `node-fetch` the manifest declares (v3 dropped v2's `timeout` option), when it does. */
  nodeFetchMajor?: number;
  /** Major version of `express` the manifest declares (5 hands a failed bind to `app.listen`'s callback), when it does. */
  expressMajor?: number;
  /**
   * The app-wide OpenAPI request validator (express-openapi-validator mounted with request
   * validation on) and its document, when the project has one (see openapi.ts); read on the first
   * call, then kept.
   */
  openApi?(): OpenApiValidation | undefined;
  /**
   * The project's import aliases: the nearest tsconfig/jsconfig `paths` and `baseUrl` (relative
   * `extends` followed) and package.json `imports` (see aliases.ts); configs read on the first
   * question only, then kept.
   */
  importAliases?(): ImportAliases;
  /**
   * The workspace's own packages by their package.json `name` (a monorepo's `@homarr/db`) and the
   * entry each specifier naming one leads to (see workspace.ts); read on the first question only, then kept.
   */
  workspacePackages?(): WorkspacePackages;
  /**
   * The project's importers index (which files import each source file; see importers.ts), built on
   * the first question with `resolve` (the resolution `ProjectFiles.resolve` uses), then kept until a
   * source file changes ({@link ProfileCache.invalidate}). Each answer lists the folders it walked
   * again through the host, so the CLI's `--cache` entry of a file that asked sees a file added.
   */
  importers?(resolve: SpecifierResolver): ImportersIndex;
  /** Drops the importers index (a source file changed). */
  forgetImporters?(): void;
  /**
   * The project-relative path of the module that sets `axios.defaults.timeout` for the whole
   * process (see axios-defaults.ts), when one does; found on the first question, then kept.
   */
  axiosDefaultsModule?(): string | undefined;
  /** Drops that answer when `file` (a source file that changed) may change it: the module found, or a text that sets it. */
  forgetAxiosDefaults?(file: string): void;
}
