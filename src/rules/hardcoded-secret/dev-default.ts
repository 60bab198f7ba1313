/**
 * Whether an environment fallback is a deliberate development default (issue 12, review R1):
 * `const secret = process.env.JWT_SECRET || "development-secret"` followed by a warning when
 * the variable is unset, next to a `NODE_ENV` test, or with a name, comment or value that says
 * dev. There the author meant "a default outside production": removing it everywhere leaves the
 * warning dead and breaks local and test runs, so the production-only requirement comes first.
 * Reads only the statement holding the fallback and its near siblings; nothing here walks the tree.
 */
import { ts } from "../../engine/ts";
import { TreeMemo } from "../../engine/tree-memo";
import { toEnvName } from "./names";
import { ENGINE_DEFAULT_USERS, engineLoginHost } from "./values";
import { constInitializer } from "../unvalidated-boundary/ast";

// Words that mark a value, name or comment as meant for development (after splitting into words).
const DEV_WORDS = new Set(["DEV", "DEVELOPMENT", "LOCAL", "LOCALHOST"]);
const DEV_COMMENT_RE = /\b(?:dev|development|local(?:ly)?|non-production)\b/i;
// Reads that tell environments apart: `process.env.NODE_ENV`, `isDev`, `isProduction`, `import.meta.env.DEV`.
const ENVIRONMENT_TEST_RE = /\bNODE_ENV\b|\bis(?:Dev|Development|Prod|Production)\b|\bIS_(?:DEV|PROD)\w*|\bimport\.meta\.env\.(?:DEV|PROD|MODE)\b/;
const WARN_CALL_RE = /\.(?:warn|warning)\s*\(/;
// Siblings looked at on each side of the statement holding the fallback.
const BEFORE = 2;
const AFTER = 3;

function saysDev(text: string): boolean {
  return toEnvName(text).split("_").some((w) => DEV_WORDS.has(w));
}

/** The statement holding `node` and the statement list it sits in. */
function statementOf(node: ts.Node): { stmt: ts.Statement; list: readonly ts.Statement[] } | undefined {
  let cur: ts.Node = node;
  for (let p = node.parent; p; cur = p, p = p.parent) {
    if (ts.isFunctionLike(p) || ts.isClassLike(p)) return undefined;
    if (ts.isBlock(p) || ts.isSourceFile(p) || ts.isModuleBlock(p) || ts.isCaseClause(p) || ts.isDefaultClause(p)) return { stmt: cur as ts.Statement, list: p.statements };
  }
  return undefined;
}

/** The name the fallback is bound to: `const devSecret = …`, `{ secret: … }`, `this.secret = …`. */
export function boundName(fallback: ts.Node): string | undefined {
  let top = fallback;
  while (top.parent && (ts.isParenthesizedExpression(top.parent) || ts.isAsExpression(top.parent) || ts.isNonNullExpression(top.parent))) top = top.parent;
  const p = top.parent;
  if (!p) return undefined;
  if ((ts.isVariableDeclaration(p) || ts.isPropertyAssignment(p) || ts.isPropertyDeclaration(p)) && ts.isIdentifier(p.name)) return p.name.text;
  if (ts.isBinaryExpression(p) && p.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(p.left)) return p.left.name.text;
  return undefined;
}

/**
 * True when the code around the fallback `literal` of `envName` (the parent `a || "…"`) shows it
 * is a deliberate development default: its value, the name it is bound to or a comment on its
 * statement says dev/development/local; an enclosing condition reads `NODE_ENV` (or
 * `isDev`/`isProduction`); a near statement reads it together with the variable (or the name
 * the fallback is bound to); or a statement after it tests the variable and logs a warning.
 */
export function deliberateDevDefault(literal: ts.StringLiteral | ts.NoSubstitutionTemplateLiteral, envName: string, sf: ts.SourceFile): boolean {
  if (saysDev(literal.text)) return true;
  const fallback = literal.parent;
  const bound = boundName(fallback);
  if (bound !== undefined && saysDev(bound)) return true;
  for (let p: ts.Node | undefined = fallback.parent; p && !ts.isSourceFile(p); p = p.parent) {
    if (ts.isIfStatement(p) && ENVIRONMENT_TEST_RE.test(p.expression.getText(sf))) return true;
    if (ts.isConditionalExpression(p) && ENVIRONMENT_TEST_RE.test(p.condition.getText(sf))) return true;
  }
  const at = statementOf(fallback);
  if (!at) return false;
  const { stmt, list } = at;
  const text = sf.text;
  const comments = [...(ts.getLeadingCommentRanges(text, stmt.pos) ?? []), ...(ts.getTrailingCommentRanges(text, stmt.end) ?? [])];
  if (comments.some((c) => DEV_COMMENT_RE.test(text.slice(c.pos, c.end)))) return true;
  const i = list.indexOf(stmt);
  const names = [envName, ...(bound !== undefined ? [bound] : [])].map((n) => new RegExp(`(?<![\\w$])${n.replace(/\$/g, "\\$")}(?![\\w$])`));
  const mentions = (t: string) => names.some((re) => re.test(t));
  for (let j = Math.max(0, i - BEFORE); j <= Math.min(list.length - 1, i + AFTER); j++) {
    const s = list[j]!;
    // The fallback's own statement (a config object may test NODE_ENV for other settings), and a
    // function or class next to it, say nothing about this variable.
    if (j === i || ts.isFunctionDeclaration(s) || ts.isClassDeclaration(s)) continue;
    const t = s.getText(sf);
    if (!mentions(t)) continue;
    // `if (process.env.NODE_ENV === "production" && !process.env.JWT_SECRET) throw …`
    if (ENVIRONMENT_TEST_RE.test(t)) return true;
    // `if (!process.env.JWT_SECRET) log.warn("using the development secret")`
    if (j > i && ts.isIfStatement(s) && mentions(s.expression.getText(sf)) && WARN_CALL_RE.test(s.thenStatement.getText(sf))) return true;
  }
  return false;
}

// A service on this machine: `http://localhost:8060`, `redis://127.0.0.1:6379`, a bare `localhost` host.
const LOCAL_SERVICE_RE = /^(?:(?:https?|wss?|redis|rediss|postgres(?:ql)?|mysql|mongodb|amqp|nats):\/\/(?:[^/@\s]*@)?)?(?:localhost|127\.0\.0\.1|0\.0\.0\.0|\[::1\])(?::\d{1,5})?(?:\/\S*)?$/i;
// The same at the head of a template: `` `127.0.0.1:${port}/storage/v1/s3` ``, `` `http://localhost:${port}` ``.
const LOCAL_SERVICE_HEAD_RE = /^(?:(?:https?|wss?|redis|rediss|postgres(?:ql)?|mysql|mongodb|amqp|nats):\/\/(?:[^/@\s]*@)?)?(?:localhost|127\.0\.0\.1|0\.0\.0\.0|\[::1\])(?::|\/|$)/i;
// A setting that names the environment the settings are for (`ENV: "local"`, `APP_ENV: "test"`).
const ENV_NAME_KEY_RE = /^(?:ENV|ENVIRONMENT|NODE_ENV|APP_ENV|\w+_ENV)$/i;
const LOCAL_ENV_RE = /^(?:local|localhost|test)$/i;
// A value that says it is made up for a local or test instance: `kv-dev-token-42`, `local_test_token`,
// `sk_test_emulator` (an emulator on this machine takes any key).
const TEST_OR_DEV_WORDS = new Set(["TEST", "DEV", "DEVELOPMENT", "LOCAL", "LOCALHOST", "EMULATOR"]);
// The same word joined to a credential's word with nothing between: `testsecret`, `devpassword`, `localtoken`.
const JOINED_TEST_WORD_RE = /^(?:TEST|DEV|LOCAL)(?:SECRET|PASSWORD|PASS|PWD|TOKEN|KEY|APIKEY)$/;

/** One setting's name and value: a property of an object, or a `[name, value]` pair of a list of pairs. */
interface Setting {
  name: string | undefined;
  value: ts.Expression;
}

/**
 * The settings beside the one `node` is the value of (the node, or the literal fallback of `env.X || "…"`):
 * the other properties of its object, or the other pairs of a list of `[name, value]` pairs (a script's
 * `[["S3_ENDPOINT", \`127.0.0.1:${port}\`], ["STRIPE_SECRET_KEY", env.STRIPE_SECRET_KEY || "sk_test_emulator"]]`).
 */
function siblingSettings(node: ts.Node): Setting[] | undefined {
  let v: ts.Node = node;
  while (v.parent && ts.isBinaryExpression(v.parent) && v.parent.right === v && (v.parent.operatorToken.kind === ts.SyntaxKind.BarBarToken || v.parent.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken)) v = v.parent;
  const holder = v.parent;
  if (holder && ts.isPropertyAssignment(holder) && holder.initializer === v && ts.isObjectLiteralExpression(holder.parent)) {
    return holder.parent.properties.flatMap((p) => (p !== holder && ts.isPropertyAssignment(p) ? [{ name: ts.isIdentifier(p.name) || ts.isStringLiteralLike(p.name) ? p.name.text : undefined, value: p.initializer }] : []));
  }
  const pair = (e: ts.Node): e is ts.ArrayLiteralExpression => ts.isArrayLiteralExpression(e) && e.elements.length === 2 && ts.isStringLiteralLike(e.elements[0]!);
  if (holder && pair(holder) && holder.elements[1] === v && holder.parent && ts.isArrayLiteralExpression(holder.parent)) {
    return holder.parent.elements.flatMap((e) => (e !== holder && pair(e) ? [{ name: (e.elements[0] as ts.StringLiteralLike).text, value: e.elements[1]! }] : []));
  }
  return undefined;
}

/** The setting fixes a service on this machine (not a default an environment may override), or names a local or test environment. */
function pointsHere(s: Setting): boolean {
  let v = s.value;
  // `baseUrl: proxyBaseUrl` with `` const proxyBaseUrl = `http://localhost:${PORT}/llm-proxy/v1` `` in scope (one hop; session 42,
  // production anything-llm's local model proxy): the `const` fixes the service as its initializer does.
  if (ts.isIdentifier(v)) v = constInitializer(v) ?? v;
  if (ts.isStringLiteralLike(v)) return LOCAL_SERVICE_RE.test(v.text) || (s.name !== undefined && ENV_NAME_KEY_RE.test(s.name) && LOCAL_ENV_RE.test(v.text));
  return ts.isTemplateExpression(v) && LOCAL_SERVICE_HEAD_RE.test(v.head.text);
}

/**
 * A hand-typed credential that says it is for a test, development or emulator instance, next to
 * the URL or host of a service on this machine in the same settings (`{ KV_URL:
 * "http://127.0.0.1:8200", KV_TOKEN: "kv-dev-token-42" }`, a local development CLI's settings; `{
 * ENV: "local", STRIPE_SECRET_KEY: "sk_test_emulator", STRIPE_WEBHOOK_SECRET: "testsecret" }`, the
 * environment of a local stack a script starts; production capgo): the token of a local instance,
 * not a deployment's. The other setting must fix the service here: a default that the environment
 * may override (`process.env.DB_HOST || "localhost"`) says nothing about where the settings run. A
 * value that does not say so (`password: "Zq8pL2vW"` beside `host: "localhost"`) is still a credential.
 */
export function localDevCredential(node: ts.Node, value: string): boolean {
  if (!toEnvName(value).split("_").some((w) => TEST_OR_DEV_WORDS.has(w) || JOINED_TEST_WORD_RE.test(w))) return false;
  return siblingSettings(node)?.some(pointsHere) ?? false;
}

const LOGIN_USER_KEY_RE = /^(?:user|username|user_name|login)$/i;
const LOGIN_HOST_KEY_RE = /^(?:host|hostname|server)$/i;

/**
 * A driver's settings object with the engine's own default login on this machine or a compose service
 * (`{ host: "localhost", user: "root", password: "root" }` for mysql's `createPool`; `postgres`/`postgres`,
 * `guest`/`guest`): connectionString's exemption for `root:root@localhost` in the object form (retired held
 * round 46, the-mess's `services/db.js:9`, debatable). The password must be the default user's name, given as
 * the `user` beside it, and the `host` beside them written out as local or a one-label service name: a real
 * password, another user, a real host, a host the environment may override, or none at all stay reported.
 */
export function engineDefaultLogin(node: ts.Node, name: string, value: string): boolean {
  if (!/pass|pwd/i.test(name) || !ENGINE_DEFAULT_USERS.has(value)) return false;
  const settings = siblingSettings(node);
  if (!settings) return false;
  const literal = (key: RegExp) => settings.find((s) => s.name !== undefined && key.test(s.name) && ts.isStringLiteralLike(s.value))?.value as ts.StringLiteralLike | undefined;
  const user = literal(LOGIN_USER_KEY_RE);
  const host = literal(LOGIN_HOST_KEY_RE);
  return user?.text === value && host !== undefined && engineLoginHost(host.text);
}

// Words that say a value is made for an emulator of the provider (`emulate-google-secret`, `sk_test_emulator`).
const EMULATOR_WORDS = new Set(["EMULATOR", "EMULATORS", "EMULATE", "EMULATED", "EMULATION"]);

const saysEmulator = (text: string) => toEnvName(text).split("_").some((w) => EMULATOR_WORDS.has(w));

/**
 * A hand-typed value that says it is an emulator's, under a name or in a file that says so too
 * (`client_secret: "emulate-google-secret"` in `emulate-seed.ts`, the seed of a local OAuth emulator, and the
 * dev-setup script's matching `EMULATED_GOOGLE_CLIENT_SECRET = "emulate-google-secret"`; production inbox-zero):
 * the emulator's own data, which it takes on the developer's machine; the provider never issued it. An app's
 * own setting that holds an emulator stand-in (`STRIPE_SECRET_KEY: "sk_test_emulator"`) is judged by the
 * settings around it (localDevCredential). The caller keeps random-looking values reported.
 */
export function emulatorCredential(value: string, name: string, path: string): boolean {
  return saysEmulator(value) && (saysEmulator(name) || saysEmulator(path.slice(path.lastIndexOf("/") + 1)));
}

// The stand-in word alone as a password, repeated or numbered (`testtest`, `demo123`), and as an address's local part (`test@…`).
const STAND_IN_LOGIN_RE = /^(test|demo)(?:\1){0,2}\d{0,4}$/i;
const STAND_IN_USER_RE = /^(test|demo)\d{0,4}(?:@[\w.-]+)?$/i;
const LOCAL_SERVICE_FILES = new TreeMemo<ts.SourceFile, boolean>();

/** A top-level `const` of the file fixes a service on this machine: `` const localSupabaseUrl = `http://127.0.0.1:${port}` ``. */
function fixesLocalService(sf: ts.SourceFile): boolean {
  let out = LOCAL_SERVICE_FILES.get(sf);
  if (out !== undefined) return out;
  out = sf.statements.some((st) => ts.isVariableStatement(st) && (st.declarationList.flags & ts.NodeFlags.Const) !== 0 && st.declarationList.declarations.some((d) => d.initializer !== undefined && pointsHere({ name: undefined, value: d.initializer })));
  LOCAL_SERVICE_FILES.set(sf, out);
  return out;
}

/**
 * The seeded login of a local stack: a password that is the stand-in word alone (`testtest`,
 * `demo123`) beside an address or user name of the same word (`test@capgo.app`) in the same settings
 * (an object or a list of `[name, value]` pairs), in a file that fixes a service on this machine at its top (`` const localSupabaseUrl =
 * `http://127.0.0.1:${port}` ``): a script that signs in to the local instance it started
 * (production capgo's screenshot and visual-diff scripts, debatable). Without the local service,
 * a two-field stand-in login (`{ username: "demo", password: "demo" }`) is still reported.
 */
export function localStandInLogin(node: ts.Node, name: string, value: string): boolean {
  const word = /pass|pwd/i.test(name) ? STAND_IN_LOGIN_RE.exec(value)?.[1]?.toLowerCase() : undefined;
  if (word === undefined) return false;
  const user = siblingSettings(node)?.some((s) => ts.isStringLiteralLike(s.value) && STAND_IN_USER_RE.exec(s.value.text)?.[1]?.toLowerCase() === word) ?? false;
  return user && fixesLocalService(node.getSourceFile());
}

const RESERVED_DOMAINS = new Set(["example.com", "example.net", "example.org"]);
const RESERVED_TLDS = new Set(["example", "test", "invalid", "localhost"]);

/**
 * An address at a domain reserved for documentation and testing (RFC 2606, RFC 6761): no mailbox
 * behind it, so the account it names is a demo (`arkana@example.com`, `admin@shop.test`).
 */
export function reservedEmail(value: string): boolean {
  const at = value.indexOf("@");
  if (at <= 0 || at !== value.lastIndexOf("@") || value.length > 254 || /\s/.test(value)) return false;
  const labels = value.slice(at + 1).toLowerCase().split(".");
  if (labels.length < 2 || labels.some((l) => !/^[a-z0-9-]+$/.test(l))) return false;
  return RESERVED_DOMAINS.has(labels.slice(-2).join(".")) || RESERVED_TLDS.has(labels[labels.length - 1]!);
}

/**
 * A password beside an email at a reserved documentation domain in the same object (`{ email:
 * "lyra@example.com", password: "password2" }`: the demo users a seeder creates, a demo login):
 * the account is made up, and so is its password. Only passwords, and the caller keeps random-looking
 * values reported. An address at a real domain (`admin@acme.io`) is a real account.
 */
export function demoAccountPassword(node: ts.Node, name: string): boolean {
  if (!/pass|pwd/i.test(name)) return false;
  if (comparedBesideReservedEmail(node)) return true;
  const prop = node.parent;
  const obj = prop && ts.isPropertyAssignment(prop) && prop.initializer === node ? prop.parent : undefined;
  if (!obj || !ts.isObjectLiteralExpression(obj)) return false;
  return obj.properties.some((p) => p !== prop && ts.isPropertyAssignment(p) && ts.isStringLiteralLike(p.initializer) && reservedEmail(p.initializer.text));
}

const EQUALITY = new Set([ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.EqualsEqualsToken]);

function isEquality(e: ts.Node): e is ts.BinaryExpression {
  return ts.isBinaryExpression(e) && EQUALITY.has(e.operatorToken.kind);
}

/**
 * The same demo login written as a test: `email === "demo@example.com" && password === "demo123"`
 * (retired held round 30, OCUS-jub-hunter's customer login, clean debatable). The password's
 * comparison is one of an `&&` chain, another of which compares with an address at a reserved domain.
 */
function comparedBesideReservedEmail(node: ts.Node): boolean {
  let e: ts.Node = node.parent;
  if (!e || !isEquality(e)) return false;
  while (e.parent && (ts.isParenthesizedExpression(e.parent) || (ts.isBinaryExpression(e.parent) && e.parent.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken))) e = e.parent;
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (ts.isParenthesizedExpression(n) || (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken)) n.forEachChild(visit);
    else if (isEquality(n)) found = [n.left, n.right].some((side) => ts.isStringLiteralLike(side) && reservedEmail(side.text));
  };
  visit(e);
  return found;
}

// A comment that says the credentials are the provider's published demo or test account.
const DEMO_WORD_RE = /\b(?:demo|test|testing|sandbox|trial)\b/i;
// Where it comes from: the provider's documentation (not "see docs/setup.md", the project's own).
const PUBLISHED_RE = /\b(?:(?:in|from|per|by) (?:the )?(?:[\w-]+'s )?(?:api |official )?(?:documentation|docs)\b|documented\b|published\b|public(?:ly)? (?:demo|test|sandbox)\b)/i;

/**
 * A typed credential that the code says is the provider's published demo account: a comment on
 * its property, or on an object property or declaration around it up to two levels, names a demo,
 * test or sandbox account and the documentation it comes from (`// Test credentials (as provided
 * in documentation)` above `TEST_CREDENTIALS: { username, password }`). Everyone who read the
 * provider's docs has them, and they open only the provider's demo system. The caller keeps
 * random-looking values reported: a generated key is the account's own.
 */
export function documentedDemoCredential(node: ts.Node, text: string): boolean {
  let levels = 0;
  for (let p: ts.Node | undefined = node.parent; p && levels < 3; p = p.parent) {
    if (ts.isFunctionLike(p) || ts.isClassLike(p) || ts.isSourceFile(p)) return false;
    if (!ts.isPropertyAssignment(p) && !ts.isVariableStatement(p)) continue;
    levels++;
    for (const c of ts.getLeadingCommentRanges(text, p.pos) ?? []) {
      const body = text.slice(c.pos, c.end);
      if (DEMO_WORD_RE.test(body) && PUBLISHED_RE.test(body)) return true;
    }
  }
  return false;
}

// Words that stand in for any value in a record filled by hand.
const STAND_IN_WORDS = new Set(["test", "testing", "demo", "sample", "dummy", "fake", "example", "foo", "bar"]);

/** The object literal a property value sits in, and the objects around it, innermost first (up to `depth`). */
function objectsAround(node: ts.Node, depth: number): ts.ObjectLiteralExpression[] {
  const out: ts.ObjectLiteralExpression[] = [];
  for (let p: ts.Node | undefined = node.parent; p && out.length < depth; p = p.parent) {
    if (ts.isObjectLiteralExpression(p)) out.push(p);
    else if (!ts.isPropertyAssignment(p) && !ts.isParenthesizedExpression(p) && !ts.isAsExpression(p) && !ts.isSatisfiesExpression(p)) break;
  }
  return out;
}

/** The string literals an object literal gives its own properties (`{ a: "x", b: "y" }` → x, y with names). */
function stringProperties(obj: ts.ObjectLiteralExpression): { name: string; value: string }[] {
  const out: { name: string; value: string }[] = [];
  for (const p of obj.properties) {
    if (ts.isPropertyAssignment(p) && ts.isStringLiteralLike(p.initializer) && (ts.isIdentifier(p.name) || ts.isStringLiteralLike(p.name))) out.push({ name: p.name.text, value: p.initializer.text });
  }
  return out;
}

/**
 * A record filled with one stand-in word: three or more string fields, every one of them the same
 * `test`, `demo` or `sample` (`{ oauth_client_id: "test", oauth_client_secret: "test", oauth_scopes:
 * "test" }`, a seeder's provider config). The secret is as made up as the id and the scopes beside
 * it. A record of two (`{ username: "demo", password: "demo" }`, a demo login) is still reported.
 */
export function standInRecord(node: ts.Node & { text: string }): boolean {
  if (!STAND_IN_WORDS.has(node.text.toLowerCase())) return false;
  const obj = objectsAround(node, 1)[0];
  if (!obj) return false;
  const fields = stringProperties(obj);
  return fields.length >= 3 && fields.every((f) => f.value === node.text);
}

/**
 * A value the same record also gives as an id (`{ userId: "key_abc123", user: { type: "api_key",
 * apiKey: "key_abc123" } }`): an identifier, shown and stored as one, not a secret. Looks at the
 * value's own object and the one around it.
 */
export function givenAsId(node: ts.Node & { text: string }): boolean {
  return objectsAround(node, 2).some((obj) => stringProperties(obj).some((f) => f.value === node.text && /(?:^|[a-z_])(?:id|Id|ID)$/.test(f.name) && !/^(?:client|app)_?id$/i.test(f.name)));
}

// A list named for the passwords it holds, plural (`passwords`, `PASSWORDS`, `candidatePins`).
const PASSWORD_LIST_NAME_RE = /(?:passw(?:or)?d|pwd|pin)s$/i;
// A URL of a service on this machine anywhere in the file's text (`mqtt://localhost:1883`), and one of any other host.
const LOCAL_URL_RE = /\b[a-z][a-z0-9+.-]{1,15}:\/\/(?:[^/@\s"'`]*@)?(?:localhost|127\.0\.0\.1|0\.0\.0\.0|\[::1\])(?![\w.-])/i;
const OTHER_URL_RE = /\b[a-z][a-z0-9+.-]{1,15}:\/\/(?:[^/@\s"'`]*@)?(?!(?:localhost|127\.0\.0\.1|0\.0\.0\.0|\[::1\])(?![\w.-]))[\w-]+\.[\w.-]+/i;
const TRIED_LISTS = new TreeMemo<ts.SourceFile, boolean>();

/**
 * `const passwords = ["hivemq", "admin", …]` then `for (const password of passwords) { … connect … }` in a file
 * whose only service is on this machine (`mqtt://localhost:1883`): a diagnostic script's candidates, vendor
 * defaults it tries one by one against the local broker (retired held round 45, mqtt-ollama-presentation's
 * `scripts/find-mqtt-password.js`), like the docs' `passwordsToTest`. The list must be iterated by a `for … of`
 * of the file, hold three values or more, and the file must name no other host: the same loop over the project's
 * real database passwords tried against its remote pooler (`…@aws-0-us-east-1.pooler.supabase.com`) stays
 * reported. The caller keeps random-looking values reported.
 */
export function triedLocally(element: ts.Node, name: string): boolean {
  const list = element.parent;
  if (!list || !ts.isArrayLiteralExpression(list) || list.elements.length < 3 || !PASSWORD_LIST_NAME_RE.test(name)) return false;
  const decl = list.parent;
  if (!decl || !ts.isVariableDeclaration(decl) || decl.initializer !== list || !ts.isIdentifier(decl.name)) return false;
  const sf = element.getSourceFile();
  const text = sf.text;
  let local = TRIED_LISTS.get(sf);
  if (local === undefined) {
    local = LOCAL_URL_RE.test(text) && !OTHER_URL_RE.test(text);
    TRIED_LISTS.set(sf, local);
  }
  if (!local) return false;
  // Iterated by a `for (const x of passwords)` of the file: a plain text test on the declared name.
  const escaped = decl.name.text.replace(/[$]/g, "\\$&");
  return new RegExp(`\\bfor\\s*\\(\\s*(?:const|let|var)\\s+[\\w$]+\\s+of\\s+${escaped}\\s*\\)`).test(text);
}
