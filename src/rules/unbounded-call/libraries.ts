import { ts } from "../../engine/ts";
import { packageOf } from "../../engine/ast";
import { unwrap } from "./ast";

/**
 * The outbound-call libraries this family knows, and how a file binds them. Defaults are cited in
 * docs/rules/unbounded-call.md ("Library defaults").
 */
export type Library =
  | "axios"
  | "got"
  | "superagent"
  | "node-fetch"
  | "undici"
  | "nodeHttp"
  | "needle"
  | "request"
  | "ai"
  | "pg"
  | "prisma-pg"
  | "aws"
  | "googleapis"
  | "supabase"
  | "nest-axios"
  | "ioredis"
  | "axios-retry"
  | "tanstack"
  | "openai"
  | "resend"
  | "ofetch";

/** Module specifier → library, by the package it names (engine/ast.ts packageOf: Deno and esm.sh specifiers too). */
export function libraryOf(specifier: string): Library | undefined {
  const name = packageOf(specifier);
  if (name === undefined) return undefined;
  if (name.startsWith("@aws-sdk/client-")) return "aws";
  // The per-API packages of googleapis (`@googleapis/sheets`, `@googleapis/drive`): the same gaxios
  // services, `sheets({ version: "v4", auth })` (held round 26). `@googleapis/` holds only these.
  if (name.startsWith("@googleapis/")) return "googleapis";
  if (/^https?$/.test(name)) return "nodeHttp";
  switch (name) {
    case "axios":
      return "axios";
    case "got":
      return "got";
    case "superagent":
      return "superagent";
    case "node-fetch":
      return "node-fetch";
    case "undici":
      return "undici";
    case "needle":
      return "needle";
    case "request":
    case "request-promise":
    case "request-promise-native":
      return "request";
    case "ai":
      return "ai";
    case "ofetch":
      return "ofetch";
    case "pg":
      return "pg";
    case "@prisma/adapter-pg":
      return "prisma-pg";
    case "googleapis":
      return "googleapis";
    case "@supabase/supabase-js":
    case "@supabase/ssr":
    case "@supabase/auth-helpers-sveltekit":
    // auth-helpers-nextjs and -remix build supabase-js too (`createServerClient(url, key, { cookies })`), its options beside.
    case "@supabase/auth-helpers-nextjs":
    case "@supabase/auth-helpers-remix":
      return "supabase";
    case "@nestjs/axios":
      return "nest-axios";
    case "ioredis":
      return "ioredis";
    case "axios-retry":
      return "axios-retry";
    case "openai":
      return "openai";
    case "resend":
      return "resend";
    case "@tanstack/react-query":
    case "@tanstack/vue-query":
    case "@tanstack/svelte-query":
    case "@tanstack/solid-query":
    case "@tanstack/query-core":
    case "react-query":
      return "tanstack";
    default:
      return undefined;
  }
}

/** How a local name is bound: the library and the imported name (`default`, `*` or a named export). */
export interface Binding {
  lib: Library;
  imported: string;
  /** The major version the specifier pins (`npm:openai@3`, `https://esm.sh/openai@3.1.0`), when it does. */
  major?: number;
}

/** The major version a Deno or CDN specifier pins: `https://esm.sh/openai@3.1.0?deps=…` → 3. */
function specifierMajor(specifier: string): number | undefined {
  const m = /^(?:npm:|jsr:)?(?:https?:\/\/[^/]+\/(?:npm\/)?)?(?:@[^/@]+\/)?[^/@]+@[\^~v=]*(\d+)/.exec(specifier);
  return m ? Number(m[1]) : undefined;
}

/** The module of `require("x")` / `require("x").default`, or undefined. */
function requiredModule(e: ts.Expression | undefined): string | undefined {
  if (!e) return undefined;
  let u = unwrap(e);
  if (ts.isPropertyAccessExpression(u) && u.name.text === "default") u = unwrap(u.expression);
  if (!ts.isCallExpression(u) || u.arguments.length !== 1) return undefined;
  // The callee first: `constString` climbs the blocks around the argument, and this runs on every
  // variable declaration whose value is a call (`const x = f(y)`), nearly all of them no require.
  const isRequire = ts.isIdentifier(u.expression) && u.expression.text === "require";
  if (!isRequire && u.expression.kind !== ts.SyntaxKind.ImportKeyword) return undefined;
  const arg = u.arguments[0]!;
  const spec = ts.isStringLiteralLike(arg) ? arg.text : ts.isIdentifier(arg) ? constString(arg) : undefined;
  if (spec === undefined) return undefined;
  if (isRequire) return spec;
  // `(await import("axios")).default`, `const { default: axios } = await import("axios")`: the module once awaited.
  return awaited(u) ? spec : undefined;
}

/**
 * The string a `const` names, declared in a block around the use: `const spec = "npm:@supabase/supabase-js@2";
 * await import(/* @vite-ignore *\/ spec)` (a specifier kept in a variable so that a bundler does not resolve it).
 */
function constString(id: ts.Identifier): string | undefined {
  for (let p: ts.Node | undefined = id.parent; p; p = p.parent) {
    if (!ts.isBlock(p) && !ts.isSourceFile(p)) continue;
    for (const st of p.statements) {
      if (!ts.isVariableStatement(st) || !(st.declarationList.flags & ts.NodeFlags.Const)) continue;
      for (const d of st.declarationList.declarations) {
        if (ts.isIdentifier(d.name) && d.name.text === id.text) return d.initializer && ts.isStringLiteralLike(d.initializer) ? d.initializer.text : undefined;
      }
    }
  }
  return undefined;
}

/** True when the `import(…)` call is awaited (through parentheses): its value is then the module, not a promise. */
function awaited(call: ts.CallExpression): boolean {
  let p = call.parent;
  while (p && ts.isParenthesizedExpression(p)) p = p.parent;
  return !!p && ts.isAwaitExpression(p);
}

/**
 * Records the library bindings of an import declaration. Returns true when it imports a `fetch` of
 * a module that is no library of the table (`import { fetch } from "back-end/src/util/http.util"`,
 * cross-fetch): a wrapper whose options may carry node-fetch v2's `timeout`.
 */
export function bindImport(node: ts.ImportDeclaration, bindings: Map<string, Binding>, importMap?: ReadonlyMap<string, string>): boolean {
  if (!ts.isStringLiteral(node.moduleSpecifier)) return false;
  // (A key named for the package itself keeps naming it when its target says nothing we read: `"@supabase/supabase-js.39.3"`.)
  const target = mapped(node.moduleSpecifier.text, importMap);
  const specifier = libraryOf(target) ? target : node.moduleSpecifier.text;
  const lib = libraryOf(specifier);
  const clause = node.importClause;
  if (!clause || clause.isTypeOnly) return false;
  if (!lib) {
    const nb = clause.namedBindings;
    return nb !== undefined && ts.isNamedImports(nb) && nb.elements.some((el) => !el.isTypeOnly && el.name.text === "fetch");
  }
  const major = specifierMajor(specifier);
  const bind = (name: string, imported: string) => bindings.set(name, major === undefined ? { lib, imported } : { lib, imported, major });
  if (clause.name) bind(clause.name.text, "default");
  const nb = clause.namedBindings;
  if (nb && ts.isNamespaceImport(nb)) bind(nb.name.text, "*");
  if (nb && ts.isNamedImports(nb)) for (const el of nb.elements) if (!el.isTypeOnly) bind(el.name.text, (el.propertyName ?? el.name).text);
  return false;
}

/**
 * The target an import-map key names (`import { createClient } from "supabase-js"` with `"supabase-js":
 * "https://esm.sh/@supabase/supabase-js@2.20.0"` in the Supabase functions' import map), a `"std/"` prefix key
 * followed by the rest, as Deno resolves it (the map first: `"http/"` there is no Node's `http`); a relative or URL
 * specifier, or one with no key, is kept.
 */
function mapped(specifier: string, importMap: ReadonlyMap<string, string> | undefined): string {
  if (!importMap || importMap.size === 0 || specifier.startsWith(".") || specifier.includes(":")) return specifier;
  const exact = importMap.get(specifier);
  if (exact !== undefined) return exact;
  const slash = specifier.indexOf("/", specifier.startsWith("@") ? specifier.indexOf("/") + 1 : 0);
  const prefix = slash > 0 ? importMap.get(specifier.slice(0, slash + 1)) : undefined;
  return prefix !== undefined ? prefix + specifier.slice(slash + 1) : specifier;
}

/** Records the library bindings of `const x = require("lib")` / `const { a, b: c } = require("lib")` / `const x = (await import("lib")).default`. */
export function bindRequire(node: ts.VariableDeclaration, bindings: Map<string, Binding>): void {
  const init = node.initializer;
  // Cheapest test first: this runs on every variable declaration of every file.
  if (!init) return;
  let lib: Library | undefined;
  let major: number | undefined;
  if (init.kind === ts.SyntaxKind.Identifier) {
    // `const lib = require("openai"); const { OpenAIApi } = lib;`: members of a module bound whole.
    const whole = ts.isObjectBindingPattern(node.name) ? bindings.get((init as ts.Identifier).text) : undefined;
    if (!whole || (whole.imported !== "default" && whole.imported !== "*")) return;
    lib = whole.lib;
    major = whole.major;
  } else if (init.kind === ts.SyntaxKind.CallExpression || init.kind === ts.SyntaxKind.PropertyAccessExpression || init.kind === ts.SyntaxKind.AwaitExpression) {
    const spec = requiredModule(init);
    lib = spec === undefined ? undefined : libraryOf(spec);
    major = spec === undefined ? undefined : specifierMajor(spec);
  }
  if (!lib) return;
  const binding = (imported: string): Binding => (major === undefined ? { lib: lib!, imported } : { lib: lib!, imported, major });
  if (ts.isIdentifier(node.name)) bindings.set(node.name.text, binding("default"));
  else if (ts.isObjectBindingPattern(node.name)) {
    for (const el of node.name.elements) {
      if (!ts.isIdentifier(el.name)) continue;
      const imported = el.propertyName && ts.isIdentifier(el.propertyName) ? el.propertyName.text : el.name.text;
      bindings.set(el.name.text, binding(imported));
    }
  }
}

/** The library member a callee names: `axios.get` → { axios, "get" }, `fetch` from undici → { undici, "fetch" }. */
export interface Callee {
  lib: Library | "fetch";
  /** The member called: `get`, `create`, `request`; `""` for the library's default export called directly. */
  member: string;
  /** The receiver identifier (`axios`, `https`, `pg`), when there is one. */
  receiver?: string;
}

export function calleeOf(expr: ts.Expression, bindings: ReadonlyMap<string, Binding>): Callee | undefined {
  const e = unwrap(expr);
  if (ts.isIdentifier(e)) {
    const b = bindings.get(e.text);
    if (b) return { lib: b.lib, member: b.imported === "default" || b.imported === "*" ? "" : b.imported, receiver: e.text };
    if (e.text === "fetch") return { lib: "fetch", member: "" };
    // Nitro's and Nuxt's global `$fetch` (ofetch, auto-imported): calls.ts asks whether the file is Nitro's server code.
    if (e.text === "$fetch") return { lib: "ofetch", member: "", receiver: "$fetch" };
    return undefined;
  }
  if (ts.isPropertyAccessExpression(e)) {
    const recv = unwrap(e.expression);
    if (ts.isIdentifier(recv)) {
      const b = bindings.get(recv.text);
      if (b) return { lib: b.lib, member: e.name.text, receiver: recv.text };
      if ((recv.text === "globalThis" || recv.text === "global") && e.name.text === "fetch") return { lib: "fetch", member: "" };
    }
    // `new (await import("resend")).Resend(key)`: a member of the module once awaited, as `import { Resend }` binds it.
    if (ts.isCallExpression(recv) && recv.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const spec = requiredModule(recv);
      const lib = spec === undefined ? undefined : libraryOf(spec);
      if (lib) return { lib, member: e.name.text };
    }
  }
  return undefined;
}
