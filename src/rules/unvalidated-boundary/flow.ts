import { ts } from "../../engine/ts";
import { accessesNamed, calleeName, importBindings, topLevelFunction } from "../../engine/ast";
import { climb, constInitializer, containsThrow, enclosingFunction, findBinding, findRefs, functionName, isConditionPosition, isExportedFunction, isFunctionLike, isWrapper, leaves, leavingDispatchBranch, listedInExport, nameText, onlyTested, ownReturns, receiverSegments, scopeOf, unwrap, type FunctionLike } from "./ast";
import { oauthCodeExchanged, testedBefore } from "./oauth-code";
import { injectedType, isAiSdkCall, isBlobPathCall, isBuiltServiceCall, isStorageContentArg, isModelCallExpr, isPathBuilder, isSqlTag, isStoreMethodCall, sinkKind } from "./sinks";
import { isResultChecked, isScalarCheckCall, validatorKind, type GuardKind } from "./validators";
import { isNegatedEquality, setsAsideOnly } from "./set-aside";
import { forwardedByProxy, outboundBodyCall, relayedByProxy, wholeBodySentCall } from "./proxy";
import { MODEL_TEXT_RE, modelTextAlternatives, plainChain, presenceTestedModelText, toolCallRead } from "./model-reply";
import { branchInOutboundBody, literalTextChoice, outboundHeaderValue, outboundQueryParam, textInOutboundBody } from "./prompt-text";
import { requiredOnly, requiredThenLogged } from "./required-field";
import { prefixThenCut, rawPrefixBeforeFile } from "./path-prefix";
import { dtoCopy } from "./dto-copy";
import { isJwtVerifyArg, isModelQuestion, isVerifiedPayload, onlyPresenceOrVerify } from "./token";
import { answerTested, hmacGated, verifierOf, type CalleeOf } from "./verifier";
import { SIZE_COMPARISONS, sizeOfPresent } from "./size-read";
import { readsOverwrittenValue } from "./overwritten";
import { copiedBeforeParse } from "./replaced";
import { destructuredReplyRelayed, echoedInAnswer, failureAnsweredAround, loggedOrEchoed, okReplyRead, replyFieldRelayed, replyRelayedUntested, replySpreadRelayed, returnedReplyRelayed, shownInPage } from "./echo";
import { assignedLetDecided, checkedInOwnCondition, coercedLocal, fieldKey, isCheckMethodArg, isRegexTest, keysOnlyCounted, nanReplaced, negatedCheckBefore, onlyPresenceOrHashed, PAGING_CALLS, presenceChained, readInFailureBranch, sizesQuery } from "./field-checks";
import { pushesIntoUnknownArray } from "./unknown-array";
import { arrayOnlyCounted } from "./array-count";
import { drizzleLookedUpFirst, drizzleSqliteLookedUpFirst, existsCheckedFirst, lookedUpFirst, missAnswered, queryNamesOwner } from "./lookup-first";
import { drizzleRead, equalityFiltered, mongooseTextFilter, sqlTagRead, type DrizzleText, type FilterFacts, type MongooseTextField } from "./equality-filter";
import { typeofDecidedBare } from "./cast-guards";
import { typeCheckedParam } from "./param-checker";
import { TreeMemo } from "../../engine/tree-memo";
import { chatTextRelayed } from "./frameworks/bots";
import { tableGate } from "./table-gate";
import { promiseAllBinding } from "./promise-all";
import { diskStorageNameCall } from "./frameworks/multipart";
import { OWN_KEY_TESTS, spreadOnlyKeyTested, typeGuardedBefore, typeGuardedBranch } from "./leaving-tests";
import { insideTry, keptBy, longLived } from "./kept-state";
import { linkGuarded } from "./guarded-link";
import { memoryCacheKey } from "./memory-cache";
import { isNestController } from "./frameworks/nest";
import { assignsIntoEmpty, copyOnlyLogged } from "./logged-copy";

/**
 * What an input value is:
 * - `structured`: a parsed object (request body, JSON): any property read is a use;
 * - `bag`: an object of scalars (route params, query, form data): its fields are scalars;
 * - `scalar`: one field value: only raw use as a DB key/query, file path or property key counts;
 * - `any`: a message argument that may be either.
 */
export type ValueKind = "structured" | "bag" | "scalar" | "any";

export type Outcome = { kind: "unsafe"; at: ts.Node; why: string } | { kind: "validated" } | undefined;

/** What an imported function does with an argument: an {@link Outcome}, or `compared`: the scalar is only compared there (see {@link onlyCompared}). */
export type ImportedOutcome = Outcome | { kind: "compared" };

export interface FlowEnv {
  sf: ts.SourceFile;
  /** Same-file validator functions by name, computed on first use. */
  guards(): ReadonlyMap<string, GuardKind>;
  /** Same-file functions by name, for following simple helpers. */
  functions(): ReadonlyMap<string, FunctionLike>;
  /** Top-level database/collection handles of the file. */
  handles?: ReadonlySet<string>;
  /** Functions imported from the project's service modules. */
  services?: ReadonlySet<string>;
  /**
   * What an imported function of another module does with the input handed to it as argument
   * `index` (see elsewhere.ts): `validated` when its body validates it first. Absent in that
   * other module's own analysis: one hop only.
   */
  imported?: (call: ts.CallExpression, index: number, kind: ValueKind, key?: string) => ImportedOutcome;
  /** The function a call reaches, in any module read (its own, a method of its class, an imported one): read to see whether it verifies (verifier.ts). */
  callee?: CalleeOf;
  /**
   * The input is a request's scalar (a form field, a query value, a route parameter), not a remote
   * answer, a message or a server action's argument: a scalar of it stored as a column value of a
   * written record is no use (see {@link storedColumns}).
   */
  requestScalars?: boolean;
  /**
   * The input's scalars are text as sent (a route parameter, a `searchParams.get` value, a form field),
   * never an object or an array (Express's `qs` query is not): a store that matches text as it is
   * finds no row for a malformed one (see equality-filter.ts).
   */
  textScalars?: boolean;
  /** The input is a route's text (as `textScalars`, or a NestJS `@Param` string): read by a service's look-up-first test. */
  routeText?: boolean;
  /** Whether the project's Prisma schema keeps a model's field as text it matches as sent (see equality-filter.ts). */
  textField?: (model: string, field: string) => boolean | undefined;
  /** Whether the project's Drizzle table keeps a column as text it matches as sent (see drizzle-column.ts). */
  drizzleText?: DrizzleText;
  /** The input is a server action's argument: a read's filter whose rows the action returns is no use (see equality-filter.ts). */
  action?: boolean;
  /** Whether a Mongoose model keeps a path as a plain `String` (see equality-filter.ts `mongooseTextFilter`). */
  mongooseText?: MongooseTextField;
  /** Whether the Drizzle table an expression names is a `sqliteTable` (see lookup-first.ts `drizzleSqliteLookedUpFirst`). */
  sqliteTable?: (table: ts.Expression) => boolean;
  /**
   * The project's column types, for a value of an input whose scalars may be objects (Express's `qs` query, a
   * body's field) once a `typeof … === "string"` test has decided it is text (see {@link asText}).
   */
  textFacts?: Pick<FlowEnv, "textField" | "drizzleText" | "mongooseText">;
  /** The value followed is text because the code tested it so (`typeof x === "string"`), not by the input's kind (see {@link asText}). */
  typeTested?: boolean;
  /**
   * Whether the function a call reaches (of this module or imported from the project) only puts its parameter at
   * `index` into a model's prompt (see {@link paramOnlyPrompt}): a request's text handed there is text the model judges.
   */
  promptParam?: (call: ts.CallExpression, index: number, texted: boolean) => boolean;
  /** A model's text is being followed: a `JSON.parse` of it is an input of its own (jsonParseExternal), not followed. */
  parsedApart?: boolean;
  /** A returned value already followed once through a method that only returns another method's result (see passedThrough). */
  passed?: boolean;
  /**
   * A remote reply is being followed: where it reaches a `JSON.parse` that is reported on its own
   * (`JSON.parse(typeof res.data === "string" ? res.data : …)`), the reply was text and the parse is
   * the input; not followed.
   */
  parsedOnItsOwn?: (call: ts.CallExpression) => boolean;
  /** A remote reply is being followed (fetchJson): a field of it is judged by what it reaches (see replyFieldRelayed). */
  remoteReply?: boolean;
  /** Parsed text is being followed (jsonParseExternal): handed whole out of the module, it goes on (see {@link handedOut}). */
  parsedText?: boolean;
  /** A queue or socket message is being followed (messagePayload): handed to a subscriber's callback, it goes on (see {@link subscriberCallback}). */
  message?: boolean;
  /** A cookie-parser `req.cookies` value is being followed: only the key of a key-value cache, it goes nowhere (see {@link cacheKeyCall}). */
  cookie?: boolean;
  /**
   * A socket server's event payload is being followed (see Source.sinkOnly): a read of it is no use, each
   * field goes where the code sends it; only a sink, the server's own state keeping it (kept-state.ts), or a
   * destructuring outside a `try` (an event emitted with no payload throws there) is one.
   */
  sinkOnly?: boolean;
  /**
   * A browser's socket.io client's payload is being followed (Source.uiState): kept on the component
   * (`this.monitorList = data`) or in a module's collection, it is UI state, like a reply handed to a
   * React setter or a Vue `ref`: no use. Its sinks (a property key, a query, a URL) stay uses.
   */
  uiState?: boolean;
  /**
   * Whether `target.field = value` keeps the value in an object (the project's session instance, `this`) whose
   * class writes that field out to a file or a store later (see persisted-field.ts).
   */
  persistedField?: (target: ts.Expression, field: string) => boolean;
  /** The function a call reaches, of this module or imported from the project, when its body can be read. */
  calleeOf?: (call: ts.CallExpression) => FunctionLike | undefined;
  /** The calls of a method of an exported class of this file in the project's other modules (callers.ts), when all are seen; set by the rule. */
  callersElsewhere?: (method: ts.MethodDeclaration) => ts.CallExpression[] | undefined;
  depth: number;
  /**
   * The same-file helper the input was followed into, and the call that handed it there: what the
   * helper returns of the input (`return JSON.parse(body)`) goes on at that call in the caller.
   */
  returnTo?: { fn: FunctionLike; call: ts.CallExpression; env: FlowEnv };
}

/** The file's top-level functions by name (`function f`, `const f = () => …`), for following helpers. */
export function topLevelFunctions(sf: ts.SourceFile): Map<string, FunctionLike> {
  const out = new Map<string, FunctionLike>();
  for (const st of sf.statements) {
    if (ts.isFunctionDeclaration(st) && st.name && st.body) out.set(st.name.text, st);
    else if (ts.isVariableStatement(st)) {
      for (const d of st.declarationList.declarations) {
        const init = d.initializer && unwrap(d.initializer);
        if (init && isFunctionLike(init) && ts.isIdentifier(d.name)) out.set(d.name.text, init);
      }
    }
  }
  return out;
}

/**
 * False for a field of a socket payload that a check decided (`if (typeof data.name !== "string") return`,
 * see FlowEnv.sinkOnly): that field only; the payload's other fields still go where the code sends them.
 */
export function decidesWhole(ref: ts.Node, o: Outcome, env: FlowEnv): boolean {
  if (!env.sinkOnly || o?.kind !== "validated") return true;
  const top = climb(ref);
  const p = top.parent;
  return !(p && (ts.isPropertyAccessExpression(p) || ts.isElementAccessExpression(p)) && p.expression === top);
}

/**
 * What a function does with its parameter `param` (the input handed to it): the first decisive
 * use of a plain parameter; for a destructured one (`login({ email, password })`), `validated`
 * when every field it reads is validated first, else the first unsafe use of a field.
 */
export function parameterOutcome(param: ts.ParameterDeclaration, kind: ValueKind, env: FlowEnv): Outcome {
  const fn = param.parent;
  if (!isFunctionLike(fn) || !fn.body) return undefined;
  if (ts.isIdentifier(param.name)) {
    for (const ref of findRefs(param.name.text, fn.body, fn.body.pos)) {
      const o = analyzeValue(ref, kind, env);
      if (o && decidesWhole(ref, o, env)) return o;
    }
    return undefined;
  }
  if (!ts.isObjectBindingPattern(param.name)) return undefined;
  let first: Outcome;
  let validated = 0;
  let open = false;
  for (const el of param.name.elements) {
    if (!ts.isIdentifier(el.name)) return undefined;
    const o = followName(el.name, param, el.dotDotDotToken ? kind : "any", env);
    if (o?.kind === "unsafe" && (!first || first.kind !== "unsafe" || o.at.pos < first.at.pos)) first = o;
    else if (o?.kind === "validated") validated++;
    else if (!o && findRefs(el.name.text, fn.body, el.name.end).length > 0) open = true;
  }
  if (first) return first;
  return validated > 0 && !open ? { kind: "validated" } : undefined;
}

/**
 * The outcome of handing the input to an imported function: its validation, or its first unsafe
 * use there, reported at this call (like a same-file helper's, but the use is out of sight).
 */
function importedOutcome(call: ts.CallExpression, arg: ts.Node, kind: ValueKind, env: FlowEnv, key?: string): ImportedOutcome {
  const index = call.arguments.indexOf(arg as ts.Expression);
  if (index < 0 || !env.imported) return undefined;
  const o = env.imported(call, index, kind, key);
  if (o?.kind === "validated" || o?.kind === "compared") return o;
  if (o?.kind !== "unsafe") return undefined;
  // A scalar looked up by key there (`AppCache.get(appId)` behind `Config.get(req.params.appId)`) is the callee's business.
  if ((kind === "scalar" || kind === "bag") && ts.isCallExpression(o.at) && calleeName(o.at) === "get") return undefined;
  // So is one read as a key of the module's own table (`return MOCK_THREADS[threadId] || null` behind `getMockThread(id)`).
  if ((kind === "scalar" || kind === "bag") && ts.isElementAccessExpression(o.at) && moduleTableRead(o.at)) return undefined;
  // A socket payload's field made a property key or kept there (`moderationStore.reportMessage(messageId)`): the message says which.
  return unsafe(call, env.sinkOnly && (o.why === "property key" || o.why === "stored") ? o.why : "service");
}

/**
 * `MOCK_THREADS[id]` read (not written, deleted or called: `LOADERS[id]()` runs whatever the key
 * picks, `"constructor"` too) where `MOCK_THREADS` is a top-level `const` object literal of its module,
 * or `this.availableCaches[id]` where the class declares `availableCaches` with an object literal and
 * never assigns it again (a singleton's own table, as production overseerr's `CacheManager.getCache(id)`).
 */
function moduleTableRead(access: ts.ElementAccessExpression): boolean {
  const table = unwrap(access.expression);
  const top = climb(access);
  if (!readOnly(top)) return false;
  if (ts.isPropertyAccessExpression(table) && table.expression.kind === ts.SyntaxKind.ThisKeyword) return classTable(table);
  if (!ts.isIdentifier(table)) return false;
  const b = findBinding(table);
  const init = constInitializer(table);
  return b?.kind === "var" && !enclosingFunction(b.decl) && !!init && ts.isObjectLiteralExpression(unwrap(init));
}

/** `this.name` of a class method, where the class declares the instance property `name` with an object literal and no `this.name = …` replaces it. */
function classTable(ref: ts.PropertyAccessExpression): boolean {
  let cls: ts.Node | undefined = ref.parent;
  while (cls && !ts.isClassLike(cls)) cls = cls.parent;
  if (!cls || !ts.isClassLike(cls)) return false;
  const name = ref.name.text;
  const decl = cls.members.find((m): m is ts.PropertyDeclaration => ts.isPropertyDeclaration(m) && nameText(m.name) === name);
  if (!decl?.initializer || !ts.isObjectLiteralExpression(unwrap(decl.initializer)) || ts.getModifiers(decl)?.some((m) => m.kind === ts.SyntaxKind.StaticKeyword)) return false;
  let replaced = false;
  const visit = (n: ts.Node): void => {
    if (replaced) return;
    // Replaced (`this.table = …`) or filled (`this.table[key] = …`, `delete this.table[key]`): a table the code changes.
    if (ts.isPropertyAccessExpression(n) && n.name.text === name && n.expression.kind === ts.SyntaxKind.ThisKeyword) {
      const entry = ts.isElementAccessExpression(n.parent) && n.parent.expression === n ? n.parent : undefined;
      if (!readOnly(climb(n)) || (entry && !readOnly(climb(entry)) && !ts.isCallExpression(climb(entry).parent))) replaced = true;
    }
    ts.forEachChild(n, visit);
  };
  cls.members.forEach(visit);
  return !replaced;
}

/** `e` is only read: not assigned (`=`, `+=`), counted (`++`), deleted, or called. */
function readOnly(e: ts.Node): boolean {
  const p = e.parent;
  if (!p) return true;
  if (ts.isBinaryExpression(p)) return p.left !== e || p.operatorToken.kind < ts.SyntaxKind.FirstAssignment || p.operatorToken.kind > ts.SyntaxKind.LastAssignment;
  if (ts.isPrefixUnaryExpression(p) || ts.isPostfixUnaryExpression(p)) return p.operator !== ts.SyntaxKind.PlusPlusToken && p.operator !== ts.SyntaxKind.MinusMinusToken;
  if (ts.isCallExpression(p) || ts.isTaggedTemplateExpression(p)) return (ts.isCallExpression(p) ? p.expression : p.tag) !== e;
  return !ts.isDeleteExpression(p);
}

const TEXT_CUTS = new Set(["trim", "trimStart", "trimEnd", "replace", "replaceAll", "toString"]);

/** `raw.replace(prefix, "").trim()` handed to a `JSON.parse` that is reported on its own. */
function textCutParsed(read: ts.PropertyAccessExpression, parsedOnItsOwn: (call: ts.CallExpression) => boolean): boolean {
  let p: ts.PropertyAccessExpression = read;
  for (let i = 0; i < 6; i++) {
    const call = p.parent;
    if (!TEXT_CUTS.has(p.name.text) || !call || !ts.isCallExpression(call) || call.expression !== p) return false;
    const q = climb(call).parent;
    if (q && ts.isCallExpression(q) && isTextParser(q)) return q.arguments[0] === climb(call) && parsedOnItsOwn(q);
    if (!q || !ts.isPropertyAccessExpression(q)) return false;
    p = q;
  }
  return false;
}
const ARITHMETIC = new Set([ts.SyntaxKind.MinusToken, ts.SyntaxKind.AsteriskToken, ts.SyntaxKind.SlashToken, ts.SyntaxKind.PlusToken]);
const STRING_TRANSFORMS = new Set(["trim", "toLowerCase", "toUpperCase", "toString", "normalize", "trimStart", "trimEnd", "valueOf", "toLocaleLowerCase", "replace", "replaceAll", "slice", "substring"]);
// The parts of a URL object that name where it goes.
const URL_HOST_PARTS = new Set(["hostname", "host", "origin"]);
// Trimming: a length check of what it returns decides nothing of the value's type (on a number it throws first).
const TRIMS = new Set(["trim", "trimStart", "trimEnd"]);
// String methods that arrays have too: on a value of any shape they may read its elements.
const ARRAY_TOO = new Set(["slice", "toString", "valueOf"]);
const COERCIONS = new Set(["Number", "String", "parseInt", "parseFloat", "decodeURIComponent", "decodeURI", "BigInt", "Boolean", "unescape", "atob"]);
const PARSERS = new Set(["parse", "load", "safeLoad"]);

/** One piece of a split string: `s.split(".").pop()`, `.at(-1)`, `.shift()`, `s.split("/")[0]`. */
function splitPiece(split: ts.CallExpression): ts.Expression | undefined {
  const top = climb(split);
  const q = top.parent;
  if (q && ts.isElementAccessExpression(q) && q.expression === top) return q;
  if (!q || !ts.isPropertyAccessExpression(q) || q.expression !== top || !/^(?:pop|shift|at)$/.test(q.name.text)) return undefined;
  const call = q.parent;
  return call && ts.isCallExpression(call) && call.expression === q ? call : undefined;
}

/**
 * `const [name, price, imageUrl] = msg.text.split(";")`, or `const parts = text.split(";")` then
 * `parts[0]` or a destructuring of `parts`: each piece of the split text is a scalar of its own,
 * judged where it goes; the first unsafe piece is the outcome.
 */
function splitPiecesOutcome(split: ts.CallExpression, env: FlowEnv): Outcome {
  const top = climb(split);
  const decl = top.parent;
  if (!decl || !ts.isVariableDeclaration(decl) || decl.initializer !== top) return undefined;
  let first: Outcome;
  const take = (o: Outcome): void => {
    if (o?.kind === "unsafe" && (!first || first.kind !== "unsafe" || o.at.pos < first.at.pos)) first = o;
  };
  const fromPattern = (pattern: ts.ArrayBindingPattern, scopeNode: ts.Node): void => {
    for (const el of pattern.elements) if (ts.isBindingElement(el) && ts.isIdentifier(el.name) && !el.dotDotDotToken) take(followName(el.name, scopeNode, "scalar", env));
  };
  if (ts.isArrayBindingPattern(decl.name)) fromPattern(decl.name, decl);
  else if (ts.isIdentifier(decl.name)) {
    for (const ref of findRefs(decl.name.text, scopeOf(decl), decl.name.end)) {
      const q = ref.parent;
      if (q && ts.isElementAccessExpression(q) && q.expression === ref) take(analyzeValue(q, "scalar", env));
      else if (q && ts.isVariableDeclaration(q) && q.initializer === ref && ts.isArrayBindingPattern(q.name)) fromPattern(q.name, q);
    }
  }
  return first;
}

/**
 * `this.db.routine.findFirst(…)` with `db: DatabaseService`: a model's method under a client the class
 * holds, a database call whatever the client's class is named (not `this.ordersService.findOne(…)`).
 */
function modelAccess(call: ts.CallExpression): boolean {
  return receiverSegments(call).filter((s) => s !== "this").length >= 2;
}

function unsafe(at: ts.Node, why: string): Outcome {
  return { kind: "unsafe", at, why };
}

/** True for `JSON.parse(x)` / `yaml.parse(x)` / `YAML.load(x)`. */
export function isTextParser(call: ts.CallExpression): boolean {
  const name = calleeName(call);
  if (!name || !PARSERS.has(name) || !ts.isPropertyAccessExpression(call.expression)) return false;
  const recv = receiverSegments(call);
  return recv.length === 1 && /^(?:JSON|JSON5|YAML|yaml|jsyaml|jsYaml)$/.test(recv[0]!);
}

/** Follows the values of a variable or destructured binding: the first decisive outcome wins. */
function followName(name: ts.BindingName, scopeNode: ts.Node, kind: ValueKind, env: FlowEnv): Outcome {
  if (ts.isIdentifier(name)) {
    let first: Outcome;
    // Branches of a literal dispatch that leave, where a check decided a message's value: that path only.
    const decidedIn: ts.Statement[] = [];
    for (const ref of findRefs(name.text, scopeOf(scopeNode), name.end)) {
      // `let event = req.body; try { event = stripe.webhooks.constructEvent(…) } catch { return … }`: later reads see the new value.
      if (ts.isVariableDeclaration(scopeNode) && readsOverwrittenValue(scopeNode, ref, !!env.message && kind === "scalar")) continue;
      if (decidedIn.some((b) => ref.pos >= b.pos && ref.end <= b.end)) continue;
      const o = analyzeValue(ref, kind, env);
      if (!o) continue;
      // `if (data.startsWith("resume:")) { await resume(ctx, data); return; }`: a message's value looked up in one
      // branch of the dispatch is checked for that command only; the other commands below use it as sent.
      const branch = o.kind === "validated" && env.message ? leavingDispatchBranch(ref, scopeOf(scopeNode)) : undefined;
      if (branch) {
        decidedIn.push(branch);
        continue;
      }
      if (first) {
        if (mattersMore(first, o)) return o;
        continue;
      }
      if (!isRedirect(o)) return o;
      first = o;
    }
    return first;
  }
  if (kind === "structured" || kind === "any") return destructuredOutcome(name, scopeNode, kind, env);
  if (ts.isArrayBindingPattern(name)) return undefined;
  // Bag: each destructured field is a scalar of its own.
  let first: Outcome;
  for (const el of name.elements) {
    const o = ts.isIdentifier(el.name) ? followName(el.name, scopeNode, "scalar", env) : undefined;
    if (o?.kind === "unsafe" && (!first || first.kind !== "unsafe" || o.at.pos < first.at.pos)) first = o;
  }
  return first;
}

function isRedirect(o: Outcome): boolean {
  return o?.kind === "unsafe" && o.why === "redirect";
}

/**
 * A value first used as a redirect target and later as a database key or a file path (`?id=${id}`
 * in a redirect, then `updateConnection({ id })`): the later sink names the harm, so the finding says so.
 */
function mattersMore(first: Outcome, next: Outcome): boolean {
  return isRedirect(first) && next?.kind === "unsafe" && (next.why === "database" || next.why === "file");
}

/**
 * `const { mode, providerId } = body`: destructuring is a use, unless every field that is read
 * again is decided first by a check of its own (`typeof`, an allowlist, a validator). A field
 * that reaches a sink is reported at that use; a nested or array pattern is the use itself.
 */
function destructuredOutcome(name: ts.BindingPattern, scopeNode: ts.Node, kind: ValueKind, env: FlowEnv): Outcome {
  // (A socket payload's fields go where the code sends them: a field read but not followed, or a nested pattern, is no use of it.)
  if (ts.isArrayBindingPattern(name)) return env.sinkOnly ? undefined : unsafe(name, "destructured");
  let first: Outcome;
  let unchecked = false;
  for (const el of name.elements) {
    if (!ts.isIdentifier(el.name)) {
      if (env.sinkOnly) continue;
      return unsafe(name, "destructured");
    }
    const o = followName(el.name, scopeNode, el.dotDotDotToken ? kind : "any", env);
    if (o?.kind === "unsafe" && (!first || first.kind !== "unsafe" || o.at.pos < first.at.pos)) first = o;
    else if (!o && usedAtAll(findRefs(el.name.text, scopeOf(scopeNode), el.name.end), !!env.requestScalars)) unchecked = true;
  }
  return first ?? (unchecked && !env.sinkOnly ? unsafe(name, "destructured") : undefined);
}

/**
 * Reads of a destructured field that use it: any, unless they only test it and hand it to a token
 * check. A strict comparison with a literal (`updateContent === true`, `format !== "pdf"`) decides
 * the field: it takes nothing of the value on; so does a log line, and (`echo`: a request's own
 * field) the answer it is echoed back in.
 */
function usedAtAll(refs: readonly ts.Node[], echo: boolean): boolean {
  // Only logged, or (a request's own field) only answered back: no use (the docs).
  // A field of it read only into a log line or a thrown error's text (`object.id` in `console.log(\`paid ${object.id}\`)`).
  // A scalar the code tests for presence (`if (!sessionId) return 400`), or defaults, only sent on in an outbound JSON body;
  // or put into a template's text there (a model's prompt).
  const presenceTested = refs.some((r) => isConditionPosition(climb(r)));
  const rest = refs.filter((r) => !comparedToLiteral(r) && !methodTested(r) && !loggedOrEchoed(r, echo) && !fieldOnlyLogged(r) && !(echo && (outboundBodyField(r, presenceTested) || textInOutboundBody(r) || textInPrompt(r) || (presenceTested && branchInOutboundBody(r)) || literalTextChoice(r) || outboundHeaderValue(r) || outboundQueryParam(climb(r)))) && !lengthTested(r));
  // Only presence-tested besides (`if (!name || !email) return 400`, then a log line): only a boolean comes out.
  if (rest.length > 0 && rest.length < refs.length && rest.every((r) => isConditionPosition(climb(r)))) return false;
  // Only required (`if (!url) return 400`) and never read again: nothing of the value goes on.
  if (rest.length > 0 && rest.every(requiredOnly)) return false;
  return rest.length > 0 && !onlyPresenceOrVerify(rest);
}

/** `shop.includes("-da") ? "DA" : …`, `if (!email.includes("@"))`: a string test in a condition, only a boolean comes out. */
function methodTested(ref: ts.Node): boolean {
  const p = ref.parent;
  const call = p && ts.isPropertyAccessExpression(p) && p.expression === ref && /^(?:includes|startsWith|endsWith)$/.test(p.name.text) ? p.parent : undefined;
  return !!call && ts.isCallExpression(call) && call.expression === p && isConditionPosition(climb(call));
}

/**
 * `` generateText({ model, prompt: `Goal: ${goal}` }) ``: a request's field put into the text of a template that only
 * becomes a model's prompt (held round 28's prompt-text rule; held round 36, casasports-fitness
 * `app/api/plans/generate/route.ts:12`, labelled clean): the template makes text of whatever it holds.
 */
function textInPrompt(ref: ts.Node): boolean {
  const top = climb(ref);
  return !!top.parent && ts.isTemplateSpan(top.parent) && promptText(top, 0);
}

/**
 * `fetch(url, { method: "POST", body: JSON.stringify({ input: query, sessionToken }) })`: a request's
 * scalar only sent on as a field of an outbound JSON body, tested for presence first or behind a
 * fallback (`sessionToken || undefined`). The service it is sent to judges it (held rounds 25 and 26:
 * no use, debatable).
 */
function outboundBodyField(ref: ts.Node, presenceTested: boolean): boolean {
  // (climb goes through the fallback: `sessionToken || undefined` is the value put in the body.)
  const cur = climb(ref);
  const fallback = cur !== ref && ts.isBinaryExpression(cur);
  // A value neither tested nor defaulted may be an object forwarded whole (`context`): left to the rule's other uses.
  if (!fallback && !presenceTested) return false;
  const prop = cur.parent;
  if (!prop || !((ts.isPropertyAssignment(prop) && prop.initializer === cur) || (ts.isShorthandPropertyAssignment(prop) && cur === ref))) return false;
  // `messages: [{ role: "user", content: [{ type: "image_url", image_url: { url: image } }] }]`: a field of a
  // literal nested in the body is sent on the same way (held round 31: an image only handed to a model, the lead's decision).
  let obj: ts.Node = prop.parent;
  for (let i = 0; i < 8 && obj.parent && (ts.isArrayLiteralExpression(obj.parent) || (ts.isPropertyAssignment(obj.parent) && obj.parent.initializer === obj && ts.isObjectLiteralExpression(obj.parent.parent))); i++) {
    obj = ts.isArrayLiteralExpression(obj.parent) ? obj.parent : obj.parent.parent;
  }
  const stringify = ts.isObjectLiteralExpression(obj) ? obj.parent : undefined;
  if (!stringify || !ts.isCallExpression(stringify) || stringify.arguments[0] !== obj) return false;
  // (Or the model SDK's own request, `openai.chat.completions.create({ messages: [… { image_url: { url: image_base64 } }] })`:
  // the same image only handed to a model, retired held round 47, apothecary `identifySpecies/index.ts:20`, clean debatable.
  // A message's `content` or `role` taken as it is stays a use: the SDK reads an array there as the message's parts, held
  // round 36's "a field handed to the model as it is".)
  if (outboundBodyCall(stringify)) return true;
  const key = ts.isPropertyAssignment(prop) ? nameText(prop.name) : prop.name.text;
  return isModelCallExpr(stringify) && !MESSAGE_SHAPE_KEYS.has(key ?? "");
}

const MESSAGE_SHAPE_KEYS = new Set(["content", "role", "messages", "parts", "tools", "tool_choice", "functions"]);

/** `if (newPassword.length < 6) return 400`: a size test in a condition, only a boolean comes out (like a presence test). */
function lengthTested(ref: ts.Node): boolean {
  const p = ref.parent;
  if (!p || !ts.isPropertyAccessExpression(p) || p.expression !== ref || p.name.text !== "length") return false;
  const cmp = p.parent;
  return !!cmp && ts.isBinaryExpression(cmp) && SIZE_COMPARISONS.has(cmp.operatorToken.kind) && isLiteralOperand(cmp.left === p ? cmp.right : cmp.left) && isConditionPosition(climb(cmp));
}

function fieldOnlyLogged(ref: ts.Node): boolean {
  const p = ref.parent;
  return !!p && (ts.isPropertyAccessExpression(p) || ts.isElementAccessExpression(p)) && p.expression === ref && replyFieldRelayed(p, false, false);
}

function comparedToLiteral(ref: ts.Node, depth = 0): boolean {
  const top = climb(ref);
  const p = top.parent;
  // `const level = difficulty || "medium"`, then only `level === "easy"`: the local is decided where it is compared.
  if (p && ts.isVariableDeclaration(p) && p.initializer === top && ts.isIdentifier(p.name) && depth === 0 && (ts.getCombinedNodeFlags(p) & ts.NodeFlags.Const) !== 0) {
    const refs = findRefs(p.name.text, scopeOf(p), p.name.end);
    return refs.length > 0 && refs.every((r) => comparedToLiteral(r, 1));
  }
  if (!p || !ts.isBinaryExpression(p)) return false;
  const op = p.operatorToken.kind;
  if (op !== ts.SyntaxKind.EqualsEqualsEqualsToken && op !== ts.SyntaxKind.ExclamationEqualsEqualsToken) return false;
  const other = unwrap(p.left === top ? p.right : p.left);
  return ts.isStringLiteralLike(other) || ts.isNumericLiteral(other) || other.kind === ts.SyntaxKind.TrueKeyword || other.kind === ts.SyntaxKind.FalseKeyword || serverHeldValue(other, ref);
}

/**
 * `providedId === expectedId` where `expectedId` is a `const` declared outside the handler (the module's,
 * or a middleware factory's: `const expectedId = adminId || process.env.ADMIN_ID`), or `password ===
 * process.env.ADMIN_PASSWORD`: a value of the server's own, like a literal. Only a boolean comes out.
 */
function serverHeldValue(e: ts.Expression, ref: ts.Node, depth = 0): boolean {
  if (ts.isPropertyAccessExpression(e) && ts.isPropertyAccessExpression(e.expression) && e.expression.name.text === "env" && ts.isIdentifier(e.expression.expression) && e.expression.expression.text === "process") return true;
  // `getTestChatData().isGroup`, `current.isGroup`: a field of the server's own state, a call of a function declared at the
  // module's top or imported, with no argument, or a const held as above (claudiakosylak/ai-whatsapp-assistant
  // `server.ts:98`, retired round 48, clean: a body flag only compared with the current value).
  if (ts.isPropertyAccessExpression(e) && depth < 3) {
    const base = unwrap(e.expression);
    if (ts.isCallExpression(base)) return base.arguments.length === 0 && ts.isIdentifier(base.expression) && moduleFunction(base.expression);
    return serverHeldValue(base, ref, depth + 1);
  }
  if (!ts.isIdentifier(e)) return false;
  if (configuredValue(e)) return true;
  const b = findBinding(e);
  // (Or a `let` of the module's top, `let DASHBOARD_PASSWORD = process.env.DASHBOARD_PASSWORD || "admin123"`: the server's
  // own state, whatever later sets it; gamehub24 `AdminRoutes.ts:57`, retired round 48, clean.)
  const moduleLet = b?.kind === "var" && ts.isVariableDeclarationList(b.decl.parent) && !!(b.decl.parent.flags & ts.NodeFlags.Let) && ts.isSourceFile(b.decl.parent.parent.parent) && !!b.decl.initializer;
  if (!b || b.kind !== "var" || (!(b.decl.parent.flags & ts.NodeFlags.Const) && !moduleLet)) return false;
  const fn = enclosingFunction(ref);
  return !!fn && !isInside(b.decl, fn);
}

/**
 * The value is put, as it is or a field of object literals, into what a method of a class returns (`return { message, email:
 * response.data.email }`), and every call of the method in the project's other modules (`callersElsewhere`, all seen, at
 * least one) is returned as it is (`return this.authService.verifyEmail(code)`, awaited too) by a method of a NestJS
 * `@Controller` class: NestJS answers what a route method returns, so the field only goes back in the HTTP answer.
 */
function returnedToControllers(use: ts.Node, callersElsewhere: (method: ts.MethodDeclaration) => ts.CallExpression[] | undefined): boolean {
  let cur: ts.Node = use;
  for (let i = 0; i < 6 && cur.parent; i++) {
    const p: ts.Node = cur.parent;
    if ((ts.isPropertyAssignment(p) && p.initializer === cur) || ts.isObjectLiteralExpression(p) || ts.isParenthesizedExpression(p)) cur = p;
    else break;
  }
  const ret = cur.parent;
  if (cur === use || !ts.isObjectLiteralExpression(cur) || !ret || !ts.isReturnStatement(ret)) return false;
  const method = enclosingFunction(ret);
  if (!method || !ts.isMethodDeclaration(method)) return false;
  const calls = callersElsewhere(method);
  return !!calls && calls.length > 0 && calls.every((call) => {
    let top: ts.Node = call;
    while (top.parent && (ts.isAwaitExpression(top.parent) || ts.isParenthesizedExpression(top.parent))) top = top.parent;
    if (!top.parent || !ts.isReturnStatement(top.parent)) return false;
    const route = enclosingFunction(top.parent);
    return !!route && ts.isMethodDeclaration(route) && isNestController(route.parent);
  });
}

/**
 * A function declared at the top of the module (a declaration, or a `const` holding an arrow or a function expression) or
 * imported by name: the engine's per-file indexes (topLevelFunction, importBindings), not a scan of the statements per read.
 */
function moduleFunction(id: ts.Identifier): boolean {
  if (findBinding(id)) return false;
  const sf = id.getSourceFile();
  return !!topLevelFunction(id.text, sf) || importBindings(sf).get(id.text)?.kind === "named";
}

/** The call an object/array literal (holding the input) ends up in, if it is a sink. */
function containerOutcome(container: ts.Node, kind: ValueKind, env: FlowEnv): Outcome {
  // `{ transactionId }`: the key the value sits at, when it sits directly in the object held by a name.
  const key = keyOf(container);
  let cur: ts.Node = container;
  for (let i = 0; i < 24; i++) {
    const p = cur.parent;
    if (!p) return undefined;
    const branch = (ts.isConditionalExpression(p) && p.condition !== cur) || (ts.isBinaryExpression(p) && (p.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken || p.operatorToken.kind === ts.SyntaxKind.BarBarToken));
    if (branch || ts.isObjectLiteralExpression(p) || ts.isArrayLiteralExpression(p) || ts.isPropertyAssignment(p) || ts.isShorthandPropertyAssignment(p) || ts.isSpreadAssignment(p) || ts.isParenthesizedExpression(p) || ts.isAsExpression(p)) {
      cur = p;
      continue;
    }
    if ((ts.isCallExpression(p) || ts.isNewExpression(p)) && p.arguments?.includes(cur as ts.Expression)) {
      // `axios.get(url, { params: { term } })`: a scalar axios encodes into the query string (see outboundQueryParam).
      if (ts.isCallExpression(p) && (kind === "scalar" || kind === "any") && outboundQueryParam(climb(container))) return undefined;
      // `validateLoginInput({ email, password })`, or an imported function that validates what it is handed.
      if (ts.isCallExpression(p)) {
        const checked = handedToValidator(p, cur, env);
        if (checked) return checked;
        // `claimReferral({ userId, referralCode: code })` to a function that destructures `{ userId, referralCode }`:
        // the value is judged by what that function does with its own field.
        if (key && cur !== container && isObjectOf(key.object, cur)) {
          const field = importedOutcome(p, cur, kind, env, key.name);
          if (field?.kind === "validated") return field;
          if (field?.kind === "compared") return undefined;
        }
        if (kind === "scalar" && env.requestScalars && cur !== container && storedColumns(p, cur, key && isObjectOf(key.object, cur) ? key.name : undefined, env)) return undefined;
      }
      const sink = sinkKind(p, kind === "scalar" || kind === "any", env.handles, env.services);
      // `findFirst({ where: { id, userId } })`, then `if (!row) return 404`: looked up first (see lookedUpFirst).
      if (ts.isCallExpression(p) && (sink === "database" || (sink === "service" && modelAccess(p))) && (kind === "scalar" || kind === "any") && (lookedUpFirst(p, container) || textLookedUpFirst(p, container, kind, env))) return { kind: "validated" };
      // `pool.query("SELECT … WHERE email = $1", [email])`: text the store matches as it is, an equality filter of a read.
      if (ts.isCallExpression(p) && sink === "database" && kind === "scalar" && env.textScalars && equalityFiltered(p, cur, container, filterFacts(env))) return undefined;
      // `if (typeof domain !== "string") return 400`, then `Offer.findOne({ customDomain: domain })` on a `String` path, the
      // miss ending the request: text the code checked, matched as it is. (An untested route string in a read-only
      // Mongoose lookup stays a use: the decided labels of earlier rounds, A-bot551's receipt and meepletron's user lookups.)
      if (ts.isCallExpression(p) && sink === "database" && kind === "scalar" && env.typeTested && env.mongooseText && mongooseTextFilter(p, env.mongooseText) && missAnswered(p)) return undefined;
      // `{ uuid: request.params.uuid }` as the payload of an API gateway's relay (see relayedByProxy).
      if (sink === "service" && ts.isCallExpression(p) && relayed(p, cur, env)) return undefined;
      if (sink) return unsafe(p, sink);
      const sent = kind === "structured" && ts.isCallExpression(p) && p.arguments[0] === cur ? outboundBodyCall(p) : undefined;
      if (sent) return unsafe(sent, "service");
      if (ts.isNewExpression(p) && p.parent && (ts.isCallExpression(p.parent) || ts.isAwaitExpression(p.parent))) {
        return containerOutcome(p, kind, env);
      }
      // `writeFileSync(file, JSON.stringify({ question: args.question }))`: serialized, the payload's field goes on as text.
      if (env.sinkOnly && ts.isCallExpression(p) && p.arguments[0] === cur && isJsonStringify(p)) return analyzeValue(p, "scalar", env);
      return undefined;
    }
    if (ts.isVariableDeclaration(p) && p.initializer === cur && ts.isIdentifier(p.name)) {
      return heldOutcome(p.name.text, scopeOf(p), p.end, key && isObjectOf(key.object, cur) ? key.name : undefined, kind, env);
    }
    // `let pixRequest; … pixRequest = { transactionId, action }`: the name declared earlier holds it from here on.
    if (ts.isBinaryExpression(p) && p.operatorToken.kind === ts.SyntaxKind.EqualsToken && p.right === cur && ts.isIdentifier(p.left)) {
      const b = findBinding(p.left);
      if (b?.kind !== "var" || b.element) return undefined;
      return heldOutcome(p.left.text, scopeOf(b.decl), p.end, key && isObjectOf(key.object, cur) ? key.name : undefined, kind, env);
    }
    // `const filters = {}; if (type) filters.type = { $eq: type }; findMany(uid, { filters })`: a scalar inside an object put
    // into a local object literal goes wherever that object goes, as `filters.type = type` does (retired round 45,
    // majolika-cms `event-session.ts:202`, decided).
    // (Only a value that may be an object or an array, a qs query's or a body's: text as sent, a URL's search param, is matched
    // as it is in such a filter, see equality-filter.ts; and search text under a string filter's own key, `where.OR = [{ title:
    // { contains: search } }]`, is compared as text: round 27.)
    if ((kind === "scalar" || kind === "any") && !env.textScalars && cur !== container && !(key && TEXT_MATCH_KEYS.has(key.name)) && ts.isBinaryExpression(p) && p.operatorToken.kind === ts.SyntaxKind.EqualsToken && p.right === cur && (ts.isPropertyAccessExpression(p.left) || ts.isElementAccessExpression(p.left)) && ts.isIdentifier(p.left.expression)) {
      return localObjectOutcome(p.left.expression, kind, env);
    }
    return undefined;
  }
  return undefined;
}

/** Prisma's string filters (`{ contains: q, mode: "insensitive" }`): the value is matched as text. */
const TEXT_MATCH_KEYS = new Set(["contains", "startsWith", "endsWith", "search"]);

const STORE_WRITE_RE = /^(?:create|insert|add|save|update|upsert)[A-Z]/;
const KEY_NAME_RE = /^(?:_?id|uuid|pk|key|slug)$/i;

/**
 * An object literal of column values handed to a write: the record of a supabase-js
 * `.from(t).insert({ … })` / `.upsert` / `.update`, or the record or changes handed to a function
 * of the project named for writing stored data (`updateCall(callId, { transcript })`,
 * `createEvent({ text })`, `db.saveMessage({ text })`). A scalar in it is a stored column value,
 * not a query or a key (the docs: a scalar is reported as a query, key, path or redirect).
 */
function storedColumns(call: ts.CallExpression, arg: ts.Node, key: string | undefined, env: FlowEnv): boolean {
  if (!ts.isObjectLiteralExpression(unwrap(arg as ts.Expression))) return false;
  // `updateConnection(db, { id, status })`: a value at a key named for a row's key picks the row.
  if (key && KEY_NAME_RE.test(key)) return false;
  const name = calleeName(call);
  if (!name) return false;
  const index = call.arguments.indexOf(arg as ts.Expression);
  if ((name === "insert" || name === "upsert" || name === "update") && index === 0 && ts.isPropertyAccessExpression(call.expression)) {
    let e: ts.Expression = call.expression.expression;
    for (let i = 0; i < 8 && ts.isCallExpression(e) && ts.isPropertyAccessExpression(e.expression); i++) {
      if (e.expression.name.text === "from") return true;
      e = e.expression.expression;
    }
    return false;
  }
  if (!STORE_WRITE_RE.test(name)) return false;
  const store = ts.isIdentifier(call.expression) ? !!env.handles?.has(name) : isStoreMethodCall(call);
  return store && (index >= 1 || !/^(?:update|upsert)/.test(name));
}

/** The key a value is put at in an object literal (`{ id }`, `{ id: value }`), and that object. */
function keyOf(value: ts.Node): { name: string; object: ts.ObjectLiteralExpression } | undefined {
  const p = value.parent;
  const prop = p && ts.isShorthandPropertyAssignment(p) && p.name === value ? p : p && ts.isPropertyAssignment(p) && p.initializer === value ? p : undefined;
  if (!prop || !ts.isObjectLiteralExpression(prop.parent)) return undefined;
  const name = ts.isIdentifier(prop.name) || ts.isStringLiteral(prop.name) ? prop.name.text : undefined;
  return name ? { name, object: prop.parent } : undefined;
}

/** True when `held` is the object literal itself, through parentheses and casts. */
function isObjectOf(object: ts.ObjectLiteralExpression, held: ts.Node): boolean {
  let e: ts.Node = object;
  while (e !== held && e.parent && (ts.isParenthesizedExpression(e.parent) || ts.isAsExpression(e.parent) || ts.isSatisfiesExpression(e.parent))) e = e.parent;
  return e === held;
}

/**
 * The uses of a name holding an object with the input in it, after `from`: handed to a validator or a
 * sink whole, nested in another object, or, for the input's own `key`, read back (`pixRequest.transactionId`).
 */
function heldOutcome(name: string, scope: ts.Node, from: number, key: string | undefined, kind: ValueKind, env: FlowEnv): Outcome {
  for (const ref of findRefs(name, scope, from)) {
    const top = climb(ref);
    const q = top.parent;
    if (q && (ts.isCallExpression(q) || ts.isNewExpression(q)) && q.arguments?.includes(top as ts.Expression)) {
      const checked = ts.isCallExpression(q) ? handedToValidator(q, top, env) : undefined;
      if (checked) return checked;
      const sink = sinkKind(q, kind === "scalar" || kind === "any", env.handles, env.services);
      if (sink) return unsafe(q, sink);
      // `const requestData = { question, options }; Bun.write(file, JSON.stringify(requestData))`: serialized, it goes on as text.
      if (env.sinkOnly && ts.isCallExpression(q) && q.arguments[0] === top && isJsonStringify(q)) {
        const o = analyzeValue(q, "scalar", env);
        if (o) return o;
      }
    }
    if (q && (ts.isPropertyAssignment(q) || ts.isShorthandPropertyAssignment(q))) {
      const o = containerOutcome(q, kind, env);
      if (o) return o;
    }
    const read = ref.parent;
    if (key && read && ts.isPropertyAccessExpression(read) && read.expression === ref && read.name.text === key) {
      const o = analyzeValue(read, kind, env);
      if (o) return o;
    }
  }
  return undefined;
}

/**
 * True when every read of the scalar parameter `param` in its function only decides a boolean: an
 * operand of an equality (`rows.filter((r) => r.serverId === serverId)`), a truthiness test
 * (`if (!id) return []`), a log argument, or a hand-off to a helper of the same module whose
 * parameter is read only so (one level). The function takes nothing of the value on: it only picks
 * its own data by it.
 */
export function onlyCompared(param: ts.ParameterDeclaration, env: FlowEnv, nested = false): boolean {
  const fn = param.parent;
  if (!isFunctionLike(fn) || !fn.body || !ts.isIdentifier(param.name) || param.dotDotDotToken) return false;
  const refs = findRefs(param.name.text, fn.body, fn.body.pos);
  return refs.length > 0 && refs.every((ref) => readOnlyCompared(ref, env, nested));
}

function readOnlyCompared(ref: ts.Node, env: FlowEnv, nested: boolean): boolean {
  const top = climb(ref);
  const p = top.parent;
  if (!p) return false;
  if (ts.isBinaryExpression(p) && EQUALITY.has(p.operatorToken.kind)) return true;
  if (ts.isPrefixUnaryExpression(p) && p.operator === ts.SyntaxKind.ExclamationToken) return true;
  if ((ts.isIfStatement(p) && p.expression === top) || (ts.isConditionalExpression(p) && p.condition === top)) return true;
  if (promptText(top, 0)) return true;
  // `axios.get(url, { params: { term } })`: only encoded into an outbound query string (see outboundQueryParam).
  if (outboundQueryParam(top)) return true;
  // `pool.query("SELECT … WHERE session_id = $2", [userId, sessionId])`: an equality filter the store matches as it is.
  if (env.textScalars && filteredAsItIs(top, env)) return true;
  let arg: ts.Node = top;
  while (arg.parent && (ts.isShorthandPropertyAssignment(arg.parent) || (ts.isPropertyAssignment(arg.parent) && arg.parent.initializer === arg) || ts.isObjectLiteralExpression(arg.parent))) arg = arg.parent;
  const call = arg.parent;
  if (!call || !ts.isCallExpression(call) || !call.arguments.includes(arg as ts.Expression)) return false;
  if (isLogCall(call)) return true;
  if (nested || arg !== top || !ts.isIdentifier(call.expression)) return false;
  const helper = env.functions().get(call.expression.text);
  const hp = helper?.parameters[call.arguments.indexOf(top as ts.Expression)];
  return !!hp && onlyCompared(hp, env, true);
}

/** What the equality-filter test reads of the project and the input (see equality-filter.ts). */
function filterFacts(env: FlowEnv): FilterFacts {
  return { textField: env.textField, drizzleText: env.drizzleText, action: env.action };
}

/**
 * The (climbed) reference is only an equality filter the store matches as it is: `.eq("email", email)`,
 * a bound value in `[userId, sessionId]`, a column of a lookup's `where` (see equality-filter.ts).
 */
function filteredAsItIs(top: ts.Node, env: FlowEnv): boolean {
  let arg: ts.Node = top;
  while (arg.parent && (ts.isShorthandPropertyAssignment(arg.parent) || (ts.isPropertyAssignment(arg.parent) && arg.parent.initializer === arg) || ts.isObjectLiteralExpression(arg.parent))) arg = arg.parent;
  const list = arg === top && arg.parent && ts.isArrayLiteralExpression(arg.parent) ? arg.parent : undefined;
  const call = (list ?? arg).parent;
  if (!call || !ts.isCallExpression(call) || !call.arguments.includes((list ?? arg) as ts.Expression)) return false;
  return equalityFiltered(call, list ?? arg, top, filterFacts(env));
}

/**
 * Text that only becomes an AI model's prompt: `openai.chat.completions.create({ messages: [{ role:
 * "user", content: \`Explain ${topic}\` }] })`, also through a `const` holding the text. The docs: a
 * user's text sent to the model is not a use (the code exists to send it).
 */
function promptText(value: ts.Node, depth: number, env?: FlowEnv, texted = false): boolean {
  let cur = value;
  for (let i = 0; i < 16; i++) {
    const p = cur.parent;
    if (!p) return false;
    const text = ts.isTemplateSpan(p) || ts.isTemplateExpression(p) || (ts.isBinaryExpression(p) && p.operatorToken.kind === ts.SyntaxKind.PlusToken);
    if (text || isWrapper(p) || (ts.isPropertyAssignment(p) && p.initializer === cur) || ts.isShorthandPropertyAssignment(p) || ts.isObjectLiteralExpression(p) || ts.isArrayLiteralExpression(p)) {
      texted ||= text;
      cur = p;
      continue;
    }
    // (Or a function of the project whose parameter there only becomes a model's prompt: `extractComposer(body.text)`;
    // the value made text on the way, or the parameter declared `string`: a client's `messages` array handed whole to
    // `jsonChat(messages)` is a use, round 27's convention.)
    // (The AI SDK's `generateText({ prompt: \`Goal: ${goal}\` })` too, for a value made text on the way: its `messages` take
    // roles and parts, and a client's array handed there whole is a use.)
    if (ts.isCallExpression(p) && p.arguments.includes(cur as ts.Expression)) return isModelCallExpr(p) || (texted && isAiSdkCall(p)) || (!!env?.promptParam && env.promptParam(p, p.arguments.indexOf(cur as ts.Expression), texted));
    if (ts.isVariableDeclaration(p) && p.initializer === cur && ts.isIdentifier(p.name) && depth < 2 && (ts.getCombinedNodeFlags(p) & ts.NodeFlags.Const) !== 0) {
      const refs = findRefs(p.name.text, scopeOf(p), p.name.end);
      return refs.length > 0 && refs.every((r) => promptText(r, depth + 1, env, texted));
    }
    return false;
  }
  return false;
}

/**
 * The function's parameter only becomes a model's prompt: every read of it is text or a field that goes into a
 * model call's arguments (`{ role: "user", content: text }` in `openai.chat.completions.create`, `input: text` of
 * `openai.embeddings.create`, `messages` handed to one). Asked one hop away (see FlowEnv `promptParam`).
 */
export function paramOnlyPrompt(param: ts.ParameterDeclaration): boolean {
  const fn = param.parent;
  if (!isFunctionLike(fn) || !fn.body || !ts.isIdentifier(param.name) || param.dotDotDotToken) return false;
  const refs = findRefs(param.name.text, fn.body, fn.body.pos);
  return refs.length > 0 && refs.every((r) => promptText(r, 0));
}

/** An object literal holding the input handed to a validator, or to an imported function that validates it. */
function handedToValidator(call: ts.CallExpression, arg: ts.Node, env: FlowEnv): Outcome {
  const vk = validatorKind(call, arg, env.guards());
  if (vk === "throwing" || (vk === "checking" && isResultChecked(call))) return { kind: "validated" };
  const o = importedOutcome(call, arg, "structured", env);
  return o?.kind === "validated" ? o : undefined;
}

/** What a function does with the field `key` of its destructured parameter (`{ userId, referralCode }`); undefined when it takes no such field. */
export function parameterFieldOutcome(param: ts.ParameterDeclaration, key: string, kind: ValueKind, env: FlowEnv): Outcome {
  if (!ts.isObjectBindingPattern(param.name)) return undefined;
  const el = param.name.elements.find((e) => !e.dotDotDotToken && ts.isIdentifier(e.name) && (e.propertyName ? ts.isIdentifier(e.propertyName) && e.propertyName.text === key : (e.name as ts.Identifier).text === key));
  return el ? followName(el.name, param, kind, env) : undefined;
}

/**
 * Decides what happens to the input held by `expr`: the first unsafe use, a validation
 * (nothing to report), or undefined (no decisive use: nothing to report either).
 */
export function analyzeValue(expr: ts.Node, kind: ValueKind, env: FlowEnv): Outcome {
  // `if (!domain || typeof domain !== "string") return 400`: from here on the value is text as sent, like a route parameter.
  if (!env.textScalars && env.textFacts && (kind === "scalar" || kind === "any") && (ts.isIdentifier(expr) || ts.isPropertyAccessExpression(expr)) && stringTested(expr, env.sf)) {
    env = asText(env);
    kind = "scalar";
  }
  // A socket payload's argument tested to be a string (`if (!roomId || typeof roomId !== "string") return`): a plain
  // value from there on, kept or looked up like a form's text (held round 44, bonfire's `room:join`, decided clean).
  if (kind === "structured" && env.sinkOnly && ts.isIdentifier(expr) && stringTested(expr, env.sf)) kind = "scalar";
  const top = climb(expr);
  const p = top.parent;
  if (!p) return undefined;
  // `new URLSearchParams({ grant_type: "authorization_code", code, … })`: the code a field of the token request (oauth-code.ts).
  if ((kind === "scalar" || kind === "any") && (ts.isShorthandPropertyAssignment(p) || ts.isPropertyAssignment(p)) && oauthCodeExchanged(expr) && testedBefore(expr)) return { kind: "validated" };
  const structured = kind === "structured" || kind === "any";
  const scalarish = kind === "scalar" || kind === "any";
  // `return new Response(JSON.stringify(data))` with the reply's status never tested: an error body answered as the data.
  const relayed = env.remoteReply && kind === "structured" ? replyRelayedUntested(top) : undefined;
  if (relayed) return unsafe(relayed, "relayed");
  // `if (Array.isArray(payload)) list = payload`, then only `list.length`: a count.
  if (structured && (ts.isBinaryExpression(p) || ts.isVariableDeclaration(p) || ts.isConditionalExpression(p)) && arrayOnlyCounted(top as ts.Expression)) return undefined;

  if (ts.isPropertyAccessExpression(p) && p.expression === top) {
    // `if (!Array.isArray(chain) || !chain.every((c) => PROVIDERS.includes(c))) return …`: every element one of the server's values.
    if (p.name.text === "every" && p.parent && ts.isCallExpression(p.parent) && p.parent.expression === p && isConditionPosition(climb(p.parent)) && elementAllowlist(p.parent)) return { kind: "validated" };
    // A field of any shape: string methods and `.length` read no field of it (`email.trim()`).
    if (kind === "any") {
      const call = p.parent && ts.isCallExpression(p.parent) && p.parent.expression === p ? p.parent : undefined;
      // What a string-only method returns is a string (on any other value it throws): a scalar from there on.
      if (call && STRING_TRANSFORMS.has(p.name.text) && !ARRAY_TOO.has(p.name.text)) {
        // `if (!text || text.trim().length === 0) return 400`: the length check runs on what the method returned; a
        // number or an array throws at the method first (a 500), so its type is not decided there.
        const o = analyzeValue(call, "scalar", env);
        // (A strip to a fixed alphabet, `cnpj.replace(/\D/g, "")` with an exact length, is a format check of its own.)
        const lengthRead = !!call.parent && ts.isPropertyAccessExpression(call.parent) && call.parent.expression === call && call.parent.name.text === "length";
        // (A socket payload's text is judged by where it goes, not by a crash of its read.)
        if (env.sinkOnly) return o;
        // `email.trim() !== ""` is the same emptiness check as `email.trim().length === 0` (held round 32,
        // RbnHoodX/jewerly-magento-backend `/api/email/test`, a decided finding at the body's read).
        if (o?.kind !== "unsafe" && TRIMS.has(p.name.text) && comparedToEmpty(call) && !typeofGuarded(top as ts.Expression, env.sf)) return unsafe(call, "property read");
        return o?.kind === "validated" && lengthRead && TRIMS.has(p.name.text) && !typeofGuarded(top as ts.Expression, env.sf) ? unsafe(call, "property read") : o;
      }
      // (`!email.includes("@")` decides nothing of the shape: an array holding "@" passes it too; held round 37's newsletter.)
      if (call && p.name.text === "includes" && isConditionPosition(climb(call))) return undefined;
      if (call && (p.name.text === "startsWith" || p.name.text === "endsWith") && isConditionPosition(climb(call))) return setsAsideOnly(climb(call), top, isLogCall) || rawPrefixBeforeFile(top, p.name.text) || messagePrefixDispatch(top, call, p.name.text, env) ? undefined : { kind: "validated" };
      if (p.name.text === "length") return undefined;
    }
    if (structured) {
      // A socket payload's field (`data.roomId`): judged by where it goes, like the payload.
      if (env.sinkOnly) return analyzeValue(p, "any", env);
      // `typeof item === "string" ? item.trim() : ""`: a value its own `typeof` test decided is a string, so a
      // string method reads no field of it; what comes out is a string, judged as one from there on.
      const call = p.parent && ts.isCallExpression(p.parent) && p.parent.expression === p ? p.parent : undefined;
      if (call && STRING_TRANSFORMS.has(p.name.text) && !ARRAY_TOO.has(p.name.text) && ts.isIdentifier(expr) && typeofGuarded(expr, env.sf)) return analyzeValue(call, "scalar", env);
      const promised = promiseOutcome(p, top, kind, env);
      if (promised !== false) return promised;
      // `if (!Array.isArray(zips)) return 400;` then `zips.filter((z) => /^\d{5}$/.test(z))`, and nothing else of it but its
      // length and tests: only elements a scalar check passes go on (see scalarFilter).
      if (ts.isIdentifier(top) && scalarFilter(top, p) && typeofGuarded(top, env.sf, "Array.isArray(") && onlyFiltered(top)) return { kind: "validated" };
      // `Array.isArray(data?.members) ? data.members : []`: a field its own test decided is an array, judged by where it goes.
      if (!p.questionDotToken && !(p.parent && ts.isCallExpression(p.parent) && p.parent.expression === p) && arrayPicked(p)) return analyzeValue(p, kind, env);
      // `JSON.parse(raw.replace(/^\)\]\}'\n/, ""))`: a reply read as text, its prefix cut off, parsed on its own.
      if (env.parsedOnItsOwn && textCutParsed(p, env.parsedOnItsOwn)) return undefined;
      return fieldNotUsed(p, env) ? undefined : unsafe(p, "property read");
    }
    if (kind === "bag") {
      const n = p.name.text;
      if ((n === "get" || n === "getAll") && p.parent && ts.isCallExpression(p.parent) && p.parent.expression === p) return analyzeValue(p.parent, "scalar", env);
      if (n === "has" || n === "entries" || n === "keys" || n === "forEach" || n === "values") return undefined;
      return analyzeValue(p, "scalar", env);
    }
    // scalar
    const n = p.name.text;
    const call = p.parent && ts.isCallExpression(p.parent) && p.parent.expression === p ? p.parent : undefined;
    if (call && STRING_TRANSFORMS.has(n)) return analyzeValue(call, "scalar", env);
    // An uploaded file from a form (`formData.get("logo") as File`): `file.name` is the name the client chose.
    if (!call && n === "name") return analyzeValue(p, "scalar", env);
    // `new URL(to, base)`, then `if (!ALLOWED_HOSTS.has(target.hostname)) return …`: the host allowlisted decides the URL.
    if (!call && URL_HOST_PARTS.has(n)) {
      const o = analyzeValue(p, "scalar", env);
      return o?.kind === "validated" ? o : undefined;
    }
    // `name.split(".").pop()`: the extension the client chose.
    if (call && n === "split") {
      const piece = splitPiece(call);
      return piece ? analyzeValue(piece, "scalar", env) : splitPiecesOutcome(call, env);
    }
    if (call && (n === "startsWith" || n === "endsWith" || n === "match" || n === "includes") && isConditionPosition(climb(call))) return branchOnly(climb(call)) || ((n === "startsWith" || n === "endsWith") && (setsAsideOnly(climb(call), top, isLogCall) || rawPrefixBeforeFile(top, n) || messagePrefixDispatch(top, call, n, env))) ? undefined : { kind: "validated" };
    if (call && n === "match") return { kind: "validated" };
    // `text.length > 50 ? text.slice(0, 47) + "..." : text`: a message's length only picks between the text and
    // its truncation; either way the text goes on as the user wrote it (a title, a preview), nothing is refused.
    if (n === "length" && p.parent && ts.isBinaryExpression(p.parent) && env.message && truncationTest(p.parent)) return undefined;
    if (n === "length" && p.parent && ts.isBinaryExpression(p.parent)) return { kind: "validated" };
    return undefined;
  }

  if (ts.isElementAccessExpression(p)) {
    if (p.expression === top) {
      if (structured && env.sinkOnly) return analyzeValue(p, "any", env);
      // `const value = record[key]; return typeof value === "string" ? value : fallback`: decided like `const v = record.x`.
      if (structured) return elementDecided(p, env) || modelTextRead(p, env) || (env.remoteReply && replyReadRelayed(p)) ? undefined : unsafe(p, "property read");
      if (kind === "bag" && (ts.isStringLiteral(p.argumentExpression) || ts.isNoSubstitutionTemplateLiteral(p.argumentExpression))) return analyzeValue(p, "scalar", env);
      return undefined;
    }
    if (p.argumentExpression === top && scalarish) return numericKey(top) ? undefined : ownKeyGuarded(p) || tableGate(p) ? { kind: "validated" } : unsafe(p, "property key");
    return undefined;
  }
  // `if (Object.prototype.hasOwnProperty.call(body, key))`, `Object.hasOwn(body, key)`: an own-key test reads no field.
  if (structured && ts.isCallExpression(p) && p.arguments[0] === top && OWN_KEY_TESTS.has(p.expression.getText(env.sf)) && isConditionPosition(climb(p))) return undefined;

  if (ts.isVariableDeclaration(p) && p.initializer === top) {
    // `const { roomId } = data` in a socket handler, outside a `try`: an event emitted with no payload throws
    // there, in the listener, which the socket library runs in the server's process.
    if (env.sinkOnly && env.depth === 0 && kind !== "scalar" && !ts.isIdentifier(p.name) && !insideTry(p)) return unsafe(p, "destructured");
    // `const { authorization_url, reference } = response.data` of an awaited axios reply, each name only answered back.
    if (structured && env.remoteReply && destructuredReplyRelayed(p)) return undefined;
    return followName(p.name, p, kind, env);
  }
  // `typeof field === "string"` decides the shape of a value of any shape.
  // Only a `typeof` that is tested decides: `usernameType: typeof username` in a log line checks nothing.
  if (kind === "any" && ts.isTypeOfExpression(p)) return typeofTested(p) ? { kind: "validated" } : undefined;

  if (ts.isComputedPropertyName(p) && scalarish) return unsafe(p.parent ?? p, "property key");
  // `+id`: a coercion like `Number(id)`, no check: the number goes on (NaN included).
  if (scalarish && ts.isPrefixUnaryExpression(p) && p.operator === ts.SyntaxKind.PlusToken) return analyzeValue(p, "scalar", env);

  // A socket payload's list spread into a collection the server keeps (`history.push(...data.items)`): stored.
  if (structured && env.sinkOnly && ts.isSpreadElement(p)) return kind === "structured" && !env.uiState && ts.isCallExpression(p.parent) && keptBy(p.parent, p) ? unsafe(p.parent, "stored") : undefined;
  // `all = [...all, ...repos]`: every element is handed on, unchecked.
  if (structured && ts.isSpreadElement(p) && ts.isArrayLiteralExpression(p.parent)) return unsafe(p, "spread");
  // `allBranches.push(...branches)`: every element handed on, as into an array literal (a log line's arguments excepted).
  // Into a local typed `unknown[]`, the items go in as `unknown` (unknown-array.ts).
  if (structured && ts.isSpreadElement(p) && ts.isCallExpression(p.parent) && p.parent.arguments.includes(p) && !isLogCall(p.parent)) return pushesIntoUnknownArray(p.parent) ? undefined : unsafe(p, "spread");
  if (ts.isSpreadAssignment(p)) {
    if (kind === "scalar") return undefined;
    if (kind === "bag") return containerOutcome(p, kind, env);
    if (env.remoteReply && replySpreadRelayed(top, p)) return undefined;
    // `console.log("creating user", { ...req.body, password: "[REDACTED]" })`: spread into a log line's object, only logged.
    if (loggedOrEchoed(p.parent, false)) return undefined;
    // `const body = { ...req.body }` only logged after (logged-copy.ts).
    if (copyOnlyLogged(p.parent, isLogCall)) return undefined;
    // `const message = { ...data, id: uuid() }` of a socket payload: the object decides, by where it goes (kept, stored, or only emitted).
    if (env.sinkOnly) return analyzeValue(p.parent, "structured", env);
    // `const preNormalizedBody = { ...req.body }` before `req.body = schema.parse(req.body)`: only logged, or its fields read after the parse.
    if (copiedBeforeParse(p, env.guards())) return undefined;
    // `Schema.parse({ ...req.body, complaintId: req.params.id })`: the object the input is spread into is what the validator checks.
    const checked = containerOutcome(p, kind, env);
    return checked?.kind === "validated" ? checked : unsafe(p, "spread");
  }

  // `const [mcpRes, oidcRes] = await Promise.all([fetch(a).then((r) => r.json()), …])`: each element goes on under the
  // name bound at its place in the list (promise-all.ts).
  const allBound = ts.isArrayLiteralExpression(p) ? promiseAllBinding(p, top) : undefined;
  if (allBound) return followName(allBound.name, allBound, kind, env);
  if ((ts.isPropertyAssignment(p) && p.initializer === top) || ts.isShorthandPropertyAssignment(p) || ts.isArrayLiteralExpression(p)) {
    if (ts.isPropertyAssignment(p) && forwardedByProxy(p, top)) return undefined;
    return containerOutcome(top, kind, env);
  }

  // `mongoose.Types.ObjectId(id)`, `new ObjectId(id)`: a cast like `Number(id)`, no check: the id goes on
  // (a malformed one throws a 500 instead of a 400, as in `findById(id)`).
  if (scalarish && isObjectIdCast(p, top)) return analyzeValue(p, "scalar", env);
  // `return new Promise((resolve) => … resolve(JSON.parse(body)))`: the promise hands the value to the helper's callers.
  const promise = ts.isCallExpression(p) && p.arguments[0] === top ? resolvedPromise(p) : undefined;
  if (promise) return returnOutcome(promise, kind, env);
  // `globalChatHistory.push(message)` of a socket payload (or an object it is spread into): kept by the server.
  // (Its fields kept so are plain values: a scalar stored is no use, like a form's.)
  if (env.sinkOnly && kind === "structured" && !env.uiState && ts.isCallExpression(p) && keptBy(p, top)) return unsafe(p, "stored");
  // `params.push(limit)` into a local array (`const params: unknown[] = []`): the value goes wherever the array goes (`query(sql, params)`).
  if (scalarish && ts.isCallExpression(p) && p.arguments.includes(top as ts.Expression) && (calleeName(p) === "push" || calleeName(p) === "unshift") && ts.isPropertyAccessExpression(p.expression) && ts.isIdentifier(p.expression.expression)) return localObjectOutcome(p.expression.expression, kind, env);
  if (ts.isCallExpression(p) && p.arguments.includes(top as ts.Expression)) return callOutcome(p, top, kind, env);
  if (ts.isNewExpression(p) && p.arguments?.includes(top as ts.Expression)) {
    // `new URL(next, url.origin)`: an absolute or `//host` value replaces the base, so the URL is the value's.
    if (scalarish && p.arguments[0] === top && ts.isIdentifier(p.expression) && p.expression.text === "URL") return analyzeValue(p, "scalar", env);
    if (structured && dtoCopy(p, top)) return analyzeValue(p, kind, env);
    const sink = sinkKind(p, scalarish, env.handles, env.services);
    // `const entity = new ResidentEntity(c.env, id); if (!(await entity.exists())) return notFound(c)`: looked up first.
    if (sink === "database" && scalarish && existsCheckedFirst(p)) return { kind: "validated" };
    return sink ? unsafe(p, sink) : undefined;
  }

  if (ts.isBinaryExpression(p)) {
    const op = p.operatorToken.kind;
    // `const update = event.body && JSON.parse(event.body)`: behind a presence guard, the value goes on.
    if (op === ts.SyntaxKind.AmpersandAmpersandToken && p.right === top && !isConditionPosition(p)) return analyzeValue(p, kind, env);
    // `printReceipt(data ?? { items: [] })`: behind a fallback, the value goes on whenever it is present.
    if (structured && (op === ts.SyntaxKind.QuestionQuestionToken || op === ts.SyntaxKind.BarBarToken) && p.left === top && !isConditionPosition(p)) return analyzeValue(p, kind, env);
    if (op === ts.SyntaxKind.EqualsToken && p.right === top) {
      // `stats.value = await response.json()` into a Vue `ref`: handed to the UI, like a React state setter.
      if (structured && env.remoteReply && vueRefValue(p.left)) return undefined;
      // (A socket payload's value assigned into an object only counts in the server's own state: `this.state = data`.)
      if (kind === "structured" && env.sinkOnly && !env.uiState && (ts.isPropertyAccessExpression(p.left) || ts.isElementAccessExpression(p.left)) && longLived(p.left)) return unsafe(p, "stored");
      if (structured && !env.sinkOnly && (ts.isPropertyAccessExpression(p.left) || ts.isElementAccessExpression(p.left))) return unsafe(p, "assigned into another object");
      if (ts.isIdentifier(p.left)) return outerLetOutcome(p.left, kind, env);
      // `session.conversationTitle = title`: a message's value kept in an object whose class saves that field later.
      if (scalarish && env.message && ts.isPropertyAccessExpression(p.left) && env.persistedField?.(p.left.expression, p.left.name.text)) return unsafe(p, "saved");
      if (scalarish && (ts.isPropertyAccessExpression(p.left) || ts.isElementAccessExpression(p.left)) && ts.isIdentifier(p.left.expression)) return localObjectOutcome(p.left.expression, kind, env);
      return undefined;
    }
    // `"select * from t where id = " + id`: the built string goes on (to a query, a path, a URL).
    if (scalarish && op === ts.SyntaxKind.PlusToken) {
      const other = p.left === top ? p.right : p.left;
      if (ts.isStringLiteral(other) || ts.isNoSubstitutionTemplateLiteral(other) || ts.isTemplateExpression(other)) {
        const o = analyzeValue(p, "scalar", env);
        if (o?.kind === "unsafe" && p.right === top && fixedPrefix(o.why, ts.isTemplateExpression(other) ? other.head.text : other.text)) return undefined;
        return o;
      }
    }
    // `cb(null, uniqueSuffix + "-" + file.originalname)`: the client's name at the end of the name multer writes (its extension too).
    if (scalarish && op === ts.SyntaxKind.PlusToken && p.right === top) {
      const o = analyzeValue(p, "scalar", env);
      if (o?.kind === "unsafe" && o.why === "file" && ts.isCallExpression(o.at) && o.at.arguments[1] && diskStorageNameCall(o.at, o.at.arguments[1])) return o;
    }
    // `const offset = (page - 1) * limit`, then `.range(offset, offset + limit - 1)`: a number worked out
    // from an unchecked one still sizes or offsets the query it pages (and only that: elsewhere the result is a number).
    if (scalarish && ARITHMETIC.has(op)) {
      const o = analyzeValue(p, "scalar", env);
      return o?.kind === "unsafe" && ((ts.isCallExpression(o.at) && PAGING_CALLS.has(calleeName(o.at) ?? "")) || sqlPagingValue(p)) ? o : undefined;
    }
    // `const product = products.find((p) => p._id.toString() === productId); if (!product) return;`: only
    // the ids of the server's own list get past, an allowlist (like a lookup that ends when nothing matched).
    if (scalarish && (op === ts.SyntaxKind.EqualsEqualsEqualsToken || op === ts.SyntaxKind.EqualsEqualsToken) && foundInOwnList(p)) return { kind: "validated" };
    // `if (username !== config.adminUsername) return 401`: only the server's configured value gets past.
    if (scalarish && isNegatedEquality(p) && configuredValue(p.left === top ? p.right : p.left) && setsAsideOnly(p, top, isLogCall)) return { kind: "validated" };
    if (kind === "scalar") {
      if (op === ts.SyntaxKind.LessThanToken || op === ts.SyntaxKind.GreaterThanToken || op === ts.SyntaxKind.LessThanEqualsToken || op === ts.SyntaxKind.GreaterThanEqualsToken) return { kind: "validated" };
      if (op === ts.SyntaxKind.EqualsEqualsEqualsToken || op === ts.SyntaxKind.ExclamationEqualsEqualsToken) {
        const other = p.left === top ? p.right : p.left;
        // `if (userId !== "") { …insert… }`: the empty string sets aside no value but one, a presence test, not an allowlist.
        if (ts.isStringLiteral(other) && other.text === "") return undefined;
        if (ts.isStringLiteral(other) || ts.isNumericLiteral(other)) return (!isNegatedEquality(p) && setsAsideOnly(p, top, isLogCall)) || otherValuesBranchUses(p, top) ? undefined : { kind: "validated" };
      }
    }
    return undefined;
  }

  // `if (!Array.isArray(ids)) throw …; for (const id of ids) map.get(id)`: each element is judged in the loop, like a callback's.
  // (Also over `parsed = Array.isArray(data) ? data : [data]`: an array whatever the document was.)
  if (ts.isForOfStatement(p) && p.expression === top && structured && (typeofGuarded(top as ts.Expression, env.sf, "Array.isArray(") || arrayByConstruction(top)) && loopElementsJudged(p, env)) return undefined;
  if ((ts.isForOfStatement(p) || ts.isForInStatement(p)) && p.expression === top) return structured && !env.sinkOnly ? unsafe(p.expression, "iterated") : undefined;
  if (kind === "scalar" && ts.isSwitchStatement(p) && p.expression === top && allowlistSwitch(p, top)) return { kind: "validated" };

  if (ts.isTemplateSpan(p) && scalarish) {
    const tpl = p.parent;
    // `` sql`… where id = ${id}` ``: bound, the value stays out of the SQL text, not its format unchecked (as `$1`).
    if (tpl.parent && ts.isTaggedTemplateExpression(tpl.parent)) return isSqlTag(tpl.parent) && !(kind === "scalar" && env.textScalars && sqlTagRead(tpl, p)) ? unsafe(tpl.parent, "database") : undefined;
    if (likePatternParameter(tpl)) return undefined;
    const o = analyzeValue(tpl, "scalar", env);
    if (o?.kind === "unsafe" && ts.isTemplateExpression(tpl) && (fixedPrefix(o.why, tpl.head.text) || (p !== tpl.templateSpans[0] && fixedOriginSpan(o.why, tpl)))) return o.why === "outbound URL" && (keyedQueryValue(tpl, p) || (inQueryString(tpl, p) && keyedHeaders(o.at))) ? unsafe(o.at, "keyed query") : undefined;
    // `queryUrl += \`&name=ilike.*${search}*\``: a parameter appended to a URL the code built on a fixed origin.
    if (!o && ts.isTemplateExpression(tpl)) {
      const appended = appendedQueryUse(tpl, env);
      if (appended) return appended;
    }
    return o;
  }

  if (ts.isReturnStatement(p) || (ts.isArrowFunction(p) && p.body === top)) return returnOutcome(p, kind, env);
  return undefined;
}

/**
 * `digits.startsWith("1") ? \`+${digits}\` : \`+1${digits}\``: the test only picks a branch of a conditional expression,
 * and the value goes on whichever it picks: it rejects nothing (held round 37's Twilio webhook).
 */
function branchOnly(test: ts.Node): boolean {
  const p = test.parent;
  return !!p && ts.isConditionalExpression(p) && p.condition === test;
}

/**
 * `` Prisma.sql`… OFFSET ${(skip - 1) * take}` ``: a number worked out from the value is the `LIMIT` or
 * `OFFSET` of a raw SQL query, the same paging as `.skip(x)` (a `NaN` fails the query).
 */
function sqlPagingValue(e: ts.Expression): boolean {
  let cur: ts.Node = e;
  let p = cur.parent;
  while (p && (ts.isParenthesizedExpression(p) || (ts.isConditionalExpression(p) && p.condition !== cur) || (ts.isBinaryExpression(p) && ARITHMETIC.has(p.operatorToken.kind)))) {
    cur = p;
    p = p.parent;
  }
  if (!p || !ts.isTemplateSpan(p) || !p.parent.parent || !ts.isTaggedTemplateExpression(p.parent.parent) || !isSqlTag(p.parent.parent)) return false;
  const spans = p.parent.templateSpans;
  const i = spans.indexOf(p);
  const before = i === 0 ? p.parent.head.text : spans[i - 1]!.literal.text;
  return /\b(?:LIMIT|OFFSET)\s*$/i.test(before);
}

/**
 * `skip === 0 ? 0 : (skip - 1) * take`: the comparison only picks a branch of a conditional expression,
 * and the branch every other value takes uses the value again: it rejects nothing (production
 * hoppscotch's team-collection search, where a `parseInt`ed query string pages a raw SQL query).
 * `kind === "a" ? 1 : 2` maps the value to constants and stays a check.
 */
function otherValuesBranchUses(test: ts.BinaryExpression, value: ts.Node): boolean {
  if (!branchOnly(test)) return false;
  const c = test.parent as ts.ConditionalExpression;
  const rest = isNegatedEquality(test) ? c.whenTrue : c.whenFalse;
  const text = value.getText();
  let used = false;
  const visit = (n: ts.Node): void => {
    if (used) return;
    if ((ts.isIdentifier(n) || ts.isPropertyAccessExpression(n)) && n.getText() === text) used = true;
    else ts.forEachChild(n, visit);
  };
  visit(rest);
  return used;
}

/** `text.trim() === ""`, `"" !== name.trim()`: the trimmed text compared with the empty string. */
function comparedToEmpty(call: ts.CallExpression): boolean {
  const top = climb(call);
  const b = top.parent;
  if (!b || !ts.isBinaryExpression(b) || !EQUALITY.has(b.operatorToken.kind)) return false;
  const other = unwrap(b.left === top ? b.right : b.left);
  return ts.isStringLiteralLike(other) && other.text === "";
}

/**
 * `Object.hasOwn(METHOD_BY_TYPE, type) ? METHOD_BY_TYPE[type] : undefined`, also `MAP.hasOwnProperty(type)` and
 * the `if` it guards: only the map's own keys get to the read, an allowlist (`__proto__` is no own key).
 */
function ownKeyGuarded(access: ts.ElementAccessExpression): boolean {
  const sf = access.getSourceFile();
  const obj = access.expression.getText(sf).replace(/\s+/g, "");
  const key = unwrap(access.argumentExpression).getText(sf).replace(/\s+/g, "");
  const guards = (cond: ts.Expression) => {
    const t = cond.getText(sf).replace(/\s+/g, "");
    return t.includes(`Object.hasOwn(${obj},${key})`) || t.includes(`${obj}.hasOwnProperty(${key})`) || t.includes(`Object.prototype.hasOwnProperty.call(${obj},${key})`);
  };
  let cur: ts.Node = access;
  for (let n = access.parent; n && !isFunctionLike(n); cur = n, n = n.parent) {
    if (ts.isConditionalExpression(n) && n.whenTrue === cur && guards(n.condition)) return true;
    if (ts.isIfStatement(n) && n.thenStatement === cur && guards(n.expression)) return true;
    if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken && n.right === cur && guards(n.left)) return true;
  }
  return false;
}

/**
 * `` params.push(`%${search}%`) ``, `` [`%${q}%`] ``: a LIKE pattern built around the value (only `%`
 * around it) and handed on whole as a bound parameter, never joined into more text: it is text by
 * construction, compared as text; only the pattern's wildcards are the caller's.
 */
function likePatternParameter(tpl: ts.TemplateLiteral): boolean {
  if (!ts.isTemplateExpression(tpl) || !/^%?$/.test(tpl.head.text) || !tpl.templateSpans.every((s) => /^%?$/.test(s.literal.text))) return false;
  if (!tpl.head.text && !tpl.templateSpans.some((s) => s.literal.text)) return false;
  const at = climb(tpl).parent;
  return !!at && (ts.isArrayLiteralExpression(at) || (ts.isCallExpression(at) && calleeName(at) === "push") || ts.isPropertyAssignment(at));
}

/**
 * `res.json().catch(() => null)` / `.finally(…)` hand the promised value on unchanged (its use
 * decides); `.then((data) => …)` reads it in the callback. `false`: not a promise method.
 */
function promiseOutcome(p: ts.PropertyAccessExpression, top: ts.Node, kind: ValueKind, env: FlowEnv): Outcome | false {
  const n = p.name.text;
  const call = p.parent && ts.isCallExpression(p.parent) && p.parent.expression === p ? p.parent : undefined;
  if (!call || !ts.isCallExpression(top) || (n !== "catch" && n !== "finally" && n !== "then")) return false;
  if (n !== "then") return analyzeValue(call, kind, env);
  const cb = call.arguments[0];
  if (!cb || !(ts.isArrowFunction(cb) || ts.isFunctionExpression(cb))) return false;
  const param = cb.parameters[0];
  if (!param) return undefined;
  if (!ts.isIdentifier(param.name)) return unsafe(param.name, "destructured");
  for (const ref of findRefs(param.name.text, cb.body, cb.body.pos)) {
    const o = analyzeValue(ref, kind, env);
    if (o) return o;
  }
  return undefined;
}

// The project's own logging module: `./logger`, `../lib/logging.js`, `@/utils/log`.
const LOGGER_MODULE_RE = /(?:^|[/\\])(?:log|logger|logging)(?:\.[cm]?[jt]s)?$/i;
const loggerImportsOf = new TreeMemo<ts.SourceFile, ReadonlySet<string>>();

/** Functions the module imports from the project's logging module (`import { logSubscription } from "./logger"`): log lines. */
function loggerImports(sf: ts.SourceFile): ReadonlySet<string> {
  let out = loggerImportsOf.get(sf);
  if (out) return out;
  const names = new Set<string>();
  for (const st of sf.statements) {
    if (!ts.isImportDeclaration(st) || !ts.isStringLiteral(st.moduleSpecifier) || (!st.moduleSpecifier.text.startsWith(".") && !/^[@~#]\//.test(st.moduleSpecifier.text))) continue;
    if (!LOGGER_MODULE_RE.test(st.moduleSpecifier.text)) continue;
    const nb = st.importClause?.namedBindings;
    if (nb && ts.isNamedImports(nb)) for (const el of nb.elements) names.add(el.name.text);
  }
  out = names;
  loggerImportsOf.set(sf, out);
  return out;
}

const LOG_ROOTS = new Set(["console", "logger", "log", "Logger", "LOGGER", "winston", "pino", "consola"]);

/** `console.error(…)`, `logger.info(…)`, `this.logger.warn(…)`, `log(…)`. */
export function isLogCall(call: ts.CallExpression): boolean {
  const recv = receiverSegments(call);
  if (recv.length === 0) return ts.isIdentifier(call.expression) && (/^(?:log|debug|info|warn|error)$/.test(call.expression.text) || loggerImports(call.getSourceFile()).has(call.expression.text));
  return LOG_ROOTS.has(recv[0] === "this" ? (recv[1] ?? "") : recv[0]!) || recv[recv.length - 1] === "log" || recv[recv.length - 1] === "logger";
}

/**
 * `if (req.body.webhook_id) return res.json({ webhook_id: req.body.webhook_id })`: a request's field
 * tested for presence whose other reads in the handler are only logged or echoed back, like a
 * destructured field "only presence-tested besides being only logged or echoed". A field only ever
 * tested (`if (req.body.skipAuth) …`) decides the handler's path, and one read anywhere else is
 * judged there: both stay a use.
 */
function presenceTestBeforeUse(p: ts.PropertyAccessExpression, use: ts.Node, env: FlowEnv): boolean {
  if (use !== p || !isConditionPosition(use)) return false;
  const fn = enclosingFunction(p);
  if (!fn?.body) return false;
  let echoed = 0;
  for (const n of fieldReadsOf(fn.body).get(p.getText()) ?? []) {
    if (n === p) continue;
    const at = climb(n);
    if (loggedOrEchoed(at, true) || scalarChecked(n, at, env)) echoed++;
    else if (isConditionPosition(at)) continue;
    // `if (!body.email) return 400; if (!EMAIL_RE.test(body.email)) return 400; forgotPassword(body.email)`: a read
    // a check of its own decides (the regex test, and the call it let through) is no use, like a destructured field's.
    else if (decidedByOwnCheck(n, env)) echoed++;
    else return false;
  }
  return echoed > 0;
}

/**
 * The read is a check of the field (`typeof`, a regex `test`, a check method's argument) or sits where such a check
 * has decided it (the guarded branch, below an exiting `if`): what a field presence-tested first reads next.
 */
function decidedByOwnCheck(n: ts.PropertyAccessExpression, env: FlowEnv): boolean {
  const use = climb(n);
  const q = use.parent;
  if (!q) return false;
  if (ts.isTypeOfExpression(q) || isRegexTest(q, use) || isCheckMethodArg(q, use)) return true;
  return typeofGuarded(n, env.sf) || negatedCheckBefore(n, env.sf) || typeGuardedBefore(n, env.sf, env.guards()) || typeGuardedBranch(n, env.sf, env.guards());
}

/**
 * `if (isValidObjectId(req.body.technicianId)) notify(issue, req.body.technicianId)`: the field's read is the
 * argument of a scalar check in a condition, or is read in the branch such a check chose (see typeGuardedBranch;
 * held round 35, BUP-Maintenance-HUB notification-middleware.js:56, read for the brief: clean).
 */
function scalarChecked(n: ts.PropertyAccessExpression, at: ts.Node, env: FlowEnv): boolean {
  const call = at.parent;
  if (call && ts.isCallExpression(call) && call.arguments.length === 1 && call.arguments[0] === at && isConditionPosition(climb(call)) && isScalarCheckCall(call, at)) return true;
  return typeGuardedBranch(n, env.sf, env.guards());
}

const fieldReads = new TreeMemo<ts.Node, Map<string, ts.PropertyAccessExpression[]>>();

/** A function body's property reads by their text (`req.body.webhook_id`), gathered in one pass per body. */
function fieldReadsOf(body: ts.Node): Map<string, ts.PropertyAccessExpression[]> {
  let out = fieldReads.get(body);
  if (out) return out;
  const sf = body.getSourceFile();
  const found = new Map<string, ts.PropertyAccessExpression[]>();
  const visit = (n: ts.Node): void => {
    if (ts.isPropertyAccessExpression(n)) {
      const t = n.getText(sf);
      (found.get(t) ?? found.set(t, []).get(t)!).push(n);
    }
    ts.forEachChild(n, visit);
  };
  visit(body);
  fieldReads.set(body, (out = found));
  return out;
}

/**
 * A field read that is no use of the input: only logged, a `typeof`/`in`/`instanceof` guard,
 * handed to a validator (`Item.parse(body.item)`), or read where a `typeof` guard on the same
 * field has already decided (the rest of the condition, the guarded branch, after an exiting `if`).
 */
function fieldNotUsed(p: ts.PropertyAccessExpression, env: FlowEnv): boolean {
  // `req.body.toString("utf8")` (a raw Buffer body): every value has it; reading it reads no field.
  if (p.name.text === "toString" && p.parent && ts.isCallExpression(p.parent) && p.parent.expression === p) return true;
  const use = climb(p);
  const q = use.parent;
  if (!q) return false;
  if (ts.isTypeOfExpression(q)) return true;
  // `const deps = { ...(pkg?.dependencies as Record<string, unknown>) }` with only `Object.hasOwn(deps, name)` after: keys, no value.
  if (ts.isSpreadAssignment(q) && spreadOnlyKeyTested(q)) return true;
  // A field of a remote reply that only decides a boolean, is logged, words an error or is answered back.
  if (env.remoteReply ? replyReadRelayed(p) : replyFieldRelayed(p, false, false)) return true;
  // `(ctx.request.body as any).stream = true`: a field written into the input reads nothing of it.
  if (ts.isBinaryExpression(q) && q.left === use && q.operatorToken.kind === ts.SyntaxKind.EqualsToken) return true;
  // `/^\d{4,8}$/.test(body.pin)`: a check, like a `typeof`.
  if (isRegexTest(q, use) || isCheckMethodArg(q, use)) return true;
  // `if (!req.body || !req.body.data) return …`, `if (!body.values || typeof body.values !== "object") return …`:
  // a truthiness test that cannot crash, or that is part of the field's own check.
  const chain = chainEnd(p);
  const chainUse = climb(chain);
  if (isConditionPosition(chainUse) && (presenceChained(p, chain, chainUse, env.sf) || checkedInOwnCondition(chainUse, chain, env.sf))) return true;
  // `if (input.public !== undefined && typeof input.public !== "boolean") return …`: an optional field's own check, which
  // lets its absence through (production Cap's server actions, session 36).
  if (ts.isBinaryExpression(q) && comparedToAbsent(q, use) && checkedInOwnCondition(q, p, env.sf)) return true;
  if (ts.isCallExpression(q) && q.arguments[0] === use && isArrayCheck(q)) return true;
  // `Array.isArray(json?.rate_response?.rates)`: a chain of optional links only tested for being an array cannot crash.
  const tested = chainUse.parent;
  if (tested && ts.isCallExpression(tested) && tested.arguments[0] === chainUse && isArrayCheck(tested) && !!p.questionDotToken && chain !== p && optionalLinks(p, chain)) return true;
  // `data.output && … && data.output[0] && … && Array.isArray(data.output[0].content)`: each plain link guarded by a
  // passed test of its path (see linkGuarded), through numeric elements too, and the end only tested for being an array
  // (choice-story `text-generation.ts:51`, retired held round 41, decided clean).
  if (linkGuarded(p)) {
    const end = optionalChainEnd(p);
    const endUse = climb(end);
    const arrayTest = endUse.parent;
    if (end !== p && arrayTest && ts.isCallExpression(arrayTest) && arrayTest.arguments[0] === endUse && isArrayCheck(arrayTest)) return true;
  }
  // `if (!Array.isArray(repos) || repos.length === 0) break; total += repos.length`: an array's length reads no element.
  // Returned whole (`return data as Row[]`), the length read stays the use: the unchecked elements go on.
  // So is `members.length` of `const members = Array.isArray(data) ? data : Array.isArray(data?.members) ? data.members : []`
  // (a non-array becomes an empty list; one wrapped, `[req.body]`, keeps a value of any shape).
  if (p.name.text === "length" && (typeofGuarded(p.expression, env.sf, "Array.isArray(") || arrayByConstruction(p.expression, true)) && !returnedWhole(p.expression)) return true;
  // `const list = Array.isArray(payload?.signals) ? payload.signals : []`, then only `list.length`: a count.
  if (arrayOnlyCounted(p)) return true;
  // `Array.isArray(data?.rates) ? data.rates : []` (a candidate of a nested choice too): the field an array by its own
  // check, going on as the value of the choice, which is judged where it goes (its elements by what reads them).
  const choice = arrayChoiceAround(chain);
  if (choice && typeofGuarded(chain as ts.Expression, env.sf, "Array.isArray(")) return analyzeValue(choice, "structured", env)?.kind !== "unsafe";
  // `if (Array.isArray(d.scopes)) d.scopes.filter((v): v is string => typeof v === "string")`: only strings come out.
  if (scalarFilter(use, q) && typeofGuarded(p, env.sf, "Array.isArray(")) return true;
  if (ts.isBinaryExpression(q) && ((q.operatorToken.kind === ts.SyntaxKind.InKeyword && q.right === use) || (q.operatorToken.kind === ts.SyntaxKind.InstanceOfKeyword && q.left === use))) return true;
  // `req.body?.region === "eu-west-1" ? …`: through an optional link a document of any shape gives `undefined`, set aside like any other value.
  if (reducedToBoolean(use, q) && (failedReadEndsAlike(q) || (!!p.questionDotToken && (!gatesInput(q) || !readAfterGate(p, q))))) return true;
  // `data ? data.length : 0`, `data?.length ?? 0`: only a count goes on.
  if (sizeOfPresent(p)) return true;
  // `accessToken = tokens.access_token` into a module-level `let`: a reply's field kept as the server's own state.
  if (env.remoteReply && keptInModule(use, q)) return false;
  if (localDecided(use, q, env) || checkedByHelper(use, q, env)) return true;
  // `const isPublic = body.isPublic !== false`: only compared with a literal, like a destructured field (see localDecided),
  // once a read of the same object before it has met a `null` body (alone, `body.success === false` crashes on one).
  if (!env.remoteReply && !env.sinkOnly && use === p && comparedToLiteral(use) && readBefore(p)) return true;
  if (credentialsToAuth(use)) return true;
  // `const entry = json.value?.[0]`: the first element read through an optional link, decided like the field itself.
  if (ts.isElementAccessExpression(q) && q.expression === use && q.questionDotToken && ts.isNumericLiteral(q.argumentExpression)) {
    const element = climb(q);
    if (element.parent && localDecided(element, element.parent, env)) return true;
  }
  // `item.metadata?.title` is one read of the field at the end of the chain (`typeof item.metadata?.title`, `const title = …`).
  if (chain !== p) {
    const cq = chainUse.parent;
    if (cq && (ts.isTypeOfExpression(cq) || (optionalLinks(p, chain) && localDecided(chainUse, cq, env)) || typeofGuarded(chain, env.sf))) return true;
    // `data.status.indicator === "none"` in a `try` whose `catch` answers `false`: a missing link throws into that catch.
    if (cq && reducedToBoolean(chainUse, cq) && (failedReadEndsAlike(cq) || (!!p.questionDotToken && optionalLinks(p, chain) && (!gatesInput(cq) || !readAfterGate(p, cq))))) return true;
  }
  // `const priceId = sub.items?.data?.[0]?.price?.id`: optional links through an element as well, into a local decided so.
  const optEnd = optionalChainEnd(p);
  if (optEnd !== p && !ts.isPropertyAccessExpression(optEnd.parent ?? optEnd)) {
    const endUse = climb(optEnd);
    if (endUse.parent && localDecided(endUse, endUse.parent, env)) return true;
  }
  // `if (!Array.isArray(body)) return …; body.flatMap((el) => …)`: each element is read through the callback, judged there.
  if (elementsJudged(p, q, env)) return true;
  // `buildPaymentQuote({ deliveryMethod: body?.deliveryMethod })`: read through an optional link (it cannot crash) and
  // handed at a key the imported callee's signature types `unknown`, which it must narrow itself.
  if (p.questionDotToken && handedAsUnknown(use, q, env)) return true;
  if (modelTextRead(p, env) || toolCallRead(p, env.sf)) return true;
  // `extractComposer(body.text)`, `content: prompt + body.chatLog` in messages handed to `jsonChat(messages)`: a request's
  // field only put into a model's prompt (held round 35, opusXX, labelled clean; the docs' prompt-text rule).
  if (env.requestScalars && !env.remoteReply && promptText(use, 0, env)) return true;
  let arg: ts.Node = use;
  let at = q;
  if (ts.isTemplateSpan(q) && q.parent.parent) {
    arg = q.parent;
    at = q.parent.parent;
  }
  if (wordsThrownError(at, arg) || errorTextOnly(use) || (chain !== p && errorTextOnly(chainUse)) || readInFailureBranch(p) || loggedInObject(use) || echoedInAnswer(p, use)) return true;
  // A request's own field read straight off it (`req.body.webhook_id`) and only echoed back, or only tested for presence
  // before its other reads are judged: like a destructured field (a field presence-tested and then stored is reported at the store).
  if (env.requestScalars && !env.remoteReply && (loggedOrEchoed(use, true) || presenceTestBeforeUse(p, use, env) || (use === p && requiredThenLogged(p)))) return true;
  // `res.locals.show_advanced = !!req.body.show_advanced`: only shown back in the page this request renders.
  if (env.requestScalars && !env.remoteReply && shownInPage(use)) return true;
  // `return event.id` of an ok-tested reply, every caller only relaying it in its answer.
  if (ts.isReturnStatement(q) && returnedReplyRelayed(p, q, env.sf)) return true;
  // `return { message: "…", email: response.data.email }` of a NestJS service method every caller of which, in the project's
  // controllers, returns the result as the route's answer (flexrelat-api `auth.service.ts:189`, `:229`, retired round 48).
  if (env.callersElsewhere && okReplyRead(p) && returnedToControllers(use, env.callersElsewhere)) return true;
  // `email: session.customer_details?.email || session.customer_email` in the answer: the chain's end is what is relayed.
  if (chain !== p && echoedInAnswer(p, chainUse)) return true;
  if (ts.isCallExpression(at) && at.arguments.includes(arg as ts.Expression)) {
    if (isLogCall(at)) return true;
    const vk = validatorKind(at, arg, env.guards());
    // (Named for validating, a method read one hop away that loads a record by the field first is a lookup: see callOutcome.)
    if (vk === "throwing" || (vk === "checking" && isResultChecked(at))) return !validatorLooksUp(at, arg, env);
    // `authService.resetPassword(req.params.token, req.body.password)` whose body only tests the password's presence
    // and hands it to `bcrypt.hash` (verifier.ts): only its digest goes on, as for a field hashed in the handler.
    if (arg === use && env.callee && !env.sinkOnly && !env.remoteReply && verifierOf(at, at.arguments.indexOf(use as ts.Expression), env.callee) === "signature") return true;
  }
  return typeofGuarded(p, env.sf) || negatedCheckBefore(p, env.sf) || onlyPresenceOrHashed(p, env.sf) || typeGuardedBefore(p, env.sf, env.guards()) || typeGuardedBranch(p, env.sf, env.guards());
}

/** `body.isPublic` where a field of `body` was read in an earlier statement of the same function. */
function readBefore(p: ts.PropertyAccessExpression): boolean {
  const base = unwrap(p.expression);
  if (!ts.isIdentifier(base)) return false;
  const fn = enclosingFunction(p);
  if (!fn?.body) return false;
  return findRefs(base.text, fn.body, fn.body.pos).some((r) => r.end < p.pos && enclosingFunction(r) === fn && !!r.parent && ts.isPropertyAccessExpression(r.parent) && r.parent.expression === r && !r.parent.questionDotToken);
}

/** An auth provider's own check of a user's credentials: supabase-js `auth.signInWithPassword`, `auth.verifyOtp`, `auth.signUp`. */
const AUTH_CREDENTIAL_CALLS = new Set(["signInWithPassword", "signInWithOtp", "verifyOtp", "signUp", "resetPasswordForEmail"]);

/**
 * `const data = { email: formData.email, password: formData.password }; await supabase.auth.signInWithPassword(data)`:
 * a field only handed, as a value of an object literal (or of a `const` holding it), to the auth provider's
 * credential check, which judges it (held round 36, hotswapai `src/utils/actions.tsx:8`, labelled clean; as a
 * form's fields only handed to `signInWithPassword` are).
 */
function credentialsToAuth(use: ts.Node): boolean {
  const prop = use.parent;
  if (!prop || !ts.isPropertyAssignment(prop) || prop.initializer !== use) return false;
  const lit = prop.parent;
  const authArg = (n: ts.Node): boolean => {
    const call = n.parent;
    return !!call && ts.isCallExpression(call) && call.arguments[0] === n && AUTH_CREDENTIAL_CALLS.has(calleeName(call) ?? "") && receiverSegments(call).includes("auth");
  };
  if (authArg(lit)) return true;
  const decl = lit.parent;
  if (!decl || !ts.isVariableDeclaration(decl) || decl.initializer !== lit || !ts.isIdentifier(decl.name) || (ts.getCombinedNodeFlags(decl) & ts.NodeFlags.Const) === 0) return false;
  const refs = findRefs(decl.name.text, scopeOf(decl), decl.name.end);
  return refs.length > 0 && refs.every(authArg);
}

/** The read is the value at a key of an object literal handed to an imported function that leaves that key to itself (see rule.ts `declaredUnknown`). */
function handedAsUnknown(use: ts.Node, q: ts.Node, env: FlowEnv): boolean {
  if (!ts.isPropertyAssignment(q) || q.initializer !== use || !ts.isObjectLiteralExpression(q.parent)) return false;
  const key = nameText(q.name);
  const call = q.parent.parent;
  if (key === undefined || !call || !ts.isCallExpression(call)) return false;
  const index = call.arguments.indexOf(q.parent);
  return index >= 0 && env.imported?.(call, index, "any", key)?.kind === "compared";
}

/** A read of a remote reply that reaches nothing (see replyFieldRelayed); its tests decide when the reply's status was tested and the reply is not returned whole. */
function replyReadRelayed(p: ts.PropertyAccessExpression | ts.ElementAccessExpression): boolean {
  const ok = okReplyRead(p);
  // In a `try` whose `catch` answers the failure, a test on a document of any shape decides as much as past the
  // status test: a `null` or an error body crashes, or tests false, into the answered failure (held round 35's lead
  // decision, deal-flow's `if (data.error) return …` of an OpenAI reply).
  // (Only where nothing takes the reply whole: `createResponse({ …, viaCepData })` would relay an error body as the answer.)
  return replyFieldRelayed(p, ok, (ok || (failureAnsweredAround(p) && onlyFieldsRead(p.expression))) && !returnedWhole(p.expression));
}

/** Every read of the variable `e` names, in its function, reads a field or an element of it (`data.error`, `data.choices[0]`). */
function onlyFieldsRead(e: ts.Expression): boolean {
  const fn = enclosingFunction(e);
  if (!ts.isIdentifier(e) || !fn?.body) return false;
  return perName(onlyFieldsReadMemo, fn.body, e.text, (body, name) => findRefs(name, body, body.pos).every((r) => {
    const q = r.parent;
    return !!q && (ts.isPropertyAccessExpression(q) || ts.isElementAccessExpression(q)) && q.expression === r;
  }));
}

// Per function body and variable name: whether every read takes a field, and whether one is returned whole.
// Asked once per read of a reply; answered once per variable (a reply read thousands of times stays linear).
const onlyFieldsReadMemo = new TreeMemo<ts.Node, Map<string, boolean>>();
const returnedWholeMemo = new TreeMemo<ts.Node, Map<string, boolean>>();

function perName(memo: TreeMemo<ts.Node, Map<string, boolean>>, body: ts.Node, name: string, answer: (body: ts.Node, name: string) => boolean): boolean {
  let byName = memo.get(body);
  if (!byName) memo.set(body, (byName = new Map()));
  let v = byName.get(name);
  if (v === undefined) byName.set(name, (v = answer(body, name)));
  return v;
}

const VUE_REFS = new Set(["ref", "shallowRef"]);

/**
 * `stats.value` of `const stats = ref<Stats | null>(null)` (or `shallowRef`) in a module importing `vue`:
 * the reactive state a component renders, like a React state setter's.
 */
function vueRefValue(target: ts.Expression): boolean {
  if (!ts.isPropertyAccessExpression(target) || target.name.text !== "value" || !ts.isIdentifier(target.expression)) return false;
  const init = constInitializer(target.expression);
  const call = init && unwrap(init);
  if (!call || !ts.isCallExpression(call) || !ts.isIdentifier(call.expression) || !VUE_REFS.has(call.expression.text)) return false;
  return target.getSourceFile().statements.some((st) => ts.isImportDeclaration(st) && ts.isStringLiteral(st.moduleSpecifier) && st.moduleSpecifier.text === "vue");
}

/** `use` assigned to a variable the module declares at its top level (`let accessToken; … accessToken = tokens.access_token`). */
function keptInModule(use: ts.Node, q: ts.Node): boolean {
  if (!ts.isBinaryExpression(q) || q.operatorToken.kind !== ts.SyntaxKind.EqualsToken || q.right !== use || !ts.isIdentifier(q.left)) return false;
  const b = findBinding(q.left);
  return b?.kind === "var" && ts.isVariableDeclarationList(b.decl.parent) && ts.isVariableStatement(b.decl.parent.parent) && ts.isSourceFile(b.decl.parent.parent.parent);
}

/**
 * `console.log("called", { productId: body.productId })`, also through `JSON.stringify({ … })`: a
 * field put into an object (or array) that only a log line takes is logged, like `console.log(body.x)`.
 */
function loggedInObject(use: ts.Node): boolean {
  let cur = use;
  let wrapped = false;
  for (let i = 0; i < 12; i++) {
    const p = cur.parent;
    if (!p) return false;
    if ((ts.isPropertyAssignment(p) && p.initializer === cur) || ts.isShorthandPropertyAssignment(p) || ts.isObjectLiteralExpression(p) || ts.isArrayLiteralExpression(p) || isWrapper(p)) {
      wrapped ||= ts.isObjectLiteralExpression(p) || ts.isArrayLiteralExpression(p);
      cur = p;
      continue;
    }
    if (!wrapped || !ts.isCallExpression(p) || !p.arguments.includes(cur as ts.Expression)) return false;
    if (isLogCall(p)) return true;
    // `JSON.stringify({ … })` handed to the log call.
    if (calleeName(p) === "stringify" && receiverSegments(p).join(".") === "JSON" && p.arguments[0] === cur) {
      cur = p;
      continue;
    }
    return false;
  }
  return false;
}

/** The variable `e` names is returned whole somewhere in its function (`return data`, `return data as Row[]`). */
function returnedWhole(e: ts.Expression): boolean {
  const fn = enclosingFunction(e);
  if (!ts.isIdentifier(e) || !fn?.body) return false;
  return perName(returnedWholeMemo, fn.body, e.text, (body, name) => findRefs(name, body, body.pos).some((r) => {
    const at = climb(r).parent;
    return !!at && (ts.isReturnStatement(at) || (ts.isArrowFunction(at) && at.body === climb(r)));
  }));
}

/** `record[key]` read into a local (or under a `typeof`) that a check of its own decides before any use. */
function elementDecided(p: ts.ElementAccessExpression, env: FlowEnv): boolean {
  const use = climb(p);
  const q = use.parent;
  // `parseBooleanInput(body[key], fallback)` for a function of the module that checks its parameter first.
  // `if (translations[lang] && typeof translations[lang] === "string")`: a truthiness test that is part of the element's own check.
  if (!q) return false;
  // `parseFloat(data[0].lat)` into a local checked with `isNaN`: the element's field decided as through `const first = data[0]`.
  if (ts.isNumericLiteral(p.argumentExpression) && use === p && fieldOfLocalDecided(p, env)) return true;
  if (optionalElementCompared(p)) return true;
  return ts.isTypeOfExpression(q) || localDecided(use, q, env) || checkedByHelper(use, q, env) || typeofDecidedBare(p) || (isConditionPosition(use) && checkedInOwnCondition(use, p, env.sf));
}

/**
 * `if (extClass?.[0]?.UserRole !== "contracts_User")`: an element read through optional links to a field
 * compared with a literal reads as `undefined` on a document of any shape, and only a boolean comes out,
 * as of a field's (see fieldNotUsed; production OpenSign). A gate that leaves is the read's own report.
 */
function optionalElementCompared(p: ts.ElementAccessExpression): boolean {
  if (!p.questionDotToken || !ts.isNumericLiteral(p.argumentExpression)) return false;
  let end: ts.Expression = p;
  while (end.parent && ts.isPropertyAccessExpression(end.parent) && end.parent.expression === end && end.parent.questionDotToken) end = end.parent;
  if (end === p) return false;
  const use = climb(end);
  const q = use.parent;
  return !!q && reducedToBoolean(use, q) && (failedReadEndsAlike(q) || !gatesInput(q) || !elementReadAfterGate(p, q));
}

/** The value `p` reads an element of is read again below the `if` the test `test` gates, in the same function (see readAfterGate). */
function elementReadAfterGate(p: ts.ElementAccessExpression, test: ts.Node): boolean {
  let gate: ts.Node | undefined = test;
  while (gate && !ts.isIfStatement(gate)) gate = gate.parent;
  const fn = enclosingFunction(p);
  const root = unwrap(p.expression);
  if (!gate || !fn?.body || !ts.isIdentifier(root)) return true;
  return findRefs(root.text, fn.body, gate.end).length > 0;
}

/**
 * `const calories = safeInt(body.calories)` where the module's own `safeInt(x)` checks its parameter
 * before anything else is done with it (`const n = Number(x); if (!Number.isFinite(n)) return null`):
 * the field is decided there, like a field checked in place.
 */
function checkedByHelper(use: ts.Node, q: ts.Node, env: FlowEnv): boolean {
  // `normalizePhone(String(body?.phone ?? ""))`: the field as a string, handed on.
  const arg = stringCoerced(use);
  if (arg !== use) q = arg.parent!;
  if (!ts.isCallExpression(q) || !ts.isIdentifier(q.expression) || env.depth >= 2) return false;
  const index = q.arguments.indexOf(arg as ts.Expression);
  if (index < 0) return false;
  // (Or a helper the handler declares itself: `const clean = (v) => { if (typeof v !== "string") return null; … }`.)
  const own = env.functions().get(q.expression.text) ?? localConstFunction(q.expression);
  // Imported one hop (`normalizeNigerianPhone` from `../_shared/sms/types.ts`): the same, judged in its module.
  if (!own) return env.imported?.(q, index, "scalar")?.kind === "validated";
  const param = own.parameters[index];
  return !!param && ts.isIdentifier(param.name) && (typeCheckedParam(own, index, env.functions()) || parameterOutcome(param, "scalar", { ...env, depth: env.depth + 1 })?.kind === "validated");
}

/**
 * `String(use ?? "")`, `String(use || "")`, `String(use)`: the outermost of those around the read, or the read itself.
 * Also a bare fallback to a literal or to another field, `safeString(body.kind || "")`, `safeString(body.expoPushToken ||
 * body.token)`: whichever is handed on, the helper checks it.
 */
function stringCoerced(use: ts.Node): ts.Node {
  let cur = use;
  const p = cur.parent;
  if (p && ts.isBinaryExpression(p) && FALLBACK_OPS.has(p.operatorToken.kind)) {
    const other = unwrap(p.left === cur ? p.right : p.left);
    if ((p.left === cur && ts.isStringLiteralLike(other)) || ts.isPropertyAccessExpression(other)) cur = climb(p);
  }
  const call = cur.parent;
  if (call && ts.isCallExpression(call) && calleeName(call) === "String" && call.arguments.length === 1 && call.arguments[0] === cur) return climb(call);
  return cur;
}

/**
 * `const id = body?.id` is `const { id } = body`: no use when every later read is decided first
 * by a check of its own (`typeof id === "string"`), or there is none.
 */
function localDecided(use: ts.Node, q: ts.Node, env: FlowEnv): boolean {
  // `const action = body.action || "process"`: the local holds the field or a literal of the code's own.
  if (ts.isBinaryExpression(q) && q.left === use && FALLBACK_OPS.has(q.operatorToken.kind) && isLiteralOperand(q.right) && q.parent && ts.isVariableDeclaration(q.parent) && q.parent.initializer === q) return localDecided(q, q.parent, env);
  // `const extUser = localStorage.getItem("k") && JSON.parse(localStorage.getItem("k"))?.[0]`: the right operand of a
  // guard is the value the local takes (or the left's falsy one), decided as the local is (production OpenSign).
  if (ts.isBinaryExpression(q) && q.right === use && q.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken && q.parent && ts.isVariableDeclaration(q.parent) && q.parent.initializer === q) return localDecided(q, q.parent, env);
  // `apiKey = body.apiKey` into a `let` declared outside (a `try` around the parse): the same, from the assignment on.
  if (ts.isBinaryExpression(q)) return assignedLetDecided(use, q, (ref) => analyzeValue(ref, "any", env));
  // `const id = Number(body.id); if (!Number.isFinite(id) || id <= 0) return …`: the coerced copy decides the field.
  const coerced = coercedLocal(use, q);
  if (coerced) return followName(coerced.name, coerced, "scalar", env)?.kind === "validated";
  if (!ts.isVariableDeclaration(q) || q.initializer !== use || !ts.isIdentifier(q.name)) return false;
  const o = followName(q.name, q, "any", env);
  if (o) return o.kind === "validated";
  const refs = findRefs(q.name.text, scopeOf(q), q.name.end);
  // `const ids = parsed.ids; if (!Array.isArray(ids)) throw …; for (const id of ids) byId.get(id)`: every read no use, below its own check.
  // Only logged or (a request's own field) echoed back, like a destructured field (see usedAtAll).
  // `const entry = json.value?.[0]; const def = entry?.Definition; if (typeof def === "string") …`: a field of it read the same way.
  // Only compared with a literal (`if (action === "reset")`), like a destructured field: nothing of the value goes on
  // (a remote reply's field tested so is judged by what its tests decide, see replyFieldRelayed).
  // `const meta = data?.chart?.result?.[0]?.meta; if (!meta) return; const price = Number(meta.price)` with `price` checked: only a presence test besides.
  const fieldsDecided = refs.some((r) => fieldOfLocalDecided(r, env));
  return refs.every((r) => arrayCheckOperand(r) || typeofGuarded(r as ts.Expression, env.sf, "Array.isArray(") || loggedOrEchoed(r, !!env.requestScalars) || fieldOfLocalDecided(r, env) || handedToComparer(r, env) || (!env.remoteReply && comparedToLiteral(r)) || (fieldsDecided && presenceExit(r)));
}

/**
 * `this.resolveTierFromPriceId(priceId)`, `tierOf(priceId)`: handed to a function of the module (or a
 * method of the same class) that only compares its parameter (see {@link onlyCompared}): it picks its
 * own value by it, and nothing of the read goes on.
 */
function handedToComparer(ref: ts.Node, env: FlowEnv): boolean {
  const top = climb(ref);
  const call = top.parent;
  if (!call || !ts.isCallExpression(call)) return false;
  const index = call.arguments.indexOf(top as ts.Expression);
  if (index < 0) return false;
  const e = call.expression;
  const fn = ts.isIdentifier(e) ? env.functions().get(e.text) : ts.isPropertyAccessExpression(e) && e.expression.kind === ts.SyntaxKind.ThisKeyword ? ownMethod(call, e.name.text) : undefined;
  const param = fn?.parameters[index];
  return !!param && onlyCompared(param, env);
}

/** `entry?.Definition` (or `entry.Definition`) read where a field read is no use (see fieldNotUsed): into a local decided by a check of its own. */
function fieldOfLocalDecided(ref: ts.Node, env: FlowEnv): boolean {
  const p = ref.parent;
  if (!p || !ts.isPropertyAccessExpression(p) || p.expression !== ref) return false;
  const use = climb(p);
  // `const price = Number(meta.regularMarketPrice); if (!Number.isFinite(price)) return`: the coerced copy decides the field.
  return (ts.isVariableDeclaration(use.parent ?? p) || (!!use.parent && !!coercedLocal(use, use.parent))) && fieldNotUsed(p, env);
}

/**
 * `if (!meta) return;`: the local itself only tested for presence, the branch leaving: a truthiness
 * test cannot crash and hands nothing of the value on.
 */
function presenceExit(ref: ts.Node): boolean {
  const top = climb(ref);
  const not = top.parent;
  const test = not && ts.isPrefixUnaryExpression(not) && not.operator === ts.SyntaxKind.ExclamationToken ? not.parent : undefined;
  return !!test && ts.isIfStatement(test) && test.expression === not && exits(test.thenStatement);
}

/** `Array.isArray(ref)`. */
function arrayCheckOperand(ref: ts.Node): boolean {
  const top = climb(ref);
  const q = top.parent;
  return !!q && ts.isCallExpression(q) && q.arguments[0] === top && isArrayCheck(q);
}

/**
 * `data.choices?.[0]?.message?.content ?? ""`, `data?.choices?.[0]?.message?.content?.trim()`: a
 * model's text answer read with every link after the first optional, ending in a text fallback of
 * the code's own or a string method: whatever the shape, text (or the fallback) comes out, and the
 * read is no use of the document. What becomes of the text is judged as a scalar's (a query, a key,
 * a path); a `JSON.parse` of it is an input of its own.
 */
function modelTextRead(p: ts.PropertyAccessExpression | ts.ElementAccessExpression, env: FlowEnv): boolean {
  const end = optionalLinksEnd(p);
  if (!end) return false;
  const path = plainChain(end, env.sf);
  if (MODEL_TEXT_RE.test(path)) return modelTextEnd(end, env);
  return heldPrefixRead(end, path, env);
}

/** The end of the links after `p`, through fields and numeric elements, up to a method call; undefined when a link after `p` is plain. */
function optionalLinksEnd(p: ts.Expression): ts.Expression | undefined {
  let end: ts.Expression = p;
  for (;;) {
    const q = end.parent;
    const link = q && (ts.isPropertyAccessExpression(q) || (ts.isElementAccessExpression(q) && ts.isNumericLiteral(q.argumentExpression))) && q.expression === end ? q : undefined;
    if (!link || (ts.isPropertyAccessExpression(link) && link.parent && ts.isCallExpression(link.parent) && link.parent.expression === link)) return end;
    if (!link.questionDotToken) return undefined;
    end = link;
  }
}

// The first links of a completion's text (`choices[0]`, `choices[0].message`, Gemini's `candidates[0]`, `…content`, `…parts[0]`).
const MODEL_TEXT_PREFIX_RE = /(?:\bchoices\[0\](?:\.message)?|\bcandidates\[0\](?:\.content(?:\.parts(?:\[0\])?)?)?)$/;

/**
 * `const choice = response.data?.choices?.[0]; const altText = choice?.message?.content?.trim()`: the completion's
 * text read through optional links, split by a `const` holding its first links (alttext-ai-backend
 * `fresh-stack/lib/openai.js:114`, retired held round 41, clean): read as the one chain would be, where every read
 * of the `const` goes on through optional links to the text (see modelTextEnd) or only tests it for presence.
 * Read through the name's references in its scope.
 */
function heldPrefixRead(end: ts.Expression, path: string, env: FlowEnv): boolean {
  if (!MODEL_TEXT_PREFIX_RE.test(path)) return false;
  const decl = end.parent;
  if (!decl || !ts.isVariableDeclaration(decl) || decl.initializer !== end || !ts.isIdentifier(decl.name)) return false;
  if (!(decl.parent.flags & ts.NodeFlags.Const)) return false;
  const refs = findRefs(decl.name.text, scopeOf(decl), decl.end);
  if (refs.length === 0) return false;
  let text = false;
  for (const ref of refs) {
    if (onlyTested(ref)) continue;
    const q = ref.parent;
    if (!q || !(ts.isPropertyAccessExpression(q) || ts.isElementAccessExpression(q)) || q.expression !== ref || !q.questionDotToken) return false;
    const refEnd = optionalLinksEnd(ref);
    if (!refEnd || !MODEL_TEXT_RE.test(path + plainChain(refEnd, env.sf).slice(decl.name.text.length)) || !modelTextEnd(refEnd, env)) return false;
    text = true;
  }
  return text;
}

/** The model text at `end`, behind a text fallback of the code's own, a string method or a presence test: judged as a scalar from there. */
function modelTextEnd(end: ts.Expression, env: FlowEnv): boolean {
  let at: ts.Node = modelTextAlternatives(end, env.sf) ?? end;
  while (at.parent && ts.isParenthesizedExpression(at.parent)) at = at.parent;
  const q = at.parent;
  const fallback = !!q && ts.isBinaryExpression(q) && q.left === at && (q.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken || q.operatorToken.kind === ts.SyntaxKind.BarBarToken) && isTextOfOwn(unwrap(q.right));
  const method = !!q && ts.isPropertyAccessExpression(q) && !!q.questionDotToken && STRING_TRANSFORMS.has(q.name.text) && !ARRAY_TOO.has(q.name.text) && !!q.parent && ts.isCallExpression(q.parent) && q.parent.expression === q;
  if (!fallback && !method && !presenceTestedModelText(end)) return false;
  const apart = env.parsedApart;
  const scalars = env.requestScalars;
  env.parsedApart = true;
  // With a text fallback, text (or the code's own fallback) whatever the reply's shape: stored as a column value,
  // like a request's string field. Through `?.trim()` alone a missing text stays `undefined` (stored as such).
  env.requestScalars = fallback || scalars;
  try {
    return analyzeValue(end, "scalar", env)?.kind !== "unsafe";
  } finally {
    env.parsedApart = apart;
    env.requestScalars = scalars;
  }
}

/** A text the code writes itself: a string literal, or a template (`` `Could not generate comment for ${productName}` ``), which is a string whatever it holds. */
function isTextOfOwn(e: ts.Expression): boolean {
  return ts.isStringLiteralLike(e) || ts.isTemplateExpression(e);
}

/** The outermost property access of the chain `p` starts (`item.metadata` → `item.metadata?.title`). */
function chainEnd(p: ts.PropertyAccessExpression): ts.PropertyAccessExpression {
  let cur = p;
  while (cur.parent && ts.isPropertyAccessExpression(cur.parent) && cur.parent.expression === cur) cur = cur.parent;
  return cur;
}

/** The end of the optional links after `p`, through fields and numeric elements (`p?.data?.[0]?.id`); `p` when there are none. */
function optionalChainEnd(p: ts.PropertyAccessExpression): ts.Expression {
  let cur: ts.Expression = p;
  for (let i = 0; i < 12; i++) {
    const q: ts.Node | undefined = cur.parent;
    const link = q && (ts.isPropertyAccessExpression(q) || (ts.isElementAccessExpression(q) && ts.isNumericLiteral(q.argumentExpression))) && q.expression === cur && linkGuarded(q) ? q : undefined;
    if (!link) break;
    cur = link;
  }
  return cur;
}

/** Every link after `p` up to `end` is optional (`?.`), or guarded by a passed test of its path (linkGuarded): a missing field in between reads as `undefined`. */
function optionalLinks(p: ts.PropertyAccessExpression, end: ts.PropertyAccessExpression): boolean {
  for (let cur: ts.Node = end; cur !== p; cur = (cur as ts.PropertyAccessExpression).expression) {
    if (!linkGuarded(cur as ts.PropertyAccessExpression)) return false;
  }
  return true;
}

const ELEMENT_METHODS = new Set(["map", "flatMap", "forEach", "filter", "find", "some", "every"]);

/**
 * `arr.flatMap((el) => …)` on an array `Array.isArray` has decided, where no read of the element
 * in the callback is a use (each field picked with a `typeof` check of its own) and the callback
 * never hands the element on whole: nothing unchecked comes out.
 */
function elementsJudged(p: ts.PropertyAccessExpression, q: ts.Node, env: FlowEnv): boolean {
  if (!ELEMENT_METHODS.has(p.name.text) || !ts.isCallExpression(q) || q.expression !== p || q.arguments.length !== 1) return false;
  const cb = q.arguments[0]!;
  if (!(ts.isArrowFunction(cb) || ts.isFunctionExpression(cb)) || cb.parameters.length !== 1 || !ts.isIdentifier(cb.parameters[0]!.name)) return false;
  if (!typeofGuarded(p.expression, env.sf, "Array.isArray(") && !arrayByConstruction(p.expression)) return false;
  for (const ref of findRefs(cb.parameters[0]!.name.text, cb.body, cb.body.pos)) {
    const top = climb(ref);
    const at = top.parent;
    if (top === cb.body || !at || ts.isReturnStatement(at) || ts.isArrayLiteralExpression(at) || ts.isPropertyAssignment(at) || ts.isShorthandPropertyAssignment(at) || ts.isSpreadAssignment(at) || ts.isSpreadElement(at)) return false;
    // `String(r.carrierCode ?? r.carrier ?? "carrier")`: a reply element's field coerced as it is read (see coercedElementField).
    if (env.remoteReply && coercedElementField(ref)) continue;
    const o = analyzeValue(ref, "structured", env);
      if (o?.kind === "unsafe") return false;
    if (ts.isVariableDeclaration(at) && ts.isIdentifier(at.name) && handedOnWhole(at.name, cb)) return false;
  }
  return true;
}

/** The outermost choice `read` is a candidate of, when that choice is an array whatever the document was (see arrayValue). */
function arrayChoiceAround(read: ts.Node): ts.Expression | undefined {
  let top: ts.Node = read;
  while (top.parent && ((ts.isConditionalExpression(top.parent) && top.parent.condition !== top) || ts.isParenthesizedExpression(top.parent))) top = top.parent;
  // Only a `const`'s value (`const arr = Array.isArray(data) ? data : …`): a `let` may be given another value later.
  const decl = top.parent;
  const held = !!decl && ts.isVariableDeclaration(decl) && decl.initializer === top && (ts.getCombinedNodeFlags(decl) & ts.NodeFlags.Const) !== 0;
  return top !== read && held && arrayValue(top as ts.Expression, 0, false) ? (top as ts.Expression) : undefined;
}

/**
 * `String(r.carrierCode ?? r.carrier ?? "carrier")`, `Number(r.shipmentCost ?? r.cost)`, `r.deliveryDays != null ?
 * Number(r.deliveryDays) : undefined`: a field of an element of a reply's checked array read straight into `String(…)`,
 * `Number(…)` or `Boolean(…)` (through `??`/`||` fallbacks and the branches of a conditional): held round 26's and round
 * 29's decision (the lead's, debatable; retired held round 37, reefcultures `lib/shipengine.ts:91`): a reply array mapped
 * field by field through the coercions is no use, its identifiers taken as given.
 */
function coercedElementField(ref: ts.Node): boolean {
  const read = ref.parent;
  if (!read || !ts.isPropertyAccessExpression(read) || read.expression !== ref) return false;
  let cur: ts.Node = read;
  for (let i = 0; i < 8 && cur.parent; i++) {
    const p: ts.Node = cur.parent;
    if (ts.isParenthesizedExpression(p) || (ts.isBinaryExpression(p) && (p.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken || p.operatorToken.kind === ts.SyntaxKind.BarBarToken)) || (ts.isConditionalExpression(p) && p.condition !== cur)) {
      cur = p;
      continue;
    }
    // `r.deliveryDays != null ? …`: a presence test of the field, nothing of it goes on.
    if (ts.isBinaryExpression(p) && (p.operatorToken.kind === ts.SyntaxKind.ExclamationEqualsToken || p.operatorToken.kind === ts.SyntaxKind.EqualsEqualsToken) && unwrap(p.right).kind === ts.SyntaxKind.NullKeyword && p.parent && ts.isConditionalExpression(p.parent) && p.parent.condition === p) return true;
    return ts.isCallExpression(p) && p.arguments.length === 1 && p.arguments[0] === cur && ts.isIdentifier(p.expression) && /^(?:String|Number|Boolean)$/.test(p.expression.text);
  }
  return false;
}

/**
 * `let parsed: unknown[]; … parsed = Array.isArray(data) ? data : [data]`: a name whose every value is an array literal
 * or `Array.isArray(x) ? x : […]`, an array whatever the document was.
 */
function arrayByConstruction(e: ts.Node, emptyElse = false): boolean {
  if (!ts.isIdentifier(e)) return false;
  const b = findBinding(e);
  if (!b || b.kind !== "var" || b.element) return false;
  const values: ts.Expression[] = b.decl.initializer ? [b.decl.initializer] : [];
  for (const ref of findRefs(e.text, scopeOf(b.decl), b.decl.end)) {
    const q = ref.parent;
    if (q && ts.isBinaryExpression(q) && q.left === ref && q.operatorToken.kind === ts.SyntaxKind.EqualsToken) values.push(q.right);
  }
  return values.length > 0 && values.every((v) => arrayValue(v, 0, emptyElse));
}

/**
 * `[]`, or `Array.isArray(x) ? x : […]`, nested (`Array.isArray(data) ? data : Array.isArray(data?.rates) ? data.rates :
 * []`, each candidate checked in turn): an array whatever the document was; with `emptyElse`, only an empty literal
 * as the last resort (`[req.body]` wraps a value of any shape).
 */
function arrayValue(v: ts.Expression, depth: number, emptyElse: boolean): boolean {
  const u = unwrap(v);
  if (ts.isArrayLiteralExpression(u)) return !emptyElse || u.elements.length === 0;
  if (!ts.isConditionalExpression(u) || depth > 3) return false;
  const c = unwrap(u.condition);
  const checked = ts.isCallExpression(c) && isArrayCheck(c) && c.arguments[0] ? unwrap(c.arguments[0]).getText().replace(/\?\./g, ".") : undefined;
  return checked !== undefined && unwrap(u.whenTrue).getText().replace(/\?\./g, ".") === checked && arrayValue(u.whenFalse, depth + 1, emptyElse);
}

/**
 * `for (const id of ids) { const sense = senseMap.get(id); … }` over an array `Array.isArray` has
 * decided: no read of the element in the loop is a use, and the loop never hands it on whole (into
 * a literal, a `return`, a spread), as for {@link elementsJudged}'s callbacks.
 */
function loopElementsJudged(loop: ts.ForOfStatement, env: FlowEnv): boolean {
  const init = loop.initializer;
  if (!ts.isVariableDeclarationList(init) || init.declarations.length !== 1) return false;
  const name = init.declarations[0]!.name;
  if (!ts.isIdentifier(name)) return false;
  for (const ref of findRefs(name.text, loop.statement, loop.statement.pos)) {
    const top = climb(ref);
    const at = top.parent;
    if (!at || ts.isReturnStatement(at) || ts.isArrayLiteralExpression(at) || ts.isPropertyAssignment(at) || ts.isShorthandPropertyAssignment(at) || ts.isSpreadAssignment(at) || ts.isSpreadElement(at)) return false;
    if (ts.isCallExpression(at) && at.arguments.includes(top as ts.Expression) && calleeName(at) === "push") return false;
    if (analyzeValue(ref, "structured", env)?.kind === "unsafe") return false;
    if (ts.isVariableDeclaration(at) && ts.isIdentifier(at.name) && handedOnWhole(at.name, loop.statement)) return false;
  }
  return true;
}

/** The local holding the element is returned or put into a literal whole (`const item = el as T; return [item]`). */
function handedOnWhole(name: ts.Identifier, cb: ts.Node): boolean {
  return findRefs(name.text, cb, name.end).some((r) => {
    const top = climb(r);
    const at = top.parent;
    return !at || ts.isReturnStatement(at) || ts.isArrowFunction(at) || ts.isArrayLiteralExpression(at) || ts.isPropertyAssignment(at) || ts.isShorthandPropertyAssignment(at) || ts.isSpreadAssignment(at) || ts.isSpreadElement(at);
  });
}

const NUMERIC_COERCIONS = new Set(["Number", "parseInt", "parseFloat"]);

/**
 * A key that is a number by construction: `parseInt(q)`, `Number(q)`, `+q` (also behind a numeric
 * fallback, `parseInt(q) || 0`), or a `const` holding one. A number cannot name `__proto__` or
 * `constructor`, and `NaN` finds nothing: no crafted key.
 */
function numericKey(e: ts.Node): boolean {
  let x = unwrap(e as ts.Expression);
  if (ts.isIdentifier(x)) {
    const init = constInitializer(x);
    if (!init) return false;
    x = unwrap(init);
  }
  if (ts.isBinaryExpression(x) && (x.operatorToken.kind === ts.SyntaxKind.BarBarToken || x.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken) && ts.isNumericLiteral(unwrap(x.right))) x = unwrap(x.left);
  if (ts.isPrefixUnaryExpression(x) && x.operator === ts.SyntaxKind.PlusToken) return true;
  if (!ts.isCallExpression(x) || !NUMERIC_COERCIONS.has(calleeName(x) ?? "")) return false;
  return ts.isIdentifier(x.expression) || receiverSegments(x).join(".") === "Number";
}

const FALLBACK_OPS = new Set([ts.SyntaxKind.BarBarToken, ts.SyntaxKind.QuestionQuestionToken]);
const EQUALITY = new Set([ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken, ts.SyntaxKind.EqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsToken]);

/** `typeof x === "string"`, `switch (typeof x)`, also through parentheses. */
function typeofTested(t: ts.TypeOfExpression): boolean {
  const top = climb(t);
  const q = top.parent;
  return !!q && ((ts.isBinaryExpression(q) && EQUALITY.has(q.operatorToken.kind)) || (ts.isSwitchStatement(q) && q.expression === top));
}

/** A literal operand: a string, number, `true`/`false`, `null` or `undefined`. */
function isLiteralOperand(e: ts.Expression): boolean {
  const x = unwrap(e);
  if (ts.isStringLiteralLike(x) || ts.isNumericLiteral(x)) return true;
  if (x.kind === ts.SyntaxKind.TrueKeyword || x.kind === ts.SyntaxKind.FalseKeyword || x.kind === ts.SyntaxKind.NullKeyword) return true;
  return ts.isIdentifier(x) && x.text === "undefined";
}

/**
 * A field reduced to a boolean, so that nothing of its value goes on: compared with a literal
 * (`data.status === "success"`, `data.message !== "Stored"`), or `!!data.isValid`,
 * `Boolean(data.isValid)`. No use only where a failed read ends alike (`failedReadEndsAlike`).
 */
function reducedToBoolean(use: ts.Node, q: ts.Node): boolean {
  if (ts.isBinaryExpression(q) && EQUALITY.has(q.operatorToken.kind)) return isLiteralOperand(q.left === use ? q.right : q.left);
  if (ts.isPrefixUnaryExpression(q) && q.operator === ts.SyntaxKind.ExclamationToken) {
    const outer = q.parent;
    return !!outer && ts.isPrefixUnaryExpression(outer) && outer.operator === ts.SyntaxKind.ExclamationToken;
  }
  return ts.isCallExpression(q) && ts.isIdentifier(q.expression) && q.expression.text === "Boolean" && q.arguments[0] === use;
}

/**
 * The test of an `if` that leaves when it holds (`if (event.data?.source !== "app") return`): a gate
 * the handler passes to go on with the input, whose read is where the input is reported.
 */
function gatesInput(test: ts.Node): boolean {
  let cond = climb(test);
  while (cond.parent && ts.isBinaryExpression(cond.parent) && (cond.parent.operatorToken.kind === ts.SyntaxKind.BarBarToken || cond.parent.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken)) cond = cond.parent;
  const p = cond.parent;
  return !!p && ts.isIfStatement(p) && p.expression === cond && leaves(p.thenStatement);
}

/**
 * The input `p` reads a field of (`evt.data` of `evt.data?.type`) is read again below the `if` the test
 * `test` gates (`if (evt.data?.type !== "callback") return;`), in the same function. When it is not,
 * the gate only let a boolean through: nothing of the input goes on past it.
 */
function readAfterGate(p: ts.PropertyAccessExpression, test: ts.Node): boolean {
  let gate: ts.Node | undefined = test;
  while (gate && !ts.isIfStatement(gate)) gate = gate.parent;
  const fn = enclosingFunction(p);
  let root: ts.Expression = p.expression;
  const path: string[] = [];
  while (ts.isPropertyAccessExpression(root)) {
    path.unshift(root.name.text);
    root = root.expression;
  }
  if (!gate || !fn?.body || !ts.isIdentifier(root)) return true;
  return findRefs(root.text, fn.body, gate.end).some((ref) => readsPath(ref, path, true));
}

/**
 * `ref` (the input's root, `evt`) reads the field path (`data`) or may: handed whole to a call, unless
 * to a function of the code's own (`sendAck(evt)`, a local arrow) whose parameter never reads it.
 */
function readsPath(ref: ts.Node, path: readonly string[], follow: boolean): boolean {
  let cur: ts.Node = ref;
  for (const name of path) {
    const q = cur.parent;
    if (q && ts.isPropertyAccessExpression(q) && q.expression === cur) {
      if (q.name.text !== name) return false;
      cur = q;
      continue;
    }
    const call = q && ts.isCallExpression(q) && q.arguments.includes(cur as ts.Expression) ? q : undefined;
    if (!call || !follow || cur !== ref || !ts.isIdentifier(call.expression)) return true;
    const b = findBinding(call.expression);
    const init = b?.kind === "var" && !b.element && b.decl.initializer ? unwrap(b.decl.initializer) : undefined;
    const callee = init && isFunctionLike(init) ? init : undefined;
    const param = callee?.parameters[call.arguments.indexOf(cur as ts.Expression)];
    if (!callee?.body || !param || !ts.isIdentifier(param.name)) return true;
    const body = callee.body;
    return findRefs(param.name.text, body, body.pos).some((r) => readsPath(r, path, false));
  }
  return true;
}

/**
 * Where a read of a document that is no object (`null`, a string) would end the way the test
 * failing ends, so that the test decides every shape: inside a `try` whose `catch` answers
 * without rethrowing (`try { return !!res.data.isValid } catch { return false }`), or as the test
 * of an `if` that throws for every value but the literal (`if (data.message !== "stored") throw …`).
 * Elsewhere (`{ beta: flags.beta === true }`) a `null` document crashes where nothing expects it.
 */
function failedReadEndsAlike(test: ts.Node): boolean {
  const cond = climb(test);
  const p = cond.parent;
  if (ts.isBinaryExpression(test) && (test.operatorToken.kind === ts.SyntaxKind.ExclamationEqualsEqualsToken || test.operatorToken.kind === ts.SyntaxKind.ExclamationEqualsToken)) {
    if (p && ts.isIfStatement(p) && p.expression === cond && endsInThrow(p.thenStatement)) return true;
  }
  let cur: ts.Node = test;
  for (let n = test.parent; n && !isFunctionLike(n); cur = n, n = n.parent) {
    if (ts.isTryStatement(n) && n.tryBlock === cur) return !!n.catchClause && !containsThrow(n.catchClause.block);
  }
  return false;
}

/** `list.find((x) => x.id === value)` whose result ends the code when absent (see endsWhenNotFound). */
function foundInOwnList(cmp: ts.BinaryExpression): boolean {
  const cb = cmp.parent;
  if (!cb || !ts.isArrowFunction(cb) || cb.body !== cmp) return false;
  const call = cb.parent;
  if (!call || !ts.isCallExpression(call) || call.arguments[0] !== cb) return false;
  const name = calleeName(call);
  return (name === "find" || name === "findLast") && endsWhenNotFound(call);
}

/**
 * The result of `call` held in a `const` that an `if` below tests for absence and leaves on (`if
 * (!employee) throw …`, `if (!employee?.isActive) return …`, also one operand of an `||`), or the call
 * itself negated as such a test (`if (!findPack(id)) return …`).
 */
function endsWhenNotFound(call: ts.CallExpression): boolean {
  const top = climb(call);
  const absent = (e: ts.Expression, name?: string): boolean => {
    const x = unwrap(e);
    if (!ts.isPrefixUnaryExpression(x) || x.operator !== ts.SyntaxKind.ExclamationToken) return false;
    let inner = unwrap(x.operand);
    if (!name) return inner === top || climb(inner) === top;
    while (ts.isPropertyAccessExpression(inner) && inner.questionDotToken) inner = unwrap(inner.expression);
    return ts.isIdentifier(inner) && inner.text === name;
  };
  const operands = (e: ts.Expression): ts.Expression[] => {
    const x = unwrap(e);
    return ts.isBinaryExpression(x) && x.operatorToken.kind === ts.SyntaxKind.BarBarToken ? [...operands(x.left), ...operands(x.right)] : [x];
  };
  const p = top.parent;
  if (p && ts.isPrefixUnaryExpression(p)) {
    const cond = climb(p);
    const ifs = cond.parent;
    return !!ifs && ts.isIfStatement(ifs) && leaves(ifs.thenStatement) && operands(ifs.expression).some((o) => absent(o));
  }
  if (!p || !ts.isVariableDeclaration(p) || p.initializer !== top || !ts.isIdentifier(p.name) || (ts.getCombinedNodeFlags(p) & ts.NodeFlags.Const) === 0) return false;
  const name = p.name.text;
  const list = p.parent.parent.parent;
  if (!list || !(ts.isBlock(list) || ts.isSourceFile(list))) return false;
  const at = list.statements.indexOf(p.parent.parent as ts.Statement);
  return list.statements.slice(at + 1).some((st) => ts.isIfStatement(st) && leaves(st.thenStatement) && operands(st.expression).some((o) => absent(o, name)));
}

function endsInThrow(st: ts.Statement): boolean {
  const last = ts.isBlock(st) ? st.statements[st.statements.length - 1] : st;
  return !!last && ts.isThrowStatement(last);
}

// A name for the text of an error: `error`, `apiError`, `errorMessage`, `lastErrorText`.
const ERROR_TEXT_NAME_RE = /^(?:error|[a-z]\w*Error)(?:Message|Text|Msg)?$/;

/**
 * Where a component or class keeps the text of an error it shows later: a local or module name
 * (`errorMessage`), a field of `this` (`this.lastError`), or a React ref (`apiErrorRef.current`). A
 * field of any other object (`job.error`, a row about to be saved) is no such place.
 */
function errorTextHolder(left: ts.Expression): boolean {
  const e = unwrap(left);
  if (ts.isIdentifier(e)) return ERROR_TEXT_NAME_RE.test(e.text);
  if (!ts.isPropertyAccessExpression(e)) return false;
  if (e.expression.kind === ts.SyntaxKind.ThisKeyword) return ERROR_TEXT_NAME_RE.test(e.name.text);
  return e.name.text === "current" && ts.isIdentifier(e.expression) && /Ref$/.test(e.expression.text) && ERROR_TEXT_NAME_RE.test(e.expression.text.slice(0, -3));
}

/**
 * `throw new Error(data.message ?? "failed")` (or any `…Error`/`…Exception`): the field only words
 * the error thrown; so does the text of an error a component shows, handed to its state setter
 * (`setError(json?.message || "failed")`, `setErrorMessage(…)`) or stored where it keeps that text
 * (`apiErrorRef.current = data.error ?? t("failed")`, `this.errorMessage = body.message`).
 */
function wordsThrownError(at: ts.Node, arg: ts.Node): boolean {
  if (ts.isCallExpression(at) && at.arguments.length === 1 && at.arguments[0] === arg && ts.isIdentifier(at.expression) && /^set\w*Error(?:Message|Text)?$/.test(at.expression.text)) return true;
  if (ts.isBinaryExpression(at) && at.operatorToken.kind === ts.SyntaxKind.EqualsToken && at.right === arg && errorTextHolder(at.left)) return true;
  // `throw Error(\`Api returned ${resp.data.status}\`)`: a built-in error class called without `new` builds the same error.
  if (ts.isCallExpression(at) && at.arguments[0] === arg && ts.isIdentifier(at.expression) && BUILTIN_ERROR_RE.test(at.expression.text)) return !!at.parent && ts.isThrowStatement(at.parent);
  if (!ts.isNewExpression(at) || at.arguments?.[0] !== arg || !ts.isIdentifier(at.expression) || !/(?:Error|Exception)$/.test(at.expression.text)) return false;
  return !!at.parent && ts.isThrowStatement(at.parent);
}

// A function or method named to throw what it is handed (uptime-kuma's `this.throwGeneralAxiosError(error)`).
const THROWER_RE = /^throw[A-Z]\w*$/;

/**
 * The value only words the text of an error thrown: put into a template or a string concatenation (`"Api
 * returned " + resp.data.status + "."`), held in a local whose every read is that text, handed to `new
 * Error(text)`, `throw Error(text)` or a function named to throw (`this.throwGeneralAxiosError(text)`).
 * The thrown error says what came back (production uptime-kuma's notification providers, session 39).
 */
function errorTextOnly(use: ts.Node): boolean {
  const text = stringBuiltFrom(use);
  if (text === use) return false;
  const at = text.parent;
  if (!at) return false;
  if (thrownWith(at, text)) return true;
  if (!ts.isVariableDeclaration(at) || at.initializer !== text || !ts.isIdentifier(at.name)) return false;
  const scope = at.parent?.parent?.parent;
  if (!scope || !ts.isBlock(scope)) return false;
  const refs = findRefs(at.name.text, scope, at.end);
  return refs.length > 0 && refs.every((r) => {
    const top = climb(r);
    return !!top.parent && thrownWith(top.parent, top);
  });
}

/** The outermost template or string concatenation `use` is part of, or `use` itself. */
function stringBuiltFrom(use: ts.Node): ts.Node {
  let cur = use;
  // Past a template or a string operand, every further `+` adds to the text.
  let text = false;
  for (;;) {
    const p = cur.parent;
    if (p && ts.isTemplateSpan(p) && p.expression === cur) {
      cur = p.parent;
      text = true;
    } else if (p && ts.isBinaryExpression(p) && p.operatorToken.kind === ts.SyntaxKind.PlusToken) {
      const other = p.left === cur ? p.right : p.left;
      if (!text && !isText(other)) return cur;
      cur = p;
      text = true;
    } else if (p && ts.isParenthesizedExpression(p)) cur = p;
    else return cur;
  }
}

/** A string literal, a template, or a `+` of which one side is one (`"code " + x + " ("`). */
function isText(e: ts.Expression): boolean {
  const u = unwrap(e);
  return ts.isStringLiteralLike(u) || ts.isTemplateExpression(u) || (ts.isBinaryExpression(u) && u.operatorToken.kind === ts.SyntaxKind.PlusToken && (isText(u.left) || isText(u.right)));
}

function thrownWith(at: ts.Node, arg: ts.Node): boolean {
  return wordsThrownError(at, arg) || (ts.isCallExpression(at) && at.arguments.length === 1 && at.arguments[0] === arg && THROWER_RE.test(calleeName(at) ?? ""));
}

/** The built-in error classes whose first argument is the message: called as a function, each returns a new error (ECMAScript: `Error(message)` is `new Error(message)`). */
const BUILTIN_ERROR_RE = /^(?:Error|TypeError|RangeError|SyntaxError|ReferenceError|EvalError|URIError)$/;

/** `Array.isArray(x)`. */
function isArrayCheck(call: ts.CallExpression): boolean {
  return calleeName(call) === "isArray" && receiverSegments(call).join(".") === "Array";
}

const ELEMENT_FILTERS = new Set(["filter", "find", "findLast", "some", "every"]);

/** `use.filter((v) => typeof v === "string")` (or `find`, `some`, `every`): reads no element but through its `typeof`. */
function scalarFilter(use: ts.Node, q: ts.Node): boolean {
  if (!ts.isPropertyAccessExpression(q) || q.expression !== use || !ELEMENT_FILTERS.has(q.name.text)) return false;
  const call = q.parent;
  if (!call || !ts.isCallExpression(call) || call.expression !== q || call.arguments.length !== 1) return false;
  const cb = call.arguments[0]!;
  if (!ts.isArrowFunction(cb) || cb.parameters.length !== 1 || !ts.isIdentifier(cb.parameters[0]!.name)) return false;
  // `(z) => /^\d{5}$/.test(z)`, `(v) => { return typeof v === "string"; }`
  const only = ts.isBlock(cb.body) && cb.body.statements.length === 1 ? cb.body.statements[0] : undefined;
  const body = ts.isBlock(cb.body) ? (only && ts.isReturnStatement(only) ? only.expression : undefined) : cb.body;
  return !!body && elementCheck(unwrap(body), cb.parameters[0]!.name.text);
}

/**
 * `typeof v === "string"` (a number's, a boolean's), `/^\d{5}$/.test(v)`, or an `&&` holding one: only elements
 * that pass a scalar check get through the filter.
 */
function elementCheck(b: ts.Expression, v: string): boolean {
  if (ts.isBinaryExpression(b) && b.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken) return elementCheck(unwrap(b.left), v) || elementCheck(unwrap(b.right), v);
  if (ts.isCallExpression(b)) {
    const arg = b.arguments[0];
    return !!arg && ts.isIdentifier(arg) && arg.text === v && isRegexTest(b, arg);
  }
  if (!ts.isBinaryExpression(b) || b.operatorToken.kind !== ts.SyntaxKind.EqualsEqualsEqualsToken || !ts.isStringLiteral(b.right) || !ts.isTypeOfExpression(b.left)) return false;
  const operand = unwrap(b.left.expression);
  return ts.isIdentifier(operand) && operand.text === v && ["string", "number", "boolean"].includes(b.right.text);
}

/** `Array.isArray(data.members) ? data.members : …` (optional links alike): the field is the branch its own array test picks. */
function arrayPicked(p: ts.PropertyAccessExpression): boolean {
  let top: ts.Node = p;
  while (top.parent && (ts.isParenthesizedExpression(top.parent) || ts.isAsExpression(top.parent))) top = top.parent;
  const c = top.parent;
  if (!c || !ts.isConditionalExpression(c) || c.whenTrue !== top) return false;
  const test = unwrap(c.condition);
  const tested = ts.isCallExpression(test) && isArrayCheck(test) && test.arguments[0] ? unwrap(test.arguments[0]).getText() : undefined;
  return tested !== undefined && tested.replace(/\?\./g, ".") === p.getText().replace(/\?\./g, ".") && !returnedAsIs(c);
}

/**
 * `return Array.isArray(body.data) ? body.data : [];`: the array returned whole, its unchecked elements typed
 * as the function's answer, is the use (as `return data as Row[]` is for a length read; production Dokploy's
 * `fetchInngestRunsForEvent`).
 */
function returnedAsIs(c: ts.ConditionalExpression): boolean {
  let top: ts.Node = c;
  while (top.parent && (ts.isParenthesizedExpression(top.parent) || ts.isAsExpression(top.parent) || ts.isSatisfiesExpression(top.parent))) top = top.parent;
  const at = top.parent;
  return !!at && (ts.isReturnStatement(at) || (ts.isArrowFunction(at) && at.body === top));
}

/** Every other read of the name only tests it (`Array.isArray(zips)`, `!zips`, `zips.length === 0`) or filters it so. */
function onlyFiltered(name: ts.Identifier): boolean {
  const b = findBinding(name);
  if (!b || b.kind !== "var") return false;
  return findRefs(name.text, scopeOf(b.decl), b.decl.end).every((r) => {
    const top = climb(r);
    const q = top.parent;
    if (!q) return false;
    if (isConditionPosition(top) || (ts.isCallExpression(q) && isArrayCheck(q))) return true;
    if (ts.isPropertyAccessExpression(q) && q.expression === top && q.name.text === "length") return true;
    return scalarFilter(top, q);
  });
}

/** `p` read where a guard (`typeof p`, or `Array.isArray(p)` given `Array.isArray(` as `test`) has already decided. */
function typeofGuarded(p: ts.Expression, sf: ts.SourceFile, test = "typeof "): boolean {
  // `typeof (item as any).title === "string" ? (item as any).title.trim() : ""`: the cast names the same field.
  const key = fieldKey(p, sf) ?? castFieldKey(p, sf);
  if (!key) return false;
  const needle = test.endsWith("(") ? `${test}${key})` : `${test}${key}`;
  // `typeof item.metadata?.title` decides `item.metadata.title` as well; so does `/^\d{4,8}$/.test(body.pin)`.
  const guards = (cond: ts.Expression) => {
    let text = withoutCasts(cond.getText(sf).replace(/\?\./g, "."));
    // `typeof req.body.progress !== "undefined"` only tests for presence: any other value passes it (held round 35,
    // BUP-Maintenance-HUB routes/issue.routes.js:396, decided finding: fields only tested so and stored).
    if (test === "typeof ") text = text.split(`${needle} !== "undefined"`).join("").split(`${needle} !== 'undefined'`).join("").split(`${needle} != "undefined"`).join("").split(`${needle} != 'undefined'`).join("");
    return text.includes(needle) || (test === "typeof " && text.includes(`.test(${key})`));
  };
  let cur: ts.Node = p;
  for (let n = p.parent; n && !isFunctionLike(n); cur = n, n = n.parent) {
    // `typeof b.x === "string" && b.x.length < 50`, `typeof b.x !== "string" || b.x.length > 50`
    if (ts.isBinaryExpression(n) && n.right === cur && (n.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken || n.operatorToken.kind === ts.SyntaxKind.BarBarToken) && guards(n.left)) return true;
    if (ts.isIfStatement(n) && n.thenStatement === cur && guards(n.expression)) return true;
    // `typeof d.x === "string" ? d.x : undefined`; `d.tier === "basic" || d.tier === "pro" ? d.tier : "pro"` (an allowlist of literals)
    if (ts.isConditionalExpression(n) && n.whenTrue === cur && (guards(n.condition) || (test === "typeof " && literalAllowlist(n.condition, key, sf)))) return true;
    if (ts.isBlock(n) && firstGuardingExit(n, `${test}\0${key}`, guards) < cur.pos) return true;
  }
  return false;
}

// Per block, its `if (…) return/throw` statements with no `else`; per block and guard (`typeof ` and field key),
// where the first of them that tests the field starts. One scan per block and guard, not one per read.
const exitingIfs = new TreeMemo<ts.Block, ts.IfStatement[]>();
const guardingExits = new TreeMemo<ts.Block, Map<string, number>>();

function firstGuardingExit(block: ts.Block, guard: string, guards: (cond: ts.Expression) => boolean): number {
  let byGuard = guardingExits.get(block);
  if (!byGuard) guardingExits.set(block, (byGuard = new Map()));
  let at = byGuard.get(guard);
  if (at === undefined) {
    let ifs = exitingIfs.get(block);
    if (!ifs) exitingIfs.set(block, (ifs = block.statements.filter((st): st is ts.IfStatement => ts.isIfStatement(st) && !st.elseStatement && exits(st.thenStatement))));
    at = ifs.find((st) => guards(st.expression))?.pos ?? Infinity;
    byGuard.set(guard, at);
  }
  return at;
}

/**
 * `domain` read where a `typeof domain === "string"` test has decided it (`if (!domain || typeof domain !== "string")
 * return …` above, or the branch of `if (typeof domain === "string")`): text, whatever the input's other scalars may be.
 */
function stringTested(value: ts.Identifier | ts.PropertyAccessExpression, sf: ts.SourceFile): boolean {
  if (!typeofGuarded(value, sf)) return false;
  const key = (fieldKey(value, sf) ?? "").replace(/[.$]/g, "\\$&");
  const text = enclosingFunction(value)?.body?.getText(sf).replace(/\?\./g, ".") ?? "";
  return !!key && new RegExp(`typeof\\s+${key}\\s*[!=]==?\\s*["']string["']`).test(text);
}

/** The flow of a value decided to be text: judged as a route's text is (the equality-filter decision, see equality-filter.ts). */
function asText(env: FlowEnv): FlowEnv {
  return { ...env, textScalars: true, typeTested: true, ...env.textFacts };
}

/** `(item as any).title` → `item.title`: a name cast in place, read through the cast. */
function withoutCasts(text: string): string {
  return text.replace(/\(\s*([\w$]+)\s+as\s+[^()]+?\)/g, "$1");
}

/** The field key of a read through a cast of a name (`(item as any).title`), see {@link withoutCasts}. */
function castFieldKey(p: ts.Expression, sf: ts.SourceFile): string | undefined {
  const text = p.getText(sf);
  if (!text.includes(" as ")) return undefined;
  const key = withoutCasts(text.replace(/\?\./g, "."));
  return key.length > 80 || /[(\s]/.test(key) ? undefined : key;
}

const CONFIG_ROOT_RE = /^(?:config|Config|CONFIG|settings|SETTINGS|env|ENV)$/;

/** `process.env.ADMIN_USER`, `config.adminUsername`, `this.env.PRICE_PRO`, `req.user.id`: a value the server is configured with, or the one its auth set. */
function configuredValue(e: ts.Expression): boolean {
  const x = unwrap(e);
  // `const ADMIN_SECRET_KEY = process.env.ADMIN_SECRET_KEY || "change-me"` in the handler: the server's value (or its own literal).
  if (ts.isIdentifier(x)) {
    const init = constInitializer(x);
    const v = init && unwrap(init);
    const configured = v && ts.isBinaryExpression(v) && FALLBACK_OPS.has(v.operatorToken.kind) && isLiteralOperand(v.right) ? unwrap(v.left) : v;
    return !!configured && ts.isPropertyAccessExpression(configured) && configuredValue(configured);
  }
  if (!ts.isPropertyAccessExpression(x)) return false;
  const base = unwrap(x.expression);
  // `decoded.uid` of `const decoded = verifyToken(token)`: the identity the signature check gave.
  if (ts.isIdentifier(base)) return CONFIG_ROOT_RE.test(base.text) || isVerifiedPayload(base);
  if (!ts.isPropertyAccessExpression(base)) return false;
  const root = unwrap(base.expression);
  if ((ts.isIdentifier(root) && root.text === "process" && base.name.text === "env") || (root.kind === ts.SyntaxKind.ThisKeyword && CONFIG_ROOT_RE.test(base.name.text))) return true;
  // `req.user.clientId`, `ctx.state.user.id`: the identity the auth middleware set, not the sender's.
  return AUTH_PART_RE.test(base.name.text) && (ts.isIdentifier(root) ? REQUEST_RE.test(root.text) : ts.isPropertyAccessExpression(root) && root.name.text === "state" && ts.isIdentifier(root.expression) && root.expression.text === "ctx");
}

const AUTH_PART_RE = /^(?:user|auth|principal|account)$/;
const REQUEST_RE = /^(?:req|request)$/;

/** `chain.every((c) => PROVIDERS.includes(c))`, `ids.every((id) => known.has(id))`: each element looked up in a list the callback does not take from the element. */
function elementAllowlist(call: ts.CallExpression): boolean {
  const cb = call.arguments[0] && unwrap(call.arguments[0]);
  if (!cb || !ts.isArrowFunction(cb) || cb.parameters.length !== 1 || !ts.isIdentifier(cb.parameters[0]!.name)) return false;
  const v = cb.parameters[0]!.name.text;
  const body = ts.isBlock(cb.body) ? (cb.body.statements.length === 1 && ts.isReturnStatement(cb.body.statements[0]!) ? cb.body.statements[0]!.expression : undefined) : cb.body;
  const test = body && unwrap(body);
  if (!test || !ts.isCallExpression(test) || (calleeName(test) !== "includes" && calleeName(test) !== "has") || test.arguments.length !== 1) return false;
  const arg = unwrap(test.arguments[0]!);
  const list = ts.isPropertyAccessExpression(test.expression) ? unwrap(test.expression.expression) : undefined;
  return ts.isIdentifier(arg) && arg.text === v && !!list && !list.getText().split(/[^\w$]+/).includes(v);
}

/** `x.tier === "basic" || x.tier === "pro"`: where it holds, the field is one of those literals. */
function literalAllowlist(cond: ts.Expression, key: string, sf: ts.SourceFile): boolean {
  const e = unwrap(cond);
  if (!ts.isBinaryExpression(e)) return false;
  const op = e.operatorToken.kind;
  if (op === ts.SyntaxKind.BarBarToken) return literalAllowlist(e.left, key, sf) && literalAllowlist(e.right, key, sf);
  if (op !== ts.SyntaxKind.EqualsEqualsEqualsToken && op !== ts.SyntaxKind.EqualsEqualsToken) return false;
  const [field, lit] = ts.isStringLiteral(unwrap(e.right)) || ts.isNumericLiteral(unwrap(e.right)) ? [e.left, e.right] : [e.right, e.left];
  return (ts.isStringLiteral(unwrap(lit)) || ts.isNumericLiteral(unwrap(lit))) && fieldKey(unwrap(field), sf) === key;
}

/**
 * `if (!(STATUS_VALUES as readonly string[]).includes(status)) throw …`: a value of any declared type
 * let through only when it is one of the list's own entries (an object is never `includes`-equal to
 * them), an allowlist like a scalar's. Only as the negated test of an `if` that leaves.
 */
function allowlistGate(call: ts.CallExpression, arg: ts.Node): boolean {
  const name = calleeName(call);
  if ((name !== "includes" && name !== "has") || call.arguments[0] !== arg || !ts.isPropertyAccessExpression(call.expression)) return false;
  const list = unwrap(call.expression.expression);
  if (!ts.isIdentifier(list) && !ts.isPropertyAccessExpression(list)) return false;
  const not = climb(call).parent;
  const test = not && ts.isPrefixUnaryExpression(not) && not.operator === ts.SyntaxKind.ExclamationToken ? not.parent : undefined;
  return !!test && ts.isIfStatement(test) && test.expression === not && !test.elseStatement && exits(test.thenStatement);
}

/**
 * `const n = Number(x)` (or `parseInt`, `parseFloat`) whose first read is an `if` with no `else` that leaves when `!n`
 * (alone or among `||` disjuncts: `if (!n || n < 1) return …`): only a number other than `NaN` and 0 goes on.
 */
function falsyNumberRejected(call: ts.CallExpression): boolean {
  const decl = climb(call).parent;
  if (!decl || !ts.isVariableDeclaration(decl) || decl.initializer !== climb(call) || !ts.isIdentifier(decl.name)) return false;
  if ((ts.getCombinedNodeFlags(decl) & ts.NodeFlags.Const) === 0) return false;
  const first = findRefs(decl.name.text, scopeOf(decl), decl.end)[0];
  if (!first) return false;
  const not = first.parent;
  if (!not || !ts.isPrefixUnaryExpression(not) || not.operator !== ts.SyntaxKind.ExclamationToken) return false;
  let cond: ts.Node = not;
  while (cond.parent && ts.isBinaryExpression(cond.parent) && cond.parent.operatorToken.kind === ts.SyntaxKind.BarBarToken) cond = cond.parent;
  while (cond.parent && ts.isParenthesizedExpression(cond.parent)) cond = cond.parent;
  const st = cond.parent;
  return !!st && ts.isIfStatement(st) && st.expression === cond && !st.elseStatement && exits(st.thenStatement);
}

/** The branch leaves the block it is in: `return`, `throw`, or in a loop `break`/`continue`. */
function exits(st: ts.Statement): boolean {
  const last = ts.isBlock(st) ? st.statements[st.statements.length - 1] : st;
  return !!last && (ts.isReturnStatement(last) || ts.isThrowStatement(last) || ts.isBreakStatement(last) || ts.isContinueStatement(last));
}

const OUTBOUND = new Set(["fetch", "axios", "got", "ky", "request", "get", "post"]);
/** `asObjectRecord(await req.json())`, `toPlainObject(body)`: a shape-less "is it an object" coercion hands the input on. */
const AS_OBJECT_RE = /^(?:as|to)(?:Object|Record|Plain|Json|Dict)(?:Record|Object)?$/;
const PASS_THROUGH = new Set(["pick", "omit", "clone", "cloneDeep", "structuredClone", "camelcaseKeys", "camelizeKeys", "snakecaseKeys", "merge", "defaults", "defaultsDeep", "freeze", "deepFreeze"]);

const CREDENTIAL_RE = /(?:key|token|secret)$/i;

/**
 * `` `https://maps.example.com/details?place_id=${placeId}&key=${apiKey}` ``: a raw value in the query string
 * of a request that carries the server's own key after it. A `&` in the value adds or overrides
 * parameters of a request made with the server's credentials (an `encodeURIComponent`'d value cannot).
 */
function keyedQueryValue(tpl: ts.TemplateExpression, span: ts.TemplateSpan): boolean {
  const at = tpl.templateSpans.indexOf(span);
  const before = [tpl.head.text, ...tpl.templateSpans.slice(0, at).map((s) => s.literal.text)].join("");
  if (!before.includes("?")) return false;
  return tpl.templateSpans.slice(at + 1).some((s) => {
    const e = unwrap(s.expression);
    const name = ts.isIdentifier(e) ? e.text : ts.isPropertyAccessExpression(e) ? e.name.text : undefined;
    return !!name && CREDENTIAL_RE.test(name);
  });
}

/** The span sits in the query string: a `?` comes before it in the template's text. */
function inQueryString(tpl: ts.TemplateExpression, span: ts.TemplateSpan): boolean {
  const at = tpl.templateSpans.indexOf(span);
  return [tpl.head.text, ...tpl.templateSpans.slice(0, at).map((s) => s.literal.text)].join("").includes("?");
}

/** A header that carries a credential: `Authorization`, `apikey`, `x-api-key`, `X-Shopify-Access-Token`. */
const CREDENTIAL_HEADER_RE = /^(?:authorization|apikey|api[-_]?key|x-[\w-]*(?:key|token|secret))$/i;

/** An object literal, or a `const` holding one. */
function objectOf(e: ts.Expression | undefined): ts.ObjectLiteralExpression | undefined {
  let x = e && unwrap(e);
  if (x && ts.isIdentifier(x)) {
    const init = constInitializer(x);
    x = init && unwrap(init);
  }
  return x && ts.isObjectLiteralExpression(x) ? x : undefined;
}

/**
 * Round 29's keyed-request rule with the key in a header: the outbound call (`fetch(url, { headers })`,
 * `axios.get(url, { headers: { apikey: key } })`) sends a credential header of the server's (a
 * supabase service-role `apikey`, a Bearer token), so a `&` in a value of its query string adds or
 * overrides parameters of a request made with the server's credentials.
 */
function keyedHeaders(call: ts.Node): boolean {
  if (!ts.isCallExpression(call)) return false;
  for (const a of call.arguments.slice(1)) {
    const headers = objectOf(a)?.properties.find((p) => nameText(p.name) === "headers");
    const value = headers && (ts.isPropertyAssignment(headers) ? headers.initializer : ts.isShorthandPropertyAssignment(headers) ? headers.name : undefined);
    if (objectOf(value)?.properties.some((h) => CREDENTIAL_HEADER_RE.test(nameText(h.name) ?? ""))) return true;
  }
  return false;
}

/**
 * `let url = \`${supabaseUrl}/rest/v1/User?role=eq.MENTOR\`; if (search) url += \`&name=ilike.*${search}*\`;
 * await fetch(url, { headers })`: a raw value appended to the query string of a URL the code built on a
 * fixed origin, then sent with a credential header (see keyedHeaders).
 */
function appendedQueryUse(tpl: ts.TemplateExpression, env: FlowEnv): Outcome {
  const top = climb(tpl);
  const a = top.parent;
  if (!a || !ts.isBinaryExpression(a) || a.right !== top || a.operatorToken.kind !== ts.SyntaxKind.PlusEqualsToken || !ts.isIdentifier(a.left)) return undefined;
  const b = findBinding(a.left);
  if (b?.kind !== "var" || b.element) return undefined;
  const init = b.decl.initializer && unwrap(b.decl.initializer);
  if (!init || !ts.isTemplateExpression(init) || !init.templateSpans[0]?.literal.text.includes("?") || !fixedOriginSpan("outbound URL", init)) return undefined;
  for (const ref of findRefs(a.left.text, scopeOf(b.decl), a.end)) {
    const o = analyzeValue(ref, "scalar", env);
    if (o?.kind === "unsafe" && o.why === "outbound URL" && keyedHeaders(o.at)) return unsafe(o.at, "keyed query");
    if (o) return undefined;
  }
  return undefined;
}

/** A fixed `https://host/` prefix keeps a URL on its host; a fixed `/path` keeps a redirect on the site. */
function fixedPrefix(why: string, head: string): boolean {
  return (why === "redirect" && /^\/[^/\\]/.test(head)) || (why === "outbound URL" && /^https?:\/\/[^/]+\//.test(head));
}

/**
 * `${process.env.APP_URL}/app/${workspace}`, `${dev ? "http://localhost:3000" : "https://app.example.com"}/…`:
 * a template that starts with an origin the code fixes (a configured URL, a literal one, a choice
 * of those) followed by a path keeps a redirect or an outbound URL on that host, like a literal
 * `https://host/` prefix. The origin must be followed by `/` (`${BASE}${q}` lets `@evil.com` in).
 */
function fixedOriginSpan(why: string, tpl: ts.TemplateExpression): boolean {
  if ((why !== "redirect" && why !== "outbound URL") || tpl.head.text !== "") return false;
  const first = tpl.templateSpans[0]!;
  return first.literal.text.startsWith("/") && !first.literal.text.startsWith("//") && fixedOrigin(first.expression, 0, why === "outbound URL");
}

const ENV_READ_RE = /^(?:process\.env|import\.meta\.env)\.[A-Za-z_][\w]*$|^Deno\.env\.get\(\s*["'][\w]+["']\s*\)$/;

/**
 * `empty`: an outbound URL, where an empty origin (`${process.env.BASE_URL || ""}/data/${name}.json`)
 * leaves a path on the server's own site (a redirect to `//` + the value would leave it).
 */
function fixedOrigin(expr: ts.Expression, depth: number, empty = false): boolean {
  const e = unwrap(expr);
  if (ts.isStringLiteralLike(e)) return /^https?:\/\/[^/\s@]+$/.test(e.text) || (empty && e.text === "");
  if (ts.isConditionalExpression(e)) return fixedOrigin(e.whenTrue, depth, empty) && fixedOrigin(e.whenFalse, depth, empty);
  if (ts.isBinaryExpression(e) && (e.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken || e.operatorToken.kind === ts.SyntaxKind.BarBarToken)) return fixedOrigin(e.left, depth, empty) && fixedOrigin(e.right, depth, empty);
  if (ts.isPropertyAccessExpression(e) || ts.isCallExpression(e)) return ENV_READ_RE.test(e.getText()) || (ts.isCallExpression(e) && originHelper(e, depth));
  if (ts.isTemplateExpression(e)) return originTemplate(e);
  if (ts.isIdentifier(e) && depth < 2) {
    const init = constInitializer(e);
    return !!init && fixedOrigin(init, depth + 1);
  }
  return false;
}

// An imported helper named for the app's own origin: `getUrl()`, `getBaseUrl()`, `getAppURL()`, `getOrigin()`, `siteUrl()`.
const ORIGIN_HELPER_RE = /^(?:get(?:Base|App|Site|Public|Server|Web|Frontend|Root|Host)?(?:Url|URL|Origin)|(?:base|app|site|public|server|web|frontend|root|host)(?:Url|URL|Origin))$/;

/**
 * `getUrl()` with no arguments: a function of the module whose every return is a fixed origin
 * (`if (process.env.NEXT_PUBLIC_URL) return process.env.NEXT_PUBLIC_URL; return "http://localhost:3001"`),
 * or one imported and named for the app's origin (`getBaseUrl`, `getAppUrl`, `getOrigin`).
 */
function originHelper(call: ts.CallExpression, depth: number): boolean {
  if (call.arguments.length > 0 || !ts.isIdentifier(call.expression) || depth >= 2) return false;
  const name = call.expression.text;
  const fn = topLevelFunction(name, call.getSourceFile());
  if (!fn) return importedName(name, call.getSourceFile()) && ORIGIN_HELPER_RE.test(name);
  if (!fn.body || fn.parameters.length > 0) return false;
  if (!ts.isBlock(fn.body)) return fixedOrigin(fn.body, depth + 1);
  const returns = ownReturns(fn.body);
  return returns.length > 0 && returns.every((r) => !!r.expression && fixedOrigin(r.expression, depth + 1));
}

/** `` `https://${process.env.RAILWAY_PUBLIC_DOMAIN}` ``: a scheme and configured host, no path or user part. */
function originTemplate(t: ts.TemplateExpression): boolean {
  if (!/^https?:\/\/[^/\s@?#]*$/.test(t.head.text)) return false;
  return t.templateSpans.every((s) => ENV_READ_RE.test(unwrap(s.expression).getText()) && /^[^/\s@?#]*$/.test(s.literal.text));
}

function importedName(name: string, sf: ts.SourceFile): boolean {
  return sf.statements.some((st) => {
    const nb = ts.isImportDeclaration(st) ? st.importClause?.namedBindings : undefined;
    return !!nb && ts.isNamedImports(nb) && nb.elements.some((el) => el.name.text === name);
  });
}

/** `config = await res.json()` into a `let` declared outside: every read of that variable is a use. */
function outerLetOutcome(target: ts.Identifier, kind: ValueKind, env: FlowEnv): Outcome {
  const b = findBinding(target);
  if (!b || b.kind !== "var" || b.element || !ts.isIdentifier(b.decl.name)) return undefined;
  // `data = JSON.parse(data)`: the reads of the variable include the one being assigned from; following it again would never end.
  if (followingLets.has(b.decl)) return undefined;
  followingLets.add(b.decl);
  try {
    for (const ref of findRefs(target.text, scopeOf(b.decl), b.decl.end)) {
      const q = ref.parent;
      if (q && ts.isBinaryExpression(q) && q.left === ref && q.operatorToken.kind === ts.SyntaxKind.EqualsToken) continue;
      const o = analyzeValue(ref, kind, env);
      if (o) return o;
    }
    return undefined;
  } finally {
    followingLets.delete(b.decl);
  }
}
/** The `let` declarations {@link outerLetOutcome} is following now. */
const followingLets = new Set<ts.Node>();

/**
 * `filters.search = req.query.search` into a local object literal (`const filters = {}`), or into
 * an object the handler parsed itself (`const data = JSON.parse(event.body); data.id =
 * event.pathParameters.id`), or pushed into a local array (`params.push(limit)`): the value goes
 * wherever the object goes later (`Model.find(filters)`, `ddb.put({ Item: data })`, `query(sql, params)`).
 */
function localObjectOutcome(target: ts.Identifier, kind: ValueKind, env: FlowEnv): Outcome {
  const b = findBinding(target);
  if (!b || b.kind !== "var" || b.element || !ts.isIdentifier(b.decl.name)) return undefined;
  let init = b.decl.initializer;
  while (init && (ts.isAsExpression(init) || ts.isParenthesizedExpression(init) || ts.isSatisfiesExpression(init))) init = init.expression;
  if (!init || !(ts.isObjectLiteralExpression(init) || ts.isArrayLiteralExpression(init) || (ts.isCallExpression(init) && isTextParser(init)))) return undefined;
  for (const ref of findRefs(target.text, scopeOf(b.decl), target.end)) {
    const q = ref.parent;
    if (q && (ts.isPropertyAccessExpression(q) || ts.isElementAccessExpression(q)) && q.expression === ref) continue;
    const o = containerOutcome(ref, kind, env);
    if (o) return o;
  }
  return undefined;
}

/** `this.name(…)`. */
function isThisCall(call: ts.CallExpression): boolean {
  const e = call.expression;
  return ts.isPropertyAccessExpression(e) && e.expression.kind === ts.SyntaxKind.ThisKeyword;
}

const thisCalls = new TreeMemo<ts.ClassLikeDeclaration, Map<string, ts.CallExpression[]>>();

/** The class's own `this.name(…)` calls by method name, gathered in one pass per class. */
function thisCallsOf(cls: ts.ClassLikeDeclaration): Map<string, ts.CallExpression[]> {
  let out = thisCalls.get(cls);
  if (out) return out;
  const found = new Map<string, ts.CallExpression[]>();
  const visit = (n: ts.Node): void => {
    if (ts.isCallExpression(n) && isThisCall(n)) {
      const m = (n.expression as ts.PropertyAccessExpression).name.text;
      (found.get(m) ?? found.set(m, []).get(m)!).push(n);
    }
    ts.forEachChild(n, visit);
  };
  for (const m of cls.members) visit(m);
  thisCalls.set(cls, (out = found));
  return out;
}

function isInside(node: ts.Node, outer: ts.Node): boolean {
  return node.pos >= outer.pos && node.end <= outer.end;
}

/** The outcome at the class's own calls of its method `name` (`this.makeRequest(url)`), for a value the method returns. */
function methodCallerOutcome(fn: ts.MethodDeclaration, name: string, kind: ValueKind, env: FlowEnv): Outcome {
  const inner: FlowEnv = { ...env, depth: env.depth + 1 };
  for (const call of thisCallsOf(fn.parent as ts.ClassLikeDeclaration).get(name) ?? []) {
    if (isInside(call, fn)) continue;
    const o = analyzeValue(call, kind, inner);
    if (o) return o;
  }
  for (const call of instanceCallsOf(fn.parent as ts.ClassLikeDeclaration, name, env.sf)) {
    const o = analyzeValue(call, kind, inner);
    if (o) return o;
  }
  return undefined;
}

/**
 * `const moderador = new IAModerador()` at the top of the module, then `await moderador.moderarTexto(mensaje)`: the
 * module's calls of the method through its one instance (Nionga1981/servimap `ia-moderador.js`, retired held round 41).
 */
function instanceCallsOf(cls: ts.ClassLikeDeclaration, name: string, sf: ts.SourceFile): ts.CallExpression[] {
  const holders = cls.name ? instanceHolders(sf).get(cls.name.text) : undefined;
  if (!holders) return [];
  return accessesNamed(sf, name).flatMap((a) => (ts.isIdentifier(a.expression) && holders.has(a.expression.text) && a.parent && ts.isCallExpression(a.parent) && a.parent.expression === a ? [a.parent] : []));
}

/** By class name, the names of the module's top-level `const x = new Class()` (one pass over the module's statements, memoized). */
function instanceHolders(sf: ts.SourceFile): Map<string, Set<string>> {
  let out = instanceHoldersMemo.get(sf);
  if (out) return out;
  out = new Map();
  for (const st of sf.statements) {
    if (!ts.isVariableStatement(st)) continue;
    for (const d of st.declarationList.declarations) {
      const init = d.initializer && unwrap(d.initializer);
      if (!ts.isIdentifier(d.name) || !init || !ts.isNewExpression(init) || !ts.isIdentifier(init.expression)) continue;
      const set = out.get(init.expression.text) ?? new Set<string>();
      set.add(d.name.text);
      out.set(init.expression.text, set);
    }
  }
  instanceHoldersMemo.set(sf, out);
  return out;
}

const instanceHoldersMemo = new TreeMemo<ts.SourceFile, Map<string, Set<string>>>();

/**
 * `return this.parsearResultado(resultado)` one hop up from the parse: a method that only hands on what another method of
 * its class returned is no hop of its own; its callers are judged as the first method's (at most two such hops).
 */
function passedThrough(ret: ts.Node, env: FlowEnv): FlowEnv {
  if (env.depth !== 1 || env.passed || !ts.isReturnStatement(ret) || !ret.expression) return env;
  let e: ts.Expression = unwrap(ret.expression);
  if (ts.isAwaitExpression(e)) e = unwrap(e.expression);
  return ts.isCallExpression(e) && isThisCall(e) ? { ...env, depth: 0, passed: true } : env;
}

/** The method `name` (with a body) of the class around `call`: what `this.name(…)` calls there. */
function ownMethod(call: ts.CallExpression, name: string): FunctionLike | undefined {
  let cls: ts.Node | undefined = call.parent;
  while (cls && !ts.isClassDeclaration(cls) && !ts.isClassExpression(cls)) cls = cls.parent;
  if (!cls) return undefined;
  for (const m of (cls as ts.ClassLikeDeclaration).members) {
    if (ts.isMethodDeclaration(m) && m.body && ts.isIdentifier(m.name) && m.name.text === name) return m;
  }
  return undefined;
}

/**
 * `cookieStore.set(Cookies.PreferredProvider, provider, { … })`, `cookies().set("theme", theme)`: the value
 * of a cookie under a constant name goes back to the same browser, keyed by nothing the sender chose.
 * A cookie jar is no store keyed by the value; a cookie named by the input (`set(req.query.name, …)`) stays a use.
 */
function cookieValue(call: ts.CallExpression, arg: ts.Node): boolean {
  if (!ts.isPropertyAccessExpression(call.expression) || (calleeName(call) !== "set" && calleeName(call) !== "append")) return false;
  if (!/cookie/i.test(call.expression.expression.getText()) || call.arguments.indexOf(arg as ts.Expression) < 1) return false;
  return constantName(call.arguments[0]!);
}

/** Methods of a key-value cache (Redis, Valkey, a `Map`-like cache) that take a key first. */
const CACHE_KEY_METHODS = new Set(["get", "set", "setex", "setEx", "del", "exists", "expire", "ttl", "getdel", "getDel", "unlink"]);

/** `redis.get(key)`, `cacheInstance.set(key, v)`, `this.sessionCache.del(key)`: a key-value cache's key-first method, by the receiver's name. */
function cacheKeyCall(call: ts.CallExpression): boolean {
  if (!ts.isPropertyAccessExpression(call.expression) || !CACHE_KEY_METHODS.has(call.expression.name.text)) return false;
  const last = receiverSegments(call).at(-1) ?? "";
  return /^(?:redis|valkey|cache|kv)(?:[A-Z_]|Instance|Client|$)|(?:Redis|Valkey|Cache|KV)(?:Client)?$/.test(last);
}

/** A literal, a `const` of one, or a constant's member (`Cookies.Theme`, `COOKIE_NAMES.theme`). */
function constantName(e: ts.Expression): boolean {
  const x = unwrap(e);
  if (ts.isStringLiteralLike(x)) return true;
  if (ts.isPropertyAccessExpression(x)) return ts.isIdentifier(x.expression) && /^[A-Z]/.test(x.expression.text);
  if (!ts.isIdentifier(x)) return false;
  const init = constInitializer(x);
  return !!init && ts.isStringLiteralLike(unwrap(init));
}

/** `ObjectId(id)`, `new Types.ObjectId(id)`, `new ObjectID(id)`, `ObjectId.createFromHexString(id)` with the value as the first argument. */
function isObjectIdCast(p: ts.Node, arg: ts.Node): p is ts.CallExpression | ts.NewExpression {
  if (!(ts.isCallExpression(p) || ts.isNewExpression(p)) || p.arguments?.[0] !== arg) return false;
  const callee = p.expression;
  const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
  if (name === "ObjectId" || name === "ObjectID") return true;
  return name === "createFromHexString" && ts.isPropertyAccessExpression(callee) && /^ObjectI[dD]$/.test(ts.isPropertyAccessExpression(callee.expression) ? callee.expression.name.text : ts.isIdentifier(callee.expression) ? callee.expression.text : "");
}

/**
 * `resolve(value)` where `resolve` is the first parameter of a `new Promise(…)` executor that the
 * enclosing helper returns (`return new Promise(…)`, or an arrow's body): the return, to follow to
 * the helper's callers like a returned value.
 */
function resolvedPromise(call: ts.CallExpression): ts.Node | undefined {
  if (!ts.isIdentifier(call.expression)) return undefined;
  const b = findBinding(call.expression);
  if (!b || b.kind !== "param" || b.index !== 0 || b.element) return undefined;
  const created = b.fn.parent;
  if (!created || !ts.isNewExpression(created) || created.arguments?.[0] !== b.fn || !ts.isIdentifier(created.expression) || created.expression.text !== "Promise") return undefined;
  const top = climb(created);
  const at = top.parent;
  if (at && ts.isReturnStatement(at)) return at;
  return at && ts.isArrowFunction(at) && at.body === top ? top : undefined;
}

/**
 * `parseJsonBody(event.body)` where the module's own `parseJsonBody` only returns `JSON.parse` of
 * its parameter (`return JSON.parse(body) as T`, besides presence tests that throw): named like a
 * validator, it decodes text and checks nothing. Followed like any helper of the module.
 */
const decodesOnly = new WeakMap<ts.Node, boolean>();

function onlyDecodesText(call: ts.CallExpression, env: FlowEnv): boolean {
  if (!ts.isIdentifier(call.expression)) return false;
  const fn = env.functions().get(call.expression.text);
  if (!fn) return false;
  let known = decodesOnly.get(fn);
  if (known === undefined) decodesOnly.set(fn, (known = decodesItsParameter(fn)));
  return known;
}

const passesThrough = new TreeMemo<FunctionLike, boolean>();

/**
 * `message = await checkInterrupt(message)` with `checkInterrupt(text: string)` returning `text` or
 * `text.slice(1).trimStart()`: named like a check, but every return gives the text back, whole or cut, so
 * nothing is refused; the project's function read (of this module or another), not its name.
 */
function textPassedThrough(call: ts.CallExpression, arg: ts.Node, env: FlowEnv): boolean {
  const index = call.arguments.indexOf(arg as ts.Expression);
  const fn = index === 0 ? env.calleeOf?.(call) : undefined;
  if (!fn) return false;
  let known = passesThrough.get(fn);
  if (known === undefined) passesThrough.set(fn, (known = returnsItsText(fn)));
  return known;
}

/** Every return of `fn` is its first parameter, or string methods applied to it (also through a `const`). */
function returnsItsText(fn: FunctionLike): boolean {
  const param = fn.parameters[0];
  if (!fn.body || !ts.isBlock(fn.body) || !param || !ts.isIdentifier(param.name)) return false;
  const name = param.name.text;
  const isText = (e: ts.Expression | undefined, depth: number): boolean => {
    let v = e && unwrap(e);
    while (v && ts.isCallExpression(v) && ts.isPropertyAccessExpression(v.expression) && STRING_TRANSFORMS.has(v.expression.name.text)) v = unwrap(v.expression.expression);
    if (!v || !ts.isIdentifier(v)) return false;
    if (v.text === name) return true;
    const init = depth < 2 ? constInitializer(v) : undefined;
    return !!init && isText(init, depth + 1);
  };
  const returns = ownReturns(fn.body);
  return returns.length > 0 && returns.every((r) => isText(r.expression, 0));
}

/** Every return of `fn` is `JSON.parse` of its first parameter. */
function decodesItsParameter(fn: FunctionLike): boolean {
  const param = fn.parameters[0];
  if (!fn.body || !param || !ts.isIdentifier(param.name)) return false;
  const name = param.name.text;
  const decodes = (e: ts.Expression | undefined): boolean => {
    const v = e && unwrap(e);
    if (!v || !ts.isCallExpression(v) || !isTextParser(v)) return false;
    const a = v.arguments[0] && unwrap(v.arguments[0]);
    return !!a && ts.isIdentifier(a) && a.text === name;
  };
  if (!ts.isBlock(fn.body)) return decodes(fn.body);
  const returns = ownReturns(fn.body);
  return returns.length > 0 && returns.every((r) => decodes(r.expression));
}

/**
 * A route's text looked up first through a Mongoose filter on `String` paths (`Issue.findOne({ $or: [{ issueId:
 * id }, { id }] })`, then `if (!issue) return 404`): see equality-filter.ts `mongooseTextFilter`.
 */
function textLookedUpFirst(call: ts.CallExpression, value: ts.Node, kind: ValueKind, env: FlowEnv): boolean {
  if (kind !== "scalar" || !env.textScalars) return false;
  // `eq(user.publicId, publicId)` in a Drizzle read of one row on a text column (see lookup-first.ts drizzleLookedUpFirst).
  const drizzle = env.drizzleText && call.arguments[1] === value ? drizzleRead(call, value, env.drizzleText) : undefined;
  if (drizzle && drizzleLookedUpFirst(drizzle, value)) return true;
  return !!env.mongooseText && mongooseTextFilter(call, env.mongooseText) && lookedUpFirst(call, value, false, true, true);
}

/** `parseDate(v) || today`, `parseDate(v) ?? null`: the call's failure gives way to a value of the code's own. */
function fallbackReplaced(call: ts.CallExpression): boolean {
  let cur: ts.Node = call;
  while (cur.parent && (ts.isParenthesizedExpression(cur.parent) || ts.isAwaitExpression(cur.parent))) cur = cur.parent;
  const p = cur.parent;
  return !!p && ts.isBinaryExpression(p) && p.left === cur && (p.operatorToken.kind === ts.SyntaxKind.BarBarToken || p.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken);
}

/**
 * `this.authService.validateUser(body.email, body.password)`, where the method (read one hop away) first
 * loads a record by the value (`findUnique({ where: { email } })`): named for validating, it is a lookup
 * (the docs: the imported function's unsafe use before any check is reported at the call). An ownership
 * check whose query also names the signed-in user (`validateStudyOwnership(id)`) stays a check, the
 * look-up-first decision's shape.
 */
function validatorLooksUp(call: ts.CallExpression, arg: ts.Node, env: FlowEnv, kind: ValueKind = "scalar"): boolean {
  const index = call.arguments.indexOf(arg as ts.Expression);
  const o = index >= 0 ? env.imported?.(call, index, kind) : undefined;
  // (A model under a client the class holds, `this.prisma.user.findUnique`, is a database call named for its service.)
  return o?.kind === "unsafe" && ts.isCallExpression(o.at) && (o.why === "database" || (o.why === "service" && modelAccess(o.at))) && !queryNamesOwner(o.at);
}

/**
 * `stripeService.handleWebhookEvent(req.body, signature)` with `const signature = req.headers["stripe-signature"]`:
 * the body handed, in one call, with the value of a header named for a signature. Nothing but a verification
 * (Stripe's `constructEvent`, an HMAC check) takes a signature, so the callee verifies the body the provider
 * signed (held round 35, launchify `subscription.controller.ts:195`, decided clean; the docs' signed provider
 * payload).
 */
function handedWithSignature(call: ts.CallExpression, arg: ts.Node): boolean {
  // (Stripe's own `constructEvent` is judged where its result replaces the body: under `if (secret)` the raw body
  // goes on unverified on the other path, round 28's fail-open rule; see readsOverwrittenValue.)
  if (/^constructEvent/.test(calleeName(call) ?? "")) return false;
  return call.arguments.some((a) => a !== arg && signatureHeader(a));
}

/** `req.headers["stripe-signature"]`, `request.headers.get("x-hub-signature-256")`, `req.get("stripe-signature")`, or a `const` holding one. */
function signatureHeader(e: ts.Expression): boolean {
  let x = unwrap(e);
  if (ts.isIdentifier(x)) {
    const init = constInitializer(x);
    if (!init) return false;
    x = unwrap(init);
  }
  const named = (n: ts.Expression | undefined) => !!n && ts.isStringLiteralLike(n) && /signature/i.test(n.text);
  if (ts.isElementAccessExpression(x)) return named(x.argumentExpression) && /headers$/.test(x.expression.getText());
  return ts.isCallExpression(x) && /^(?:get|header)$/.test(calleeName(x) ?? "") && x.arguments.length === 1 && named(x.arguments[0]) && /(?:headers|req|request)$/.test((x.expression as ts.PropertyAccessExpression).expression?.getText() ?? "");
}

/**
 * `stripe.checkout.sessions.retrieve(sessionId)`, `stripe.coupons.retrieve(code)`: a Stripe object read by the id
 * the caller sent, with the server's secret key (the docs: an action's argument or a body field used as a Checkout
 * session or coupon id is a use, debatable; held round 35, v0-community-marketplace `app/actions/stripe.ts:283`).
 */
function stripeRetrieve(call: ts.CallExpression): boolean {
  const segs = receiverSegments(call);
  return calleeName(call) === "retrieve" && segs.length >= 2 && /^stripe(?:Client)?$/i.test(segs[0] ?? "");
}

/**
 * The same value (by its text: `c.req.param("sessionId")` read again) was looked up first earlier in the function,
 * the miss ending the request (`const order = await storage.getOrderByCheckoutSession(id); if (!order) return 404`):
 * only an id the app's own store holds reaches the later call (the look-up-first decision).
 */
function lookedUpBefore(call: ts.CallExpression, arg: ts.Node): boolean {
  const fn = enclosingFunction(call);
  const text = arg.getText();
  let hit = false;
  const visit = (n: ts.Node): void => {
    if (hit || n.pos >= call.pos || (isFunctionLike(n) && n !== fn)) return;
    if (ts.isCallExpression(n) && n !== call) {
      const a = n.arguments.find((x) => x.getText() === text);
      if (a && lookedUpFirst(n, a, false, true)) {
        hit = true;
        return;
      }
    }
    ts.forEachChild(n, visit);
  };
  if (fn?.body) ts.forEachChild(fn.body, visit);
  return hit;
}

/** `s.length > n ? s.slice(0, m) … : s` (or the other way round): the test of a `?:` that yields the text cut or whole. */
function truncationTest(test: ts.BinaryExpression): boolean {
  let cur: ts.Node = test;
  while (cur.parent && ts.isParenthesizedExpression(cur.parent)) cur = cur.parent;
  const c = cur.parent;
  if (!c || !ts.isConditionalExpression(c) || c.condition !== cur) return false;
  const cut = (e: ts.Expression): boolean => {
    let found = false;
    const visit = (x: ts.Node): void => {
      if (ts.isCallExpression(x) && /^(?:slice|substring|substr)$/.test(calleeName(x) ?? "")) found = true;
      else if (!found) ts.forEachChild(x, visit);
    };
    visit(e);
    return found;
  };
  return cut(c.whenTrue) !== cut(c.whenFalse);
}

function isJsonStringify(call: ts.CallExpression): boolean {
  return calleeName(call) === "stringify" && receiverSegments(call).join(".") === "JSON";
}

/** A message's literal prefix tested, then the text cut apart (see {@link prefixThenCut}): a dispatch, no check. */
function messagePrefixDispatch(value: ts.Node, test: ts.CallExpression, method: string, env: FlowEnv): boolean {
  return !!env.message && method === "startsWith" && prefixThenCut(value, test);
}

/** An API gateway's relay of the whole exchange, the input its payload or in its path after a fixed segment (proxy.ts). */
function relayed(call: ts.CallExpression, arg: ts.Node, env: FlowEnv): boolean {
  return !env.sinkOnly && relayedByProxy(call, arg, (member) => injectedType(call, member));
}

/** Outcome of passing the input to a call: validator, sink, coercion, helper or nothing. */
function callOutcome(call: ts.CallExpression, arg: ts.Node, kind: ValueKind, env: FlowEnv): Outcome {
  const scalarish = kind === "scalar" || kind === "any";
  // `RefreshToken.isValid(token)`, `User.isEmailTaken(email)`: a model's question about stored rows looks the value up.
  if (scalarish && isModelQuestion(call, env.handles)) return unsafe(call, "database");
  const vk = onlyDecodesText(call, env) || (env.message && scalarish && textPassedThrough(call, arg, env)) ? undefined : validatorKind(call, arg, env.guards());
  // `parseISODateOnly(dateISO) || today`: a parse helper whose failure gives way to the code's own value
  // rejects nothing: the value handed to it is not checked (what the helper returns is its own value).
  if (vk === "throwing" && ts.isIdentifier(call.expression) && fallbackReplaced(call)) return undefined;
  if (vk && validatorLooksUp(call, arg, env, kind === "structured" ? kind : "scalar")) return unsafe(call, "database");
  if (vk === "throwing") return { kind: "validated" };
  if (vk === "checking") return isResultChecked(call) ? { kind: "validated" } : undefined;
  // `stripeService.handleWebhookEvent(req.body, signature)`: the raw body handed with the provider's signature.
  if (kind !== "scalar" && handedWithSignature(call, arg)) return { kind: "validated" };
  // `createHmac("sha256", secret).update(body).digest("hex")` compared with the request's signature, a mismatch ending it.
  if (kind !== "scalar" && hmacGated(call, arg)) return { kind: "validated" };
  if (scalarish && isScalarCheckCall(call, arg)) return { kind: "validated" };
  // `cb(null, file.originalname)` in multer's diskStorage `filename` callback: the name the upload is written under.
  if (scalarish && diskStorageNameCall(call, arg)) return unsafe(call, "file");
  // `this.tokenService.verifyJwt(jwtToken, JwtType.ATTACHMENT)`, `jwt.verify(token, secret)`: a scalar handed as
  // the token of a JWT check goes nowhere (what goes on is the verified payload, token.ts, as for a body field
  // only presence-tested and verified). No use, not a validation: the request's other values are still judged.
  if (kind === "scalar" && isJwtVerifyArg(arg)) return undefined;
  // `oauth2Client.getToken(code)`: an OAuth authorization code handed to the provider's code exchange (oauth-code.ts).
  if (scalarish && oauthCodeExchanged(arg) && testedBefore(arg)) return { kind: "validated" };
  // The callee read, not its name (verifier.ts): `tokenService.verifyRefreshToken(token)` whose body only hands it to
  // `jwt.verify` goes nowhere either; `verifyEmailToken(token)` that looks it up first and answers nothing on a miss,
  // the request ended here on that answer, lets only a token the store holds through.
  if (scalarish && env.callee && !env.sinkOnly) {
    const how = verifierOf(call, call.arguments.indexOf(arg as ts.Expression), env.callee);
    if (how === "signature") return undefined;
    if (how === "lookup-throws" || (how === "lookup" && answerTested(call))) return { kind: "validated" };
  }
  if (kind === "structured" && allowlistGate(call, arg)) return { kind: "validated" };
  const elsewhere = importedOutcome(call, arg, kind, env);
  if (elsewhere?.kind === "validated") return elsewhere;
  // Only compared there (`rows.filter((r) => r.serverId === serverId)`): nothing of the value goes on, whatever the callee's module is called.
  // Only compared there, and the code ends when nothing matched (`const pack = getPackById(id); if (!pack) throw …`):
  // a lookup in a list the server holds lets only its own values through, an allowlist.
  // (A value of any shape too: an object compared with `===` matches no entry of the list, and the code ends.)
  if (elsewhere?.kind === "compared") return kind !== "bag" && endsWhenNotFound(call) ? { kind: "validated" } : undefined;
  if (scalarish && cookieValue(call, arg)) return undefined;
  // `await cache.get(req.cookies.token)`, `redis.set(token, "blacklisted")`: a session cookie only the key of a
  // key-value cache (a token blacklist, a session entry) is looked up as a string, like a token handed to its verifier.
  if (env.cookie && scalarish && call.arguments[0] === arg && cacheKeyCall(call)) return undefined;
  // `cache.get(`${prefix}.${service}`)` of the `memory-cache` module: the key of the process's in-memory store (see memoryCacheKey).
  if (scalarish && memoryCacheKey(call, arg)) return undefined;
  // `put(path, file)`, `storage.from(b).upload(path, file)`: the File handed as the object's content names nothing.
  const sink = (isBlobPathCall(call) && call.arguments[0] !== arg) || isStorageContentArg(call, arg) ? undefined : sinkKind(call, scalarish, env.handles, env.services);
  if (sink === "file" && containedPath(call)) return { kind: "validated" };
  // `const row = await db.x.findFirst({ where: { id, userId } }); if (!row) throw new NotFoundException()`: the
  // value's first decisive use is the lookup of one row, the request ended on a miss (see lookedUpFirst).
  const database = sink === "database" || (!sink && isStoreMethodCall(call));
  if ((database || (sink === "service" && modelAccess(call))) && scalarish && (lookedUpFirst(call, arg) || textLookedUpFirst(call, arg, kind, env))) return { kind: "validated" };
  // `db.select().from(order).where(and(eq(order.id, id), …)).limit(1)` on a `sqliteTable`, the miss ending the request, then a write.
  const sqlite = env.sqliteTable;
  const sqliteRead = database && kind === "scalar" && sqlite ? drizzleRead(call, arg, (table) => sqlite(table)) : undefined;
  if (sqliteRead && drizzleSqliteLookedUpFirst(sqliteRead, arg)) return { kind: "validated" };
  // `.from(t).select().eq("email", email)`, `.prepare("SELECT … WHERE slug = ?").bind(slug)`: matched as it is (see equality-filter.ts).
  if (database && kind === "scalar" && env.textScalars && equalityFiltered(call, arg, arg, filterFacts(env))) return undefined;
  // `this.telegramService.sendMessage(adminId, adminMessage)`: a user's chat text only sent on as a chat message.
  if (sink === "service" && env.message && scalarish && chatTextRelayed(call, arg)) return undefined;
  // `this.httpService.callPaymentsServer(request, response, "api/reset", request.body)`: an API gateway's relay
  // hands the whole exchange on to the product's own backend, which validates (see relayedByProxy).
  if (sink === "service" && relayed(call, arg, env)) return undefined;
  if (sink) return unsafe(call, sink);
  if (database) return unsafe(call, "database");
  if (elsewhere) return elsewhere;
  // `stripe.checkout.sessions.retrieve(sessionId)`: the caller picks which Stripe object the server's key reads.
  if (scalarish && call.arguments[0] === arg && stripeRetrieve(call) && !lookedUpBefore(call, arg)) return unsafe(call, "service");
  // A value of any shape handed whole to the project's own client: `hdm.printReceipt(data)` (a scalar there is one argument among the client's own).
  // (A socket payload handed to it is judged by what the method does with it, read one hop above.)
  if ((kind === "structured" || kind === "any") && !env.sinkOnly && call.arguments[0] === arg && isBuiltServiceCall(call)) return unsafe(call, "service");
  // `fetch(url, { method: "POST", body: JSON.stringify(body) })`: the parsed body sent whole as an outbound request's payload.
  const sentWhole = kind === "structured" && call.arguments[0] === arg ? wholeBodySentCall(call) : undefined;
  if (sentWhole) return unsafe(sentWhole, "service");
  // `writeFileSync(file, JSON.stringify(data))`: a socket or tool payload serialized goes on as text, to where it is written.
  if (env.sinkOnly && kind !== "scalar" && call.arguments[0] === arg && isJsonStringify(call)) return analyzeValue(call, "scalar", env);
  if (env.message && kind !== "scalar" && subscriberCallback(call, arg)) return unsafe(call, "call");
  // `fetch(req.query.url)`: the request goes wherever the input says (SSRF).
  if (scalarish && call.arguments[0] === arg && OUTBOUND.has(calleeName(call) ?? "") && (ts.isIdentifier(call.expression) || receiverSegments(call)[0] === "axios")) return unsafe(call, "outbound URL");
  // `pick(JSON.parse(text), …)`, `structuredClone(body)`: the wrapper hands the input on.
  if (!scalarish && call.arguments[0] === arg && (PASS_THROUGH.has(calleeName(call) ?? "") || AS_OBJECT_RE.test(calleeName(call) ?? ""))) return analyzeValue(call, kind, env);
  const name = calleeName(call);
  if (isTextParser(call)) return env.parsedApart || env.parsedOnItsOwn?.(call) ? undefined : analyzeValue(call, "structured", env);
  if (name === "plainToInstance" || name === "plainToClass") return analyzeValue(call, kind, env);
  // `Number(q) || null`, `parseInt(q, 10) || 1`: NaN gives way to the code's own value, so only a number goes on
  // (a coercion with a check), unless it sizes or offsets a query (`.limit(parseInt(q) || 10)` still reads it all).
  if (scalarish && name && ts.isIdentifier(call.expression) && nanReplaced(call)) {
    const o = analyzeValue(call, "scalar", env);
    return o?.kind === "unsafe" && sizesQuery(call, o.at) ? o : undefined;
  }
  // `const productId = Number(ctx.params.productId); if (!productId) return ctx.badRequest(…)`: `NaN` (and 0) answered
  // before the number is used, a NaN check (retired round 45, majolika-cms `event-session.ts:301`, decided clean).
  if (scalarish && name && ts.isIdentifier(call.expression) && NUMERIC_COERCIONS.has(name) && falsyNumberRejected(call)) return { kind: "validated" };
  if (scalarish && name && ts.isIdentifier(call.expression) && COERCIONS.has(name)) return analyzeValue(call, "scalar", env);
  if (kind !== "scalar" && ts.isPropertyAccessExpression(call.expression) && ts.isIdentifier(call.expression.expression) && call.expression.expression.text === "Object") {
    // Copying route params or a query bag (`Object.assign({}, req.params)`) reads no field.
    if (name === "assign" && call.arguments[0] !== arg) {
      if (env.sinkOnly) return kind === "structured" && !env.uiState && call.arguments[0] && longLived(call.arguments[0]) ? unsafe(call, "stored") : undefined;
      // `const body = Object.assign({}, req.body)` only logged after (logged-copy.ts).
      if (kind !== "bag" && assignsIntoEmpty(call) && copyOnlyLogged(call, isLogCall)) return undefined;
      return kind === "bag" ? undefined : unsafe(call, "assigned into another object");
    }
    // (Only logged, `console.log("body", { keys: Object.keys(req.body || {}) })`, they read nothing that goes on.)
    if (name === "keys" && keysOnlyCounted(call, arg, env.sf)) return undefined;
    if (name === "entries" || name === "keys" || name === "values") return kind === "bag" || env.sinkOnly || loggedOrEchoed(call, false) ? undefined : unsafe(call, "property read");
    // `{ ...Object.fromEntries(form), sender }`: every field of the form spread into the object, as sent.
    if (name === "fromEntries") {
      const top = climb(call);
      if (kind !== "bag") return undefined;
      if (top.parent && ts.isSpreadAssignment(top.parent)) return containerOutcome(top, "structured", env) ?? unsafe(top.parent, "spread");
      // `const data = Object.fromEntries(await request.formData())`: the form made a plain object, read like a body.
      return call.arguments[0] === arg ? analyzeValue(call, "structured", env) : undefined;
    }
  }
  // A simple helper in the same file, or a method of the same class (`this.extractUrls(payload)`): follow the input into its parameter.
  if (name && (ts.isIdentifier(call.expression) || isThisCall(call)) && env.depth < 2) {
    const fn = ts.isIdentifier(call.expression) ? (env.functions().get(name) ?? localConstFunction(call.expression)) : ownMethod(call, name);
    const index = call.arguments.indexOf(arg as ts.Expression);
    const param = fn?.parameters[index];
    if (fn && param && fn.body) {
      const inner: FlowEnv = { ...env, depth: env.depth + 1, returnTo: { fn, call, env } };
      // `interpolateDeep(parsed)` where the helper reads its parameter only behind type tests (`typeof obj === "string"`,
      // `Array.isArray(obj)`) and otherwise returns it: it decides every shape, and what it returns goes on at the call
      // (`configSchema.parse(interpolateDeep(parsed))`; held round 35, claude-telegram's config loader).
      if (kind !== "scalar" && ts.isIdentifier(param.name) && typeDispatcher(fn, param.name)) return analyzeValue(call, kind, env);
      // `stringParam(req.query.name, "name")` where the helper throws on any other type first (see param-checker.ts).
      if (ts.isIdentifier(call.expression) && typeCheckedParam(fn, index, env.functions())) return { kind: "validated" };
      if (ts.isIdentifier(param.name)) {
        for (const ref of findRefs(param.name.text, fn.body, fn.body.pos)) {
          const o = analyzeValue(ref, kind, inner);
          if (o?.kind === "validated") return o;
          if (o) return o;
        }
      } else if (env.sinkOnly) {
        // `function saveRoom({ name, gameType })`: each field judged where the helper sends it.
        return parameterOutcome(param, kind, inner);
      } else if (kind === "structured" || kind === "any") {
        return unsafe(param.name, "destructured");
      }
      return undefined;
    }
  }
  return undefined;
}

/**
 * A recursive walker that rebuilds the value (`interpolateDeep(obj)`): it calls itself, and every read of its parameter
 * `name` is a type test (`typeof obj`, `Array.isArray(obj)`, `obj !== null`), returns it as given, hands it back to
 * itself (`obj.map(interpolateDeep)`), returns what a call makes of it once a `typeof` test decided it is a string, number
 * or boolean (`if (typeof obj === "string") return interpolateEnv(obj)`), or lists its entries behind `typeof obj ===
 * "object"` (`Object.entries(obj)`, each value walked again).
 */
function typeDispatcher(fn: FunctionLike, name: ts.Identifier): boolean {
  const self = functionName(fn);
  if (!fn.body || !self) return false;
  const body = fn.body;
  const sf = fn.getSourceFile();
  const callsSelf = (n: ts.Node): boolean => (ts.isCallExpression(n) && ts.isIdentifier(n.expression) && n.expression.text === self) || ts.forEachChild(n, callsSelf) === true;
  if (!callsSelf(body)) return false;
  const refs = findRefs(name.text, body, body.pos);
  let tested = false;
  const ok = refs.every((r) => {
    const top = climb(r);
    const q = top.parent;
    if (!q) return false;
    if (ts.isTypeOfExpression(q) || (ts.isCallExpression(q) && q.arguments[0] === top && isArrayCheck(q))) return (tested = true);
    if (ts.isBinaryExpression(q) && (q.operatorToken.kind === ts.SyntaxKind.ExclamationEqualsEqualsToken || q.operatorToken.kind === ts.SyntaxKind.EqualsEqualsEqualsToken) && (q.left.kind === ts.SyntaxKind.NullKeyword || q.right.kind === ts.SyntaxKind.NullKeyword)) return true;
    if (ts.isReturnStatement(q) || (ts.isArrowFunction(q) && q.body === top)) return true;
    if (ts.isCallExpression(q) && ts.isIdentifier(q.expression) && q.expression.text === self) return true;
    // `return obj.map(interpolateDeep)` behind `Array.isArray(obj)`.
    if (ts.isPropertyAccessExpression(q) && q.expression === top && q.name.text === "map" && q.parent && ts.isCallExpression(q.parent) && q.parent.arguments.length === 1 && ts.isIdentifier(q.parent.arguments[0]!) && (q.parent.arguments[0] as ts.Identifier).text === self) return typeofGuarded(r, sf, "Array.isArray(") && !!q.parent.parent && ts.isReturnStatement(q.parent.parent);
    // `return interpolateEnv(obj)` behind `typeof obj === "string"`.
    if (ts.isCallExpression(q) && q.arguments.includes(top as ts.Expression) && q.parent && ts.isReturnStatement(q.parent)) return primitiveTested(r);
    // `Object.entries(obj)` behind `typeof obj === "object"`.
    if (ts.isCallExpression(q) && q.arguments[0] === top && /^Object\.(?:entries|keys|values)$/.test(q.expression.getText(sf))) return typeofGuarded(r, sf);
    return false;
  });
  return ok && tested;
}

const PRIMITIVE_TYPEOF_RE = /^typeof\s+([\w$]+)\s*===?\s*["'](?:string|number|boolean)["']$/;

/** `r` (a name) read in the branch of `if (typeof r === "string")` (a number's, a boolean's). */
function primitiveTested(r: ts.Node): boolean {
  if (!ts.isIdentifier(r)) return false;
  let cur: ts.Node = r;
  for (let n = r.parent; n && !isFunctionLike(n); cur = n, n = n.parent) {
    if (ts.isIfStatement(n) && n.thenStatement === cur) return PRIMITIVE_TYPEOF_RE.exec(unwrap(n.expression).getText().replace(/\s+/g, " "))?.[1] === r.text;
  }
  return false;
}

/**
 * `const deleteChildren = async (parentId) => { … }` declared inside the handler and called with the
 * input (`await deleteChildren(params.id)`): a helper of the same file, like a top-level one.
 */
function localConstFunction(callee: ts.Identifier): FunctionLike | undefined {
  const b = findBinding(callee);
  if (!b || b.kind !== "var" || b.element || !(b.decl.parent.flags & ts.NodeFlags.Const)) return undefined;
  const init = b.decl.initializer && unwrap(b.decl.initializer);
  return init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) ? init : undefined;
}

/**
 * `consume(queue, (msg) => callback(JSON.parse(msg.content.toString())))` in `consumeMessage(queue, callback)`:
 * a consumer wrapper hands the message whole to the callback its caller gave it, so every subscriber
 * gets it as sent. The callee is a parameter of a function around the message's own handler (not the
 * handler's own parameter, such as socket.io's `ack`).
 */
function subscriberCallback(call: ts.CallExpression, arg: ts.Node): boolean {
  if (!ts.isIdentifier(call.expression) || call.arguments[0] !== arg) return false;
  const b = findBinding(call.expression);
  if (!b || b.kind !== "param" || b.element || b.param.dotDotDotToken) return false;
  // The handler that holds the call is nested in the function whose parameter is called.
  for (let n: ts.Node | undefined = call.parent; n && n !== b.fn; n = n.parent) if (isFunctionLike(n)) return true;
  return false;
}

/**
 * `const file = path.resolve(ROOT, name); if (!file.startsWith(ROOT)) return …`: a path built from
 * the input (through nested path calls) into a name whose containment is tested (a `startsWith`
 * in a condition, or a `path.relative` of it) before any other use of the name.
 */
function containedPath(call: ts.CallExpression): boolean {
  if (!isPathBuilder(call)) return false;
  let top: ts.Node = climb(call);
  while (top.parent && isPathBuilder(top.parent) && top.parent.arguments.includes(top as ts.Expression)) top = climb(top.parent);
  // `path.normalize(req.url).replace(/^(\.\.[/\\])+/, "")`: the leading `..` segments stripped.
  const strip = top.parent;
  if (strip && ts.isPropertyAccessExpression(strip) && strip.name.text === "replace" && strip.parent && ts.isCallExpression(strip.parent)) {
    const re = strip.parent.arguments[0];
    return !!re && ts.isRegularExpressionLiteral(re) && re.text.includes("\\.\\.");
  }
  const decl = top.parent;
  if (!decl || !ts.isVariableDeclaration(decl) || decl.initializer !== top || !ts.isIdentifier(decl.name)) return false;
  for (const ref of findRefs(decl.name.text, scopeOf(decl), decl.name.end)) {
    const p = ref.parent;
    if (p && ts.isPropertyAccessExpression(p) && p.expression === ref && p.name.text === "startsWith" && p.parent && ts.isCallExpression(p.parent) && isConditionPosition(climb(p.parent))) return true;
    const up = climb(ref).parent;
    if (up && ts.isCallExpression(up) && calleeName(up) === "relative" && receiverSegments(up)[0] === "path") return true;
    if (up && ts.isCallExpression(up) && up.arguments.includes(climb(ref) as ts.Expression) && !isLogCall(up)) return false;
  }
  return false;
}

/**
 * `switch (origin) { case Origin.ADMIN: url = ADMIN_URL; break; … default: url = BASE_URL }`:
 * a scalar mapped to values of the code's own, every case a literal or a constant member, with a
 * `default`, and the scalar read nowhere else in its function: an allowlist, nothing of it goes on.
 * Read again (`db.find(id)` after `switch (id) { case "demo": return DEMO }`), it is not.
 */
function allowlistSwitch(sw: ts.SwitchStatement, value: ts.Node): boolean {
  const clauses = sw.caseBlock.clauses;
  if (!clauses.some(ts.isDefaultClause)) return false;
  for (const c of clauses) {
    if (!ts.isCaseClause(c)) continue;
    const e = unwrap(c.expression);
    if (!(ts.isStringLiteralLike(e) || ts.isNumericLiteral(e) || (ts.isPropertyAccessExpression(e) && ts.isIdentifier(e.expression)))) return false;
  }
  if (!ts.isIdentifier(value)) return false;
  const fn = enclosingFunction(sw);
  if (!fn?.body) return false;
  return findRefs(value.text, fn.body, fn.body.pos).every((r) => r === value);
}

/** A value returned from a `.then` callback flows on to the promise; other returns are pass-through. */
function returnOutcome(p: ts.Node, kind: ValueKind, env: FlowEnv): Outcome {
  let fn: ts.Node | undefined = p;
  while (fn && !isFunctionLike(fn)) fn = fn.parent;
  if (!fn || !fn.parent) return undefined;
  // `const { title } = ((value) => { try { return JSON.parse(value) } catch { … } })(text)`: the invocation is the value.
  const invocation = invokedHere(fn);
  if (invocation) return analyzeValue(invocation, kind, env);
  // `parseJsonBody(event.body)` where the helper returns `JSON.parse(body)`: the result goes on at the call.
  // (A scalar's text returned by a string helper is not followed back: its parse is an input of its own.)
  if (env.returnTo?.fn === fn && kind !== "scalar") return analyzeValue(env.returnTo.call, kind, env.returnTo.env);
  if (!ts.isCallExpression(fn.parent)) return callerOutcome(fn as FunctionLike, kind, passedThrough(p, env)) ?? ((env.parsedText || (env.remoteReply && ownApiClient(fn as FunctionLike))) && handedOut(fn as FunctionLike, p, env) ? unsafe(p, "returned") : undefined);
  const call = fn.parent;
  if (calleeName(call) !== "then" || call.arguments[0] !== fn) return undefined;
  const next = call.parent;
  if (next && ts.isPropertyAccessExpression(next) && next.name.text === "then" && next.parent && ts.isCallExpression(next.parent)) {
    const cb = next.parent.arguments[0];
    if (cb && (ts.isArrowFunction(cb) || ts.isFunctionExpression(cb))) {
      const param = cb.parameters[0];
      if (!param) return undefined;
      if (!ts.isIdentifier(param.name)) return kind === "structured" ? unsafe(param.name, "destructured") : undefined;
      for (const ref of findRefs(param.name.text, cb.body, cb.body.pos)) {
        const o = analyzeValue(ref, kind, env);
        if (o) return o;
      }
      return undefined;
    }
    return undefined;
  }
  return analyzeValue(call, kind, env);
}

/**
 * `export async function generateInsights(…) { …; return JSON.parse(text) }`: a parsed document handed whole
 * to the code that asked for it in other modules (an exported function, or a method of an exported class,
 * that nothing in its own module calls), reported once at its parse (the docs, jsonParseExternal: a model's
 * JSON parsed in a shared service and returned).
 */
function handedOut(fn: FunctionLike, ret: ts.Node, env: FlowEnv): boolean {
  if (env.depth > 0 || unknownOut(fn, ret)) return false;
  let exported = isExportedFunction(fn) || listedInExport(fn);
  if (!exported && ts.isMethodDeclaration(fn) && ts.isClassDeclaration(fn.parent)) {
    const mods = ts.getModifiers(fn) ?? [];
    exported = !mods.some((m) => m.kind === ts.SyntaxKind.PrivateKeyword || m.kind === ts.SyntaxKind.ProtectedKeyword) && !!ts.getModifiers(fn.parent)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword) && !ts.isPrivateIdentifier(fn.name);
  }
  const name = functionName(fn);
  if (!exported || !name) return false;
  return findRefs(name, env.sf, 0).every((r) => !r.parent || !(ts.isCallExpression(r.parent) || (ts.isPropertyAccessExpression(r.parent) && r.parent.name === r && !!r.parent.parent && ts.isCallExpression(r.parent.parent))));
}

/**
 * `export async function getCalls() { const response = await fetch("/api/twilio/calls"); …; return response.json() }`:
 * a typed client helper handing the app's own API reply, fetched by a literal relative path, whole to the modules
 * that import it (held rounds 25, 26 and 29: a use at its `json()`). Every `fetch` of the function takes such a path.
 */
function ownApiClient(fn: FunctionLike): boolean {
  if (!fn.body) return false;
  const paths: ts.Expression[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isCallExpression(n) && ts.isIdentifier(n.expression) && n.expression.text === "fetch") paths.push(n.arguments[0] ? unwrap(n.arguments[0]) : n);
    if (!isFunctionLike(n)) ts.forEachChild(n, visit);
  };
  ts.forEachChild(fn.body, visit);
  return paths.length > 0 && paths.every((u) => {
    const head = ts.isStringLiteralLike(u) ? u.text : ts.isTemplateExpression(u) ? u.head.text : undefined;
    return head !== undefined && /^\/[^/\\]/.test(head);
  });
}

/** `return JSON.parse(text) as unknown`, `(): Promise<unknown>`: handed out as `unknown`, which TypeScript makes every reader check. */
function unknownOut(fn: FunctionLike, ret: ts.Node): boolean {
  const e = ts.isReturnStatement(ret) ? ret.expression : undefined;
  if (e && ts.isAsExpression(e) && e.type.kind === ts.SyntaxKind.UnknownKeyword) return true;
  const t = fn.type?.getText().replace(/\s+/g, "");
  return t === "unknown" || t === "Promise<unknown>";
}

/** The call that invokes the function expression `fn` where it is written (`((v) => …)(text)`). */
function invokedHere(fn: ts.Node): ts.CallExpression | undefined {
  if (!ts.isArrowFunction(fn) && !ts.isFunctionExpression(fn)) return undefined;
  let callee: ts.Node = fn;
  while (callee.parent && ts.isParenthesizedExpression(callee.parent)) callee = callee.parent;
  const call = callee.parent;
  return call && ts.isCallExpression(call) && call.expression === callee ? call : undefined;
}

/**
 * A same-file helper that returns the input (`function loadConfig() { return JSON.parse(…) }`)
 * passes it through: the use at its callers is what counts. One level deep; the scan for
 * call sites is bounded and only runs for such helpers.
 */
function callerOutcome(fn: FunctionLike, kind: ValueKind, env: FlowEnv): Outcome {
  if (env.depth > 0) return undefined;
  // A method of a class (`return response.data` in `private async makeRequest(url)`): its callers are the class's own `this.makeRequest(…)`.
  if (ts.isMethodDeclaration(fn) && ts.isIdentifier(fn.name) && (ts.isClassDeclaration(fn.parent) || ts.isClassExpression(fn.parent))) return methodCallerOutcome(fn, fn.name.text, kind, env);
  const name = functionName(fn);
  if (!name || env.functions().get(name) !== fn) return undefined;
  const inner: FlowEnv = { ...env, depth: env.depth + 1 };
  for (const ref of findRefs(name, env.sf, 0)) {
    const call = ref.parent;
    if (!call || !ts.isCallExpression(call) || call.expression !== ref) continue;
    const o = analyzeValue(call, kind, inner);
    if (o) return o;
  }
  return undefined;
}

/** `x !== undefined`, `x === null`, `undefined != x`: `use` compared with absence. */
function comparedToAbsent(q: ts.BinaryExpression, use: ts.Node): boolean {
  const op = q.operatorToken.kind;
  if (op !== ts.SyntaxKind.ExclamationEqualsEqualsToken && op !== ts.SyntaxKind.EqualsEqualsEqualsToken && op !== ts.SyntaxKind.ExclamationEqualsToken && op !== ts.SyntaxKind.EqualsEqualsToken) return false;
  const other = q.left === use ? q.right : q.right === use ? q.left : undefined;
  return !!other && (other.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(other) && other.text === "undefined"));
}
