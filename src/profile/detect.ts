/**
 * Computes a {@link ProjectProfile} from the project's manifests, read through the
 * {@link ProjectHost} (never the file system directly). Bounded work: a fixed list of files per
 * root, each read once.
 */
import { ts } from "../engine/ts";
import type { ProjectHost } from "../engine/types";
import { asObject, NotingHost, pathApi, readJson, touchInputs } from "./read-json";
import type { LoggerProfile, ModuleSystem, ProjectProfile, Runtime, ValidatorProfile } from "./types";
import { workspaceDependencies, workspacePackagesOf, type WorkspacePackages } from "./workspace";
import { openApiValidationOf, type OpenApiValidation } from "./openapi";
import { importAliasesOf, type ImportAliases } from "./aliases";
import { importersIndexOf, type ImportersIndex } from "./importers";
import { axiosDefaultsModuleOf } from "./axios-defaults";

const MANIFESTS = ["package.json", "deno.json", "deno.jsonc"] as const;
// Templates that list variable names for people to fill in. Not `.env.defaults`: dotenv-defaults
// loads it at run time, so a `NAME=` line there would set the secret to "" and hide that it is unset.
const ENV_EXAMPLES = [".env.example", ".env.sample", ".env.template", ".env.dist", ".env.local.example", "env.example"] as const;
// Variant templates, when the project has none of the names above: `env-example-relational`,
// `.env.production.example`, `.env.example.docker`. Never `.env.defaults` (see above).
const ENV_VARIANT_RE = /^\.?env[.-][\w.-]+$/i;
const TEMPLATE_WORD_RE = /[.-](?:example|sample|template|dist)(?:[.-]|$)/i;

/** The folder of the nearest package.json or deno.json(c) at or above `file`'s folder. */
export function findProjectRoot(project: ProjectHost, file: string): string | undefined {
  const p = pathApi(file);
  let dir = p.dirname(file);
  for (let i = 0; i < 64; i++) {
    if (MANIFESTS.some((m) => project.fileExists(p.join(dir, m)))) return dir;
    const up = p.dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
  return undefined;
}


/**
 * Whether `rel` (a path under `root`) may exist, by the host's folder listings when it has them:
 * a few cached listings instead of hundreds of failed opens per project. Without listings, true
 * (the caller's read answers).
 */
function present(project: ProjectHost, root: string, rel: string): boolean {
  if (!project.listDir) return true;
  const p = pathApi(root);
  let dir = root;
  for (const segment of rel.split("/")) {
    if (segment === "") continue;
    const names = project.listDir(dir);
    if (names === undefined || !names.includes(segment)) return false;
    dir = p.join(dir, segment);
  }
  return true;
}

function record(value: unknown): Record<string, unknown> {
  return asObject(value) ?? {};
}

function majorOf(range: unknown): number | undefined {
  if (typeof range !== "string") return undefined;
  const m = /(\d+)/.exec(range);
  return m ? Number(m[1]) : undefined;
}

const VALIDATORS: ReadonlyArray<[string, ValidatorProfile["kind"]]> = [
  ["zod", "zod"],
  ["valibot", "valibot"],
  ["joi", "joi"],
  ["yup", "yup"],
  ["class-validator", "class-validator"],
  ["ajv", "ajv"],
  ["@sinclair/typebox", "typebox"],
  ["superstruct", "superstruct"],
];

const LOGGERS: ReadonlyArray<[string, Exclude<LoggerProfile["kind"], "module">, LoggerProfile["shape"]]> = [
  ["pino", "pino", "objectFirst"],
  ["bunyan", "bunyan", "objectFirst"],
  ["winston", "winston", "messageFirst"],
  ["consola", "consola", "console"],
];

interface Manifest {
  deps: Map<string, string>;
  /** Names only in devDependencies (build and dev tools, a dev proxy server). */
  devOnly: Set<string>;
  /** deno.json `imports`: key → target. */
  imports: Map<string, string>;
  type?: string;
  isDeno: boolean;
}

function readManifest(project: ProjectHost, root: string): Manifest {
  const p = pathApi(root);
  const deps = new Map<string, string>();
  const imports = new Map<string, string>();
  const pkg = readJson(project, p.join(root, "package.json"));
  for (const key of ["peerDependencies", "devDependencies", "dependencies"]) {
    for (const [name, range] of Object.entries(record(pkg?.[key]))) deps.set(name, typeof range === "string" ? range : "");
  }
  const runtimeDeps = new Set([...Object.keys(record(pkg?.dependencies)), ...Object.keys(record(pkg?.peerDependencies))]);
  const devOnly = new Set(Object.keys(record(pkg?.devDependencies)).filter((d) => !runtimeDeps.has(d)));
  const deno = readJson(project, p.join(root, "deno.json")) ?? readJson(project, p.join(root, "deno.jsonc"));
  for (const [key, target] of Object.entries(record(deno?.imports))) if (typeof target === "string") imports.set(key, target);
  // The import maps Deno and the Supabase CLI read beside it: the one deno.json names (`"importMap": "./import_map.json"`)
  // and the functions' shared map (`supabase/functions/import_map.json`, the CLI's fallback for every function). deno.json's own keys win.
  const maps = [typeof deno?.importMap === "string" ? p.resolve(root, deno.importMap) : undefined, p.join(root, "supabase", "functions", "import_map.json")];
  for (const file of maps) {
    if (!file) continue;
    for (const [key, target] of Object.entries(record(readJson(project, file)?.imports))) if (typeof target === "string" && !imports.has(key)) imports.set(key, target);
  }
  return { deps, devOnly, imports, type: typeof pkg?.type === "string" ? pkg.type : undefined, isDeno: deno !== undefined };
}

/** Dependencies that mean a package runs server code of its own (a framework, a serverless platform; React Router 7's server adapters, Remix's successors). */
export const SERVER_DEPS: readonly string[] = ["next", "nuxt", "@remix-run/node", "@remix-run/server-runtime", "@react-router/node", "@react-router/serve", "@react-router/express", "@react-router/cloudflare", "astro", "@sveltejs/kit", "express", "fastify", "koa", "hono", "@nestjs/core", "@hapi/hapi", "h3", "elysia", "@trpc/server", "firebase-functions", "@netlify/functions", "@vercel/node", "@builder.io/qwik-city", "@solidjs/start", "@tanstack/start", "@tanstack/react-start", "@tanstack/solid-start", "nitropack", "vinxi", "@cloudflare/workers-types", "wrangler"];

// SDKs of UI extensions, which the host application runs in a sandboxed frame or worker of the
// user's browser: Stripe Apps ("UI extensions … run in a sandboxed iframe",
// https://docs.stripe.com/stripe-apps/how-ui-extensions-work), Shopify and HubSpot UI extensions,
// Figma plugins. A package built on one ships no server code; its backend is another package.
const UI_EXTENSION_DEPS = ["@stripe/ui-extension-sdk", "@shopify/ui-extensions", "@shopify/ui-extensions-react", "@shopify/checkout-ui-extensions", "@shopify/checkout-ui-extensions-react", "@shopify/admin-ui-extensions", "@shopify/admin-ui-extensions-react", "@shopify/post-purchase-ui-extensions", "@shopify/post-purchase-ui-extensions-react", "@hubspot/ui-extensions", "@figma/plugin-typings"];
// The manifest of such a package: a Stripe app's `stripe-app.json` (its `ui_extension` lists the views).
const UI_EXTENSION_MANIFESTS = ["stripe-app.json"];
// Browser UI libraries: a package whose runtime dependencies are only these (a `packages/ui` of
// components, a widget) ships code that only a page runs.
const UI_LIBRARY_RE = /^(?:react|react-dom|vue|svelte|preact|solid-js|lit|@angular\/[\w-]+|@emotion\/[\w-]+|styled-components|@mui\/[\w-]+|@chakra-ui\/[\w-]+|@radix-ui\/[\w-]+|@headlessui\/[\w-]+|@heroicons\/[\w-]+|lucide-react|react-icons|clsx|classnames|tailwind-merge|class-variance-authority|framer-motion|@types\/[\w-]+)$/;
const UI_FRAMEWORK_RE = /^(?:react|react-dom|vue|svelte|preact|solid-js|lit|@angular\/core)$/;

/**
 * A package that runs only in the browser, whatever its folders are called: a UI extension (its
 * SDK among the dependencies, or its platform's manifest at the root), or a package whose runtime
 * dependencies are all browser UI libraries, one of them a framework. Never one that also depends
 * on a server framework: a monorepo's root manifest may list both, and its server folders are the
 * server's.
 */
function browserOnlyPackage(project: ProjectHost, root: string, m: Manifest): boolean {
  if (SERVER_DEPS.some((d) => m.deps.has(d))) return false;
  if (UI_EXTENSION_DEPS.some((d) => m.deps.has(d))) return true;
  const p = pathApi(root);
  // (With a UI framework beside it: Stripe's views are React components.)
  if (UI_EXTENSION_MANIFESTS.some((f) => project.fileExists(p.join(root, f))) && [...m.deps.keys()].some((d) => UI_FRAMEWORK_RE.test(d))) return true;
  const runtimeDeps = [...m.deps.keys()].filter((d) => !m.devOnly.has(d));
  return runtimeDeps.length > 0 && runtimeDeps.every((d) => UI_LIBRARY_RE.test(d)) && runtimeDeps.some((d) => UI_FRAMEWORK_RE.test(d));
}

function runtimeOfRoot(project: ProjectHost, root: string, m: Manifest): Runtime {
  const p = pathApi(root);
  if (m.isDeno || /[\\/]supabase[\\/]functions(?:[\\/]|$)/.test(root)) return "deno";
  if (["wrangler.toml", "wrangler.json", "wrangler.jsonc"].some((f) => project.fileExists(p.join(root, f)))) return "workers";
  if (browserOnlyPackage(project, root, m)) return "browser";
  if (project.fileExists(p.join(root, "bun.lockb")) || project.fileExists(p.join(root, "bun.lock")) || project.fileExists(p.join(root, "bunfig.toml"))) return "bun";
  return "node";
}

/**
 * The validation library and the specifier that resolves for this project's files. Under Deno
 * that is the import-map key (`"zod": "npm:zod@3.23.8"` → `zod`, `"@zod": "https://deno.land/x/zod/mod.ts"` → `@zod`).
 */
function validatorOf(m: Manifest, runtime: Runtime): ValidatorProfile | undefined {
  if (runtime === "deno") {
    for (const [key, target] of m.imports) {
      const hit = VALIDATORS.find(([pkg]) => key === pkg || key === `${pkg}/` || new RegExp(`^(?:npm:|jsr:@[\\w-]+/)${pkg.replace("/", "\\/")}(?:@|/|$)|deno\\.land/x/${pkg}(?:@|/)`).test(target));
      if (hit) return { kind: hit[1], specifier: key.replace(/\/$/, ""), major: majorOf(/@[\^~v]*(\d[^/]*)/.exec(target)?.[1]) };
    }
    return undefined;
  }
  for (const [pkg, kind] of VALIDATORS) {
    if (m.deps.has(pkg)) return { kind, specifier: pkg, major: majorOf(m.deps.get(pkg)) };
  }
  return undefined;
}

// Where projects keep their logger module (a bounded list: each candidate is one read, once per root).
const LOGGER_DIRS = ["src/lib", "src/utils", "src/util", "src", "lib", "utils", "util", "", "src/common", "src/config", "src/core", "src/shared", "src/services", "src/helpers", "src/infra", "src/server", "server", "server/utils", "server/lib", "app/lib", "app/utils", "src/app/lib"];
const LOGGER_FILES = ["logger", "log", "Logger", "logging", "logger/index"];
const SOURCE_EXTS = [".ts", ".js", ".mts", ".mjs", ".cts", ".cjs"];
// Libraries a project module may wrap, with the call shape of their loggers.
const WRAPPED: ReadonlyArray<[string, LoggerProfile["shape"]]> = [...LOGGERS.map(([pkg, , shape]): [string, LoggerProfile["shape"]] => [pkg, shape]), ["tslog", "messageFirst"], ["loglevel", "console"], ["signale", "console"]];

/**
 * The binding a logger module exports as an object with level methods: `export const logger =`,
 * `export default logger` / `export default pino()`, `module.exports = logger`, `exports.logger =`.
 * Classes and plain functions are not loggers a fix can call `.error` on.
 */
function exportedLogger(text: string): string | undefined {
  const named = /export\s+(?:const|let|var)\s+(logger|log|Logger|LOGGER)\b/.exec(text) ?? /\bexports\.(logger|log)\s*=/.exec(text) ?? /module\.exports\s*=\s*\{[^}]*\b(logger|log)\b/.exec(text);
  if (named) return named[1]!;
  if (/export\s+default\s+(?!class\b|function\b|async\b|\()/.test(text) || /module\.exports\s*=\s*(?!\{|class\b|function\b|\()/.test(text)) return "default";
  return undefined;
}

/** The module exports with `export` syntax, not through `module.exports`/`exports.x`. */
function writesEsm(text: string): boolean {
  return /^[ \t]*export\s+(?:default\b|const\b|let\b|var\b|function\b|class\b|async\b|\{)/m.test(text) && !/\bmodule\.exports\b|\bexports\.\w+\s*=/.test(text);
}

function loggerOf(project: ProjectHost, root: string, m: Manifest): LoggerProfile | undefined {
  const p = pathApi(root);
  for (const dir of LOGGER_DIRS) {
    // A folder the project lacks holds none of the 30 candidates: one listing lookup, not 30 (once per project, 325 on the benchmark corpus).
    if (dir !== "" && !present(project, root, dir)) continue;
    for (const file of LOGGER_FILES) {
      const rel = dir ? `${dir}/${file}` : file;
      for (const ext of SOURCE_EXTS) {
        if (!present(project, root, rel + ext)) continue;
        const text = project.readFile(p.join(root, rel + ext));
        if (text === undefined) continue;
        const lib = WRAPPED.find(([pkg]) => text.includes(`"${pkg}"`) || text.includes(`'${pkg}'`));
        // `export const log = debug("app")` is a function, not a logger object.
        if (!lib && (/["']debug["']/.test(text) || !/\berror\b/.test(text))) continue;
        const name = exportedLogger(text);
        if (name) return { kind: "module", from: rel.replace(/\/index$/, ""), name, shape: lib?.[1] ?? "messageFirst", esm: writesEsm(text) };
      }
    }
  }
  for (const [pkg, kind, shape] of LOGGERS) if (m.deps.has(pkg)) return { kind, from: pkg, name: pkg === "consola" ? "consola" : "logger", shape };
  if (m.deps.has("@nestjs/common")) return { kind: "nest", from: "@nestjs/common", name: "Logger", shape: "console" };
  return undefined;
}

/**
 * The project's env example file: the first of {@link ENV_EXAMPLES} that exists at the root (a
 * folder or a FIFO of that name does not count: the host reads regular files only), else a new
 * `.env.example` there. Never a second template next to the project's own. Without one of
 * those names, variant templates (`env-example-relational`, `.env.production.example`) count:
 * the first by name, and the others in `also`.
 */
export function envExampleOf(project: ProjectHost, root: string): ProjectProfile["envExample"] {
  const p = pathApi(root);
  for (const name of ENV_EXAMPLES) {
    const file = p.join(root, name);
    if (project.fileExists(file)) return { path: file, exists: true };
  }
  // Variants (one template per database or deployment): a name the code needs goes in each.
  const variants = (project.listDir?.(root) ?? [])
    .filter((n) => ENV_VARIANT_RE.test(n) && TEMPLATE_WORD_RE.test(n) && project.fileExists(p.join(root, n)))
    .sort()
    .map((n) => p.join(root, n));
  if (variants.length > 0) return variants.length === 1 ? { path: variants[0]!, exists: true } : { path: variants[0]!, exists: true, also: variants.slice(1) };
  return { path: p.join(root, ".env.example"), exists: false };
}

const ESLINT_CONFIGS = [".eslintrc.json", ".eslintrc", ".eslintrc.js", ".eslintrc.cjs", ".eslintrc.yml", ".eslintrc.yaml", "eslint.config.js", "eslint.config.mjs", "eslint.config.cjs", "eslint.config.ts", "eslint.config.mts"];

/** The level a config text gives `no-console`, or undefined when it does not name the rule. */
function noConsoleLevel(text: string): boolean | undefined {
  // `"no-console": "error"` / `'no-console': ['warn', …]` / `"no-console": 2` / YAML `no-console: [error]`; a text probe, no eval.
  const m = /["']?no-console["']?\s*:\s*\[?\s*(["']?)(\w+)\1/.exec(text);
  return m ? m[2] !== "off" && m[2] !== "0" : undefined;
}

function noConsoleOf(project: ProjectHost, root: string): boolean {
  const p = pathApi(root);
  for (const name of ESLINT_CONFIGS) {
    const text = present(project, root, name) ? project.readFile(p.join(root, name)) : undefined;
    if (text === undefined) continue;
    const level = noConsoleLevel(text);
    if (level !== undefined) return level;
  }
  const eslintConfig = readJson(project, p.join(root, "package.json"))?.eslintConfig;
  if (eslintConfig !== undefined) {
    const level = noConsoleLevel(JSON.stringify(eslintConfig));
    if (level !== undefined) return level;
  }
  // Biome: `"noConsole": "error"` or the older `"noConsoleLog"`.
  for (const name of ["biome.json", "biome.jsonc"]) {
    const text = present(project, root, name) ? project.readFile(p.join(root, name)) : undefined;
    const m = text === undefined ? null : /["']noConsole(?:Log)?["']\s*:\s*(?:\{\s*["']level["']\s*:\s*)?["'](\w+)["']/.exec(text);
    if (m) return m[1] !== "off";
  }
  return false;
}

/** True when the project's TypeScript `lib` or `target` is older than ES`year` (lib wins; no config: false). */
function predatesEs(project: ProjectHost, root: string, year: number): boolean {
  const p = pathApi(root);
  for (const name of ["tsconfig.json", "jsconfig.json"]) {
    const opts = record(readJson(project, p.join(root, name))?.compilerOptions);
    if (Object.keys(opts).length === 0 && project.readFile(p.join(root, name)) === undefined) continue;
    const modern = (v: string) => {
      const m = /^es(next|\d+)/i.exec(v);
      if (!m) return false;
      if (m[1]!.toLowerCase() === "next") return true;
      const n = Number(m[1]);
      // es5, es6 (= 2015), es2015…
      return (n < 100 ? n + 2009 : n) >= year;
    };
    const libs = Array.isArray(opts.lib) ? opts.lib.filter((l): l is string => typeof l === "string") : undefined;
    if (libs && libs.some(modern)) return false;
    if (libs) return true;
    if (typeof opts.target === "string") return !modern(opts.target);
    return false;
  }
  return false;
}

/** A `"use client"` directive, after any leading line comments. */
export function isUseClient(text: string): boolean {
  let i = 0;
  for (;;) {
    while (i < text.length && /\s/.test(text[i]!)) i++;
    if (!text.startsWith("//", i)) break;
    const eol = text.indexOf("\n", i);
    if (eol === -1) return false;
    i = eol + 1;
  }
  return text.startsWith('"use client"', i) || text.startsWith("'use client'", i);
}

// `Deno.serve`, `Deno.env`, or an import only Deno resolves (deno.land URL, `npm:`/`jsr:` specifier).
const DENO_TEXT_RE = /\bDeno\.(?:serve|env|readTextFile)\b|\bfrom\s+["'](?:https:\/\/deno\.land\/|npm:|jsr:)/;

// Folders of browser code; `client-only/` as in documenso's `packages/lib/client-only/` (next to `server-only/`).
const CLIENT_PATH_RE = /(?:^|[\\/])(?:public|static|client|client-only|frontend|web|browser)[\\/]|\.(?:jsx|tsx)$/i;

/** An import no browser bundle resolves: a file of `src/web/routes/` that imports express or undici is the server's (also read by unvalidated-boundary's browser socket.io check). */
export const SERVER_IMPORT_RE = /\b(?:from\s+|require\(\s*)["'](?:node:[\w/]+|express|fastify|koa|undici|fs|child_process|http|https|net)["']/;

/** Computes the profile of the project whose root is `root` (or of a lone file's folder). */
export function computeProfile(project: ProjectHost, root: string, hasManifest: boolean): ProjectProfile {
  const m = readManifest(project, root);
  const runtime = runtimeOfRoot(project, root, m);
  const moduleSystem: ModuleSystem = runtime === "deno" || m.type === "module" ? "esm" : "cjs";
  const dependencies = new Set([...m.deps.keys(), ...m.imports.keys()]);
  // React Router 7's framework mode (Remix's successor) is told by its server runtime packages: its `app/routes/*.jsx`
  // modules export the loader and action the server runs (retired held round 46, rinfit-chat's `auth.url.jsx`).
  const ssr = ["next", "@remix-run/node", "@remix-run/react", "@react-router/node", "@react-router/serve", "@react-router/express", "@react-router/cloudflare", "astro", "nuxt", "@sveltejs/kit", "@builder.io/qwik-city"].some((d) => dependencies.has(d));
  const runtimeOfFile = (file: string, text?: string): Runtime => {
    // A Supabase Edge Function (or any Deno file) inside a Node or Bun project (Lovable apps keep a
    // bun.lockb at the root): its imports resolve the Deno way.
    if (runtime !== "deno" && /(?:^|[\\/])supabase[\\/]functions[\\/]/.test(file.slice(root.length))) return "deno";
    if (runtime !== "deno" && text !== undefined && DENO_TEXT_RE.test(text)) return "deno";
    if (runtime !== "node") return runtime;
    if (text !== undefined && /\bBun\.serve\s*\(/.test(text)) return "bun";
    if (text !== undefined && isUseClient(text)) return "browser";
    // In a server-rendering framework a .tsx file runs on the server unless it says "use client".
    if (ssr && /\.[jt]sx$/i.test(file)) return "node";
    // With no manifest the profile's root is the file's own folder (NodeBB writes its package.json at
    // install): the folders above it, `public/src/modules/`, are read from the whole path.
    const rel = hasManifest ? file.slice(root.length) : file;
    if (CLIENT_PATH_RE.test(rel) && !/(?:^|[\\/])(?:api|server|pages[\\/]api)[\\/]/.test(rel) && !(text !== undefined && SERVER_IMPORT_RE.test(text))) return "browser";
    return "node";
  };
  let lastFile: string | undefined;
  let lastText: string | undefined;
  let lastRuntime: Runtime = runtime;
  let workspaceDeps: { value: ReadonlySet<string>; inputs: ReadonlySet<string> } | undefined;
  let openApi: { value: OpenApiValidation | undefined; inputs: ReadonlySet<string> } | undefined;
  let aliases: ImportAliases | undefined;
  let importers: (ImportersIndex & { folders: readonly string[] }) | undefined;
  let axiosDefaults: { value: string | undefined } | undefined;
  // The workspace's packages are read with the profile, not on a file's first question: a file whose
  // first bare specifier (`express`) asked for them would otherwise list every manifest among its own
  // inputs, and a dependency added to package.json would invalidate it (the CLI's `--cache`, `trend`).
  // A specifier that names a package of the workspace reads the manifests again through the host
  // (cached look-ups), so the entry of each file that followed one lists them; one that names none
  // depends on none (a package later added under a name a file already imports is seen when the file
  // changes or the profile is read again).
  const workspacePackages = ((): WorkspacePackages => {
    const noting = new NotingHost(project);
    const value = workspacePackagesOf(noting, root);
    const inputs = noting.found;
    return {
      names: value.names,
      problems: value.problems,
      resolve(spec) {
        const hit = value.resolve(spec);
        if (hit) touchInputs(project, inputs);
        return hit;
      },
    };
  })();
  return {
    root,
    hasManifest,
    runtime,
    runtimeOf(file: string, text?: string): Runtime {
      // Asked once per fix: the last file's answer is kept (the text probes below read the whole file).
      if (file === lastFile && text === lastText) return lastRuntime;
      lastFile = file;
      lastText = text;
      return (lastRuntime = runtimeOfFile(file, text));
    },
    moduleSystem,
    dependencies,
    importMap: m.imports,
    devOnly: m.devOnly,
    logger: loggerOf(project, root, m),
    validator: validatorOf(m, runtime),
    envExample: envExampleOf(project, root),
    noConsole: noConsoleOf(project, root),
    predatesEs2022: predatesEs(project, root, 2022),
    predatesEs2018: predatesEs(project, root, 2018),
    typescriptMajor: majorOf(m.deps.get("typescript")),
    openaiMajor: majorOf(m.deps.get("openai") ?? /@[\^~v]*(\d[^/]*)/.exec(m.imports.get("openai") ?? "")?.[1]),
    nodeFetchMajor: majorOf(m.deps.get("node-fetch")),
    expressMajor: majorOf(m.deps.get("express")),
    workspaceDependencies(): ReadonlySet<string> {
      // Read on the first question only (a rule asks for one setting), then kept with the profile.
      if (workspaceDeps) touchInputs(project, workspaceDeps.inputs);
      else {
        const noting = new NotingHost(project);
        workspaceDeps = { value: workspaceDependencies(noting, root), inputs: noting.found };
      }
      return workspaceDeps.value;
    },
    openApi(): OpenApiValidation | undefined {
      // Read on the first question only (a request read in an Express handler), then kept with the profile.
      if (openApi) touchInputs(project, openApi.inputs);
      else {
        const noting = new NotingHost(project);
        openApi = { value: openApiValidationOf(noting, root, dependencies), inputs: noting.found };
      }
      return openApi.value;
    },
    importAliases(): ImportAliases {
      // Configs read on the first import a rule follows, then kept with the profile.
      return (aliases ??= importAliasesOf(project, root));
    },
    workspacePackages(): WorkspacePackages {
      return workspacePackages;
    },
    importers(resolve): ImportersIndex {
      // Built on the first question, then kept; later questions list the walked folders again (`--cache`).
      if (importers) for (const d of importers.folders) project.listDir?.(d);
      else importers = importersIndexOf(project, root, resolve);
      project.consultedImporters?.(root, importers);
      return importers;
    },
    forgetImporters(): void {
      importers = undefined;
    },
    axiosDefaultsModule(): string | undefined {
      // Found on the first question (an axios call with no timeout of its own), then kept; the module
      // found is read again through the host, so the CLI's `--cache` entry of each file that relied on it lists it.
      // Only a project that declares axios can set its defaults: one that does not is not walked (the walk
      // reads every source file of the package, a cost the bench saw on its 531 packages; session 39).
      axiosDefaults ??= { value: dependencies.has("axios") ? axiosDefaultsModuleOf(project, root, (f, t) => runtimeOfFile(f, t) === "browser") : undefined };
      if (axiosDefaults.value !== undefined) project.fileExists(`${root.replace(/[\\/]$/, "")}/${axiosDefaults.value}`);
      return axiosDefaults.value;
    },
    forgetAxiosDefaults(file: string): void {
      if (!axiosDefaults) return;
      const rel = file.replace(/\\/g, "/").slice(root.replace(/\\/g, "/").replace(/\/$/, "").length + 1);
      if (rel === axiosDefaults.value || /\.defaults\.timeout\s*=/.test(project.readFile(file) ?? "")) axiosDefaults = undefined;
    },
  };
}
