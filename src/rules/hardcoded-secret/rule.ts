import { ts } from "../../engine/ts";
import { inDocSearchConfig } from "./docsearch";
import { EXAMPLE_DIR_RE, EXAMPLE_FILE_RE, inExamplePackage } from "./example-package";
import { innermostNodeAt } from "../../engine/walk";
import { defineRule } from "../../engine/define-rule";
import { describeSecret } from "../../engine/redact";
import { inTestSuiteFolder, isTestSupportFile } from "../../engine/source";
import { isTracked, type Tracked } from "../../profile/git";
import {
  awsSecretByName,
  type CaseId,
  closedSetting,
  connectionString,
  type Detection,
  envNameFor,
  GOOGLE_API_KEY,
  isAppPassword,
  isLowercasePassphrase,
  isNonSecretValue,
  isPlaceholder,
  isDeliberatelyWrong,
  isOtherKeyName,
  isPublicJwt,
  isPublishedSandboxValue,
  prefixedBase64Text,
  isServiceRoleJwt,
  isSecretName,
  type LiteralContext,
  literalContext,
  looksMadeUp,
  looksRandom,
  normalizeName,
  numericSetting,
  scanValue,
  scanValues,
  shownAsPlaceholder,
  twilioAuthToken,
  type ValueMatch,
} from "./context";
import { buildFixes, type FileFixContext, fileFixContext, type HardcodedSecretOptions } from "./fixes";
import { SQL_WRITE_RE, sqlValues } from "./sql";
import { boundName, deliberateDevDefault, demoAccountPassword, documentedDemoCredential, emulatorCredential, engineDefaultLogin, givenAsId, localDevCredential, localStandInLogin, reservedEmail, standInRecord, triedLocally } from "./dev-default";
import { isRejected, type RejectedValues, rejectedValues } from "./rejected";
import { assignedAfterProductionRefusal, type FunctionBodies, functionBodies, onlyOutsideProduction, requiredInProductionBefore, returnedAfterProductionRefusal } from "./prod-refusal";
import { isSecretStoreName, type SecretStoreNames, secretStoreNames } from "./secret-store";
import { findProviderToken, PEM_BODY_RE, PEM_PRIVATE_KEY_HEADER_RE } from "./patterns";
import { basicPair as decodeBasic, basicPassword, commandHeaderSecrets, urlQuerySecrets } from "./values";
import { base64Text, generatedCredential, handTyped, isSaltedDigest, isUnconfiguredSentinel, isUuid, kindOfName, saysKeyUnused, tokenSigningSetting, toEnvName } from "./names";
import { isTranslatedText } from "./locale";
import { jsonSecrets, jsonTodo, jsonTracked } from "./json-config";
import { isWranglerConfigPath } from "../../engine/json-config";
import { cookieCallValue, cookieObjectValue, cookieStringPairs, mayHoldCookies, type SessionCookie } from "./cookies";
import { namesAField, namesEnvSetting } from "./field-key";
import { importsTestRunner } from "../unvalidated-boundary/test-support";
import { ASSIGNED_STAND_IN_WORDS, commentSaysNotSecret, inPreviewProps, isDevToolingFile, isQualifiedTestFile, isTestSetupFile, isRequestField, isStandInValue, isWidgetTokenName, makesThrowawayAccounts, NOT_SECRET_WORDS_RE } from "./made-up";

export type { HardcodedSecretOptions };

const NO_VALUES: readonly ValueMatch[] = [];
// A secret-named setting in a comment given a value on its line: `NAME=value`, `NAME: value`, `apiKey = "value"`, or
// an example after it (`NAME: key for n8n (e.g., value)`, `example: value`). Group 1 the name, group 2 the value.
const COMMENT_NAMED_HINT_RE = /key|secret|token/i;
const COMMENT_NAMED_VALUE_RE =
  /(?<![\w$.-])([A-Za-z_$][\w$-]{2,60})["'`]?[ \t]*[:=][ \t]*(?:[^\n"'`=]{0,80}?\b(?:e\.g\.?,?|eg,?|example:?|for example:?|such as)[ \t]*)?["'`]?([A-Za-z0-9][\w!@#$%^&*+=~.,:;?/-]{15,220})/g;
// `return "…"` in commented-out code: the returned literal, 32 to 400 characters of a token's alphabet.
const RETURNED_LITERAL_RE = /\breturn[ \t]+["'`]([A-Za-z0-9_\-.+/=]{32,400})["'`]/g;
// Nodes whose text can hold `//` or `/*` that is no comment: strings, template parts, regular expressions, JSX text.
const TEXT_KINDS: ReadonlySet<ts.SyntaxKind> = new Set([ts.SyntaxKind.StringLiteral, ts.SyntaxKind.NoSubstitutionTemplateLiteral, ts.SyntaxKind.TemplateHead, ts.SyntaxKind.TemplateMiddle, ts.SyntaxKind.TemplateTail, ts.SyntaxKind.RegularExpressionLiteral, ts.SyntaxKind.JsxText]);
// The characters of a JWT: three base64url segments joined by dots.
const JWT_CHAR_RE = /[A-Za-z0-9_.-]/;

/** `process.env.X = process.env.X || "…"`: the fallback is assigned back to the variable it falls back for. */
function setsItsOwnVariable(literal: ts.Node, name: string): boolean {
  const fallback = literal.parent;
  const assign = fallback?.parent;
  if (!assign || !ts.isBinaryExpression(assign) || assign.operatorToken.kind !== ts.SyntaxKind.EqualsToken || assign.right !== fallback) return false;
  const target = assign.left;
  return (ts.isPropertyAccessExpression(target) && target.name.text === name) || (ts.isElementAccessExpression(target) && ts.isStringLiteralLike(target.argumentExpression) && target.argumentExpression.text === name);
}

/** Folders of translation tables: `locales/`, `i18n/`, `translations/`, `lang/`. */
const LOCALE_DIR_RE = /^(?:locales?|i18n|l10n|langs?|languages|translations?)$/i;
/**
 * A language tag as a folder or file name: `en`, `zh-hk`, `pt_BR`, `zh-Hant`, `es-419`, and the
 * camel-case module names of a region (`zhCn.ts`, `ptBr.ts`, `zhTw.ts`).
 */
const LANGUAGE_TAG_RE = /^[a-z]{2}(?:[-_](?:[A-Za-z]{2}|[A-Za-z]{4}|\d{3})|[A-Z][a-z])?$/;
const SCRIPT_EXT_RE = /\.[cm]?[jt]sx?$/;

/**
 * A translation table: a file below a locale folder whose own name or a folder between names a
 * language (`packages/phrases/src/locales/zh-hk/translation/security.ts`, `src/i18n/de.ts`). Its
 * values are UI text in that language, whatever the key (`password: "Palavra-passe"`). A file name
 * names its language by its first dotted part too (`locales/ca.dictionary.ts`: production papra).
 */
function inLocaleTable(path: string): boolean {
  const segs = path.split("/");
  const at = segs.findIndex((seg) => LOCALE_DIR_RE.test(seg));
  if (at === -1) return false;
  for (let i = at + 1; i < segs.length; i++) {
    const seg = i === segs.length - 1 ? segs[i]!.replace(SCRIPT_EXT_RE, "").split(".")[0]! : segs[i]!;
    if (LANGUAGE_TAG_RE.test(seg)) return true;
  }
  return false;
}

/** A mock module by its name: `mock.ts`, `mocks.ts`, `user.mock.ts`, `api-mocks.js`, `mock-data.ts`. */
function mockFile(path: string): boolean {
  const base = path.slice(path.lastIndexOf("/") + 1);
  return SCRIPT_EXT_RE.test(base) && base.replace(SCRIPT_EXT_RE, "").split(/[-_.]/).some((w) => /^mocks?$/i.test(w));
}

/** Test helper folders (`test-utils/`, `tests_helpers/`); suites and fixtures are `inTestSuiteFolder`. */
const TEST_HELPER_DIR_RE = /\/tests?[-_]?(?:utils|helpers|support)\//i;

/** A setting that defaults to this machine (`process.env.DB_HOST ?? "localhost"`, `|| "127.0.0.1:5432"`). */
const LOCAL_HOST_DEFAULT_RE = /(?:\?\?|\|\|)\s*["'`](?:localhost|127\.0\.0\.1)(?::\d{1,5})?["'`]/;

/** A test runner's configuration (`playwright.config.mjs`, `vitest.config.ts`, `cypress.config.ts`). */
const TEST_RUNNER_CONFIG_RE = /\/(?:cypress|playwright|vitest|jest|wdio|karma)\.config\.[cm]?[jt]s$/i;
/** Text that points at this machine: a URL, a host or a connection string on `localhost` or `127.0.0.1`. */
const RUNS_HERE_RE = /["'`](?:[a-z][a-z0-9+.-]*:\/\/(?:[^/@\s"'`]*@)?)?(?:localhost|127\.0\.0\.1)(?![\w.-])/i;

/** Characters RFC 3986 does not allow unencoded in a URL's user part: quotes, backslashes, braces, spaces. */
const UNENCODED_USERINFO_RE = /["\\<>`{}|^ ]/;

const WORD_TABLE_VALUE_RE = /^[A-Za-z][\w.-]{0,23}$/;

/** Words with single spaces between them (`"secrets in code"`, `"calls without a time limit"`): a label. */
const PHRASE_RE = /^[A-Za-z][a-z]*(?: [A-Za-z][a-z]*){1,11}$/;

/** A display label: capitalised words as a product writes them, joined by a space or `/` (`"GitHub Enterprise"`, `"Azure AD"`, `"Email/Password"`). */
const LABEL_RE = /^[A-Z][A-Za-z0-9]*(?:[ /][A-Za-z0-9]+){0,7}$/;

/**
 * True when `literal` is one value of an object literal whose values are all short words, phrases
 * or display labels (five or more properties: ID prefixes, event names, a provider id's label,
 * `{ credentials: "Email/Password", github: "GitHub", "azure-ad": "Azure AD", … }`) or all phrases
 * of words (four or more: labels keyed by rule or family names, `{ "hardcoded-secret": "secrets in
 * code", … }`), at most a third of them under secret names: a lookup table, not a credential.
 */
function isWordTable(literal: ts.Node): boolean {
  const prop = literal.parent;
  if (!prop || !ts.isPropertyAssignment(prop) || !ts.isObjectLiteralExpression(prop.parent)) return false;
  const props = prop.parent.properties;
  if (props.length < 4 || props.length > 500) return false;
  let secretNamed = 0;
  let phrases = 0;
  for (const p of props) {
    if (!ts.isPropertyAssignment(p) || !ts.isStringLiteralLike(p.initializer)) return false;
    const v = p.initializer.text;
    if (PHRASE_RE.test(v)) phrases++;
    else if (!(WORD_TABLE_VALUE_RE.test(v) || LABEL_RE.test(v)) || looksRandom(v)) return false;
    const key = ts.isIdentifier(p.name) || ts.isStringLiteral(p.name) ? p.name.text : "";
    if (isSecretName(key)) secretNamed++;
  }
  return (props.length >= 5 || phrases === props.length) && secretNamed * 3 <= props.length;
}

/**
 * `apiKey: "AIza…"` (or its env fallback) in a Firebase web config: an object with `authDomain`,
 * `messagingSenderId` or a web `appId` (`1:…:web:…`). Firebase documents these keys as public by
 * design: they identify the project, Security Rules and App Check guard the data
 * (https://firebase.google.com/docs/projects/api-keys). A Google key anywhere else (Maps, Gemini,
 * a `{ apiKey, projectId }` of a Cloud client) stays reported.
 */
function inFirebaseWebConfig(literal: ts.Node): boolean {
  let n = literal;
  while (n.parent && (ts.isParenthesizedExpression(n.parent) || ts.isAsExpression(n.parent) || (ts.isBinaryExpression(n.parent) && n.parent.right === n && (n.parent.operatorToken.kind === ts.SyntaxKind.BarBarToken || n.parent.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken)))) n = n.parent;
  const prop = n.parent;
  if (!prop || !ts.isPropertyAssignment(prop) || prop.initializer !== n || !ts.isObjectLiteralExpression(prop.parent)) return false;
  const key = ts.isIdentifier(prop.name) || ts.isStringLiteral(prop.name) ? prop.name.text : "";
  if (key !== "apiKey") return false;
  return prop.parent.properties.some((p) => {
    if (!ts.isPropertyAssignment(p)) return false;
    const k = ts.isIdentifier(p.name) || ts.isStringLiteral(p.name) ? p.name.text : "";
    return k === "authDomain" || k === "messagingSenderId" || (k === "appId" && ts.isStringLiteralLike(p.initializer) && /^1:\d+:web:/.test(p.initializer.text));
  });
}

/**
 * `if (prod && secretAPIKey === "dev") { secretAPIKey = ""; console.error("… Disabling access."); }`: a
 * check that refuses the literal by clearing the setting it is compared with (`""`, `undefined`,
 * `null`): the app cannot use that value, so knowing it grants nothing (like a refusal that throws).
 */
function clearedOnMatch(literal: ts.Node): boolean {
  const cmp = literal.parent;
  if (!cmp || !ts.isBinaryExpression(cmp) || (cmp.operatorToken.kind !== ts.SyntaxKind.EqualsEqualsEqualsToken && cmp.operatorToken.kind !== ts.SyntaxKind.EqualsEqualsToken)) return false;
  const other = cmp.left === literal ? cmp.right : cmp.left;
  if (!ts.isIdentifier(other) && !ts.isPropertyAccessExpression(other)) return false;
  let n: ts.Node = cmp;
  while (n.parent && (ts.isBinaryExpression(n.parent) || ts.isParenthesizedExpression(n.parent))) n = n.parent;
  const st = n.parent;
  if (!st || !ts.isIfStatement(st) || st.expression !== n) return false;
  const target = other.getText();
  const stmts = ts.isBlock(st.thenStatement) ? st.thenStatement.statements : [st.thenStatement];
  return stmts.some((x) => {
    if (!ts.isExpressionStatement(x) || !ts.isBinaryExpression(x.expression) || x.expression.operatorToken.kind !== ts.SyntaxKind.EqualsToken || x.expression.left.getText() !== target) return false;
    const v = x.expression.right;
    return (ts.isStringLiteralLike(v) && v.text === "") || v.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(v) && v.text === "undefined");
  });
}

/**
 * A spaced value that is a credential all the same: a Gmail app password under a password name,
 * a lower-case passphrase under a secret or password name (`secret: "keyboard cat"`).
 */
function spacedSecret(s: string, name: string): boolean {
  // `PHONEPE_CLIENT_SECRET = "c70dce3a-…"`: some providers issue a UUID as the client or webhook secret.
  return (isAppPassword(s) && /pass|pwd/i.test(name)) || (isLowercasePassphrase(s) && /secret|pass|pwd/i.test(name)) || (isUuid(s) && /secret/i.test(name));
}

/**
 * A PIN-like password or shared secret of three to five digits (`password: "1234"`, `secret !== "123"`):
 * short digits are a count or a flag under most names, but a name that ends in a password's or a
 * secret's word holds them as the credential itself (`SECRET_ROTATION_DAYS = "365"` does not end so).
 */
function digitSecret(s: string, name: string): boolean {
  return /^\d{3,5}$/.test(s) && /(?:passw(?:or)?d|pwd|pass|passcode|passphrase|secret)$/.test(normalizeName(name));
}

/** The setting a credential-handing function stands for: `generateRandomPassword` → `Password`, `getJwtSecret` → `JwtSecret`. */
function returnedSettingName(fn: string): string {
  const rest = fn.replace(/^(?:(?:generate|gen|get|create|make|build|new|default|random|fixed|initial)(?=[A-Z_]|$)_?)+/i, "");
  return rest === "" ? fn : rest;
}

/** A word or dotted/dashed words of letters only, not random-looking: a name or a label, not a credential. */
function isWordValue(s: string): boolean {
  // Letters with single separators inside, checked without a nested quantifier.
  return s.length <= 40 && /^[A-Za-z][A-Za-z._-]*$/.test(s) && !/[._-]$|[._-]{2}/.test(s) && !looksRandom(s);
}

// A type of a programming language as a code generator writes it: a primitive (`f64`, `int32`, `float64`,
// `u8`, `usize`), a path (`serde_json::Value`, `std::string`), Go's `interface{}` and slices and maps of types.
const PRIMITIVE_TYPE_RE = /^(?:[uif](?:8|16|32|64|128|size)|u?int(?:8|16|32|64)?|float(?:32|64)?|double|bool|boolean|string|str|char|bytes?|any|number|void)$/;
const TYPE_PATH_RE = /^[A-Za-z_]\w{0,30}(?:::[A-Za-z_]\w{0,30}){1,4}$/;
const GO_TYPE_RE = /^(?:\[\]|map\[\w{1,20}\])*(?:interface\{\}|\w{1,20})$/;

/**
 * `{ token: "serde_json::Value" }`, `token === "int32"`: a type name, the token a code generator
 * emits, not a credential (like a word under a token name).
 */
function isTypeName(s: string): boolean {
  if (s.length > 60) return false;
  return PRIMITIVE_TYPE_RE.test(s) || TYPE_PATH_RE.test(s) || (/[[{]/.test(s) && GO_TYPE_RE.test(s));
}

// Actions a permission map grants on a resource (`aiCredential: ["create", "update", "delete"]`).
const ACTION_WORDS = new Set(["create", "read", "update", "delete", "view", "edit", "list", "get", "write", "manage", "publish", "run", "execute", "review", "bypass", "archive", "share", "use", "rotate", "revoke"]);

/**
 * A literal in an array whose every element is an action name: the actions a permission map
 * grants on a resource named for a credential (`aiCredential: ["create", "update", "delete"]`),
 * not a list of credentials.
 */
function isActionList(literal: ts.Node): boolean {
  const arr = literal.parent;
  return !!arr && ts.isArrayLiteralExpression(arr) && arr.elements.length <= 20 && arr.elements.every((e) => ts.isStringLiteralLike(e) && ACTION_WORDS.has(e.text));
}
// What to do, the message's last sentences (plain text: diagnostics do not render Markdown).
const MOVE_TODO = "Read it from an environment variable.";
const BROWSER_TODO = "Browser code ships it to every visitor: move it to the server.";
const PUBLIC_TODO = "In browser code, read it from a public build-time variable.";
const COMMENT_TODO = "Delete it from the comment.";
const FALLBACK_TODO = "Remove the fallback so that the app stops at startup instead.";
// A deliberate dev default (dev-default.ts): what the author meant, and what the first fix does.
const DEV_FALLBACK_TODO = "Remove it in production only (local and test runs keep the default), so that a deployment without the variable stops at startup.";

/** The rotation advice: certain when git tracks the file, conditional when that cannot be told. */
function rotation(tracked: Tracked): string {
  if (tracked === true) return " Rotate it: it is in git history.";
  return tracked === undefined ? " If this file was ever committed, rotate it: it stays in git history." : "";
}

/** A session cookie is rotated by ending the session: the account signs out everywhere. */
function sessionRotation(tracked: Tracked): string {
  if (tracked === true) return " Sign the account out of every session: the cookie is in git history.";
  return tracked === undefined ? " If this file was ever committed, sign the account out of every session: the cookie stays in git history." : "";
}


/** Where a named credential sits, for the message: "assigned to db.password", "in the URL parameter token". */
function placeOf(name: string, verb: string | undefined): string {
  if (verb === "carries") return `in the URL parameter ${name.replace(/^\?|=$/g, "")}`;
  if (verb === "is sent in the header") return `sent in the ${name} header of a command`;
  if (verb === "is compared with") return `compared with ${name}`;
  if (verb === "is passed") return `passed to ${name}`;
  if (verb === "is returned by") return `returned by ${name}()`;
  if (verb === "is typed into") return "typed into a password field";
  if (verb === "is written to the SQL column") return `written to the SQL column ${name}`;
  return `assigned to ${name}`;
}

/** The message data of a finding: the secret by kind and length, never its text. */
function messageData(det: Pick<Detection, "caseId" | "kind" | "value" | "name" | "verb">, todo: string, tracked: Tracked): Record<string, string> {
  let kind = det.kind;
  // A fallback with a provider key's or a connection string's shape is named by that kind (it leaked: rotate it).
  if (det.caseId === "envFallbackLiteral") kind = det.kind || "value";
  else if (det.verb === "is passed") kind = "password"; // a password hasher's argument
  else if (det.caseId === "suspiciousName" || kind === "") kind = kindOfName(det.name);
  else if (det.caseId === "authorizationHeader") kind = kind === "Bearer" ? "Bearer token" : kind === "Basic" ? "Basic credential" : "token";
  // "Encryption key" → "an encryption key"; brand names and acronyms keep their case.
  kind = kind.replace(/^(?:Encryption|Cookie|Key-derivation|Session|Signing)\b/, (w) => w.toLowerCase());
  const secret = describeSecret(kind, det.value);
  return {
    secret: det.caseId === "envFallbackLiteral" ? secret : secret.replace(/^a/, "A"),
    name: det.name,
    where: det.caseId === "suspiciousName" ? placeOf(det.name, det.verb) : "",
    todo,
    rotate: det.caseId === "envFallbackLiteral" && det.kind === "" ? "" : det.caseId === "sessionCookie" ? sessionRotation(tracked) : rotation(tracked),
  };
}


// Manual check scripts named like tests (`test-admin-login.js`, `db-test.js`), not under a test folder.
const CHECK_SCRIPT_RE = /(?:^|\/)tests?[-_][^/]*$|[-_]tests?\.[cm]?[jt]sx?$/i;
// Browser-automation scripts named for checking the app (`simple-validation.js`, `smoke-check.ts`, `qa-login.js`).
const QA_SCRIPT_RE = /(?:test|validat|check|verif|smoke|(?:^|[-_/])qa[-_.])[^/]*$/i;

const allowCache = new WeakMap<object, (value: string) => boolean>();

/** Compiles the `allow` option once per options object. */
function allowMatcher(options: HardcodedSecretOptions): (value: string) => boolean {
  const cached = allowCache.get(options);
  if (cached) return cached;
  const exact = new Set<string>();
  const patterns: RegExp[] = [];
  for (const entry of options.allow ?? []) {
    const m = /^\/(.*)\/([a-z]*)$/.exec(entry);
    if (m) {
      try {
        patterns.push(new RegExp(m[1]!, m[2]!.replace(/[gy]/g, "")));
      } catch (err: unknown) {
        void err; // config validation reports bad regexes; here an invalid one allows nothing
      }
    } else exact.add(entry);
  }
  const fn = exact.size === 0 && patterns.length === 0 ? () => false : (v: string) => exact.has(v) || patterns.some((re) => re.test(v));
  allowCache.set(options, fn);
  return fn;
}

/** Browser code cannot read `process.env` at run time: "use client" files, client folders, React components. */
function isBrowserFile(path: string, sf: ts.SourceFile, isTest: boolean): boolean {
  if (isTest) return false;
  const first = sf.statements[0];
  if (first && ts.isExpressionStatement(first) && ts.isStringLiteral(first.expression)) {
    if (first.expression.text === "use client") return true;
    if (first.expression.text === "use server") return false;
  }
  const p = path; // project-relative, `/` separators
  if (/\/(?:server|api|backend|functions|lambda|scripts)\//i.test(p) || /\.server\.[jt]sx?$/.test(p)) return false;
  if (/\/(?:client|browser|frontend|public)\//i.test(p) || /\.client\.[jt]sx?$/.test(p)) return true;
  // React components; in the Next.js app router, files without "use client" are server components.
  return /\.[jt]sx$/i.test(p) && !/\/app\//.test(p);
}

export default defineRule<HardcodedSecretOptions, CaseId>({
  id: "hardcoded-secret",
  docs: { description: "Credentials must not be written in source code" },
  severity: "error",
  cases: {
    providerKey: { message: "{{secret}} is written in the code: anyone who can read the code can use it. {{todo}}{{rotate}}", fix: "suggestion", description: "A provider-shaped API key or token (AWS, GitHub, Stripe, OpenAI, Slack…) in source" },
    privateKey: { message: "{{secret}} is written in the code: anyone who can read the code can sign and decrypt as its owner. {{todo}}{{rotate}}", fix: "suggestion", description: "A PEM private key in source" },
    signingSecret: { message: "{{secret}} is written in the code: anyone who can read the code can forge or decrypt what it protects. {{todo}}{{rotate}}", fix: "suggestion", description: "A literal secret used to sign or encrypt (JWT, session, cookie, HMAC, cipher key)" },
    suspiciousName: { message: "{{secret}} is written in the code ({{where}}): anyone who can read the code can use it. {{todo}}{{rotate}}", fix: "suggestion", description: "A literal assigned to a password, token, secret or API-key name" },
    connectionString: { message: "{{secret}} with an inline password is written in the code: anyone who can read the code can reach the database. {{todo}}{{rotate}}", fix: "suggestion", description: "A database or broker connection string with an inline password" },
    authorizationHeader: { message: "{{secret}} is written in an Authorization header: anyone who can read the code can call the API with it. {{todo}}{{rotate}}", fix: "suggestion", description: "A literal Bearer or Basic credential in an HTTP header" },
    secretInComment: { message: "{{secret}} is written in a comment: anyone who can read the code can use it. {{todo}}{{rotate}}", fix: "safe", description: "A provider-shaped secret or private key inside a comment" },
    sessionCookie: { message: "{{secret}} is written in the code: anyone who can read the code is signed in as its account. {{todo}}{{rotate}}", fix: "suggestion", description: "A browser session or login cookie (Google SID, LinkedIn li_at, connect.sid…) in source" },
    envFallbackLiteral: { message: "{{name}} falls back to {{secret}} written in the code when it is unset: a production deployment that misses the variable runs with a value anyone can read. {{todo}}{{rotate}}", fix: "suggestion", description: "A secret setting that falls back to a literal when the environment does not set it" },
    configFile: { message: "{{secret}} is written in a JSON config file ({{where}}): anyone who can read the repository can use it. {{todo}}{{rotate}}", fix: "none", description: "A credential written in a committed JSON configuration file" },
  },
  options: {
    schema: {
      type: "object",
      properties: { allow: { type: "array", items: { type: "string", format: "regex-or-string" }, description: "Values (or /regex/) that are not secrets." } },
      additionalProperties: false,
    },
    defaults: { allow: [] },
  },
  // A file the engine cannot parse (absurd nesting) still gets the value-shaped scan: a key above
  // the bad part is found, by its shape alone, with no fix.
  scanText(text, report) {
    for (const m of scanValues(text)) {
      if (m.index === undefined) continue;
      report({
        case: m.caseId,
        range: { start: m.index, end: m.index + m.value.length },
        // No syntax tree, no profile: the rotation advice is conditional.
        data: messageData({ caseId: m.caseId, kind: m.kind, value: m.value, name: m.name ?? "", ...(m.name !== undefined ? { verb: m.verb ?? "carries" } : {}) }, MOVE_TODO, undefined),
      });
    }
  },
  // A JSON configuration file (engine/json-config.ts picks them): its credentials, by shape or by key (json-config.ts).
  // No fix: JSON has no environment read to move the value to, and no comment to mark it with.
  scanJson(file, report) {
    const allowed = allowMatcher(file.options);
    const found = jsonSecrets(file.path, file.text).filter((j) => !allowed(j.value));
    if (found.length === 0) return;
    const wrangler = isWranglerConfigPath(file.path);
    const todo = jsonTodo(file.project, file.path);
    const rotate = rotation(jsonTracked(file.project, file.path));
    for (const j of found) {
      // A Wrangler var becomes a Worker secret of the same name.
      const todoOf = wrangler ? jsonTodo(file.project, file.path, j.path.slice(j.path.lastIndexOf(".") + 1)) : todo;
      report({ case: "configFile", range: { start: j.start, end: j.end }, data: { secret: describeSecret(j.kind, j.value).replace(/^a/, "A"), where: j.path, todo: todoOf, rotate } });
    }
  },
  create(ctx) {
    const allowed = allowMatcher(ctx.options);
    const isTest = ctx.isTestFile;
    // Folder conventions are judged inside the project (below the nearest package.json), never on
    // the folders above it; computed lazily, only once a candidate finding needs it.
    let rel: string | undefined;
    const projectPath = () => {
      if (rel === undefined) {
        const dir = ctx.profile.hasManifest ? ctx.profile.root : undefined;
        rel = (dir !== undefined && ctx.path.startsWith(dir) ? ctx.path.slice(dir.length) : ctx.path).replace(/\\/g, "/");
      }
      return rel;
    };
    // Test code: the engine's test files, and test support in folders it does not name
    // (`integration-tests/`, `__fixtures__/`, `test-utils/`, a `tests.ts` helper module): it never runs in production. These
    // names are judged on the whole path: a test package of its own (`integration-tests/api/package.json`)
    // is still test support, and no application is checked out under such a name.
    let testFile: boolean | undefined;
    // A module that imports a test runner's API (`import { vi } from "vitest"`) is test code whatever its name: production
    // formbricks' `integration/setup.ts`, the vitest integration harness's setup file (session 42; unvalidated-boundary's test-support.ts).
    const testCode = () => (testFile ??= isTest || inTestSuiteFolder(ctx.path) || TEST_HELPER_DIR_RE.test(ctx.path.replace(/\\/g, "/")) || isTestSupportFile(ctx.path) || isQualifiedTestFile(projectPath()) || importsTestRunner(ctx.text));
    // Tests, benchmarks, examples and stories use made-up credentials: only random-looking values count there.
    let lenientFile: boolean | undefined;
    let localHostDefault: boolean | undefined;
    // A test runner's configuration points the run at this machine (once per file).
    let runsHere: boolean | undefined;
    // The file has a comment's words for "not a secret" anywhere (once per file, only when a finding needs it).
    let notSecretWords: boolean | undefined;
    // The file builds its accounts' addresses per run at a reserved domain, or seeds several fixed ones
    // there (made-up.ts): once per file.
    let throwaway: boolean | undefined;
    // End-to-end test configs and folders (`cypress.config.ts`, `playwright/`) log in to a local test instance.
    // Translation tables (`locales/zh-hk/…`) hold UI text under keys that name a credential (`password: "Contraseña"`),
    // and mock files (`src/mock.ts`, `user.mocks.ts`) the made-up settings of a test double.
    const lenient = () =>
      (lenientFile ??=
        testCode() ||
        EXAMPLE_DIR_RE.test(projectPath()) ||
        /\/(?:bench(?:marks?)?|__mocks__|mocks?|stories|storybook|cypress|playwright)\/|\.stories\.[cm]?[jt]sx?$|\/(?:cypress|playwright|vitest|jest|wdio|karma)\.config\.[cm]?[jt]s$/i.test(projectPath()) ||
        isTestSetupFile(projectPath()) ||
        mockFile(projectPath()) ||
        isDevToolingFile(projectPath()) ||
        inLocaleTable(projectPath()) ||
        // A package of its own in the project's `examples/` (`examples/testing/package.json`): still an example.
        (ctx.profile.hasManifest && inExamplePackage(ctx.profile.root, ctx.project)));
    // Sample code: the examples folders above, and a file named as an example (`example.ts`, `example_v1.js`,
    // `example-watcher.ts`, `config.example.ts`) at any depth.
    let sampleFile: boolean | undefined;
    const sampleCode = () => (sampleFile ??= EXAMPLE_DIR_RE.test(projectPath()) || EXAMPLE_FILE_RE.test(projectPath()) || (ctx.profile.hasManifest && inExamplePackage(ctx.profile.root, ctx.project)));
    let browser: boolean | undefined;
    // A translation file (`locales/de/…`, `i18n/fr.ts`), judged once per file.
    let localeFile: boolean | undefined;
    const inLocaleFile = () => (localeFile ??= inLocaleTable(projectPath()));
    let mentionsPlaceholder: boolean | undefined;
    let fileFix: FileFixContext | undefined;
    // Read once per file, only when a finding needs it.
    let tracked: [Tracked] | undefined;
    const inBrowser = () => (browser ??= isBrowserFile(projectPath(), ctx.sourceFile, isTest));
    // Values a startup check refuses (`if (config.jwt.secret === "change-this") throw …`): one walk, only when a candidate needs it.
    let refused: RejectedValues | undefined;
    const rejected = (value: string, names: readonly (string | undefined)[]) => isRejected((refused ??= rejectedValues(ctx.sourceFile)), value, names);
    // Environment reads and secret-store lookups of the file (secret-store.ts): one walk, only when a candidate needs it.
    let storeNames: SecretStoreNames | undefined;
    // The file's functions by name (prod-refusal.ts): one walk, only when a candidate needs it.
    let bodies: FunctionBodies | undefined;
    const bodiesOf = () => (bodies ??= functionBodies(ctx.sourceFile));

    function report(det: Detection, node: ts.Node | undefined, range?: { start: number; end: number }): void {
      if (allowed(det.value)) return;
      // `// This is not actually a secret key` above the constant, `// dummy secret` after it: the author says it grants nothing.
      // Not a private key (its body is the key whatever a comment says), nor a fallback (the fallback is the defect).
      if (node && det.caseId !== "privateKey" && det.caseId !== "envFallbackLiteral" && det.caseId !== "secretInComment" && (notSecretWords ??= NOT_SECRET_WORDS_RE.test(ctx.text)) && commentSaysNotSecret(node, ctx.text)) return;
      const browserCode = det.caseId !== "secretInComment" && det.caseId !== "envFallbackLiteral" && inBrowser();
      const todo = det.caseId === "secretInComment" ? COMMENT_TODO : det.caseId === "envFallbackLiteral" ? (det.deliberate ? DEV_FALLBACK_TODO : FALLBACK_TODO) : browserCode ? (det.publicByDesign ? PUBLIC_TODO : BROWSER_TODO) : MOVE_TODO;
      const start = range ? range.start : node!.getStart(ctx.sourceFile);
      ctx.report({
        case: det.caseId,
        ...(range ? { range } : { node }),
        // `process.env.LLM_API_KEY || "not-required"`: a fallback whose words say no key is needed (docs, "Confidence").
        ...(det.caseId === "envFallbackLiteral" && det.kind === "" && saysKeyUnused(det.value) ? { lowConfidence: "unusedKeyPlaceholder" } : {}),
        data: messageData(det, todo, (tracked ??= [isTracked(ctx.project, ctx.path)])[0]),
        fixes: () => buildFixes(ctx, det, node, start, browserCode, (fileFix ??= fileFixContext(ctx))),
      });
    }

    function onLiteral(node: ts.StringLiteral | ts.NoSubstitutionTemplateLiteral): void {
      const s = node.text;
      const n = s.length;
      if (n === 0) return;
      const values = n >= 16 ? scanValues(s) : NO_VALUES;
      const value = values[0];
      const lc = literalContext(node, value !== undefined);
      // `INSERT INTO admins (username, password) VALUES ('admin', 'admin123')` in a migration or seed string.
      if (value === undefined && n >= 24 && lc.kind === "none" && SQL_WRITE_RE.test(s)) sqlCredentials(node);
      // `{ name: "SID", value: "…" }`, `Cookie: "li_at=…; JSESSIONID=…"`: a signed-in session copied into the code.
      if (value === undefined && n >= 16 && lc.kind !== "fallback" && sessionCookies(node, lc)) return;
      if (lc.kind === "none" && value === undefined) return;
      // A Firebase web config's key is public by design (the whole literal is the key).
      if (value?.provider === GOOGLE_API_KEY && value.value.length === n && inFirebaseWebConfig(node)) return;
      // A form field's placeholder shows the user the format (`<Input placeholder="6660491268:AAF…" />`).
      if (lc.kind === "name" && (mentionsPlaceholder ??= /placeholder/i.test(ctx.text)) && shownAsPlaceholder(node)) return;
      if (lc.kind === "fallback") {
        // Any non-empty literal fallback of a secret setting, placeholders included: the fallback is the defect.
        // An access key id is half of a key pair (`ALIYUN_ACCESS_KEY_ID || "your-access-key-id"`): its fallback is a setting of the secret too.
        // An environment setting named for the key tokens are signed with (`process.env.TOKEN_KEY || "tester"`) is one too.
        if (value === undefined && !isSecretName(lc.name) && !/accesskeyid$/.test(normalizeName(lc.name)) && !(!lc.option && tokenSigningSetting(lc.name, s))) return;
        // An options object's default is judged like a value: `settings.maxTokens || "1000"` is a number, not a secret.
        // Read off the environment's own object (`ENV.stripeSecret || "sk_test_placeholder"`), a placeholder is reported as for `process.env`.
        // (A "not configured" sentinel, `env.STRIPE_SECRET_KEY ?? "stripe-unconfigured"`, says so and stays clean.)
        if (lc.option && value === undefined && ((!lc.envObject && (isPlaceholder(s) || isStandInValue(s))) || isUnconfiguredSentinel(s) || isNonSecretValue(s) || (lenient() && handTyped(s)))) return;
        // Sample code shows its reader where the key goes: a placeholder fallback in an example file or folder
        // (`process.env.FIRECRAWL_API_KEY || "fc-YOUR_API_KEY"` in an SDK's `example.ts`) is no setting anything deploys.
        if (value === undefined && isPlaceholder(s) && sampleCode()) return;
        // `ctx.apiKey ?? "internal-agent"`: the request's own field, labelled when absent; no setting has a default here.
        if (lc.option && value === undefined && handTyped(s) && ts.isBinaryExpression(node.parent) && isRequestField(node.parent.left)) return;
        // Test code: a local database as the default, or `process.env.X = process.env.X || "…"` configuring the test itself.
        if (lenient() && ((value?.caseId === "connectionString" && value.localHost) || (value === undefined && handTyped(s) && setsItsOwnVariable(node, lc.name)))) return;
        // Test code configuring its local database part by part: a made-up default beside a host that
        // defaults to this machine (`DB_HOST ?? "localhost"`, then `DB_PASSWORD ?? " "` in a spec).
        if (value === undefined && handTyped(s) && testCode() && (localHostDefault ??= LOCAL_HOST_DEFAULT_RE.test(ctx.text))) return;
        // A test runner's configuration that runs the suite against this machine (`playwright.config.mjs` whose
        // `webServer` starts `next dev` on a localhost base URL): a made-up default is the test run's own setting.
        if (value === undefined && handTyped(s) && TEST_RUNNER_CONFIG_RE.test(projectPath()) && (runsHere ??= RUNS_HERE_RE.test(ctx.text))) return;
        // `process.env.X ?? "emulate-google-secret"`: the value an emulator of the provider was seeded with.
        if (value === undefined && handTyped(s) && emulatorCredential(s, lc.name, projectPath())) return;
        // The settings of a local instance: a made-up default that says test, dev or emulator beside a setting that
        // fixes a service on this machine (`["S3_ENDPOINT", \`127.0.0.1:${port}\`]`, `ENV: "local"`; dev-default.ts).
        if (value === undefined && handTyped(s) && localDevCredential(node, s)) return;
        // `parseInt(process.env.AI_MAX_TOKENS || "150")`: a number the code parses, not a credential.
        if (value === undefined && numericSetting(node)) return;
        // `z.enum(["true", "false"]).default("true")`, `|| "false"`: a flag or a listed choice, not a secret.
        if (value === undefined && closedSetting(node, lc.shape)) return;
        // A default the code refuses at startup (`if (config.jwt.secret === "change-this") throw …`) cannot run in production.
        if (rejected(s, [lc.name, boundName(node.parent)])) return;
        // `if (!process.env.X && NODE_ENV === "production") throw …` earlier: the literal never runs in production.
        if (requiredInProductionBefore(node)) return;
        const devDefault = value === undefined && !looksRandom(s);
        // `process.env.X || "dev-default"` next to a warning, a NODE_ENV test or a dev name: meant for
        // development. Only where NODE_ENV is the convention (the production-only fix reads it).
        const deliberate = devDefault && lc.shape.kind === "binary" && !lc.option && ts.isBinaryExpression(node.parent) && node.parent.left.getText(ctx.sourceFile).startsWith("process.env") && deliberateDevDefault(node, lc.name, ctx.sourceFile);
        report({ caseId: "envFallbackLiteral", kind: value?.kind ?? "", value: s, publicPrefix: value?.publicPrefix ?? "", name: lc.name, envName: lc.name, movable: false, keepPrefix: "", keepSuffix: "", publicByDesign: false, fallback: lc.shape, devDefault, deliberate }, node);
        return;
      }
      if (value !== undefined) {
        reportValues(node, values, lc);
        return;
      }
      switch (lc.kind) {
        case "concat":
          return pemConcat(node);
        case "header":
          if (isTranslatedText(node, inLocaleFile)) return; // `authorization: "Autorisation"`: a translated tab label
          return headerValue(node, s);
        case "twilio":
          if (twilioAuthToken(s)) report(det("providerKey", "Twilio auth token", s, "", "TWILIO_AUTH_TOKEN", true), node);
          return;
        case "signing": {
          // base64 of readable text is judged as that text: `"bXktc2VjcmV0LWtleQ=="` is `my-secret-key`.
          const text = base64Text(s) ?? prefixedBase64Text(s) ?? s;
          // A placeholder the code signs with is the key all the same (`jwt.sign(payload, "your_jwt_secret")`: anyone can
          // mint a token; held round 35's lead decision). Only an empty or templated value is no key.
          if (text.trim() === "" || /\$\{|\{\{/.test(text) || (lenient() && handTyped(text))) return;
          // `createHmac("sha256", "WebAppData")`: the published constant of Telegram's Mini App initData check (the secret is the bot token it signs).
          if (s === "WebAppData" && lc.name === "createHmac") return;
          report(det("signingSecret", lc.label, s, "", lc.env, lc.movable), node);
          return;
        }
        case "basicPair":
          return basicPair(node, s);
        case "name": {
          // Also a prefixed token's body (`acme_7bWFkZS11…`: base64 of `made-up_test_key`).
          const text = base64Text(s) ?? prefixedBase64Text(s) ?? s;
          if (n < 3 || isPlaceholder(text) || isStandInValue(text, ASSIGNED_STAND_IN_WORDS) || (isNonSecretValue(s) && !spacedSecret(s, lc.name) && !(digitSecret(s, lc.name) && !lenient())) || isDeliberatelyWrong(s) || isPublicJwt(s) || isPublishedSandboxValue(s)) return;
          // `websiteToken: "…"`: a chat widget's site identifier, shipped in every page's embed snippet.
          if (isWidgetTokenName(normalizeName(lc.name))) return;
          // `password: "b22f…1695.2432…61fd"`: a seeded account's stored scrypt digest and salt, not its password.
          if (/pass|pwd/i.test(lc.name) && isSaltedDigest(s)) return;
          // UI text of a translation table (`password: "Passwort"`, `"密码"`, locale.ts): not a credential.
          if (isTranslatedText(node, inLocaleFile)) return;
          // `{ NODEBB_ADMIN_PASSWORD: "admin:password", NODEBB_URL: "url", … }`: env names mapped to config keys (field-key.ts).
          if (namesEnvSetting(s, node)) return;
          if (lc.verb === undefined && !isSecretName(lc.name)) {
            // `licenseKey`, `appKey`: a key-named setting counts only with a random-looking value.
            if (!isOtherKeyName(lc.name) || n < 20 || !looksRandom(s)) return;
          }
          // `secretKey: "region"`: the key of a field inside a stored secret, not a key (field-key.ts).
          if (namesAField(lc.name, s, node)) return;
          // `algolia: { appId, apiKey: "…", indexName }`: the DocSearch widget's search-only key, public by design.
          if (inDocSearchConfig(node)) return;
          // `REPO_TOKEN = "IUserRepository"` (an injection token), `token = "photo"`, `token === "request"`: words, not credentials.
          if (lc.verb !== "is passed" && (isWordValue(s) || isTypeName(s)) && !/pass|pwd|secret|credential/i.test(lc.name)) return;
          if (lc.array && isActionList(node)) return;
          // A table of short words (`{ webhookSecret: "whsec", token: "pmk", view: "view", … }`, ID prefixes,
          // event names) or a list of known-bad values (`PLACEHOLDER_SECRETS`, `WEAK_PASSWORDS`): not credentials.
          if (!/pass|pwd/i.test(lc.name) && isWordTable(node)) return;
          if (lc.knownBad) return;
          // `const passwords = ["hivemq", "admin", …]` tried one by one against a broker on this machine: a diagnostic script's candidates.
          if (lc.array && handTyped(s) && triedLocally(node, lc.name)) return;
          // `if (!http.jwtSecret) { this.rejectErrors(…); http.jwtSecret = "supersecret"; }` where rejectErrors
          // throws in production: a development default a production run never reaches.
          if (handTyped(text) && (assignedAfterProductionRefusal(node, bodiesOf) || (lc.verb === "is returned by" && returnedAfterProductionRefusal(node, bodiesOf)))) return;
          // `WORDPRESS_PASSWORD_SECRET: "wp_app_password"` handed to `getSecret(…)`, or named like a `process.env` read of the file: a secret's name.
          if (isSecretStoreName((storeNames ??= secretStoreNames(ctx.sourceFile)), s, lc.name)) return;
          // `if (config.db.password === "auth_secret_password") errors.push(…)` then a throw: a value the secret must not have.
          if (lc.verb === "is compared with" && (rejected(s, [lc.name]) || clearedOnMatch(node))) return;
          if (lc.array && isSecretName(s)) return; // a list of field names to redact, not of secrets
          if (lenient() && handTyped(text)) return;
          // A manual check script named like a test (`test-admin-login.js`) checking a typed password against the
          // stored one: the password is set, and reported, where the account is made; the check only repeats it.
          if (checksStoredPassword(lc) && handTyped(text) && CHECK_SCRIPT_RE.test(projectPath())) return;
          // `page.type("[data-testid=password-input]", "password123")` in `simple-validation.js`: a QA script signing
          // in to a test account it does not make; a crawler's or a bot's typed password is reported.
          if (lc.verb === "is typed into" && handTyped(text) && QA_SCRIPT_RE.test(projectPath())) return;
          // `{ KV_URL: "http://127.0.0.1:8200", KV_TOKEN: "kv-dev-token-42" }`: a local dev service's token.
          if (handTyped(text) && localDevCredential(node, s)) return;
          // `client_secret: "emulate-google-secret"`: a local emulator's seeded client, not the provider's.
          if (handTyped(text) && emulatorCredential(s, lc.name, projectPath())) return;
          // `Email.PreviewProps = { unsubscribeToken: "preview-token-123" }`: react-email's sample props for its preview.
          if (handTyped(text) && inPreviewProps(node)) return;
          // `{ email: "lyra@example.com", password: "password2" }`: a demo account's typed password (a seeder's users).
          if (handTyped(text) && demoAccountPassword(node, lc.name)) return;
          // `{ email: "test@capgo.app", password: "testtest" }` in a script that fixes a local service: the local stack's seeded login.
          if (localStandInLogin(node, lc.name, s)) return;
          // `{ host: "localhost", user: "root", password: "root" }`: the engine's default login on this machine, as `root:root@localhost`.
          if (engineDefaultLogin(node, lc.name, s)) return;
          // `const password = "Password123!"` in a seeder whose users are `${nanoid()}@example.com`: throwaway accounts.
          if (handTyped(text) && /pass|pwd/i.test(lc.name) && (throwaway ??= makesThrowawayAccounts(ctx.text, reservedEmail))) return;
          // `// Test credentials (as provided in documentation)` over `{ username, password }`: the provider's published demo account.
          if (handTyped(text) && documentedDemoCredential(node, ctx.text)) return;
          // `{ oauth_client_id: "test", oauth_client_secret: "test", oauth_scopes: "test" }`: a record of one stand-in word.
          if (standInRecord(node)) return;
          // `{ userId: "key_abc123", user: { apiKey: "key_abc123" } }`: the record's id, not a secret.
          if (handTyped(text) && givenAsId(node)) return;
          if (normalizeName(s) === normalizeName(lc.name)) return; // `TOKEN_HEADER = "token-header"`: a key, not a value
          // A test fixture labelled with its own name: `sessionToken = "session-token-" + a random tail`.
          if (lenient() && normalizeName(s).startsWith(normalizeName(lc.name))) return;
          if (awsSecretByName(lc.name, s)) {
            report(det("providerKey", "AWS secret access key", s, "", "AWS_SECRET_ACCESS_KEY", lc.movable), node);
            return;
          }
          const d = det("suspiciousName", "", s, "", envNameFor(lc.verb === "is passed" || lc.verb === "is typed into" || (lc.verb !== undefined && /^(?:pw|pass|pwd)$/i.test(lc.name)) ? "password" : lc.verb === "is returned by" ? returnedSettingName(lc.name) : lc.name, lc.owner), lc.movable);
          d.name = lc.name;
          if (lc.verb !== undefined) d.verb = lc.verb;
          report(d, node);
          return;
        }
        default:
          return;
      }
    }

    /**
     * A credential written into SQL text: a quoted value for a column named for one
     * (`password`, `api_key`), also for a column named for a password's digest (`password_hash`)
     * when the value is no digest: the row then stores the password itself. Judged like a value
     * assigned to that name; a typed password in a row with an address at a reserved domain is a
     * demo account's. Reported on the value when the literal has no escapes before it.
     */
    function sqlCredentials(node: ts.StringLiteral | ts.NoSubstitutionTemplateLiteral): void {
      const start = node.getStart(ctx.sourceFile) + 1;
      const exact = ctx.text.slice(start, node.getEnd() - 1) === node.text;
      for (const v of sqlValues(node.text)) {
        const column = normalizeName(v.column);
        const digestColumn = /pass|pwd/.test(column) && /(?:hash|digest)$/.test(column);
        if (!isSecretName(v.column) && !digestColumn) continue;
        const s = v.value;
        if (s.length < 3 || isPlaceholder(s) || isNonSecretValue(s) || isDeliberatelyWrong(s) || isSaltedDigest(s)) continue;
        if (handTyped(s) && (lenient() || (/pass|pwd/i.test(v.column) && v.row.some(reservedEmail)))) continue;
        const d = det("suspiciousName", "", s, "", envNameFor(/pass|pwd/i.test(v.column) ? "password" : v.column, undefined), false);
        d.name = v.column;
        d.verb = "is written to the SQL column";
        report(d, node, exact ? { start: start + v.index, end: start + v.end } : undefined);
      }
    }

    /** A password compared with a literal, or passed to a check (`admin.comparePassword("…")`, `bcrypt.compare(pw, "…")`). */
    function checksStoredPassword(lc: LiteralContext & { kind: "name" }): boolean {
      return lc.verb === "is compared with" || (lc.verb === "is passed" && /compare|verify|check/i.test(lc.name));
    }

    function det(caseId: CaseId, kind: string, value: string, publicPrefix: string, envName: string, movable: boolean): Detection {
      return { caseId, kind, value, publicPrefix, name: "", envName, movable, keepPrefix: "", keepSuffix: "", publicByDesign: false };
    }

    /** One detection per secret of the literal; two or more move together, each reported on its own span. */
    function reportValues(node: ts.StringLiteral | ts.NoSubstitutionTemplateLiteral, values: readonly ValueMatch[], lc: LiteralContext): void {
      const dets: Detection[] = [];
      for (const v of values) {
        if (devOnlyConnection(v, node)) continue;
        const d = detectionOf(v, lc);
        if (d) dets.push(d);
      }
      reportTogether(node, dets);
    }

    /**
     * `postgresql://postgres:postgres@${host}:5432/app` in the `else` of `if (NODE_ENV === "production")`
     * (held round 28): a hand-typed local default in a branch only development runs.
     */
    function devOnlyConnection(v: ValueMatch, node: ts.Node): boolean {
      return v.caseId === "connectionString" && v.judged !== undefined && handTyped(v.judged) && onlyOutsideProduction(node);
    }

    /** One finding per detection of the literal (at its `keepPrefix` offset); two or more move together. */
    function reportTogether(node: ts.StringLiteral | ts.NoSubstitutionTemplateLiteral, dets: Detection[]): void {
      if (dets.length === 1) {
        report(dets[0]!, node);
        return;
      }
      const start = node.getStart(ctx.sourceFile) + 1;
      // Spans inside the literal are exact only when its source text has no escapes.
      const exact = ctx.text.slice(start, node.getEnd() - 1) === node.text;
      const parts = dets.map((d) => ({ index: d.keepPrefix.length, value: d.value, envName: d.envName }));
      for (const d of dets) {
        d.parts = parts;
        const at = start + d.keepPrefix.length;
        report(d, node, exact ? { start: at, end: at + d.value.length } : undefined);
      }
    }

    function detectionOf(v: ValueMatch, lc: LiteralContext): Detection | undefined {
      // A database on this machine in code that never runs in production (tests, their setup files, examples, tooling).
      if (v.caseId === "connectionString" && v.localHost && lenient()) return undefined;
      // The engine's default login on this machine or a compose service (`postgres:postgres@op-db`), unless an environment variable falls back to it.
      if (v.caseId === "connectionString" && v.engineDefault === true && lc.kind !== "fallback") return undefined;
      // A test's input to an escaping check (`postgresql://user:$&"pa\\ss@db:5432/test`): a password with characters a URL's
      // user part cannot hold unencoded is no working database URL of the suite.
      if (v.caseId === "connectionString" && v.judged !== undefined && UNENCODED_USERINFO_RE.test(v.judged) && testCode()) return undefined;
      // A test's database anywhere else with a made-up password (`admin:super-secret@database`).
      if (v.caseId === "connectionString" && testCode() && v.judged !== undefined && looksMadeUp(v.judged)) return undefined;
      // Made-up credentials in tests: a Basic pair is judged by its decoded password, a URL parameter by its value.
      if ((v.caseId === "authorizationHeader" || v.name !== undefined) && lenient() && handTyped(v.judged ?? v.value)) return undefined;
      const movable = lc.kind === "none" || lc.kind === "name" || lc.kind === "signing" ? lc.movable : lc.kind !== "fallback";
      const contextEnv = lc.kind === "name" ? envNameFor(lc.name, lc.owner) : undefined;
      let envName = v.envName;
      if (v.caseId === "providerKey" && v.provider && contextEnv !== undefined) {
        if (contextEnv.includes(v.provider.vendor) || (v.provider === GOOGLE_API_KEY && contextEnv.includes("FIREBASE"))) envName = contextEnv;
        else if (v.provider === GOOGLE_API_KEY && lc.kind === "name" && lc.owner !== undefined && /firebase/i.test(lc.owner)) envName = "FIREBASE_API_KEY";
      } else if (v.caseId === "connectionString" && contextEnv !== undefined && /URL|URI|DSN/.test(contextEnv) && !/^(?:URL|URI|DSN|CONNECTION_STRING|CONNECTION_URL|DB_URL)$/.test(contextEnv)) {
        envName = contextEnv;
      } else if (v.caseId === "privateKey" && contextEnv !== undefined && /KEY/.test(contextEnv) && contextEnv !== "KEY") envName = contextEnv;
      else if (lc.kind === "signing") envName = lc.env;
      return {
        // A key in a URL query is named by its parameter: "`?api_key=` is assigned a hard-coded credential".
        caseId: v.name !== undefined ? "suspiciousName" : v.caseId,
        kind: v.kind,
        value: v.value,
        publicPrefix: v.publicPrefix,
        name: v.name ?? "",
        ...(v.name !== undefined ? { verb: v.verb ?? "carries" } : {}),
        envName,
        movable,
        keepPrefix: v.keepPrefix,
        keepSuffix: v.keepSuffix ?? "",
        publicByDesign: v.provider === GOOGLE_API_KEY,
      };
    }

    /**
     * The session cookies a literal holds (cookies.ts): the value of a cookie object or of a
     * cookie setter's call, one finding; or each session cookie of a cookie string, on its own
     * span, all moving together. True when the literal is a session cookie's value (reported or
     * not: an example value is silent), or a cookie string with one.
     */
    function sessionCookies(node: ts.StringLiteral | ts.NoSubstitutionTemplateLiteral, lc: LiteralContext): boolean {
      const s = node.text;
      const movable = "movable" in lc ? lc.movable : true;
      const cookie = (c: SessionCookie, value: string, keepPrefix: string, keepSuffix: string): Detection => {
        const d = det("sessionCookie", c.kind, value, "", c.envName, movable);
        d.name = c.name;
        d.keepPrefix = keepPrefix;
        d.keepSuffix = keepSuffix;
        return d;
      };
      const one = cookieObjectValue(node) ?? cookieCallValue(node);
      if (one) {
        if (generatedCredential(s, lenient())) report(cookie(one, s, "", ""), node);
        return true;
      }
      if (!mayHoldCookies(s)) return false;
      const pairs = cookieStringPairs(s).filter((p) => generatedCredential(p.value, lenient()));
      if (pairs.length === 0) return false;
      reportTogether(node, pairs.map((p) => cookie(p, p.value, s.slice(0, p.index), s.slice(p.index + p.value.length))));
      return true;
    }

    /** `"-----BEGIN RSA PRIVATE KEY-----\n" + "MIIE…" + …`: the header literal, followed by a base64 body literal. */
    function pemConcat(node: ts.StringLiteral | ts.NoSubstitutionTemplateLiteral): void {
      const s = node.text;
      if (s.length < 27 || s.indexOf("PRIVATE KEY-----") === -1) return;
      const header = PEM_PRIVATE_KEY_HEADER_RE.exec(s);
      if (header === null) return;
      const b = node.parent as ts.BinaryExpression;
      const next = b.left === node ? b.right : b.parent && ts.isBinaryExpression(b.parent) && b.parent.left === b ? b.parent.right : undefined;
      if (!next || !ts.isStringLiteralLike(next) || !PEM_BODY_RE.test(next.text.replace(/\s/g, ""))) return;
      report(det("privateKey", /RSA/.test(header[0]) ? "RSA private key" : /EC /.test(header[0]) ? "EC private key" : "PKCS#8 private key", s + next.text, "-----BEGIN", "PRIVATE_KEY", false), node);
    }

    /** `"Basic " + btoa("admin:s3cret")`: the `user:password` pair before encoding. */
    function basicPair(node: ts.Node, s: string): void {
      const colon = s.indexOf(":");
      if (colon <= 0 || s.indexOf(" ") !== -1 || s.indexOf("://") !== -1) return;
      const password = s.slice(colon + 1);
      if (password.length < 4 || isPlaceholder(password) || password.indexOf("${") !== -1 || (lenient() && handTyped(password))) return;
      report(det("authorizationHeader", "Basic", s, "", "BASIC_AUTH_CREDENTIALS", true), node);
    }

    function headerValue(node: ts.Node, s: string): void {
      const m = /^(Bearer|Basic|Token|token|bearer|basic) (\S+)$/.exec(s);
      const cred = m ? m[2]! : s;
      // A Basic credential is judged by the password it decodes to (`username:password` is a placeholder).
      const pair = m && m[1]!.toLowerCase() === "basic" ? decodeBasic(cred) : undefined;
      if (pair && pair.password.length > 0 && basicPassword(cred) === undefined) return;
      const judged = pair && pair.password.length > 0 ? pair.password : cred;
      if (cred.length < 8 || isPlaceholder(cred) || isStandInValue(cred) || isNonSecretValue(cred) || (lenient() && handTyped(judged))) return;
      const d = det("authorizationHeader", m ? m[1]!.replace(/^./, (c) => c.toUpperCase()) : "token", cred, "", "API_TOKEN", true);
      d.keepPrefix = m ? `${m[1]} ` : "";
      report(d, node);
    }

    function onTemplate(node: ts.TemplateExpression): void {
      if (checkTemplatePart(node, node.head.text, true)) return;
      for (let i = 0; i < node.templateSpans.length; i++) if (checkTemplatePart(node, node.templateSpans[i]!.literal.text, false)) return;
      templateQuery(node);
    }

    /**
     * `https://api.acme.io/weather?q=${city}&appid=1de2…`: a credential in the query of a URL
     * template, in a part after a substitution, where no part alone is a URL. The template is read
     * with each substitution as `${}`, so a parameter whose value is interpolated is never one.
     * Reported on the template with no move (its parts are code).
     */
    function templateQuery(node: ts.TemplateExpression): void {
      const url = node.head.text.indexOf("://") > 0;
      // `curl -s "https://…/messages/${id}" -H "x-api-key: …"`: a command's header after a substitution.
      if (!url && node.head.text.indexOf("curl ") === -1) return;
      let text = node.head.text;
      for (const span of node.templateSpans) {
        if (text.length > 4096) return;
        text += "${}" + span.literal.text;
      }
      const found: ValueMatch[] = [];
      if (url && text.indexOf("?") !== -1) urlQuerySecrets(text, found);
      commandHeaderSecrets(text, found);
      for (const v of found) {
        if (lenient() && handTyped(v.judged ?? v.value)) continue;
        report({ caseId: "suspiciousName", kind: "", value: v.value, publicPrefix: "", name: v.name ?? "", verb: v.verb ?? "carries", envName: v.envName, movable: false, keepPrefix: "", keepSuffix: "", publicByDesign: false }, node);
      }
    }

    /** One literal part of a template: provider keys, PEM keys, and a connection string whose host is interpolated. */
    function checkTemplatePart(node: ts.TemplateExpression, part: string, head: boolean): boolean {
      if (part.length < 12) return false;
      let v = part.length >= 16 ? scanValue(part, false) : undefined;
      if (v === undefined && head && part.endsWith("@")) {
        const at = part.indexOf("://");
        if (at > 0) v = connectionString(part, at, true);
      }
      if (v === undefined || v.caseId === "authorizationHeader" || (v.caseId === "connectionString" && isTest)) return false;
      if (devOnlyConnection(v, node)) return true;
      report({ caseId: v.caseId, kind: v.kind, value: v.value, publicPrefix: v.publicPrefix, name: "", envName: v.envName, movable: false, keepPrefix: "", keepSuffix: "", publicByDesign: false }, node);
      return true;
    }

    /** Provider-shaped secrets and private keys in comments: one indexOf pass over `/`, one prefix scan per comment. */
    function scanComments(): void {
      const text = ctx.text;
      for (let i = text.indexOf("/"); i !== -1 && i < text.length - 1; i = text.indexOf("/", i)) {
        const next = text.charCodeAt(i + 1);
        let end: number;
        if (next === 47) {
          end = text.indexOf("\n", i + 2);
          if (end === -1) end = text.length;
        } else if (next === 42) {
          end = text.indexOf("*/", i + 2);
          if (end === -1) end = text.length;
        } else {
          i++;
          continue;
        }
        if (end - i >= 18) scanCommentText(i + 2, end);
        i = end + 1;
      }
    }

    function scanCommentText(from: number, to: number): void {
      const body = ctx.text.slice(from, to);
      for (let at = 0; at < body.length; ) {
        const m = findProviderToken(body, at);
        if (!m) break;
        const start = from + m.index;
        if (isInComment(start)) {
          report(det("secretInComment", m.provider.label, m.token, m.token.startsWith(m.provider.publicPrefix) ? m.provider.publicPrefix : "", m.provider.envName, false), undefined, { start, end: start + m.token.length });
        }
        at = m.index + m.token.length;
      }
      // A Supabase service-role key left in a note (`// old key: eyJ…`): a JWT known by its payload, not its prefix.
      for (let at = body.indexOf("eyJ"), n = 0; at !== -1 && n < 8; n++) {
        let end = at;
        while (end < body.length && JWT_CHAR_RE.test(body[end]!)) end++;
        const jwt = body.slice(at, end);
        if (isServiceRoleJwt(jwt) && isInComment(from + at)) {
          report(det("secretInComment", "Supabase service-role key", jwt, "", "SUPABASE_SERVICE_ROLE_KEY", false), undefined, { start: from + at, end: from + end });
        }
        at = body.indexOf("eyJ", end);
      }
      namedKeysInComment(body, from);
      returnedInComment(body, from);
      const pem = body.indexOf("-----BEGIN");
      if (pem !== -1 && body.indexOf("PRIVATE KEY-----", pem) !== -1) {
        const v = scanValue(body.slice(pem), true);
        if (v && v.caseId === "privateKey" && isInComment(from + pem)) {
          const end = body.indexOf("-----END", pem);
          const stop = end === -1 ? body.length : Math.min(body.length, body.indexOf("-----", end + 8) + 5);
          report(det("secretInComment", v.kind, body.slice(pem, stop), "-----BEGIN", "PRIVATE_KEY", false), undefined, { start: from + pem, end: from + Math.max(stop, pem + 10) });
        }
      }
    }

    /**
     * A key, token or secret setting given a random-looking value in a comment, with no provider
     * shape: `* - N8N_API_KEY: key for n8n (e.g., <a random-looking value>)`,
     * `// WEBHOOK_SECRET=Xq7…`, `// const apiKey = "Xq7…";`. Only the value of the named setting, only
     * when it looks generated (not words a person typed, a placeholder or an elided `…`); password
     * names are left out (`// password: admin123` beside a seeded digest is a demo login's note).
     */
    function namedKeysInComment(body: string, from: number): void {
      if (!COMMENT_NAMED_HINT_RE.test(body)) return;
      COMMENT_NAMED_VALUE_RE.lastIndex = 0;
      for (let m = COMMENT_NAMED_VALUE_RE.exec(body), n = 0; m && n < 8; m = COMMENT_NAMED_VALUE_RE.exec(body), n++) {
        const name = m[1]!;
        let end = m[2]!.length;
        while (end > 0 && ".,;:?".includes(m[2]![end - 1]!)) end--; // a sentence's closing punctuation
        const value = m[2]!.slice(0, end);
        if (/pass|pwd/i.test(name) || !isSecretName(name) || value.length < 16 || value.length > 200) continue;
        if (/\.\.\.|…|\*\*\*/.test(value) || isPlaceholder(value) || isNonSecretValue(value) || !looksRandom(value) || findProviderToken(value, 0)) continue;
        const start = from + m.index + m[0].length - m[2]!.length;
        if (!isInComment(start)) continue;
        const d = det("secretInComment", "", value, "", toEnvName(name), false);
        d.name = name;
        report(d, undefined, { start, end: start + value.length });
      }
    }

    /**
     * Commented-out code that returns a generated literal inside a function named for a
     * credential: `// return "CKx9…"` in `getValidToken()`, the token pasted in place of the read
     * while debugging. The function's name says what the value is; only a random-looking value of
     * 32 characters or more, with no provider shape (those are found above).
     */
    function returnedInComment(body: string, from: number): void {
      if (body.indexOf("return") === -1) return;
      RETURNED_LITERAL_RE.lastIndex = 0;
      for (let m = RETURNED_LITERAL_RE.exec(body), n = 0; m && n < 4; m = RETURNED_LITERAL_RE.exec(body), n++) {
        const value = m[1]!;
        if (!generatedCredential(value, lenient()) || isPublicJwt(value) || findProviderToken(value, 0)) continue;
        const start = from + m.index + m[0].length - value.length - 1;
        if (!isInComment(start)) continue;
        const fn = credentialFunction(innermostNodeAt(ctx.sourceFile, start));
        if (fn === undefined) continue;
        const d = det("secretInComment", kindOfName(fn), value, "", toEnvName(fn), false);
        d.name = fn;
        report(d, undefined, { start, end: start + value.length });
      }
    }

    /** The name of the function around `node` when it names a credential (`getValidToken`, `apiKey()`), else undefined. */
    function credentialFunction(node: ts.Node): string | undefined {
      for (let n: ts.Node | undefined = node; n; n = n.parent) {
        if (!ts.isFunctionLike(n)) continue;
        const p = n.parent;
        // `function getToken()`, `const getToken = () =>`, `getToken: () =>`, `exports.getToken = async () =>`.
        const name =
          n.name && (ts.isIdentifier(n.name) || ts.isStringLiteral(n.name)) ? n.name.text
          : (ts.isVariableDeclaration(p) || ts.isPropertyAssignment(p)) && ts.isIdentifier(p.name) ? p.name.text
          : ts.isBinaryExpression(p) && p.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(p.left) ? p.left.name.text
          : undefined;
        return name !== undefined && isSecretName(name.replace(/^(?:get|fetch|load|read)(?=[A-Z])/, "")) ? name : undefined;
      }
      return undefined;
    }

    /** True when `pos` lies in trivia (a comment) rather than in a token: descend to the deepest node holding it. */
    function isInComment(pos: number): boolean {
      const node = innermostNodeAt(ctx.sourceFile, pos);
      // Past the node's start but in none of its children: between them, where only punctuation and
      // comments stand (`// …` on the last line of a block, before its `}`), unless the node is a literal's text.
      return pos < node.getStart(ctx.sourceFile) || !TEXT_KINDS.has(node.kind);
    }

    return {
      onFile() {
        browser = undefined;
        localeFile = undefined;
        mentionsPlaceholder = undefined;
        lenientFile = undefined;
        rel = undefined;
        fileFix = undefined;
        tracked = undefined;
        scanComments();
      },
      [ts.SyntaxKind.StringLiteral]: onLiteral,
      [ts.SyntaxKind.NoSubstitutionTemplateLiteral]: onLiteral,
      [ts.SyntaxKind.TemplateExpression]: onTemplate,
    };
  },
});
