/**
 * A seeded generator and mutator of TS/JS source for the robustness tests.
 *
 * Programs are built from realistic snippets shaped like the code our rules look at (try/catch
 * with logging, promise `.catch`, Express/Fastify/Koa handlers reading `req.body`, `JSON.parse`,
 * key-shaped string literals, `process.env` fallbacks, suppression directives), wrapped in
 * functions, classes and blocks, then damaged by mutations (truncation, token deletion,
 * unbalanced brackets, duplicated regions, deep nesting, odd unicode, CRLF/mixed EOL).
 *
 * Everything is a pure function of plain data (a {@link ProgramSpec}), so fast-check can
 * generate and shrink the spec, and a failure prints as a spec and a source text anyone can
 * paste into a regression list.
 */
import fc from "fast-check";

/** mulberry32: small, fast, good enough to pick snippet details from a seed. */
export function rng(seed: number): { next(): number; int(n: number): number; pick<T>(items: readonly T[]): T } {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n) => Math.floor(next() * n), pick: (items) => items[Math.floor(next() * items.length)]! };
}

type Rng = ReturnType<typeof rng>;

const IDENTS = ["user", "data", "result", "payload", "config", "item", "résumé", "ñame", "$el", "_tmp", "值", "x1"];
const FUNCS = ["load", "save", "fetchUser", "readConfig", "sync", "handle", "process", "run", "parseInput"];
const ERRS = ["e", "err", "error", "ex", "_e", "er"];
const LOGS = ["console.error", "console.log", "console.warn", "logger.error", "logger.warn", "log.error", "this.logger.error"];
const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

function token(r: Rng, n: number, alphabet = ALNUM): string {
  let s = "";
  for (let i = 0; i < n; i++) s += alphabet[r.int(alphabet.length)];
  return s;
}

/** Key-shaped strings: real prefixes with random bodies, fakes, and near misses. */
function keyLike(r: Rng): string {
  switch (r.int(14)) {
    case 0: return `sk_live_${token(r, 24)}`;
    case 1: return `sk_test_${token(r, 24)}`;
    case 2: return `AKIA${token(r, 16, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")}`;
    case 3: return `ghp_${token(r, 36)}`;
    case 4: return `xoxb-${token(r, 11, "0123456789")}-${token(r, 12, "0123456789")}-${token(r, 24)}`;
    case 5: return `AIza${token(r, 35)}`;
    case 6: return `sk-ant-api03-${token(r, 40)}`;
    case 7: return `https://hooks.slack.com/services/T${token(r, 8)}/B${token(r, 8)}/${token(r, 24)}`;
    case 8: return `-----BEGIN RSA PRIVATE KEY-----\\nMIIE${token(r, 40)}\\n-----END RSA PRIVATE KEY-----`;
    case 9: return `postgres://admin:${token(r, 12)}@db.internal:5432/app`;
    case 10: return `sk_live_${"x".repeat(24)}`;
    case 11: return "changeme";
    case 12: return `${token(r, 40, "ABCDEFabcdef0123456789+/")}`;
    default: return `sk_live_${token(r, 3)}`; // too short: a near miss
  }
}

type Snippet = (r: Rng) => string;

/** Statement-level snippets. `%` is replaced by nothing; each returns complete statements. */
export const SNIPPETS: readonly Snippet[] = [
  (r) => `try {\n  ${r.pick(FUNCS)}(${r.pick(IDENTS)});\n} catch (${r.pick(ERRS)}) {}\n`,
  (r) => { const e = r.pick(ERRS); return `try {\n  await ${r.pick(FUNCS)}();\n} catch (${e}) {\n  ${r.pick(LOGS)}(${e});\n}\n`; },
  (r) => { const e = r.pick(ERRS); return `try {\n  return JSON.parse(${r.pick(IDENTS)});\n} catch (${e}) {\n  return ${r.pick(["null", "{}", "[]", "undefined", "false", "''"])};\n}\n`; },
  (r) => { const e = r.pick(ERRS); return `try {\n  ${r.pick(FUNCS)}();\n} catch (${e}) {\n  throw new Error("${r.pick(FUNCS)} failed");\n}\n`; },
  (r) => { const e = r.pick(ERRS); return `try {\n  ${r.pick(FUNCS)}();\n} catch (${e}) {\n  if (${e} instanceof NotFoundError) return;\n}\n`; },
  (r) => { const e = r.pick(ERRS); return `try { ${r.pick(FUNCS)}() } catch (${e}: unknown) { if ((${e} as any).code === "ENOENT") { return } throw ${e} }\n`; },
  () => `try { risky(); } catch { /* intentional: cache miss is fine */ }\n`,
  () => `try { risky(); } catch { // ignore\n}\nfinally { cleanup(); }\n`,
  (r) => `${r.pick(FUNCS)}().catch(() => {});\n`,
  (r) => { const e = r.pick(ERRS); return `${r.pick(FUNCS)}()\n  .then((v) => v.${r.pick(IDENTS)})\n  .catch((${e}) => ${r.pick(LOGS)}(${e}));\n`; },
  (r) => `promise.then(ok, () => null);\nvoid ${r.pick(FUNCS)}().catch(noop);\n`,
  (r) => `fs.readFile(${r.pick(IDENTS)}, (err, buf) => {\n  use(buf);\n});\nfs.unlink(p, () => {});\n`,
  (r) => { const e = r.pick(ERRS); return `fs.writeFile(p, s, function (${e}) { if (${e}) return; done(); });\n`; },
  () => `process.on("unhandledRejection", () => {});\nemitter.on('error', function () {});\nwindow.addEventListener("error", (e) => { e.preventDefault(); });\n`,
  () => `await Promise.allSettled([a(), b()]);\nconst settled = await Promise.allSettled(jobs);\n`,
  (r) => `app.post("/users", (req, res) => {\n  db.insert(req.body);\n  res.json({ name: req.body.${r.pick(IDENTS)} });\n});\n`,
  (r) => `router.get("/:id", async (req, res, next) => {\n  const q = req.query.search;\n  const { ${r.pick(IDENTS)} } = req.body;\n  await repo.find(q, req.params.id);\n  res.send(String(q));\n});\n`,
  () => `app.put("/x", express.json(), (req, res) => { const parsed = Schema.parse(req.body); res.json(parsed); });\n`,
  () => `fastify.post('/items', async (request, reply) => {\n  return store.save(request.body.item);\n});\n`,
  () => `router.post('/koa', async (ctx) => { ctx.body = await svc(ctx.request.body.name); });\n`,
  () => `export async function POST(request: Request) {\n  const body = await request.json();\n  return Response.json(await db.create(body.data));\n}\n`,
  () => `export const handler = async (event) => {\n  const input = JSON.parse(event.body);\n  return { statusCode: 200, body: JSON.stringify(await run(input.id)) };\n};\n`,
  (r) => `const ${r.pick(IDENTS)} = JSON.parse(await res.text());\nconst msg = JSON.parse(localStorage.getItem("k") || "{}");\n`,
  () => `window.addEventListener("message", (event) => {\n  document.title = event.data.title;\n});\n`,
  (r) => `const ${r.pick(["apiKey", "STRIPE_KEY", "token", "password", "secret", "clientSecret", "url"])} = "${keyLike(r)}";\n`,
  (r) => `const cfg = { apiKey: '${keyLike(r)}', password: "${keyLike(r)}", name: "${r.pick(IDENTS)}" };\n`,
  (r) => `const key = process.env.${r.pick(["API_KEY", "STRIPE_KEY", "TOKEN", "DB_PASSWORD"])} || "${keyLike(r)}";\nconst port = process.env.PORT ?? "3000";\n`,
  (r) => `headers.set("Authorization", \`Bearer ${keyLike(r)}\`);\nconst t = \`\${prefix}-${token(r, 8)}-\${suffix}\`;\n`,
  (r) => `// hardening-hints-ignore-next-line ${r.pick(["swallowed-exception", "hardcoded-secret/stripeKey", "unvalidated-boundary", "nope/unknown"])} -- ${r.pick(["fixture", "", "reason here"])}\n`,
  () => `/* hardening-hints-ignore-file hardcoded-secret -- test data */\n`,
  () => `risky(); // hardening-hints-ignore-line\n`,
  () => `// hardening-hints-ignore-next-line\n`,
  () => `/** @deprecated */\n// eslint-disable-next-line no-empty\n/* istanbul ignore next */\n`,
  (r) => `const re = /(?:${token(r, 3)})+[\\w-]*$/giu;\nconst tpl = \`line \${${r.pick(IDENTS)}} \\\` escaped\`;\n`,
  () => `interface User { id: number; name?: string }\ntype R<T> = T extends string ? { s: T } : never;\nenum Color { Red = 1, Green }\nlet v = <any>x as unknown as User;\n`,
  () => `label: for (const a of list) { for (let i = 0; i < 3; i++) { if (a) continue label; else break; } }\n`,
  (r) => `const ${r.pick(IDENTS)} = await import("./mod.js").catch(() => undefined);\n`,
  () => `new Promise((resolve, reject) => { setTimeout(resolve, 10); }).catch(console.error);\n`,
  () => `#!/usr/bin/env node\n`,
  () => `"use strict";\n`,
  () => `app.post("/h", async (c) => {\n  const body = await c.req.json();\n  return c.json(await db.save(body.item, c.req.query("q")));\n});\n`,
  () => `@Controller("users")\nexport class UsersController {\n  @Post()\n  create(@Body() dto: any, @Query("q") q: string) {\n    return this.svc.create(dto.name, q);\n  }\n}\n`,
  () => `export default function handler(req: NextApiRequest, res: NextApiResponse) {\n  res.json(db.find(req.body.id, req.query.page));\n}\n`,
  () => `"use server";\nexport async function act(formData: FormData) {\n  await db.save(formData.get("title"));\n}\n`,
  () => `export const handler = async (event) => {\n  for (const record of event.Records) {\n    await save(JSON.parse(record.body).id);\n  }\n  return JSON.parse(event.body ?? "{}");\n};\n`,
  () => `consumer.on("message", (message) => {\n  handleMessage(JSON.parse(message.value.toString()));\n});\n`,
  () => `const data = await (await fetch(url)).json();\nuse(data.items);\nconst r = await fetch(api).then((res) => res.json());\n`,
  (r) => `// old key: ${keyLike(r)}\n/* TODO rotate ${keyLike(r)} */\n`,
  (r) => `const jwtSecret = "${token(r, 24)}";\njwt.sign(payload, "${token(r, 20)}");\nconst opts = { headers: { Authorization: "Basic ${token(r, 20, "ABCDEFabcdef0123456789+/")}=" } };\n`,
  () => `const C = () => <div onClick={() => save().catch(() => {})}>{user.name}</div>;\n`,
  () => `export default class Svc extends Base {\n  #secret = "hunter2";\n  static { init(); }\n  get x() { return this.#secret }\n  @dec() m(@inject() a) {}\n}\n`,
];

/** Ways to place a snippet: at top level, or inside a function, method or block. */
const WRAPS: readonly ((body: string, r: Rng) => string)[] = [
  (b) => b,
  (b, r) => `export async function ${r.pick(FUNCS)}(${r.pick(IDENTS)}) {\n${indent(b)}}\n`,
  (b, r) => `const ${r.pick(FUNCS)} = async () => {\n${indent(b)}};\n`,
  (b, r) => `class ${r.pick(["A", "Service", "Repo"])} {\n  async ${r.pick(FUNCS)}() {\n${indent(indent(b))}  }\n}\n`,
  (b) => `if (ready) {\n${indent(b)}} else {\n  fallback();\n}\n`,
  (b) => `for (const item of items) {\n${indent(b)}}\n`,
  (b) => `module.exports = function (req, res) {\n${indent(b)}};\n`,
  (b) => `(async function () {\n${indent(b)}})();\n`,
];

function indent(text: string): string {
  return text.replace(/^(?=.)/gm, "  ");
}

export const EXTENSIONS = [".ts", ".tsx", ".js", ".mjs", ".cjs", ".jsx", ".mts"] as const;
const IMPORTS = [
  `import express from "express";\n`,
  `import pino from "pino";\nconst logger = pino();\n`,
  `import { z } from "zod";\n`,
  `const fs = require("fs");\n`,
  `import Fastify from 'fastify';\nconst fastify = Fastify();\n`,
  `import * as winston from "winston";\n`,
];

export interface PartSpec {
  snippet: number;
  seed: number;
  wrap: number;
  /** Extra wrapping levels around the wrapped snippet. */
  depth: number;
}

export type Mutation =
  | { kind: "truncate"; at: number }
  | { kind: "deleteToken"; at: number }
  | { kind: "insert"; at: number; text: string }
  | { kind: "duplicate"; at: number; len: number; to: number }
  | { kind: "nest"; at: number; depth: number; open: string; balanced: boolean }
  | { kind: "unicode"; at: number; text: string };

export interface ProgramSpec {
  ext: (typeof EXTENSIONS)[number];
  imports: number[];
  parts: PartSpec[];
  mutations: Mutation[];
  eol: "lf" | "crlf" | "mixed";
}

/** The program as LF text, before mutations and line-ending changes. */
export function renderParts(spec: Pick<ProgramSpec, "imports" | "parts">): string {
  let out = spec.imports.map((i) => IMPORTS[i % IMPORTS.length]!).join("");
  for (const p of spec.parts) {
    const r = rng(p.seed);
    let body = SNIPPETS[p.snippet % SNIPPETS.length]!(r);
    body = WRAPS[p.wrap % WRAPS.length]!(body, r);
    for (let d = 0; d < p.depth; d++) body = WRAPS[(p.wrap + d + 1) % WRAPS.length]!(body, r);
    out += body;
  }
  return out;
}

/** Offsets are fractions in millionths, so they stay valid whatever the text length. */
function at(text: string, millionths: number): number {
  return Math.min(text.length, Math.floor((text.length * millionths) / 1_000_000));
}

const TOKEN_RE = /[A-Za-z_$\u00c0-\uffff][\w$\u00c0-\uffff]*|\d+|\s+|./gsu;

/** Applies one mutation; pure. */
export function mutate(text: string, m: Mutation): string {
  switch (m.kind) {
    case "truncate":
      return text.slice(0, at(text, m.at));
    case "deleteToken": {
      const pos = at(text, m.at);
      TOKEN_RE.lastIndex = 0;
      for (let t = TOKEN_RE.exec(text); t; t = TOKEN_RE.exec(text)) {
        if (t.index + t[0].length > pos) return text.slice(0, t.index) + text.slice(t.index + t[0].length);
      }
      return text;
    }
    case "insert":
    case "unicode": {
      const pos = at(text, m.at);
      return text.slice(0, pos) + m.text + text.slice(pos);
    }
    case "duplicate": {
      const from = at(text, m.at);
      const region = text.slice(from, from + m.len);
      const to = at(text, m.to);
      return text.slice(0, to) + region + text.slice(to);
    }
    case "nest": {
      const pos = at(text, m.at);
      const close = ({ "(": ")", "[": "]", "{": "}", "${": "}", "<": ">" } as Record<string, string>)[m.open] ?? ")";
      return text.slice(0, pos) + m.open.repeat(m.depth) + (m.balanced ? close.repeat(m.depth) : "") + text.slice(pos);
    }
  }
}

/** LF → CRLF everywhere, or on every other line. Offsets map back with {@link lfOffset}. */
export function withEol(text: string, eol: ProgramSpec["eol"]): string {
  if (eol === "lf") return text;
  if (eol === "crlf") return text.replace(/\r?\n/g, "\r\n");
  let n = 0;
  return text.replace(/\r?\n/g, (m) => (n++ % 2 === 0 ? "\r\n" : m));
}

/** The full source text of a spec. */
export function render(spec: ProgramSpec): string {
  let text = renderParts(spec);
  for (const m of spec.mutations) text = mutate(text, m);
  return withEol(text, spec.eol);
}

/** Offset in `crlfText` → offset in the same text with every `\r\n` made `\n`. */
export function lfOffset(crlfText: string, offset: number): number {
  let cr = 0;
  for (let i = crlfText.indexOf("\r\n"); i !== -1 && i < offset; i = crlfText.indexOf("\r\n", i + 2)) {
    // An offset between \r and \n maps to the \n.
    cr++;
  }
  return offset - cr;
}

const NASTY_TEXT = ["{", "}", "(", ")", "[", "]", "`", "'", '"', "/*", "*/", "//", "${", "<", ">", "=>", ";", ",", "\\", "catch", "try", "async", "@", "#", "?.", "...", "<div>", "</", "\n", "\r", "\r\n"];
const NASTY_UNICODE = ["\u2028", "\u2029", "\ufeff", "\u200d", "\u202e", "\ud800", "\udfff", "😀", "\u0000", "\u00a0", "é", "\u0301", "𝒳", "\u3000"];
const FRACTION = fc.integer({ min: 0, max: 1_000_000 });

export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant("truncate" as const), at: FRACTION }),
  fc.record({ kind: fc.constant("deleteToken" as const), at: FRACTION }),
  fc.record({ kind: fc.constant("insert" as const), at: FRACTION, text: fc.constantFrom(...NASTY_TEXT) }),
  fc.record({ kind: fc.constant("duplicate" as const), at: FRACTION, len: fc.integer({ min: 1, max: 400 }), to: FRACTION }),
  fc.record({ kind: fc.constant("nest" as const), at: FRACTION, depth: fc.integer({ min: 1, max: 300 }), open: fc.constantFrom("(", "[", "{", "${", "<"), balanced: fc.boolean() }),
  fc.record({ kind: fc.constant("unicode" as const), at: FRACTION, text: fc.oneof(fc.constantFrom(...NASTY_UNICODE), fc.string({ unit: "binary", minLength: 1, maxLength: 3 })) }),
);

export const partArb: fc.Arbitrary<PartSpec> = fc.record({
  snippet: fc.integer({ min: 0, max: SNIPPETS.length - 1 }),
  seed: fc.nat(),
  wrap: fc.integer({ min: 0, max: WRAPS.length - 1 }),
  depth: fc.integer({ min: 0, max: 2 }),
});

/** Well-formed programs (no mutations, LF): the base of the line-ending twin property. */
export const cleanProgramArb: fc.Arbitrary<ProgramSpec> = fc.record({
  ext: fc.constantFrom(...EXTENSIONS),
  imports: fc.uniqueArray(fc.integer({ min: 0, max: IMPORTS.length - 1 }), { maxLength: 3 }),
  parts: fc.array(partArb, { minLength: 1, maxLength: 6 }),
  mutations: fc.constant([]),
  eol: fc.constant("lf" as const),
});

/** Programs with up to four mutations and any line endings. */
export const programArb: fc.Arbitrary<ProgramSpec> = fc.record({
  ext: fc.constantFrom(...EXTENSIONS),
  imports: fc.uniqueArray(fc.integer({ min: 0, max: IMPORTS.length - 1 }), { maxLength: 3 }),
  parts: fc.array(partArb, { minLength: 1, maxLength: 6 }),
  mutations: fc.array(mutationArb, { maxLength: 4 }),
  eol: fc.constantFrom("lf" as const, "crlf" as const, "mixed" as const),
});
