import { ts } from "../../engine/ts";
import { walk } from "../../engine/walk";
import { enclosingFunction, isParameterAround, isNoLimit, propName, propValue, unwrap } from "./ast";
import type { Binding } from "./libraries";

/**
 * What the walk learns about a file before any call is judged: library bindings, variables,
 * abort controllers and where their abort is armed, and file-wide timeouts (`axios.defaults`).
 * Judging waits for the end of the walk, so a `require` or a default set below a call counts.
 */
export interface Facts {
  bindings: Map<string, Binding>;
  /** Every variable declaration with a plain name, in source order. */
  declarations: ts.VariableDeclaration[];
  /** Those by scope (the function around them, or the file) and name; built on the first lookup. */
  vars?: Map<ts.Node, Map<string, ts.VariableDeclaration[]>>;
  /** Per class: each field's values (its initializer and every `this.field = …`); built on the first lookup in that class. */
  fields?: Map<ts.ClassLikeDeclaration, Map<string, ts.Expression[]>>;
  /** Controller name → offsets of timers that abort it (`setTimeout(() => c.abort(), ms)`). */
  armed: Map<string, number[]>;
  /** Controller name → offsets of aborts outside a timer (on a client disconnect, by a caller): the caller owns them. */
  abortedElsewhere: Map<string, number[]>;
  /** Receivers given `.defaults.timeout = …` (`axios`, an instance). */
  defaultsTimeout: Set<string>;
  /**
   * `google.options({ timeout })`, `setGlobalDispatcher(…)`, an interceptor that sets `config.timeout`;
   * a `fetch` of a project module (`wrappedFetch`), or one that is no HTTP fetch at all (`localFetch`).
   */
  fileWide: Set<"googleOptions" | "globalDispatcher" | "configTimeout" | "wrappedFetch" | "localFetch">;
  /**
   * The text of the project module a name is imported from (`import { BOT_CONFIG } from "./config"`),
   * read through the project host on demand; undefined for other names or an unreadable module.
   */
  importedText?: (name: string) => string | undefined;
  /**
   * True when another module of the package sets `axios.defaults.timeout` for the process (the
   * profile's `axiosDefaultsModule`) and this file runs in that process (not a script or a test); asked
   * only for a call on axios' default instance with no timeout of its own.
   */
  projectAxiosTimeout?: () => boolean;
  /**
   * The calls of this module's export `name` in the project's other modules, found through the importers
   * index (unvalidated-boundary/callers.ts); undefined when some caller may not have been seen (an
   * importer that hands the function on as a value, an index past its cap, no index).
   */
  importerCalls?: (name: string) => ts.CallExpression[] | undefined;
}

export function newFacts(): Facts {
  return { bindings: new Map(), declarations: [], armed: new Map(), abortedElsewhere: new Map(), defaultsTimeout: new Set(), fileWide: new Set() };
}

const ABORT_RE = /(?<![\w$])([A-Za-z_$][\w$]*)\.abort\b/g;

function push(map: Map<string, number[]>, key: string, pos: number): void {
  const list = map.get(key) ?? [];
  list.push(pos);
  map.set(key, list);
}

/** Records timers that abort a controller, and aborts elsewhere. */
export function noteAbort(call: ts.CallExpression, facts: Facts): void {
  const e = call.expression;
  const isTimer = ts.isIdentifier(e) && (e.text === "setTimeout" || e.text === "setInterval");
  if (isTimer && call.arguments.length > 0) {
    for (const m of call.arguments[0]!.getText().matchAll(ABORT_RE)) push(facts.armed, m[1]!, call.getStart());
    return;
  }
  if (ts.isPropertyAccessExpression(e) && e.name.text === "abort" && ts.isIdentifier(e.expression)) {
    // Inside a timer callback the timer call above already recorded it.
    for (let p: ts.Node | undefined = call.parent; p; p = p.parent) {
      if (ts.isCallExpression(p) && ts.isIdentifier(p.expression) && (p.expression.text === "setTimeout" || p.expression.text === "setInterval")) return;
    }
    push(facts.abortedElsewhere, e.expression.text, call.getStart());
  }
}

/** Indexes the declarations by scope and name (once per file, and only for files that need a lookup). */
function scopeIndex(facts: Facts): Map<ts.Node, Map<string, ts.VariableDeclaration[]>> {
  if (facts.vars) return facts.vars;
  const vars = new Map<ts.Node, Map<string, ts.VariableDeclaration[]>>();
  for (const d of facts.declarations) {
    const scope = enclosingFunction(d) ?? d.getSourceFile();
    let byName = vars.get(scope);
    if (!byName) vars.set(scope, (byName = new Map()));
    const name = (d.name as ts.Identifier).text;
    const list = byName.get(name) ?? [];
    list.push(d);
    byName.set(name, list);
  }
  return (facts.vars = vars);
}

/**
 * The values a class's field `this.name` is given: its initializer (`apiUrl = "/api/todos"`) and
 * the right side of every `this.apiUrl = …` inside the class; undefined when it is also written
 * another way (`this.apiUrl += …`, `this.apiUrl++`), or outside a class. One walk per class.
 */
export function fieldValues(access: ts.PropertyAccessExpression, facts: Facts): ts.Expression[] | undefined {
  if (access.expression.kind !== ts.SyntaxKind.ThisKeyword) return undefined;
  let cls: ts.ClassLikeDeclaration | undefined;
  for (let p = access.parent; p && !cls; p = p.parent) {
    if (ts.isClassLike(p)) cls = p;
    else if (ts.isFunctionDeclaration(p) || ts.isFunctionExpression(p)) return undefined;
  }
  if (!cls) return undefined;
  facts.fields ??= new Map();
  let byName = facts.fields.get(cls);
  if (!byName) {
    const found = new Map<string, ts.Expression[]>();
    const add = (name: string, e: ts.Expression): void => void found.set(name, [...(found.get(name) ?? []), e]);
    const visit = (n: ts.Node): void => {
      if (ts.isPropertyAccessExpression(n) && n.expression.kind === ts.SyntaxKind.ThisKeyword) {
        const p = n.parent;
        if (ts.isBinaryExpression(p) && p.left === n && p.operatorToken.kind === ts.SyntaxKind.EqualsToken) add(n.name.text, p.right);
        else if ((ts.isBinaryExpression(p) && p.left === n && p.operatorToken.kind >= ts.SyntaxKind.FirstCompoundAssignment && p.operatorToken.kind <= ts.SyntaxKind.LastCompoundAssignment) || ts.isPrefixUnaryExpression(p) || ts.isPostfixUnaryExpression(p)) add(n.name.text, n);
      }
      if (!ts.isClassLike(n) && !ts.isFunctionDeclaration(n) && !ts.isFunctionExpression(n)) ts.forEachChild(n, visit);
    };
    for (const m of cls.members) {
      if (ts.isPropertyDeclaration(m) && m.initializer && ts.isIdentifier(m.name)) add(m.name.text, m.initializer);
      ts.forEachChild(m, visit);
    }
    facts.fields.set(cls, (byName = found));
  }
  const values = byName.get(access.name.text);
  // A compound write was recorded as the access itself: its value is not one of the writes.
  return values?.some((v) => ts.isPropertyAccessExpression(v)) ? undefined : values;
}

/**
 * The declaration `name` most likely refers to at `at`: the latest one before it in the nearest
 * scope around it that declares the name. O(depth): scopes are looked up, never scanned.
 */
export function declarationOf(name: string, at: ts.Node, facts: Facts): ts.VariableDeclaration | undefined {
  for (let scope: ts.Node | undefined = enclosingFunction(at) ?? at.getSourceFile(); scope; scope = ts.isSourceFile(scope) ? undefined : enclosingFunction(scope) ?? scope.getSourceFile()) {
    const list = scopeIndex(facts).get(scope)?.get(name);
    if (!list) continue;
    let best: ts.VariableDeclaration | undefined;
    for (let i = list.length - 1; i >= 0 && !best; i--) if (list[i]!.pos <= at.pos) best = list[i];
    return best ?? list[0];
  }
  return undefined;
}

/**
 * How a wait is bounded: `bounded` by a timeout, by the `caller`'s signal, `none` at all, or
 * `unknown` (an options object from elsewhere, a spread, a call): unknown is never reported.
 */
export type Verdict = "bounded" | "caller" | "none" | "unknown";

const CALLER_RECEIVERS = /^(?:req|request|ctx|c|context|event|evt|e|opts|options|init|params|args|config|cfg|settings)$/;

/** Judges the value given as a signal. */
export function judgeSignal(expr: ts.Expression | undefined, at: ts.Node, facts: Facts, depth = 0): Verdict {
  if (!expr || depth > 4) return "unknown";
  const e = unwrap(expr);
  if (e.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(e) && e.text === "undefined")) return "none";
  // `options.signal ?? AbortSignal.timeout(options.timeout ?? this.timeout)`: the caller's signal, else a timeout of
  // the call's own (production dub's `base-client.ts`). Bounded when the default bounds; else judged by both sides.
  if (ts.isBinaryExpression(e) && (e.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken || e.operatorToken.kind === ts.SyntaxKind.BarBarToken)) {
    const right = judgeSignal(e.right, at, facts, depth + 1);
    if (right === "bounded") return "bounded";
    const left = judgeSignal(e.left, at, facts, depth + 1);
    for (const v of ["unknown", "caller", "bounded"] as const) if (left === v || right === v) return v;
    return "none";
  }
  if (ts.isCallExpression(e)) {
    const callee = e.expression.getText();
    if (callee === "AbortSignal.timeout") return "bounded";
    if (callee === "AbortSignal.any" && e.arguments[0] && ts.isArrayLiteralExpression(unwrap(e.arguments[0]))) {
      const parts = (unwrap(e.arguments[0]) as ts.ArrayLiteralExpression).elements.map((el) => judgeSignal(el, at, facts, depth + 1));
      for (const v of ["bounded", "caller", "unknown"] as const) if (parts.includes(v)) return v;
      return "none";
    }
    return /timeout|deadline/i.test(callee) ? "bounded" : "unknown";
  }
  if (ts.isIdentifier(e)) {
    const d = declarationOf(e.text, at, facts);
    if (d?.initializer) return judgeSignal(d.initializer, at, facts, depth + 1);
    if (!d && isParameterAround(at, e.text)) return "caller";
    return "unknown";
  }
  if (ts.isPropertyAccessExpression(e) && e.name.text === "signal") {
    const recv = unwrap(e.expression);
    if (!ts.isIdentifier(recv)) return ts.isPropertyAccessExpression(recv) ? "caller" : "unknown"; // c.req.raw.signal, this.signal
    const d = declarationOf(recv.text, at, facts);
    const init = d?.initializer ? unwrap(d.initializer) : undefined;
    if (init && ts.isNewExpression(init) && ts.isIdentifier(init.expression) && init.expression.text === "AbortController") {
      // Only aborts in the controller's own scope count (another handler's `controller` is another one).
      const scope = enclosingFunction(d!) ?? d!.getSourceFile();
      const inScope = (pos: number) => pos >= scope.pos && pos < scope.end;
      if ((facts.armed.get(recv.text) ?? []).some((pos) => inScope(pos) && pos < at.getStart())) return "bounded";
      if ((facts.abortedElsewhere.get(recv.text) ?? []).some(inScope)) return "caller";
      return "none";
    }
    if (!d && (isParameterAround(at, recv.text) || CALLER_RECEIVERS.test(recv.text))) return "caller";
    return "unknown";
  }
  return "unknown";
}

export interface OptionKeys {
  /** Keys whose positive value bounds the wait (`timeout`, `connectionTimeoutMillis`). */
  timeout: readonly string[];
  /** The key of an abort signal (`signal`, `abortSignal`), if the library takes one. */
  signal?: string;
  /** Keys whose presence hands the wait to a configured object (`dispatcher`, `agent`). */
  delegated?: readonly string[];
}

/** Judges an options argument: an object literal, a variable holding one, a parameter, or something opaque. */
export function judgeOptions(expr: ts.Expression | undefined, keys: OptionKeys, at: ts.Node, facts: Facts, depth = 0): Verdict {
  if (!expr) return "none";
  if (depth > 4) return "unknown";
  const e = unwrap(expr);
  if (ts.isIdentifier(e) && e.text === "undefined") return "none";
  if (ts.isObjectLiteralExpression(e)) {
    for (const key of keys.timeout) {
      const v = propValue(e, key);
      if (v) return timeoutValue(v);
    }
    if (keys.signal) {
      const s = propValue(e, keys.signal);
      if (s) {
        const v = judgeSignal(s, at, facts, depth + 1);
        if (v !== "none") return v;
      }
    }
    if (keys.delegated?.some((k) => propValue(e, k) !== undefined)) return "bounded";
    // `...(body ? { body } : {})`: a spread of literals that carry none of the keys adds no bound.
    return e.properties.some((p) => ts.isSpreadAssignment(p) && !literalWithout(p.expression, keys, at, facts)) ? "unknown" : "none";
  }
  if (ts.isIdentifier(e)) {
    const d = declarationOf(e.text, at, facts);
    if (d?.initializer) return judgeOptions(d.initializer, keys, at, facts, depth + 1);
    if (!d && isParameterAround(at, e.text)) return "caller";
    return "unknown";
  }
  if (ts.isCallExpression(e) && ts.isIdentifier(e.expression)) return builtOptions(e.expression.text, keys, at, facts, depth);
  return "unknown";
}

/**
 * `new Pool(parseDatabaseUrl(url))`: options a function of the file builds, judged by its returns.
 * Every `return` an object literal with none of the keys is `none` (the builder adds no bound and
 * takes none from the caller); any other return leaves the options unknown.
 */
function builtOptions(name: string, keys: OptionKeys, at: ts.Node, facts: Facts, depth: number): Verdict {
  const returns = returnsOf(at.getSourceFile(), name);
  if (returns === undefined || returns.length === 0) return "unknown";
  return returns.every((r) => r.expression !== undefined && ts.isObjectLiteralExpression(unwrap(r.expression)) && judgeOptions(r.expression, keys, r, facts, depth + 1) === "none") ? "none" : "unknown";
}

/**
 * An object literal (or a ternary of them) that names none of the option keys; also the call of an arrow the file
 * declares whose body is such a literal (`...config(key, systemId)` where `const config = (k, id) => ({ headers: … })`:
 * retired held round 45, hpl-crm's `services/fasttrakInit.ts`), one level deep.
 */
function literalWithout(expr: ts.Expression, keys: OptionKeys, at?: ts.Node, facts?: Facts): boolean {
  const e = unwrap(expr);
  if (ts.isConditionalExpression(e)) return literalWithout(e.whenTrue, keys) && literalWithout(e.whenFalse, keys);
  if (ts.isCallExpression(e) && ts.isIdentifier(e.expression) && at && facts) {
    const init = declarationOf(e.expression.text, at, facts)?.initializer;
    const fn = init ? unwrap(init) : undefined;
    return fn !== undefined && ts.isArrowFunction(fn) && !ts.isBlock(fn.body) && literalWithout(fn.body, keys);
  }
  if (!ts.isObjectLiteralExpression(e)) return false;
  const named = [...keys.timeout, ...(keys.signal ? [keys.signal] : []), ...(keys.delegated ?? [])];
  return e.properties.every((p) => !ts.isSpreadAssignment(p) && !named.includes(propName(p.name) ?? "\u0000") && propName(p.name) !== undefined);
}

/** A timeout value: a positive number or a setting from elsewhere bounds; `0`, `Infinity`, `null`… do not. */
function timeoutValue(v: ts.Expression): Verdict {
  const u = unwrap(v);
  if (isNoLimit(u)) return "none";
  // got `timeout: { request: 0 }`: an object bounds when one of its phases does.
  if (ts.isObjectLiteralExpression(u)) return u.properties.some((p) => ts.isSpreadAssignment(p) || !ts.isPropertyAssignment(p) || !isNoLimit(p.initializer)) ? "bounded" : "none";
  return "bounded";
}

/** The `return` statements of a function the file declares at its top level (`function build() { … }`), not of functions inside it. */
export function returnsOf(sf: ts.SourceFile, name: string): ts.ReturnStatement[] | undefined {
  const fn = sf.statements.find((st): st is ts.FunctionDeclaration => ts.isFunctionDeclaration(st) && st.name?.text === name && st.body !== undefined);
  if (!fn?.body) return undefined;
  const returns: ts.ReturnStatement[] = [];
  walk(fn.body, (n) => {
    if (ts.isReturnStatement(n) && enclosingFunction(n) === fn) returns.push(n);
  });
  return returns;
}
