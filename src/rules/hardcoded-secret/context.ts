/**
 * Classifies one string literal: by its value (provider key, PEM key, connection string,
 * header credential) and by its syntactic context (signing call, env fallback, suspicious
 * name). Context is read from at most a few parents; nothing here walks the tree.
 */
import { ts } from "../../engine/ts";
import { calleeName, importBindings, mayHaveIdentifier } from "../../engine/ast";
import { TreeMemo } from "../../engine/tree-memo";
import { walkKinds } from "../../engine/walk";
import { isGenericName, isNonSecretValue, isOtherKeyName, isPlaceholder, isSecretName, looksMadeUp, looksRandom, normalizeName, toEnvName } from "./names";
import { AWS_DOC_SECRET_SUFFIX, AWS_SECRET_ACCESS_KEY_RE, GOOGLE_API_KEY, TWILIO_AUTH_TOKEN_RE } from "./patterns";
export { connectionString, scanValue, scanValues, type ValueMatch } from "./values";
export { isOtherKeyName };
export { isAppPassword, isDeliberatelyWrong, isLowercasePassphrase, isPublicJwt, isPublishedSandboxValue, isServiceRoleJwt, prefixedBase64Text } from "./names";

export type CaseId =
  | "providerKey"
  | "privateKey"
  | "signingSecret"
  | "suspiciousName"
  | "connectionString"
  | "authorizationHeader"
  | "secretInComment"
  | "envFallbackLiteral"
  | "sessionCookie"
  | "configFile";

export type FallbackShape =
  | { kind: "binary" }
  | { kind: "constant"; uses: readonly ts.Expression[] }
  | { kind: "configGet"; call: ts.CallExpression }
  | { kind: "schemaDefault"; call: ts.CallExpression }
  | { kind: "none" };

/** One finding before it is reported: what it is, and what the fixes need. */
export interface Detection {
  caseId: CaseId;
  /** What it is, for the message: "Stripe live secret key", "JWT signing secret". */
  kind: string;
  /** The secret-bearing value; only ever rendered through redact.ts. */
  value: string;
  /** Public prefix allowed in the redacted hint. */
  publicPrefix: string;
  /** Name shown in messages (variable, property or setting), if any. */
  name: string;
  /** Environment variable the move fix reads. */
  envName: string;
  /** False when the literal cannot be replaced by an expression (enum member, env assignment, template part). */
  movable: boolean;
  /** Text around the secret that stays in source (`Bearer `, `curl -H '…`). */
  keepPrefix: string;
  keepSuffix: string;
  /** A key that browsers may hold by design (Google browser keys, Firebase web config). */
  publicByDesign: boolean;
  fallback?: FallbackShape;
  /** A readable development default (`"dev-secret-change-me"`), not a secret: it may stay as the default outside production. */
  devDefault?: boolean;
  /** The code around it shows the dev default is deliberate (a warning when unset, a NODE_ENV test, a dev name): see dev-default.ts. */
  deliberate?: boolean;
  /** How the name holds the value, for the message: "is assigned" (default), "is compared with", "is passed". */
  verb?: string;
  /** Every secret of the literal when it holds more than one: they move together (offsets in the literal's text). */
  parts?: { index: number; value: string; envName: string }[];
}

/** Name text of a property name, or undefined for computed/private names that are not strings. */
export function propertyNameText(name: ts.PropertyName | ts.BindingName | undefined): string | undefined {
  if (name === undefined) return undefined;
  switch (name.kind) {
    case ts.SyntaxKind.Identifier:
    case ts.SyntaxKind.StringLiteral:
    case ts.SyntaxKind.NoSubstitutionTemplateLiteral:
    case ts.SyntaxKind.PrivateIdentifier:
      return name.text;
    case ts.SyntaxKind.ComputedPropertyName:
      return ts.isStringLiteralLike(name.expression) ? name.expression.text : undefined;
    default:
      return undefined;
  }
}

/** `process.env.X`, `process.env["X"]`, `import.meta.env.X`, `Bun.env.X`, `Deno.env.get("X")`: the X, else undefined. */
export function envReadName(e: ts.Expression): string | undefined {
  while (e.kind === ts.SyntaxKind.ParenthesizedExpression || e.kind === ts.SyntaxKind.NonNullExpression || e.kind === ts.SyntaxKind.AsExpression) {
    e = (e as ts.ParenthesizedExpression).expression;
  }
  if (ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e)) {
    const name = ts.isPropertyAccessExpression(e) ? e.name.text : ts.isStringLiteralLike(e.argumentExpression) ? e.argumentExpression.text : undefined;
    if (name === undefined) return undefined;
    return isEnvObject(e.expression) ? name : undefined;
  }
  if (ts.isCallExpression(e) && e.arguments.length === 1 && ts.isStringLiteralLike(e.arguments[0]!) && ts.isPropertyAccessExpression(e.expression) && e.expression.name.text === "get") {
    const obj = e.expression.expression;
    if (ts.isPropertyAccessExpression(obj) && obj.name.text === "env" && ts.isIdentifier(obj.expression) && obj.expression.text === "Deno") return e.arguments[0].text;
  }
  return undefined;
}

function isEnvObject(e: ts.Expression): boolean {
  if (!ts.isPropertyAccessExpression(e) || e.name.text !== "env") return false;
  const o = e.expression;
  if (ts.isIdentifier(o)) return o.text === "process" || o.text === "Bun";
  return ts.isMetaProperty(o) && o.keywordToken === ts.SyntaxKind.ImportKeyword;
}

/** `ENV.stripeSecret`, `env.JWT_SECRET`, `c.env.JWT_SECRET`: a field of an object named for the environment. */
function readOffEnvObject(e: ts.Expression): boolean {
  const u = unwrapped(e);
  if (!ts.isPropertyAccessExpression(u) && !ts.isElementAccessExpression(u)) return false;
  const o = unwrapped(u.expression);
  const name = ts.isIdentifier(o) ? o.text : ts.isPropertyAccessExpression(o) ? o.name.text : undefined;
  return name !== undefined && /^(?:env|ENV|Env)$/.test(name);
}

/** Callee name: `jwt.sign` → `sign`, `createHmac` → `createHmac`. */
function receiverText(call: ts.CallExpression): string {
  const e = call.expression;
  if (!ts.isPropertyAccessExpression(e)) return "";
  const r = e.expression;
  if (ts.isIdentifier(r)) return r.text;
  if (ts.isPropertyAccessExpression(r)) return r.name.text;
  if (r.kind === ts.SyntaxKind.ThisKeyword) return "this";
  return "";
}

// Calls whose positional argument is a signing or encryption secret.
const SIGNING_CALLS: Readonly<Record<string, { arg: number; kind: string; env: string; receiver?: RegExp }>> = Object.assign(Object.create(null) as Record<string, { arg: number; kind: string; env: string; receiver?: RegExp }>, {
  sign: { arg: 1, kind: "JWT signing secret", env: "JWT_SECRET", receiver: /^(?:jwt|jsonwebtoken|JWT|jsonWebToken)$/ },
  verify: { arg: 1, kind: "JWT signing secret", env: "JWT_SECRET", receiver: /^(?:jwt|jsonwebtoken|JWT|jsonWebToken)$/ },
  createHmac: { arg: 1, kind: "HMAC key", env: "HMAC_SECRET" },
  createCipheriv: { arg: 1, kind: "Encryption key", env: "ENCRYPTION_KEY" },
  createDecipheriv: { arg: 1, kind: "Encryption key", env: "ENCRYPTION_KEY" },
  cookieParser: { arg: 0, kind: "cookie-parser secret", env: "COOKIE_SECRET" },
  scryptSync: { arg: 0, kind: "Key-derivation passphrase", env: "ENCRYPTION_PASSPHRASE" },
  scrypt: { arg: 0, kind: "Key-derivation passphrase", env: "ENCRYPTION_PASSPHRASE" },
  pbkdf2Sync: { arg: 0, kind: "Key-derivation passphrase", env: "ENCRYPTION_PASSPHRASE" },
  pbkdf2: { arg: 0, kind: "Key-derivation passphrase", env: "ENCRYPTION_PASSPHRASE" },
  Keygrip: { arg: -1, kind: "Cookie signing key", env: "COOKIE_KEYS" },
  // web-push: `setVapidDetails(subject, publicKey, privateKey)` signs every push request's JWT.
  setVapidDetails: { arg: 2, kind: "VAPID private key", env: "VAPID_PRIVATE_KEY" },
});

// Calls whose options object's `secret`/`keys` property is a signing secret.
const SECRET_OPTION_CALLS: Readonly<Record<string, { kind: string; env: string }>> = Object.assign(Object.create(null) as Record<string, { kind: string; env: string }>, {
  session: { kind: "express-session secret", env: "SESSION_SECRET" },
  expressSession: { kind: "express-session secret", env: "SESSION_SECRET" },
  cookieSession: { kind: "cookie-session key", env: "SESSION_SECRET" },
  NextAuth: { kind: "NextAuth secret", env: "NEXTAUTH_SECRET" },
  getToken: { kind: "NextAuth secret", env: "NEXTAUTH_SECRET" },
  getServerSession: { kind: "NextAuth secret", env: "NEXTAUTH_SECRET" },
  expressjwt: { kind: "JWT signing secret", env: "JWT_SECRET" },
  jwt: { kind: "JWT signing secret", env: "JWT_SECRET" },
  register: { kind: "JWT signing secret", env: "JWT_SECRET" },
  registerAsync: { kind: "JWT signing secret", env: "JWT_SECRET" },
  sign: { kind: "JWT signing secret", env: "JWT_SECRET" },
  signAsync: { kind: "JWT signing secret", env: "JWT_SECRET" },
  verify: { kind: "JWT signing secret", env: "JWT_SECRET" },
  verifyAsync: { kind: "JWT signing secret", env: "JWT_SECRET" },
  JwtStrategy: { kind: "JWT signing secret", env: "JWT_SECRET" },
  Strategy: { kind: "JWT signing secret", env: "JWT_SECRET" },
  ironSession: { kind: "iron-session password", env: "SESSION_SECRET" },
  getIronSession: { kind: "iron-session password", env: "SESSION_SECRET" },
  withIronSessionApiRoute: { kind: "iron-session password", env: "SESSION_SECRET" },
  betterAuth: { kind: "Better Auth secret", env: "BETTER_AUTH_SECRET" },
  lucia: { kind: "Session secret", env: "SESSION_SECRET" },
  fastifyCookie: { kind: "cookie signing secret", env: "COOKIE_SECRET" },
  fastifySession: { kind: "Session secret", env: "SESSION_SECRET" },
  fastifyJwt: { kind: "JWT signing secret", env: "JWT_SECRET" },
});
const SECRET_OPTION_KEYS = /^(?:secret|secrets|keys|secretOrKey|secretOrPrivateKey|privateKey|password|signingKey)$/;

const WRAPPERS = new Set(["from", "encode", "String", "Buffer", "encodeURIComponent", "encodeURI"]);

/** Steps over `(x)`, `x as T`, `x!`, `x satisfies T`, `Buffer.from(x)`, `new TextEncoder().encode(x)`, `encodeURIComponent(x)`. */
function outerOf(node: ts.Node): ts.Node {
  let n = node;
  for (let i = 0; i < 4; i++) {
    const p = n.parent;
    if (!p) return n;
    if (p.kind === ts.SyntaxKind.ParenthesizedExpression || p.kind === ts.SyntaxKind.AsExpression || p.kind === ts.SyntaxKind.NonNullExpression || p.kind === ts.SyntaxKind.SatisfiesExpression || p.kind === ts.SyntaxKind.TypeAssertionExpression) {
      n = p;
      continue;
    }
    if (p.kind === ts.SyntaxKind.CallExpression && (p as ts.CallExpression).arguments[0] === n) {
      const name = calleeName(p as ts.CallExpression);
      if (name !== undefined && WRAPPERS.has(name)) {
        n = p;
        continue;
      }
    }
    return n;
  }
  return n;
}

const NUMBER_CALLS = new Set(["parseInt", "parseFloat", "Number"]);

/**
 * `parseInt(process.env.AI_MAX_TOKENS || "150")`, `Number(env.X ?? "30")`, `+(process.env.X || "5")`:
 * a number written as the default of a setting the code reads as a number. A credential is never
 * parsed into a number, whatever its name says (`MAX_TOKENS` counts model tokens).
 */
export function numericSetting(literal: ts.Node & { text: string }): boolean {
  if (!/^\d+(?:\.\d+)?$/.test(literal.text)) return false;
  let n: ts.Node = literal.parent;
  while (n.parent && ts.isParenthesizedExpression(n.parent)) n = n.parent;
  const p = n.parent;
  if (!p) return false;
  if (ts.isCallExpression(p) && p.arguments[0] === n) {
    const name = calleeName(p);
    return name !== undefined && NUMBER_CALLS.has(name);
  }
  return ts.isPrefixUnaryExpression(p) && p.operator === ts.SyntaxKind.PlusToken;
}

// Schemas whose every value is written in the code: an enum, a literal, a boolean (zod, valibot, yup).
const CLOSED_SCHEMA_CALLS: ReadonlySet<string> = new Set(["enum", "nativeEnum", "picklist", "oneOf", "literal", "boolean", "stringbool"]);

/**
 * `AUTH_CUSTOM_ID_TOKEN: z.enum(["true", "false"]).default("true")`, `process.env.USE_ID_TOKEN || "false"`:
 * a flag, or a choice among values the schema lists in the code, whatever the name says (`…_ID_TOKEN`
 * there says whether to use the OIDC ID token). A secret is never `"true"`, nor one of a listed few.
 */
export function closedSetting(literal: ts.Node & { text: string }, shape: FallbackShape): boolean {
  if (/^(?:true|false)$/i.test(literal.text)) return true;
  if (shape.kind !== "schemaDefault") return false;
  let e: ts.Expression = shape.call.expression;
  for (let i = 0; i < 24; i++) {
    if (ts.isPropertyAccessExpression(e)) e = e.expression;
    else if (ts.isCallExpression(e)) {
      const name = calleeName(e);
      if (name !== undefined && CLOSED_SCHEMA_CALLS.has(name)) return true;
      e = e.expression;
    } else return false;
  }
  return false;
}

/** Env var name for a context name, borrowing the owner's name when the name is generic: `db: { password }` → `DB_PASSWORD`. */
export function envNameFor(name: string, owner: string | undefined): string {
  const generic = isGenericName(name) && owner !== undefined && /^[A-Za-z_$][\w$]*$/.test(owner) && !/^(?:config|options|opts|settings|env|default|module|exports|params|props|data|values?|credentials|auth)$/i.test(owner);
  // `firebaseConfig: { apiKey }` → FIREBASE_API_KEY, `dbOptions: { password }` → DB_PASSWORD.
  const base = generic ? owner!.replace(/(?:Config|Configuration|Options|Opts|Settings|Params|Credentials|Creds)$/, "") || owner! : "";
  return toEnvName(generic ? `${base}_${name}` : name);
}

/** Name of the object literal's owner: `const db = {…}`, `db: {…}`, `new Pool({…})`. */
function ownerName(obj: ts.Node): string | undefined {
  let p = obj.parent;
  while (p && (p.kind === ts.SyntaxKind.AsExpression || p.kind === ts.SyntaxKind.SatisfiesExpression || p.kind === ts.SyntaxKind.ParenthesizedExpression)) p = p.parent;
  if (!p) return undefined;
  // Constructor and call names (`new Pool({…})`, `new LinearClient({…})`) make poor env names: not owners.
  if (ts.isVariableDeclaration(p) && ts.isIdentifier(p.name)) return p.name.text;
  if (ts.isPropertyAssignment(p)) return propertyNameText(p.name);
  return undefined;
}

// Cheap gate before the full name check: no allocation, one short regex.
const QUICK_NAME_RE = /pass|pwd|secret|token|key|credential|vapid/i;

/** What a detection in this context should be: fallback, signing, name, or nothing. */
export type LiteralContext =
  | { kind: "fallback"; name: string; shape: FallbackShape; movable: false; option?: boolean; envObject?: boolean }
  | { kind: "signing"; label: string; env: string; name: string; movable: boolean }
  | { kind: "name"; name: string; owner: string | undefined; movable: boolean; array: boolean; verb?: string; knownBad?: boolean }
  | { kind: "basicPair" }
  | { kind: "header" }
  | { kind: "twilio" }
  | { kind: "concat" }
  | { kind: "none"; movable: boolean };


const NONE_MOVABLE: LiteralContext = { kind: "none", movable: true };
const NONE_FIXED: LiteralContext = { kind: "none", movable: false };
const HEADER: LiteralContext = { kind: "header" };
const TWILIO: LiteralContext = { kind: "twilio" };
const CONCAT: LiteralContext = { kind: "concat" };

// Set per call of literalContext: when a value already matched, any name helps name the env var.
let wantAnyName = false;

// Lists of values a secret must not have (`PLACEHOLDER_SECRETS`, `WEAK_PASSWORDS`, `BANNED_TOKENS`), checked against the environment.
const KNOWN_BAD_RE = /placeholder|insecure|weak|blocked|banned|forbidden|disallowed|blacklist|blocklist|denylist|rejected/i;

// …and lists named for what they hold: `commonPasswords`, `LEAKED_PASSWORDS`, `top100Passwords`, or for
// guessing with (`passwordsToTest`, `candidatePasswords`: a diagnostic script's tries) (a config object named `commonConfig` is not one).
const KNOWN_BAD_LIST_RE = /common|known|leaked|breached|pwned|top\d*|dictionary|guessable|to(?:test|try|check|guess)|candidate|guesses|wordlist/i;

function named(name: string, owner: string | undefined, movable: boolean, array: boolean): LiteralContext {
  if (!wantAnyName && !QUICK_NAME_RE.test(name)) return movable ? NONE_MOVABLE : NONE_FIXED;
  const knownBad = (owner !== undefined && KNOWN_BAD_RE.test(owner)) || (array && (KNOWN_BAD_RE.test(name) || KNOWN_BAD_LIST_RE.test(name)));
  return knownBad ? { kind: "name", name, owner, movable, array, knownBad } : { kind: "name", name, owner, movable, array };
}

/** Reads the literal's context from its parents. Allocates only for interesting contexts. */
export function literalContext(node: ts.Node, wantName: boolean): LiteralContext {
  wantAnyName = wantName;
  const target = outerOf(node);
  const p = target.parent;
  if (!p) return NONE_FIXED;
  // `Buffer.from("admin:s3cret").toString("base64")` after `"Basic "`: outerOf stepped over Buffer.from.
  if (target !== node && ts.isCallExpression(target) && calleeName(target) === "from" && target.arguments[0] === node && inBasicHeader(target)) return BASIC_PAIR;
  switch (p.kind) {
    case ts.SyntaxKind.VariableDeclaration: {
      const d = p as ts.VariableDeclaration;
      if (d.initializer !== target || !ts.isIdentifier(d.name)) return NONE_MOVABLE;
      // `const DEFAULT_JWT_SECRET = "…"` read as `env.JWT_SECRET || DEFAULT_JWT_SECRET`: the setting's fallback.
      if (d.parent.flags & ts.NodeFlags.Const) {
        const fallback = constantFallbacks(d.getSourceFile()).get(d.name.text);
        if (fallback) return { kind: "fallback", name: fallback.name, shape: { kind: "constant", uses: fallback.uses }, movable: false };
        // `const K = "…"` then `jwt.verify(token, K)`: the constant is the signing key (held round 35). Under a name that
        // says it holds a credential (`VAPID_PRIVATE`) it stays the name's finding, unless its value is a placeholder the
        // name rule lets through (`const SECRET_KEY = "your_jwt_secret"`): signed with, it is the key all the same.
        const signing = signingConstant(d);
        if (signing && (!isSecretName(d.name.text) || (ts.isStringLiteralLike(target) && isPlaceholder(target.text)))) return signing;
      }
      return named(d.name.text, undefined, true, false);
    }
    case ts.SyntaxKind.PropertyAssignment: {
      const a = p as ts.PropertyAssignment;
      if (a.initializer !== target) return NONE_FIXED;
      const name = propertyNameText(a.name);
      if (name === undefined) return NONE_MOVABLE;
      const obj = a.parent;
      const owner = ownerName(obj);
      if (name === "Authorization" || name === "authorization") return HEADER;
      const signing = signingOption(obj, name);
      if (signing) return signing;
      const fallback = optionDefault(obj, name);
      if (fallback) return fallback;
      // `cookiePassword` (AdminJS `buildAuthenticatedRouter`): the key that signs its session cookie, whatever the call.
      if (name === "cookiePassword") return { kind: "signing", label: "Cookie signing secret", env: "COOKIE_SECRET", name, movable: true };
      return named(name, owner, true, false);
    }
    case ts.SyntaxKind.PropertyDeclaration:
    case ts.SyntaxKind.Parameter: {
      const d = p as ts.PropertyDeclaration | ts.ParameterDeclaration;
      if (d.initializer !== target) return NONE_FIXED;
      const name = propertyNameText(d.name);
      if (name === undefined) return NONE_MOVABLE;
      return named(name, undefined, true, false);
    }
    case ts.SyntaxKind.EnumMember: {
      const m = p as ts.EnumMember;
      const name = propertyNameText(m.name);
      if (name === undefined) return NONE_FIXED;
      return named(name, undefined, false, false);
    }
    case ts.SyntaxKind.BindingElement: {
      const b = p as ts.BindingElement;
      if (b.initializer !== target) return NONE_FIXED;
      const name = propertyNameText(b.propertyName ?? b.name);
      if (name === undefined) return NONE_FIXED;
      const decl = b.parent.parent;
      if (ts.isVariableDeclaration(decl) && decl.initializer && ts.isObjectBindingPattern(b.parent) && isEnvObject(decl.initializer)) {
        return { kind: "fallback", name, shape: { kind: "none" }, movable: false };
      }
      return named(name, undefined, true, false);
    }
    case ts.SyntaxKind.JsxAttribute: {
      const name = (p as ts.JsxAttribute).name;
      return named(ts.isIdentifier(name) ? name.text : name.getText(), undefined, true, false);
    }
    case ts.SyntaxKind.JsxExpression: {
      const attr = p.parent;
      if (attr && ts.isJsxAttribute(attr) && ts.isIdentifier(attr.name)) return named(attr.name.text, undefined, true, false);
      return NONE_MOVABLE;
    }
    case ts.SyntaxKind.ReturnStatement:
      return returnedContext(p);
    case ts.SyntaxKind.ArrowFunction:
      return (p as ts.ArrowFunction).body === target ? returnedContext(p) : NONE_MOVABLE;
    case ts.SyntaxKind.BinaryExpression:
      return binaryContext(p as ts.BinaryExpression, target);
    case ts.SyntaxKind.CallExpression:
    case ts.SyntaxKind.NewExpression:
      return callContext(p as ts.CallExpression, target);
    case ts.SyntaxKind.ArrayLiteralExpression:
      return arrayContext(p as ts.ArrayLiteralExpression);
    case ts.SyntaxKind.ImportDeclaration:
    case ts.SyntaxKind.ExportDeclaration:
    case ts.SyntaxKind.ExternalModuleReference:
    case ts.SyntaxKind.LiteralType:
    case ts.SyntaxKind.ElementAccessExpression:
    case ts.SyntaxKind.CaseClause:
    case ts.SyntaxKind.ImportAttribute:
    case ts.SyntaxKind.ModuleDeclaration:
    case ts.SyntaxKind.ExpressionStatement:
      return NONE_FIXED;
    default:
      return NONE_MOVABLE;
  }
}

// A function that hands out a credential by its name: a verb of making or getting, then the credential's word
// (`generateRandomPassword`, `getJwtSecret`, `defaultAdminPassword`); `getPasswordLabel` and `checkPassword` are not.
const RETURNS_SECRET_RE = /^(?:generate|gen|get|create|make|build|new|default|random|fixed|initial)[a-z]*(?:passw(?:or)?d|pwd|secret|token|apikey|accesskey|privatekey)$/;

/**
 * A literal returned by a function named for the credential it hands out: `const generateRandomPassword =
 * () => "123456789"` gives every caller the same password (held round 26), and a getter `get apiKey()`
 * returning a literal is the key. Judged as a value assigned to that name.
 */
function returnedContext(from: ts.Node): LiteralContext {
  let f: ts.Node | undefined = from;
  while (f && !ts.isFunctionLike(f)) {
    if (ts.isClassLike(f) || ts.isSourceFile(f)) return NONE_MOVABLE;
    f = f.parent;
  }
  if (!f) return NONE_MOVABLE;
  let name: string | undefined;
  if ((ts.isFunctionDeclaration(f) || ts.isMethodDeclaration(f) || ts.isGetAccessorDeclaration(f)) && f.name) name = propertyNameText(f.name);
  else if ((ts.isArrowFunction(f) || ts.isFunctionExpression(f)) && f.parent) {
    const h = f.parent;
    if (ts.isVariableDeclaration(h) && h.initializer === f && ts.isIdentifier(h.name)) name = h.name.text;
    else if (ts.isPropertyAssignment(h) && h.initializer === f) name = propertyNameText(h.name);
  }
  if (name === undefined || !isSecretName(name)) return NONE_MOVABLE;
  if (!ts.isGetAccessorDeclaration(f) && !RETURNS_SECRET_RE.test(normalizeName(name))) return NONE_MOVABLE;
  return { kind: "name", name, owner: undefined, movable: true, array: false, verb: "is returned by" };
}

const PLACEHOLDER_NAME_RE = /placeholder$/i;

/** The attribute or property the expression is the value of: `placeholder` in `<Input placeholder={x} />` and `{ placeholder: x }`. */
function holderName(e: ts.Node): string | undefined {
  const p = e.parent;
  if (p && ts.isJsxExpression(p) && p.parent && ts.isJsxAttribute(p.parent)) return p.parent.name.getText();
  if (p && (ts.isJsxAttribute(p) || (ts.isPropertyAssignment(p) && p.initializer === e))) return propertyNameText(p.name as ts.PropertyName);
  return undefined;
}

/**
 * A form field's placeholder: an example shown to the user, not a credential the code uses.
 * `<Input placeholder="6660491268:AAF…" />`, `{ name: "token", placeholder: "sk-…" }`, or a
 * constant every use of which in the file is such a placeholder.
 */
export function shownAsPlaceholder(literal: ts.Node): boolean {
  const target = outerOf(literal);
  const held = holderName(target);
  if (held !== undefined) return PLACEHOLDER_NAME_RE.test(held);
  const d = target.parent;
  if (!d || !ts.isVariableDeclaration(d) || d.initializer !== target || !ts.isIdentifier(d.name) || !(d.parent.flags & ts.NodeFlags.Const)) return false;
  const decl = d.name;
  let uses = 0;
  let other = false;
  const visit = (n: ts.Node): void => {
    if (other) return;
    if (ts.isIdentifier(n)) {
      if (n.text !== decl.text || n === decl) return;
      const name = holderName(n);
      if (name !== undefined && PLACEHOLDER_NAME_RE.test(name)) uses++;
      else other = true;
      return;
    }
    ts.forEachChild(n, visit);
  };
  visit(literal.getSourceFile());
  return uses > 0 && !other;
}

// Option objects declared apart from the call: `const authOptions: NextAuthOptions = { secret }`.
const SECRET_OPTION_TYPES: Readonly<Record<string, { kind: string; env: string }>> = Object.assign(Object.create(null) as Record<string, { kind: string; env: string }>, {
  NextAuthOptions: { kind: "NextAuth secret", env: "NEXTAUTH_SECRET" },
  AuthOptions: { kind: "NextAuth secret", env: "NEXTAUTH_SECRET" },
  NextAuthConfig: { kind: "NextAuth secret", env: "AUTH_SECRET" },
  SessionOptions: { kind: "Session secret", env: "SESSION_SECRET" },
  IronSessionOptions: { kind: "iron-session password", env: "SESSION_SECRET" },
  JwtModuleOptions: { kind: "JWT signing secret", env: "JWT_SECRET" },
});

function declaredOptionType(obj: ts.Node): string | undefined {
  let p = obj.parent;
  let type: ts.TypeNode | undefined;
  if (p && ts.isSatisfiesExpression(p)) {
    type = p.type;
    p = p.parent;
  }
  if (!type && p && ts.isVariableDeclaration(p)) type = p.type;
  return type && ts.isTypeReferenceNode(type) ? (ts.isIdentifier(type.typeName) ? type.typeName.text : type.typeName.right.text) : undefined;
}

function signingOption(obj: ts.Node, name: string): LiteralContext | undefined {
  if (!SECRET_OPTION_KEYS.test(name)) return undefined;
  const typed = declaredOptionType(obj);
  const byType = typed !== undefined ? SECRET_OPTION_TYPES[typed] : undefined;
  if (byType) return { kind: "signing", label: byType.kind, env: byType.env, name, movable: true };
  const call = obj.parent;
  if (!call || !(ts.isCallExpression(call) || ts.isNewExpression(call))) return undefined;
  const callee = calleeName(call);
  // Any JWT middleware under its import's name (`KoaJwt({ secret })`, `koaJwt`, `honoJwt`): the name says what it signs.
  const info = callee !== undefined ? (SECRET_OPTION_CALLS[callee] ?? (/jwt/i.test(callee) ? SECRET_OPTION_CALLS.jwt : undefined)) : undefined;
  if (!info) return undefined;
  if (callee === "register" || callee === "registerAsync") {
    // `JwtModule.register({ secret })` signs JWTs; `fastify.register(cookie, { secret })` signs cookies.
    const jwt = ts.isCallExpression(call) && /jwt/i.test(receiverText(call) + (call.arguments[0] && !ts.isObjectLiteralExpression(call.arguments[0]) ? call.arguments[0].getText() : ""));
    return { kind: "signing", label: jwt ? "JWT signing secret" : "Signing secret", env: jwt ? "JWT_SECRET" : "COOKIE_SECRET", name, movable: true };
  }
  return { kind: "signing", label: info.kind, env: info.env, name, movable: true };
}

/** `{ default: "…" }` under a secret-named setting (envalid `str({ default })`, convict). */
function optionDefault(obj: ts.Node, name: string): LiteralContext | undefined {
  if (name !== "default") return undefined;
  let setting: ts.Node | undefined = obj.parent;
  if (setting && (ts.isCallExpression(setting) || ts.isNewExpression(setting))) setting = setting.parent;
  if (!setting || !ts.isPropertyAssignment(setting)) return undefined;
  const settingName = propertyNameText(setting.name);
  if (settingName === undefined || !isSecretName(settingName)) return undefined;
  if (isJsonSchemaProperty(obj, setting)) return undefined;
  return { kind: "fallback", name: settingName, shape: { kind: "none" }, movable: false };
}

const JSON_SCHEMA_TYPES = new Set(["string", "number", "integer", "boolean", "object", "array", "null"]);

/**
 * `properties: { "x-access-token": { type: "string", default: "your access token" } }`: a JSON
 * Schema (Fastify route schema, OpenAPI) describing a request field, whose `default` is what the
 * docs UI pre-fills. Nothing reads it as a setting. Convict and envalid entries name `env` or
 * `format` instead of a JSON Schema `type`.
 */
function isJsonSchemaProperty(obj: ts.Node, setting: ts.PropertyAssignment): boolean {
  if (!ts.isObjectLiteralExpression(obj)) return false;
  const names = new Map(obj.properties.filter(ts.isPropertyAssignment).map((p) => [propertyNameText(p.name), p.initializer] as const));
  if (names.has("env") || names.has("format")) return false;
  const type = names.get("type");
  if (type && ts.isStringLiteralLike(type) && JSON_SCHEMA_TYPES.has(type.text)) return true;
  const owner = setting.parent.parent;
  return !!owner && ts.isPropertyAssignment(owner) && propertyNameText(owner.name) === "properties";
}

// SCREAMING_SNAKE_CASE with two or more words: how an environment variable, and the constant read from it, is named.
const SETTING_NAME_RE = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/;

/** The expression under parentheses, `!` and `as`. */
const CONSTANT_FALLBACKS = new TreeMemo<ts.SourceFile, ReadonlyMap<string, { name: string; uses: ts.Expression[] }>>();

/**
 * The names a file reads as a setting's fallback, `env.JWT_SECRET || DEFAULT_JWT_SECRET` (also `??`,
 * `process.env.X`, a Worker's `env.X`, `c.env.X`, `config.jwtSecret`), each with the setting it falls back
 * for and its uses of that setting. Gathered once per file; only where the file reads an `env`.
 */
function constantFallbacks(sf: ts.SourceFile): ReadonlyMap<string, { name: string; uses: ts.Expression[] }> {
  let out = CONSTANT_FALLBACKS.get(sf);
  if (out) return out;
  const found = new Map<string, { name: string; uses: ts.Expression[] }>();
  if (sf.text.indexOf("env") !== -1) {
    walkKinds(sf, BINARY, (n) => {
      if (!ts.isBinaryExpression(n) || (n.operatorToken.kind !== ts.SyntaxKind.BarBarToken && n.operatorToken.kind !== ts.SyntaxKind.QuestionQuestionToken)) return;
      const right = unwrapped(n.right);
      if (!ts.isIdentifier(right)) return;
      let left = n.left;
      if (ts.isBinaryExpression(left) && (left.operatorToken.kind === ts.SyntaxKind.BarBarToken || left.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken)) left = left.right;
      const u = unwrapped(left);
      const setting = envReadName(u) ?? (ts.isPropertyAccessExpression(u) && /env$/i.test(u.expression.getText(sf)) ? u.name.text : undefined);
      if (setting === undefined) return;
      const known = found.get(right.text);
      if (!known) found.set(right.text, { name: setting, uses: [n.right] });
      else if (known.name === setting) known.uses.push(n.right);
    });
  }
  CONSTANT_FALLBACKS.set(sf, (out = found));
  return out;
}

function unwrapped(e: ts.Expression): ts.Expression {
  while (ts.isParenthesizedExpression(e) || ts.isNonNullExpression(e) || ts.isAsExpression(e)) e = e.expression;
  return e;
}

/** Name of an identifier or of a property read's last name: `password`, `req.body.password` → `password`. */
function readName(e: ts.Expression): string | undefined {
  e = unwrapped(e);
  if (ts.isIdentifier(e)) return e.text;
  if (ts.isPropertyAccessExpression(e)) return e.name.text;
  if (ts.isElementAccessExpression(e) && ts.isStringLiteralLike(e.argumentExpression)) return e.argumentExpression.text;
  return undefined;
}

const EQUALITY = new Set([ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken, ts.SyntaxKind.EqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsToken]);

/** `password === "admin123"`, `"admin123" === req.body.pw`: a credential checked against a literal. */
function comparisonContext(b: ts.BinaryExpression, target: ts.Node): LiteralContext | undefined {
  if (!EQUALITY.has(b.operatorToken.kind)) return undefined;
  const name = readName(b.left === target ? b.right : b.left);
  if (name === undefined || !(isSecretName(name) || /^(?:pw|pass)$/i.test(name))) return undefined;
  return { kind: "name", name, owner: undefined, movable: true, array: false, verb: "is compared with" };
}

function binaryContext(b: ts.BinaryExpression, target: ts.Node): LiteralContext {
  const op = b.operatorToken.kind;
  const compared = comparisonContext(b, target);
  if (compared) return compared;
  if (b.right !== target) return op === ts.SyntaxKind.PlusToken ? CONCAT : NONE_MOVABLE;
  if (op === ts.SyntaxKind.BarBarToken || op === ts.SyntaxKind.QuestionQuestionToken) {
    let left = b.left;
    // `process.env.A || process.env.B || "x"`: the literal falls back for the last read.
    if (ts.isBinaryExpression(left) && (left.operatorToken.kind === ts.SyntaxKind.BarBarToken || left.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken)) left = left.right;
    const env = envReadName(left);
    if (env !== undefined) return { kind: "fallback", name: env, shape: { kind: "binary" }, movable: false };
    // `options.secret || "dev-secret"`, `config.jwtSecret ?? "…"`: an options object's secret with a literal default.
    const option = readName(left);
    // (Read off the environment's own object, a config module's `ENV.stripeSecret` or a Worker's `c.env.JWT_SECRET`,
    // it is a setting like `process.env`'s: a placeholder fallback is reported too; held round 35, angelkbackend.)
    if (option !== undefined && !ts.isIdentifier(left) && isSecretName(option)) return { kind: "fallback", name: option, shape: { kind: "binary" }, movable: false, option: true, envObject: readOffEnvObject(left) };
    // `BOT_MAGIC_SECRET ?? "restore_limit"`: a setting named like an environment variable, read from
    // `process.env` into a constant here or in a config module (`const { BOT_MAGIC_SECRET } = process.env`).
    const bare = unwrapped(left);
    if (ts.isIdentifier(bare) && SETTING_NAME_RE.test(bare.text)) return { kind: "fallback", name: bare.text, shape: { kind: "binary" }, movable: false };
    return NONE_MOVABLE;
  }
  if (op === ts.SyntaxKind.EqualsToken) {
    const l = b.left;
    if (envReadName(l) !== undefined) {
      const name = ts.isPropertyAccessExpression(l) ? l.name.text : (envReadName(l) as string);
      return named(name, undefined, false, false);
    }
    if (ts.isIdentifier(l)) return named(l.text, undefined, true, false);
    if (ts.isPropertyAccessExpression(l)) {
      const owner = ts.isIdentifier(l.expression) ? l.expression.text : ts.isPropertyAccessExpression(l.expression) ? l.expression.name.text : undefined;
      return named(l.name.text, owner, true, false);
    }
    if (ts.isElementAccessExpression(l) && ts.isStringLiteralLike(l.argumentExpression)) return named(l.argumentExpression.text, undefined, true, false);
  }
  return op === ts.SyntaxKind.PlusToken ? CONCAT : NONE_MOVABLE;
}

/** The signing context of a positional signing call (`jwt.sign(payload, key)`) that takes `arg` as its key, if any. */
function signingCall(call: ts.CallExpression | ts.NewExpression, arg: ts.Node): LiteralContext | undefined {
  const name = calleeName(call);
  const signing = name === undefined ? undefined : SIGNING_CALLS[name];
  if (!signing || !call.arguments || call.arguments.indexOf(arg as ts.Expression) !== signing.arg) return undefined;
  if (signing.receiver && !(ts.isCallExpression(call) && signing.receiver.test(receiverText(call)))) return undefined;
  return { kind: "signing", label: signing.kind, env: signing.env, name: name!, movable: true };
}

/**
 * `const SECRET_KEY = "your_jwt_secret"` whose name a signing call of the module takes as its key
 * (`jwt.sign({ id }, SECRET_KEY)`): the literal signs, whatever the constant is called (one such call decides).
 */
function signingConstant(d: ts.VariableDeclaration): LiteralContext | undefined {
  return ts.isIdentifier(d.name) ? signingArguments(d.getSourceFile()).get(d.name.text) : undefined;
}

/**
 * The names the module's signing calls take as their key, each with the first such call in source
 * order: one walk per file, and none when the text names no signing call (a walk per constant was
 * quadratic in a module of thousands of string constants).
 */
function signingArguments(sf: ts.SourceFile): ReadonlyMap<string, LiteralContext> {
  let byName = signingArgs.get(sf);
  if (byName) return byName;
  const found = new Map<string, LiteralContext>();
  signingArgs.set(sf, found);
  // A signing call's name is an identifier's (`calleeName`): a file with none of them is not read.
  if (!SIGNING_CALL_NAMES.some((name) => mayHaveIdentifier(sf, name)) || !SIGNING_CALL_TEXT_RE.test(sf.text)) return found;
  walkKinds(sf, CALLS, (n) => {
    if (!(ts.isCallExpression(n) || ts.isNewExpression(n)) || !n.arguments) return;
    const seen = new Set<string>();
    for (const arg of n.arguments) {
      // The first argument of that name decides, as a call may pass the same constant twice.
      if (!ts.isIdentifier(arg) || seen.has(arg.text)) continue;
      seen.add(arg.text);
      if (found.has(arg.text)) continue;
      const ctx = signingCall(n, arg);
      if (ctx) found.set(arg.text, ctx);
    }
  });
  return found;
}

const BINARY = [ts.SyntaxKind.BinaryExpression];
const CALLS = [ts.SyntaxKind.CallExpression, ts.SyntaxKind.NewExpression];
const signingArgs = new TreeMemo<ts.SourceFile, Map<string, LiteralContext>>();
const SIGNING_CALL_NAMES = Object.keys(SIGNING_CALLS);
const SIGNING_CALL_TEXT_RE = new RegExp(`\\b(?:${SIGNING_CALL_NAMES.join("|")})\\b`);

function callContext(call: ts.CallExpression | ts.NewExpression, target: ts.Node): LiteralContext {
  const args = call.arguments;
  if (!args) return NONE_MOVABLE;
  if (call.expression === target) return NONE_FIXED;
  const index = args.indexOf(target as ts.Expression);
  const name = calleeName(call);
  if (name === undefined || index === -1) return NONE_MOVABLE;
  const signing = signingCall(call, target);
  if (signing) return signing;
  if (index === 1 && (name === "twilio" || name === "Twilio")) return TWILIO;
  // `new Sequelize("shop", "root", "…", { host })`: the database password, by position (issue 11: localhost credentials outside tests).
  if (index === 2 && name === "Sequelize" && ts.isNewExpression(call)) return { kind: "name", name: "Sequelize", owner: "db", movable: true, array: false, verb: "is passed" };
  if (ts.isCallExpression(call)) {
    if (index === 1 && (name === "get" || name === "getOrDefault") && /config/i.test(receiverText(call))) {
      const key = args[0];
      if (key && ts.isStringLiteralLike(key) && isSecretName(key.text)) return { kind: "fallback", name: key.text, shape: { kind: "configGet", call }, movable: false };
      return NONE_MOVABLE;
    }
    if (index === 1 && /^(?:setHeader|set|header|append|setRequestHeader)$/.test(name)) {
      const key = args[0];
      if (key && ts.isStringLiteralLike(key) && key.text.toLowerCase() === "authorization") return HEADER;
      if (key && ts.isStringLiteralLike(key) && isSecretName(key.text)) return named(key.text, undefined, true, false);
      return NONE_MOVABLE;
    }
    // `bcrypt.hash("admin123", 10)`, `bcrypt.compare(pw, "hunter2")`, `hashPassword("…")`: a password literal.
    if (PASSWORD_CALL_RE.test(name) && (/password/i.test(name) || PASSWORD_HASHERS.test(receiverText(call)) || fromHasherModule(call)) && (index === 0 || (index === 1 && /^compare/i.test(name)))) {
      return { kind: "name", name: receiverText(call) ? `${receiverText(call)}.${name}` : name, owner: undefined, movable: true, array: false, verb: "is passed" };
    }
    // `page.fill("#password", "…")`, `page.locator("input[name=password]").fill("…")`: a password typed by automation.
    if (((index === 1 && (name === "fill" || name === "type")) || (index === 0 && (name === "fill" || name === "type" || name === "pressSequentially") && args.length === 1)) && typesIntoPasswordField(call, index)) {
      return TYPED_PASSWORD;
    }
    // `cdpType(client, page, "#password", "…")`, `typeInto("input[type=password]", "…")`: a script's own typing
    // helper, the password field's selector just before the value; `page.keyboard.type("…")` right after a
    // click on the password field (`pwField`, `input[type=password]`).
    if ((index >= 1 && index === args.length - 1 && TYPING_HELPER_RE.test(name) && !NOT_TYPING_RE.test(name) && passwordSelector(args[index - 1]) && !(ts.isStringLiteralLike(target) && INPUT_TYPE_RE.test(target.text))) || (index === 0 && name === "type" && receiverText(call) === "keyboard" && afterPasswordFocus(call))) {
      return TYPED_PASSWORD;
    }
    // `"Basic " + btoa("admin:s3cret")`, `Buffer.from("admin:s3cret").toString("base64")`.
    if (index === 0 && (name === "btoa" || (name === "from" && receiverText(call) === "Buffer")) && inBasicHeader(call)) return BASIC_PAIR;
    // `SecretValue.unsafePlainText("…")`, `client.setPassword("…")`, `sdk.setApiKey("…")`: the argument is the secret.
    if (index === args.length - 1 && (((name === "unsafePlainText" || name === "plainText") && /^SecretValue$/.test(receiverText(call))) || /^(?:set|with|use)(?:Password|Passwd|Secret|Token|ApiKey|AccessToken|AuthToken|Credentials?|ClientSecret|PrivateKey)$/.test(name))) {
      return named(name === "unsafePlainText" || name === "plainText" ? "secretValue" : name.replace(/^(?:set|with|use)/, ""), undefined, true, false);
    }
    if (index === 0 && name === "default" && args.length === 1) {
      const setting = settingOfChain(call);
      if (setting !== undefined && isSecretName(setting)) return { kind: "fallback", name: setting, shape: { kind: "schemaDefault", call }, movable: false };
    }
  }
  return NONE_MOVABLE;
}

// A selector or label that names a password field: `#password`, `input[type="password"]`, `[name=pass]`, `/password/i`.
const PASSWORD_FIELD_RE = /pass(?:word|wd|code)?\b|pwd|password/i;
const TYPED_PASSWORD: LiteralContext = { kind: "name", name: "password field", owner: undefined, movable: true, array: false, verb: "is typed into" };
// A helper named for typing or filling a field: `cdpType`, `typeInto`, `humanType`, `fillField`, `safeFill`.
const TYPING_HELPER_RE = /^(?:type|fill)(?:[A-Z]\w*)?$|^[a-z]\w*(?:Type|Fill)(?:[A-Z]\w*)?$/;
// …but not one that sets or checks the field (`setInputType("#password", "text")`: a show-password toggle).
const NOT_TYPING_RE = /^(?:set|get|change|toggle|switch|is|has|check|assert|expect|validate|verify)[A-Z]/;
// An input's type, as a type toggle writes it: never a typed password.
const INPUT_TYPE_RE = /^(?:text|password|email|number|tel|hidden|search)$/;

/** A string or regex literal that selects a password field: `"#password"`, `'input[type="password"]'`. */
function passwordSelector(e: ts.Expression | undefined): boolean {
  return !!e && (ts.isStringLiteralLike(e) || ts.isRegularExpressionLiteral(e)) && PASSWORD_FIELD_RE.test(e.text);
}

// A variable named for the password field: `pwField`, `pwCoords`, `passwordInput`, `pwdBox`.
const PASSWORD_VAR_RE = /^(?:pw|pwd|pass|passwd|password)(?:[A-Z_]|$)/i;
const FOCUS_CALL_RE = /^(?:click|focus|tap|dblclick|fill|type|waitForSelector|\$)$/;

/**
 * `page.keyboard.type("…")` whose nearest earlier click or focus, in the same block and at most six
 * statements up, is on the password field: a selector (`page.click("#password")`) or a variable named
 * for it (`page.mouse.click(pwField.x, pwField.y)`). A click on another field first ends the search.
 */
function afterPasswordFocus(call: ts.CallExpression): boolean {
  let stmt: ts.Node = call;
  while (stmt.parent && !ts.isBlock(stmt.parent) && !ts.isSourceFile(stmt.parent)) {
    if (ts.isFunctionLike(stmt.parent)) return false;
    stmt = stmt.parent;
  }
  const list = stmt.parent && (ts.isBlock(stmt.parent) || ts.isSourceFile(stmt.parent)) ? stmt.parent.statements : undefined;
  if (!list) return false;
  const at = list.indexOf(stmt as ts.Statement);
  for (let i = at - 1; i >= 0 && i >= at - 6; i--) {
    const focus = focusCall(list[i]!);
    if (focus) return focus.arguments.some((a) => passwordSelector(a) || PASSWORD_VAR_RE.test(rootName(a)));
  }
  return false;
}

/** The first click or focus call of a statement (`await page.mouse.click(x, y)`), looking through `await`. */
function focusCall(s: ts.Statement): ts.CallExpression | undefined {
  if (!ts.isExpressionStatement(s)) return undefined;
  const e = unwrapped(ts.isAwaitExpression(s.expression) ? s.expression.expression : s.expression);
  if (!ts.isCallExpression(e)) return undefined;
  const name = calleeName(e);
  return name !== undefined && FOCUS_CALL_RE.test(name) && receiverText(e) !== "keyboard" ? e : undefined;
}

/** The identifier an expression reads from: `pwField.x` → `pwField`; "" for anything else. */
function rootName(e: ts.Expression): string {
  let n: ts.Expression = e;
  while (ts.isPropertyAccessExpression(n) || ts.isElementAccessExpression(n)) n = n.expression;
  return ts.isIdentifier(n) ? n.text : "";
}

/**
 * Playwright's and puppeteer's typing calls whose field is a password field: the selector argument
 * (`page.fill("#password", "…")`, `page.type("input[type=password]", "…")`), or the locator the value is
 * typed into (`page.locator("#password").fill("…")`, `getByLabel("Password").fill("…")`, `getByPlaceholder(/password/i)`).
 */
function typesIntoPasswordField(call: ts.CallExpression, index: number): boolean {
  if (index === 1) return passwordSelector(call.arguments[0]);
  const callee = call.expression;
  if (!ts.isPropertyAccessExpression(callee)) return false;
  const locator = unwrapped(callee.expression);
  if (ts.isAwaitExpression(locator) || !ts.isCallExpression(locator)) return false;
  const by = calleeName(locator);
  return by !== undefined && /^(?:locator|\$|waitForSelector|getByLabel|getByPlaceholder|getByRole|getByTestId)$/.test(by) && locator.arguments.some((a) => passwordSelector(a) || (ts.isObjectLiteralExpression(a) && a.properties.some((p) => ts.isPropertyAssignment(p) && passwordSelector(p.initializer))));
}

const PASSWORD_CALL_RE = /^(?:hash|hashSync|compare|compareSync|hashPassword|comparePassword|verifyPassword|checkPassword)$/;
const PASSWORD_HASHERS = /^(?:bcrypt|bcryptjs|argon2|Bcrypt|BcryptService|hasher|passwordHasher|hashingService)$/;
const BASIC_PAIR: LiteralContext = { kind: "basicPair" };
// The password hashing packages: `import { hash } from "bcrypt-ts"`, `const bc = require("bcryptjs")`.
const HASHER_MODULE_RE = /^(?:bcrypt|bcryptjs|bcrypt-ts|bcrypt-nodejs|@node-rs\/bcrypt|argon2|@node-rs\/argon2)$/;

/**
 * `hash("rahasia", 10)` with `hash` imported from `bcrypt-ts`, `bc.hash(…)` with `bc` bound to
 * `bcryptjs`: a password hasher known by the module its name comes from, not by the name alone.
 */
function fromHasherModule(call: ts.CallExpression): boolean {
  const e = call.expression;
  const bound = ts.isIdentifier(e) ? e : ts.isPropertyAccessExpression(e) && ts.isIdentifier(e.expression) ? e.expression : undefined;
  if (!bound) return false;
  const b = importBindings(call.getSourceFile()).get(bound.text);
  if (!b || !HASHER_MODULE_RE.test(b.spec)) return false;
  return bound === e ? PASSWORD_CALL_RE.test(b.exported) : b.exported === "*" || b.exported === "default";
}

/** True when the encoded value is appended to a `"Basic "` literal (a `+` or a template), at most two calls up. */
function inBasicHeader(call: ts.CallExpression | ts.NewExpression): boolean {
  let n: ts.Node = call;
  for (let i = 0; i < 4 && n.parent; i++) {
    const p: ts.Node = n.parent;
    if (ts.isPropertyAccessExpression(p) || (ts.isCallExpression(p) && p.expression === n) || ts.isParenthesizedExpression(p)) {
      n = p;
      continue;
    }
    if (ts.isBinaryExpression(p) && p.operatorToken.kind === ts.SyntaxKind.PlusToken && p.right === n) return ts.isStringLiteralLike(p.left) && /\bbasic\s*$/i.test(p.left.text);
    if (ts.isTemplateSpan(p)) {
      const prev = p.parent.templateSpans.indexOf(p);
      const before = prev === 0 ? p.parent.head.text : p.parent.templateSpans[prev - 1]!.literal.text;
      return /\bbasic\s*$/i.test(before);
    }
    return false;
  }
  return false;
}

/** `JWT_SECRET: z.string().min(32).default("…")`: the setting name the schema chain is assigned to. */
function settingOfChain(call: ts.CallExpression): string | undefined {
  let n: ts.Node = call;
  for (let i = 0; i < 12 && n.parent; i++) {
    const p: ts.Node = n.parent;
    if (ts.isPropertyAccessExpression(p) || (ts.isCallExpression(p) && p.expression === n)) {
      n = p;
      continue;
    }
    if (ts.isPropertyAssignment(p) && p.initializer === n) return propertyNameText(p.name);
    if (ts.isVariableDeclaration(p) && p.initializer === n && ts.isIdentifier(p.name)) return p.name.text;
    return undefined;
  }
  return undefined;
}

function arrayContext(arr: ts.ArrayLiteralExpression): LiteralContext {
  const p = arr.parent;
  if (!p) return NONE_FIXED;
  let name: string | undefined;
  let owner: string | undefined;
  if (ts.isPropertyAssignment(p) && p.initializer === arr) {
    name = propertyNameText(p.name);
    if (name !== undefined) {
      const signing = signingOption(p.parent, name);
      if (signing) return signing;
    }
    owner = ownerName(p.parent);
  } else if (ts.isVariableDeclaration(p) && ts.isIdentifier(p.name)) name = p.name.text;
  else if (ts.isBinaryExpression(p) && p.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(p.left)) {
    name = p.left.name.text;
    // Koa: `app.keys = ["…"]` signs cookies.
    if (name === "keys") return { kind: "signing", label: "Cookie signing key", env: "COOKIE_KEYS", name, movable: false };
  } else if (ts.isNewExpression(p) && calleeName(p) === "Keygrip") return { kind: "signing", label: "Cookie signing key", env: "COOKIE_KEYS", name: "Keygrip", movable: false };
  if (name === undefined) return NONE_FIXED;
  return named(name, owner, false, true);
}

export { isNonSecretValue, isPlaceholder, isSecretName, looksMadeUp, looksRandom, normalizeName };

/** AWS secret access keys are only recognisable by name: `secretAccessKey`, `aws_secret_access_key`. */
export function awsSecretByName(name: string, value: string): boolean {
  return /secretaccesskey/.test(normalizeName(name)) && AWS_SECRET_ACCESS_KEY_RE.test(value) && !value.endsWith(AWS_DOC_SECRET_SUFFIX);
}

export function twilioAuthToken(value: string): boolean {
  return TWILIO_AUTH_TOKEN_RE.test(value);
}

export { GOOGLE_API_KEY };
