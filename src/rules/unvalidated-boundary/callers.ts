import { ts } from "../../engine/ts";
import { accessesNamed } from "../../engine/ast";
import type { ProjectFiles } from "./elsewhere";
import type { ImportersIndex } from "../../profile/importers";
import { findRefs } from "./ast";

/**
 * The call sites of an exported function of one module in the project's other modules, read
 * through the project's importers index (src/profile/importers.ts) and `ProjectFiles.get`: what a
 * reviewer reads next when a service's catch or a helper's reply is judged by what its callers do.
 *
 * A function is named by its export (`export function sendOtp`, `export default …`: `default`) and,
 * for a method, by the member: a static or instance method of an exported class, a member of an
 * exported object (`export const mailer = { send }`). The calls found:
 * - `sendOtp(…)` under the imported name (`import { sendOtp as send }`), `ns.sendOtp(…)` for
 *   `import * as ns` and `const ns = require(…)`, `const { sendOtp } = require(…)`;
 * - for a method: `EmailService.sendOtp(…)` (static, or an exported object's member), and on an
 *   instance of the imported class: `const s = new EmailService(); s.sendOtp(…)`, `this.mail =
 *   new EmailService()` or a class field, and a NestJS provider injected by its type
 *   (`constructor(private readonly mail: EmailService)`): `this.mail.sendOtp(…)`; an instance the
 *   module itself exports (`export const emailService = new EmailService()`) is followed as an object;
 * - through a barrel that re-exports it (`export * from "./email"`, `export { sendOtp } from …`),
 *   two levels at most.
 * `complete` is false when some caller may not have been seen: the index is past its file cap, an
 * importer could not be read or parsed (too large), or a barrel is deeper than followed. A rule that
 * decides by "every caller" keeps its verdict then.
 */

export interface CallSite {
  call: ts.CallExpression;
  /** The importer's path (`/`-separated). */
  file: string;
}

export interface Callers {
  sites: CallSite[];
  complete: boolean;
}

const MAX_BARREL_DEPTH = 2;
/** Importers read at most for one module; more leaves its answers incomplete. */
const MAX_IMPORTERS = 200;

/** One importer's binding of the module: a local bound to an export, or a namespace (`import * as ns`, `const ns = require(…)`). */
interface ImportUse {
  file: string;
  sf: ts.SourceFile;
  local: string;
  namespace: boolean;
}

/** How the project's modules import one module, gathered once per module and analysis (every question about it then looks its name up). */
interface ModuleImports {
  /** By exported name (`default` for a default import or a CommonJS `module.exports`), the locals bound to it. */
  byName: Map<string, ImportUse[]>;
  namespaces: ImportUse[];
  /** Barrels that hand names on: `export * from` (`*`) or `export { name as alias } from`. */
  reexports: { file: string; name: string; as: string }[];
  /** Some importer could not be read or parsed, or there were more than {@link MAX_IMPORTERS}. */
  partial: boolean;
}

/** The callers of `exportName` (and its `member`, for a method) of `file` in other modules; undefined when the project has no importers index. */
export function callersOf(files: ProjectFiles, file: string, exportName: string, member?: string): Callers | undefined {
  const index = files.importers();
  if (!index) return undefined;
  const own = file.replace(/\\/g, "/");
  const out: Callers = { sites: [], complete: !index.truncated };
  const names = [exportName];
  // `export const emailService = new EmailService()`: callers use the instance the module hands out.
  if (member) {
    const sf = files.get(own);
    if (sf) names.push(...exportedInstancesOf(sf, exportName));
  }
  const visit = (target: string, wanted: readonly string[], depth: number): void => {
    const m = moduleImports(files, index, target);
    if (m.partial) out.complete = false;
    for (const name of wanted) {
      for (const use of m.byName.get(name) ?? []) if (use.file !== own) collect(use, undefined);
      for (const use of m.namespaces) if (use.file !== own) collect(use, name);
    }
    const next = new Map<string, string[]>();
    for (const r of m.reexports) {
      const handed = r.name === "*" ? wanted.filter((n) => n !== "default") : wanted.includes(r.name) ? [r.as] : [];
      if (handed.length > 0) next.set(r.file, [...(next.get(r.file) ?? []), ...handed]);
    }
    for (const [barrel, handed] of next) {
      if (depth >= MAX_BARREL_DEPTH || barrel === own) out.complete = false;
      else visit(barrel, handed, depth + 1);
    }
  };
  const collect = (use: ImportUse, via: string | undefined): void => {
    const found = callsThrough(files, use, via, member);
    if (found.escaped) out.complete = false;
    for (const call of found.calls) out.sites.push({ call, file: use.file });
  };
  visit(own, names, 0);
  return out;
}

function moduleImports(files: ProjectFiles, index: ImportersIndex, target: string): ModuleImports {
  const key = `imports\0${target}`;
  const known = files.memo.get(key) as ModuleImports | undefined;
  if (known) return known;
  const m: ModuleImports = { byName: new Map(), namespaces: [], reexports: [], partial: false };
  const add = (name: string, use: ImportUse) => {
    const list = m.byName.get(name);
    if (list) list.push(use);
    else m.byName.set(name, [use]);
  };
  const importers = index.importersOf(target);
  if (importers.length > MAX_IMPORTERS) m.partial = true;
  for (const imp of importers.slice(0, MAX_IMPORTERS)) {
    const sf = files.get(imp);
    if (!sf) {
      m.partial = true;
      continue;
    }
    const resolves = (spec: ts.Expression | undefined): boolean => spec !== undefined && ts.isStringLiteralLike(spec) && files.resolve(imp, spec.text) === target;
    const use = (local: string, namespace = false): ImportUse => ({ file: imp, sf, local, namespace });
    for (const st of sf.statements) {
      if (ts.isImportDeclaration(st) && st.importClause && !st.importClause.isTypeOnly && resolves(st.moduleSpecifier)) {
        const c = st.importClause;
        if (c.name) add("default", use(c.name.text));
        const nb = c.namedBindings;
        if (nb && ts.isNamespaceImport(nb)) m.namespaces.push(use(nb.name.text, true));
        else if (nb) for (const el of nb.elements) if (!el.isTypeOnly) add((el.propertyName ?? el.name).text, use(el.name.text));
      } else if (ts.isExportDeclaration(st) && !st.isTypeOnly && resolves(st.moduleSpecifier)) {
        if (!st.exportClause) m.reexports.push({ file: imp, name: "*", as: "*" });
        else if (ts.isNamedExports(st.exportClause)) for (const el of st.exportClause.elements) m.reexports.push({ file: imp, name: (el.propertyName ?? el.name).text, as: el.name.text });
      } else if (ts.isVariableStatement(st)) {
        for (const d of st.declarationList.declarations) {
          const init = d.initializer && ts.isAwaitExpression(d.initializer) ? d.initializer.expression : d.initializer;
          if (!init || !ts.isCallExpression(init) || !(isRequire(init) || init.expression.kind === ts.SyntaxKind.ImportKeyword) || !resolves(init.arguments[0])) continue;
          if (ts.isIdentifier(d.name)) {
            // `const mail = require("./mail")`: `mail.send(…)`, or the module's `module.exports` itself (its `default`).
            m.namespaces.push(use(d.name.text, true));
            add("default", use(d.name.text));
          } else if (ts.isObjectBindingPattern(d.name)) {
            for (const el of d.name.elements) {
              const key = el.propertyName ?? el.name;
              if (ts.isIdentifier(el.name) && (ts.isIdentifier(key) || ts.isStringLiteral(key))) add(key.text, use(el.name.text));
            }
          }
        }
      }
    }
  }
  files.memo.set(key, m);
  return m;
}

function isRequire(call: ts.CallExpression): boolean {
  return ts.isIdentifier(call.expression) && call.expression.text === "require";
}

/**
 * The calls through one binding of an importer: `local(…)`, `ns.name(…)` (`via`), or for a method
 * `local.member(…)`, `new local().member(…)` and the calls on the instances the file keeps. `escaped`
 * when the function itself is handed on as a value (`router.get("/x", handler)`): a caller not seen.
 */
function callsThrough(files: ProjectFiles, use: ImportUse, via: string | undefined, member: string | undefined): { calls: ts.CallExpression[]; escaped: boolean } {
  const { sf, local } = use;
  const calls: ts.CallExpression[] = [];
  let escaped = false;
  const isLocal = (e: ts.Expression) => ts.isIdentifier(e) && e.text === local;
  if (via) {
    // `ns.name(…)` from the file's per-name index of property accesses.
    for (const acc of accessesNamed(sf, via)) {
      if (!isLocal(acc.expression)) continue;
      if (!member) {
        if (ts.isCallExpression(acc.parent) && acc.parent.expression === acc) calls.push(acc.parent);
        else if (!isTypeOnlyUse(acc)) escaped = true;
      } else {
        const found = memberCallsOn(sf, member, (r) => r === acc);
        calls.push(...found.calls);
        escaped ||= found.escaped;
      }
    }
    return { calls, escaped };
  }
  if (use.namespace) return { calls, escaped };
  if (!member) {
    for (const id of findRefs(local, sf, 0)) {
      if (ts.isCallExpression(id.parent) && id.parent.expression === id) calls.push(id.parent);
      else if (!isTypeOnlyUse(id)) escaped = true;
    }
    return { calls, escaped };
  }
  const holders = instanceHoldersOf(files, use);
  return memberCallsOn(sf, member, (r) => isLocal(r) || (ts.isNewExpression(r) && isLocal(r.expression)) || (ts.isIdentifier(r) && holders.locals.has(r.text)) || (ts.isPropertyAccessExpression(r) && r.expression.kind === ts.SyntaxKind.ThisKeyword && holders.fields.has(r.name.text)));
}

/** `x.member(…)` calls of the file whose receiver `x` passes `receiver`, from its per-name index of property accesses; `escaped` when such an `x.member` is handed on uncalled. */
function memberCallsOn(sf: ts.SourceFile, member: string, receiver: (r: ts.Expression) => boolean): { calls: ts.CallExpression[]; escaped: boolean } {
  const calls: ts.CallExpression[] = [];
  let escaped = false;
  for (const acc of accessesNamed(sf, member)) {
    if (!receiver(acc.expression)) continue;
    if (ts.isCallExpression(acc.parent) && acc.parent.expression === acc) calls.push(acc.parent);
    else if (!isTypeOnlyUse(acc)) escaped = true;
  }
  return { calls, escaped };
}

/** `typeof sendOtp`, an `export { sendOtp }` list: no value handed to unseen code. */
function isTypeOnlyUse(e: ts.Expression): boolean {
  const p = e.parent;
  return ts.isTypeQueryNode(p) || ts.isExportSpecifier(p) || ts.isTypeOfExpression(p);
}

/**
 * Where an importer keeps instances of the imported class, once per binding and analysis: `const s =
 * new C()`, `this.s = new C()`, a field `s = new C()`, and a NestJS provider injected by its type
 * (`constructor(private readonly mail: EmailService)`, a field `private mail: EmailService`).
 */
function instanceHoldersOf(files: ProjectFiles, use: ImportUse): { locals: Set<string>; fields: Set<string> } {
  const key = `holders\0${use.file}\0${use.local}`;
  const known = files.memo.get(key) as { locals: Set<string>; fields: Set<string> } | undefined;
  if (known) return known;
  const h = { locals: new Set<string>(), fields: new Set<string>() };
  for (const id of findRefs(use.local, use.sf, 0)) {
    const created = id.parent;
    if (!ts.isNewExpression(created) || created.expression !== id) continue;
    const p = created.parent;
    if (ts.isVariableDeclaration(p) && p.initializer === created && ts.isIdentifier(p.name)) h.locals.add(p.name.text);
    else if (ts.isPropertyDeclaration(p) && p.initializer === created && ts.isIdentifier(p.name)) h.fields.add(p.name.text);
    else if (ts.isBinaryExpression(p) && p.right === created && p.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(p.left) && p.left.expression.kind === ts.SyntaxKind.ThisKeyword) h.fields.add(p.left.name.text);
  }
  const typed = (t: ts.TypeNode | undefined) => t !== undefined && ts.isTypeReferenceNode(t) && ts.isIdentifier(t.typeName) && t.typeName.text === use.local;
  for (const st of use.sf.statements) {
    if (!ts.isClassDeclaration(st)) continue;
    for (const m of st.members) {
      if (ts.isPropertyDeclaration(m) && ts.isIdentifier(m.name) && typed(m.type)) h.fields.add(m.name.text);
      if (!ts.isConstructorDeclaration(m)) continue;
      for (const p of m.parameters) if (ts.isIdentifier(p.name) && typed(p.type) && (ts.getModifiers(p)?.length ?? 0) > 0) h.fields.add(p.name.text);
    }
  }
  files.memo.set(key, h);
  return h;
}

/** `export const emailService = new EmailService()`, `export default new EmailService()`, `module.exports = new EmailService()`: the module's exported instances of its class. */
function exportedInstancesOf(sf: ts.SourceFile, className: string): string[] {
  const out: string[] = [];
  const isNew = (e: ts.Expression) => ts.isNewExpression(e) && ts.isIdentifier(e.expression) && e.expression.text === className;
  for (const st of sf.statements) {
    if (ts.isVariableStatement(st) && st.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) {
      for (const d of st.declarationList.declarations) if (ts.isIdentifier(d.name) && d.initializer && isNew(d.initializer)) out.push(d.name.text);
    } else if (ts.isExportAssignment(st) && !st.isExportEquals && isNew(st.expression)) out.push("default");
    else if (ts.isExpressionStatement(st) && ts.isBinaryExpression(st.expression) && st.expression.operatorToken.kind === ts.SyntaxKind.EqualsToken && st.expression.left.getText() === "module.exports" && isNew(st.expression.right)) out.push("default");
  }
  return out;
}
