import { ts } from "../../engine/ts";
import { calleeName, importBindings } from "../../engine/ast";
import { climb, findRefs, isConditionPosition, receiverSegments, scopeOf, unwrap } from "./ast";

/**
 * How a validator reports failure: `throwing` validators (Zod `parse`, superstruct `assert`,
 * yup `validate` awaited) gate the code after them by themselves; `checking` ones (Zod
 * `safeParse`, joi `validate`, io-ts `decode`, ajv, TypeBox `Value.Check`, type guards) only
 * count when their result is looked at.
 */
export type ValidatorKind = "throwing" | "checking";

/**
 * What the guards map holds per name: a validator, `"module"` for a validation module imported whole, or
 * `"checker"` for a ts-interface-checker checker (`const { User } = createCheckers(UserTI)`).
 */
export type GuardKind = ValidatorKind | "module" | "checker";

// Parsers that share a method name with schema libraries but check nothing.
const NOT_SCHEMA_RECEIVERS = new Set(["JSON", "JSON5", "YAML", "yaml", "qs", "querystring", "url", "path", "Date", "cookie", "cookies", "csv", "Papa", "papa", "toml", "TOML", "ini", "dotenv", "marked", "parser", "Number", "BigInt", "URL", "new"]);

const THROWING_METHODS = new Set(["parse", "parseAsync", "validateSync", "validateAsync", "validateOrReject", "cast", "assert", "Parse", "Decode", "Assert"]);
const CHECKING_METHODS = new Set(["safeParse", "safeParseAsync", "spa", "validate", "decode", "Check", "is", "isValid", "isValidSync", "guard"]);

// Bare (imported) functions of valibot, superstruct, class-validator and friends.
const BARE_THROWING = new Set(["parse", "parseAsync", "assert", "create", "validateOrReject", "assertType", "assertIs", "mask"]);
const BARE_CHECKING = new Set(["safeParse", "safeParseAsync", "is", "validate", "validateSync", "isValid", "decode"]);

// User-written validators: `validateOrder(body)`, `assertIsUser(x)`, `isCreateUser(x)`, `parseInput(x)`.
const USER_VALIDATOR_RE = /^(?:validate|assert|ensure|check|parse|sanitize|decode|is)[A-Z_]/;
// Built-ins and library functions named like validators: `decodeURIComponent(key)` decodes, fs-extra's `ensureDir(dir)` creates.
const NOT_VALIDATOR_NAMES = new Set(["isArray", "isNaN", "isFinite", "isBuffer", "isInteger", "isSafeInteger", "parseInt", "parseFloat", "decodeURIComponent", "decodeURI", "ensureDir", "ensureDirSync", "ensureFile", "ensureFileSync"]);

// Methods of a Result/Either value (fp-ts, neverthrow, DDD value objects): `Email.create(x).fold(…)`.
const RESULT_METHODS = new Set(["fold", "isLeft", "isRight", "isOk", "isErr", "isFailure", "isFailed", "isSuccess", "mapLeft", "getOrElse", "unwrapOr"]);
// The tests of a held Result: `if (emailOrError.isFailed())`, `if (result.isFailure)`, `if (r.isErr())`.
const RESULT_TESTS = new Set(["isLeft", "isRight", "isOk", "isErr", "isFailure", "isFailed", "isSuccess"]);

/**
 * `const usernameOrError = Username.create(request.params.email); if (usernameOrError.isFailed()) return 400`:
 * a value object's static factory (`Pascal.method(…)`, not awaited) whose Result is held in a `const` and
 * tested in a condition, the documented Result/Either factory written in two statements.
 */
function heldResultTested(call: ts.CallExpression): boolean {
  const e = call.expression;
  if (!ts.isPropertyAccessExpression(e) || !ts.isIdentifier(e.expression) || !/^[A-Z][a-z]/.test(e.expression.text)) return false;
  const top = climb(call);
  const decl = top.parent;
  if (!decl || !ts.isVariableDeclaration(decl) || decl.initializer !== top || !ts.isIdentifier(decl.name)) return false;
  if (!ts.isVariableDeclarationList(decl.parent) || !(decl.parent.flags & ts.NodeFlags.Const)) return false;
  return findRefs(decl.name.text, scopeOf(decl), decl.end).some((ref) => {
    const access = ref.parent;
    if (!access || !ts.isPropertyAccessExpression(access) || access.expression !== ref || !RESULT_TESTS.has(access.name.text)) return false;
    const test = access.parent && ts.isCallExpression(access.parent) && access.parent.expression === access ? access.parent : access;
    return isConditionPosition(climb(test));
  });
}

/** Classifies a call that receives the input as an argument, or undefined when it is no validator. */
export function validatorKind(call: ts.CallExpression, arg: ts.Node, guards: ReadonlyMap<string, GuardKind>): ValidatorKind | undefined {
  const e = call.expression;
  const name = calleeName(call);
  if (!name) return undefined;
  // A factory whose result is a Result/Either checks its input: `DeliveryAddress.create(text).fold(onError, onValue)`.
  const up = climb(call).parent;
  if (up && ts.isPropertyAccessExpression(up) && RESULT_METHODS.has(up.name.text)) return "throwing";
  if (heldResultTested(call)) return "throwing";
  if (ts.isPropertyAccessExpression(e)) {
    const recv = receiverSegments(call);
    const root = recv[0];
    if (root && NOT_SCHEMA_RECEIVERS.has(root) && recv.length === 1) return undefined;
    // `ValidationUtils.validateRequiredProductFields(x)`, `validators.login(x)`: a module the project keeps its validation in.
    if (root && recv.length === 1 && guards.get(root) === "module") return /^(?:is|check|has)[A-Z_]/.test(name) ? "checking" : "throwing";
    // ts-interface-checker: `checkers.ParseFileResult.check(result)` and `strictCheck` throw, `test`/`strictTest` answer a boolean.
    const ti = tsInterfaceCheck(name, recv, guards);
    if (ti) return ti;
    // valibot namespace style: v.parse(Schema, input), v.safeParse(Schema, input).
    if (THROWING_METHODS.has(name)) return "throwing";
    if (name === "validate") {
      // yup's validate rejects; joi's returns { error }: awaited means yup.
      return ts.isAwaitExpression(call.parent) ? "throwing" : "checking";
    }
    if (CHECKING_METHODS.has(name)) return "checking";
    if (name === "create" && recv.length === 1 && (root === "s" || root === "superstruct")) return "throwing";
    // A method named for validating (`Song.validateUpdate(body)`, `UserValidator.validateCreate(body)`), like a user-written `validateOrder(body)`.
    if (/^validate[A-Z_]/.test(name)) return "throwing";
    return undefined;
  }
  if (!ts.isIdentifier(e)) return undefined;
  const guard = guards.get(name);
  // A validation module's default export called directly (`const validateRegisterInput = require("../validation/register")`).
  if (guard) return guard === "module" ? "throwing" : guard === "checker" ? undefined : guard;
  if (BARE_THROWING.has(name)) return call.arguments.length >= 2 || name === "validateOrReject" ? "throwing" : undefined;
  if (BARE_CHECKING.has(name)) return name === "validate" || name === "validateSync" || call.arguments.length >= 2 ? "checking" : undefined;
  if (NOT_VALIDATOR_NAMES.has(name)) return undefined;
  if (USER_VALIDATOR_RE.test(name)) return /^(?:is|check)/.test(name) ? "checking" : "throwing";
  return undefined;
}

const TI_THROWING = new Set(["check", "strictCheck"]);
const TI_CHECKING = new Set(["test", "strictTest", "strictValidate"]);

/**
 * A ts-interface-checker `Checker`'s method: one of the `checkers` object `createCheckers(…)` builds
 * (`checkers.ParseFileResult.check(x)`, the name the library's README and production grist-core use),
 * a checker destructured from it (`const { User } = createCheckers(UserTI)`, a `"checker"` guard), or a
 * `strict…` method, which no other library names so.
 */
function tsInterfaceCheck(name: string, recv: readonly string[], guards: ReadonlyMap<string, GuardKind>): ValidatorKind | undefined {
  const throwing = TI_THROWING.has(name);
  if (!throwing && !TI_CHECKING.has(name)) return undefined;
  const root = recv[0];
  const checker = name.startsWith("strict") || (recv.length === 2 && !!root && /^checkers$/i.test(root)) || (recv.length === 1 && !!root && guards.get(root) === "checker");
  return checker ? (throwing ? "throwing" : "checking") : undefined;
}

/** True when the result of a `checking` validator is looked at (branch, `.success`, `error` destructured…). */
export function isResultChecked(call: ts.CallExpression): boolean {
  const top = climb(call);
  if (isConditionPosition(top)) return true;
  const p = top.parent;
  if (!p) return false;
  if (ts.isExpressionStatement(p)) return false;
  if (ts.isPropertyAccessExpression(p) && p.expression === top) return true; // `.success`, `.error`
  if (ts.isVariableDeclaration(p) && p.initializer === top) {
    if (ts.isObjectBindingPattern(p.name) || ts.isArrayBindingPattern(p.name)) return true;
    const refs = findRefs(p.name.text, scopeOf(p), p.end);
    return refs.length > 0;
  }
  // Returned, passed on, or compared: the caller looks at it.
  return true;
}

/** Scalar checks: `Number.isInteger(n)`, `isNaN(n)`, `re.test(s)`, `list.includes(s)`, `set.has(s)`, `s.match(re)`. */
export function isScalarCheckCall(call: ts.CallExpression, arg: ts.Node): boolean {
  const name = calleeName(call);
  if (!name) return false;
  if (ts.isIdentifier(call.expression)) return name === "isNaN" || name === "isFinite" || /^is[A-Z]/.test(name);
  if (!call.arguments.includes(arg as ts.Expression)) return false;
  if (validatorJsCheck(call, arg)) return true;
  return ["isInteger", "isSafeInteger", "isFinite", "isNaN", "test", "includes", "has", "indexOf", "match", "isUUID", "isEmail", "isInt", "isAlphanumeric", "isMongoId", "isValid", "isValidObjectId"].includes(name);
}

/**
 * A string check of validator.js on its first argument (`validator.isURL(targetURL, { require_protocol: true })`,
 * `validator.isNumeric(amount)`, `validator.matches(code, /^[A-Z]{3}$/)`), the receiver the name the file imports
 * `validator` (or a path of it) by: the library the docs list among validation calls (session 43, retired round 46,
 * Webhook_Registry `webhook.ts:12`, `:26`, decided clean). Its answer decides only where it is tested.
 */
function validatorJsCheck(call: ts.CallExpression, arg: ts.Node): boolean {
  const name = calleeName(call) ?? "";
  if (call.arguments[0] !== arg || !(/^is[A-Z]/.test(name) || name === "matches") || !ts.isPropertyAccessExpression(call.expression) || !ts.isIdentifier(call.expression.expression)) return false;
  const spec = importBindings(call.getSourceFile()).get(call.expression.expression.text)?.spec;
  return (spec === "validator" || !!spec?.startsWith("validator/")) && isConditionPosition(climb(call));
}

/**
 * A module whose name says it validates (`./auth.validation.js`, `../validators/user`,
 * `../middleware/validate`): what the project imports from it are validators.
 */
const VALIDATION_MODULE_RE = /valid/i;

/**
 * Names of same-file functions declared as type guards (`x is T`) or assertions (`asserts x`),
 * and of functions imported from the project's validation modules (`import { notEmpty } from
 * "../middleware/validate"`: throwing unless named `is…`/`check…`; a default or namespace import
 * of such a module is `"module"`: its methods are validators).
 */
export function collectGuards(sf: ts.SourceFile): Map<string, GuardKind> {
  const out = new Map<string, GuardKind>();
  for (const st of sf.statements) {
    let spec: string | undefined;
    if (ts.isImportDeclaration(st) && ts.isStringLiteral(st.moduleSpecifier) && st.importClause && !st.importClause.isTypeOnly) {
      spec = st.moduleSpecifier.text;
      if (!PROJECT_RE.test(spec) || !VALIDATION_MODULE_RE.test(spec)) continue;
      if (st.importClause.name) out.set(st.importClause.name.text, "module");
      const nb = st.importClause.namedBindings;
      if (nb && ts.isNamespaceImport(nb)) out.set(nb.name.text, "module");
      else if (nb) for (const el of nb.elements) if (!el.isTypeOnly) out.set(el.name.text, importedKind(el.name.text));
    } else if (ts.isVariableStatement(st)) {
      for (const d of st.declarationList.declarations) {
        const init = d.initializer && unwrap(d.initializer);
        // `const { User, Order } = createCheckers(UserTI, OrderTI)`: each name a ts-interface-checker checker.
        if (init && ts.isCallExpression(init) && ts.isIdentifier(init.expression) && init.expression.text === "createCheckers" && ts.isObjectBindingPattern(d.name)) {
          for (const el of d.name.elements) if (ts.isIdentifier(el.name)) out.set(el.name.text, "checker");
          continue;
        }
        const a = init && ts.isCallExpression(init) && ts.isIdentifier(init.expression) && init.expression.text === "require" ? init.arguments[0] : undefined;
        if (!a || !ts.isStringLiteral(a) || !PROJECT_RE.test(a.text) || !VALIDATION_MODULE_RE.test(a.text)) continue;
        if (ts.isIdentifier(d.name)) out.set(d.name.text, "module");
        else if (ts.isObjectBindingPattern(d.name)) for (const el of d.name.elements) if (ts.isIdentifier(el.name)) out.set(el.name.text, importedKind(el.name.text));
      }
    }
  }
  const visit = (fn: ts.SignatureDeclarationBase, name: string | undefined) => {
    if (!name || !fn.type || !ts.isTypePredicateNode(fn.type)) return;
    out.set(name, fn.type.assertsModifier ? "throwing" : "checking");
  };
  for (const st of sf.statements) {
    const decl = ts.isExportAssignment(st) ? undefined : st;
    if (!decl) continue;
    if (ts.isFunctionDeclaration(decl)) visit(decl, decl.name?.text);
    else if (ts.isVariableStatement(decl)) {
      for (const d of decl.declarationList.declarations) {
        const init = d.initializer && unwrap(d.initializer);
        if (init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) && ts.isIdentifier(d.name)) visit(init, d.name.text);
      }
    }
  }
  return out;
}

/** A module of the project itself: `./x`, `../x`, `@/x`, `~/x`. */
const PROJECT_RE = /^(?:\.{1,2}\/|[@~]\/)/;

/** A function imported from a validation module; a capitalised name (`ValidationUtils`, `Validators`) is a class or namespace of them. */
function importedKind(name: string): GuardKind {
  if (/^[A-Z]/.test(name)) return "module";
  return /^(?:is|check|has)[A-Z_]/.test(name) ? "checking" : "throwing";
}
