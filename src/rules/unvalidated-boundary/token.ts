import { ts } from "../../engine/ts";
import { calleeName, importBindings } from "../../engine/ast";
import { isLogCall } from "../../engine/fix-safety";
import { climb, constInitializer, findRefs, isConditionPosition, isWrapper, receiverSegments, scopeOf, unwrap } from "./ast";

const JWT_RECEIVERS = new Set(["jwt", "jsonwebtoken", "JWT", "jose", "Jwt"]);
const VERIFY_FN_RE = /^(?:jwtVerify|verify\w*(?:Token|Jwt|JWT))$/;

/**
 * `jwt.verify(token, secret)`, `verifyToken(token)`, `verifyRefreshToken(token)`, jose's
 * `jwtVerify(token, key)`: the value's signature is checked, and a value that is no token of
 * ours throws. It goes nowhere else (what the handler then uses is the verified payload).
 */
export function isTokenVerifyArg(ref: ts.Node): boolean {
  const top = climb(ref);
  if (idTokenOption(top)) return true;
  const call = top.parent;
  if (!call || !ts.isCallExpression(call) || call.arguments[0] !== top) return false;
  const name = calleeName(call);
  if (!name) return false;
  if (name === "verify" || name === "verifyAsync") return ts.isPropertyAccessExpression(call.expression) && jwtReceiver(call, name);
  return VERIFY_FN_RE.test(name);
}

/**
 * google-auth-library's `client.verifyIdToken({ idToken: token, audience })`: the ID token handed as its option, a JWT
 * whose signature (and audience) the library checks (retired held round 47's tune, majolika-cms `google-token.ts:7`).
 */
function idTokenOption(top: ts.Node): boolean {
  const prop = top.parent;
  if (!prop || !ts.isPropertyAssignment(prop) || prop.initializer !== top || !ts.isIdentifier(prop.name) || prop.name.text !== "idToken") return false;
  const options = prop.parent;
  const call = options.parent;
  return !!call && ts.isCallExpression(call) && call.arguments[0] === options && calleeName(call) === "verifyIdToken" && ts.isPropertyAccessExpression(call.expression);
}

/**
 * `jwt.verify(…)`, and NestJS's `this.jwtService.verify(token, options)` (`@nestjs/jwt` wraps jsonwebtoken's `verify`):
 * the receiver is the JWT library or a service named for it (session 43, production Hexabot's attachment download).
 */
function jwtReceiver(call: ts.CallExpression, name = "verify"): boolean {
  const recv = receiverSegments(call);
  const first = recv[0] === "this" ? recv[1] : recv[0];
  const service = recv.length <= 2 && JWT_SERVICE_RE.test(first ?? "");
  // `verifyAsync` is the service's promise form; jsonwebtoken itself has only `verify`.
  return name === "verifyAsync" ? service : JWT_RECEIVERS.has(first ?? "") || service;
}

const JWT_SERVICE_RE = /^(?:jwt|Jwt)Service$/;

/**
 * `this.tokenService.verifyJwt(jwtToken, JwtType.ATTACHMENT)`, `jwt.verify(token, secret)`, `jwtVerify(token, key)`:
 * the value is the token of a JWT check, a signed token by its format (a home-made `verifyStorageToken(token)`
 * may check nothing of the kind: tune ijn-kruso/stripeworker's unsigned base64 token stays judged).
 */
export function isJwtVerifyArg(ref: ts.Node): boolean {
  if (!isTokenVerifyArg(ref)) return false;
  const call = climb(ref).parent as ts.CallExpression;
  const name = calleeName(call) ?? "";
  return name === "verify" || name === "verifyAsync" || /jwt/i.test(name);
}

/**
 * `decoded` of `const decoded = verifyToken(token)` (or `await jwt.verify(…)`, `await
 * admin.auth().verifyIdToken(idToken)`): a payload whose signature was checked, the caller's own
 * identity (`decoded.uid`), not something the sender chose.
 */
export function isVerifiedPayload(id: ts.Identifier): boolean {
  let init = constInitializer(id);
  while (init && (ts.isAwaitExpression(init) || isWrapper(init))) init = (init as ts.AwaitExpression).expression;
  if (!init || !ts.isCallExpression(init)) return false;
  const name = calleeName(init);
  if (name === "verify" || name === "verifyAsync") return ts.isPropertyAccessExpression(init.expression) && jwtReceiver(init, name);
  return !!name && VERIFY_FN_RE.test(name);
}

const HASH_RECEIVERS = new Set(["bcrypt", "bcryptjs", "argon2", "scrypt"]);
const HASH_METHODS = new Set(["hash", "hashSync", "compare", "compareSync", "verify"]);
// node:crypto's key derivations and constant-time comparison (`crypto.scryptSync(pw, salt, 64)`, `timingSafeEqual(a, b)`).
const CRYPTO_DIGESTS = new Set(["scrypt", "scryptSync", "pbkdf2", "pbkdf2Sync", "timingSafeEqual"]);
// What turns the value into bytes on its way into a digest: `new TextEncoder().encode(pin)`, `Buffer.from(pin)`.
const TO_BYTES = new Set(["encode", "from"]);
// `sha256Hex(pin)`, `hashPassword(pw)`, `md5(x)`, `digestMessage(x)`: named for the digest they return.
const HASH_FN_RE = /^(?:hash|sha\d+|SHA\d+|md5|MD5|digest)(?![a-z])/;

/**
 * `sha256Hex(pin)`, `bcrypt.compare(password, user.passwordHash)`, `argon2.hash(password)`,
 * `createHash("sha256").update(pin)`: the value is turned into a digest (or compared with a
 * stored one). Whatever its shape, only the digest goes on, never the value.
 */
export function isHashArg(ref: ts.Node): boolean {
  const top = climb(ref);
  const call = top.parent;
  if (!call || !ts.isCallExpression(call) || !call.arguments.includes(top as ts.Expression)) return false;
  const name = calleeName(call);
  if (!name) return false;
  if (ts.isIdentifier(call.expression)) return HASH_FN_RE.test(name) || CRYPTO_DIGESTS.has(name) || hashImport(call.expression);
  if (!ts.isPropertyAccessExpression(call.expression)) return false;
  if (HASH_METHODS.has(name) && HASH_RECEIVERS.has(receiverSegments(call)[0] ?? "")) return true;
  // `crypto.scryptSync(pw, salt, 64)`, `crypto.subtle.digest("SHA-256", bytes)`.
  if (CRYPTO_DIGESTS.has(name) || name === "digest") return true;
  // WebCrypto's HMAC, `crypto.subtle.sign("HMAC", key, encoder.encode(body))` (and its `verify`): only a signature comes out.
  if ((name === "sign" || name === "verify") && receiverSegments(call).includes("subtle")) return true;
  // `crypto.subtle.digest("SHA-256", new TextEncoder().encode(pin))`, `timingSafeEqual(Buffer.from(token), expected)`.
  if (TO_BYTES.has(name) && call.arguments[0] === top && (name === "encode" || receiverSegments(call).join(".") === "Buffer")) return isHashArg(call);
  // `crypto.createHash("sha256").update(pin)`, `createHmac("sha256", key).update(body)`.
  const inner = call.expression.expression;
  return name === "update" && ts.isCallExpression(inner) && /^create(?:Hash|Hmac)$/.test(calleeName(inner) ?? "");
}

/**
 * `compareSync(token, user.resetToken)` with `import { compareSync } from "bcryptjs"`: the library's own method, named
 * by its import (bcrypt, bcryptjs, bcrypt-ts, argon2), as `bcrypt.compareSync(…)` is by its receiver (session 43,
 * production Hexabot's password reset).
 */
function hashImport(callee: ts.Identifier): boolean {
  const b = importBindings(callee.getSourceFile()).get(callee.text);
  return !!b && b.kind === "named" && HASH_MODULES.has(b.spec) && HASH_METHODS.has(b.exported);
}

const HASH_MODULES = new Set(["bcrypt", "bcryptjs", "bcrypt-ts", "argon2"]);

/**
 * A destructured field whose every read is a test of its presence (`if (!token)`) or the token
 * handed to a signature check: nothing of the body is used (`const { token } = req.body; if
 * (!token) return …; const { id } = jwt.verify(token, SECRET)`). A read that stores it or looks
 * it up (`RefreshToken.findOne({ token })`) is a use as before: the check proves who signed it,
 * not that the database lookup is safe. The same holds for a value only hashed or compared with
 * a stored hash (`const hash = await sha256Hex(pin)`, `bcrypt.compare(password, row.hash)`).
 */
export function onlyPresenceOrVerify(refs: readonly ts.Node[]): boolean {
  let verified = false;
  for (const ref of refs) {
    if (isTokenVerifyArg(ref) || isHashArg(ref) || signedText(ref) || comparedWithDigest(ref)) verified = true;
    else if (!isConditionPosition(climb(ref)) && !loggedBeside(ref)) return false;
  }
  return verified;
}

/**
 * `orderId + "|" + paymentId` (or a template of them) that a digest is taken of, directly or
 * through a `const` only hashed (`const payload = …; createHmac("sha256", key).update(payload.toString())`):
 * the value goes into a signature's text, and only the digest comes out.
 */
export function signedText(ref: ts.Node): boolean {
  let top: ts.Node = climb(ref);
  for (let i = 0; i < 12; i++) {
    const p = top.parent;
    if (p && ts.isBinaryExpression(p) && p.operatorToken.kind === ts.SyntaxKind.PlusToken) top = climb(p);
    else if (p && ts.isTemplateSpan(p) && p.parent.parent) top = climb(p.parent);
    else break;
  }
  if (top === climb(ref)) return false;
  if (isHashArg(top)) return true;
  const d = top.parent;
  if (!d || !ts.isVariableDeclaration(d) || d.initializer !== top || !ts.isIdentifier(d.name) || (ts.getCombinedNodeFlags(d) & ts.NodeFlags.Const) === 0) return false;
  const uses = findRefs(d.name.text, scopeOf(d), d.name.end);
  return uses.length > 0 && uses.every((u) => isHashArg(u) || isHashArg(stringified(u)) || isConditionPosition(climb(u)));
}

/** `payload.toString()` for `payload`, else `u` itself. */
function stringified(u: ts.Node): ts.Node {
  const p = u.parent;
  return p && ts.isPropertyAccessExpression(p) && p.expression === u && p.name.text === "toString" && p.parent && ts.isCallExpression(p.parent) ? p.parent : u;
}

/**
 * `expectedSignature === signature` where `expectedSignature` holds a digest the code computed
 * (`createHmac("sha256", secret).update(payload).digest("hex")`): a signature check; only a
 * boolean comes out of the value.
 */
export function comparedWithDigest(ref: ts.Node): boolean {
  const top = climb(ref);
  const p = top.parent;
  if (!p || !ts.isBinaryExpression(p)) return false;
  const op = p.operatorToken.kind;
  if (op !== ts.SyntaxKind.EqualsEqualsEqualsToken && op !== ts.SyntaxKind.ExclamationEqualsEqualsToken && op !== ts.SyntaxKind.EqualsEqualsToken && op !== ts.SyntaxKind.ExclamationEqualsToken) return false;
  let other = unwrap(p.left === top ? p.right : p.left);
  if (ts.isIdentifier(other)) other = constInitializer(other) ?? other;
  other = unwrap(other);
  return ts.isCallExpression(other) && calleeName(other) === "digest" && ts.isPropertyAccessExpression(other.expression) && madeByCreateHmacOrHash(other.expression.expression);
}

/** `createHmac(…).update(…)`, any number of `update` links down to `createHmac`/`createHash`. */
function madeByCreateHmacOrHash(e: ts.Expression): boolean {
  let cur = unwrap(e);
  for (let i = 0; i < 8 && ts.isCallExpression(cur); i++) {
    const name = calleeName(cur);
    if (name && /^create(?:Hash|Hmac)$/.test(name)) return true;
    if (name !== "update" || !ts.isPropertyAccessExpression(cur.expression)) return false;
    cur = unwrap(cur.expression.expression);
  }
  return false;
}

/**
 * `console.log("verified", { orderId })`, `logger.warn(…, { received: signature })`, also the module's logger under an
 * underscored alias (`import { logger as _logger }` to name a child `logger`: `_logger.info(…, { originalRequest })`):
 * the value only goes into a log line.
 */
export function loggedBeside(ref: ts.Node): boolean {
  let cur: ts.Node = ref;
  for (let i = 0; i < 8; i++) {
    const p = cur.parent;
    if (!p) return false;
    if (isLogCall(p) || (ts.isCallExpression(p) && ((ts.isIdentifier(p.expression) && /^(?:log|debug|info|warn|error)$/.test(p.expression.text)) || aliasedLogCall(p)))) return p.arguments.includes(cur as ts.Expression);
    if (isWrapper(p) || ts.isShorthandPropertyAssignment(p) || (ts.isPropertyAssignment(p) && p.initializer === cur) || ts.isObjectLiteralExpression(p) || ts.isArrayLiteralExpression(p)) cur = p;
    else return false;
  }
  return false;
}

/** `_logger.info(…)`: a logger's method called on its underscored alias. */
function aliasedLogCall(call: ts.CallExpression): boolean {
  const e = call.expression;
  return ts.isPropertyAccessExpression(e) && ts.isIdentifier(e.expression) && /^_+(?:log|logger|[a-z]\w*Logger)$/.test(e.expression.text) && /^(?:log|debug|info|warn|error|trace|fatal)$/.test(e.name.text);
}

/**
 * `RefreshToken.isValid(token)`, `User.isEmailTaken(email)`: a question a model of the project
 * (a class imported from its `models/`, see collectFacts) answers about its stored rows. It
 * looks the value up in the database; it checks nothing about its shape.
 */
export function isModelQuestion(call: ts.CallExpression, handles: ReadonlySet<string> | undefined): boolean {
  const e = call.expression;
  if (!handles || !ts.isPropertyAccessExpression(e) || !ts.isIdentifier(e.expression)) return false;
  const model = e.expression.text;
  return /^[A-Z]/.test(model) && handles.has(model) && /^(?:is|has)[A-Z]/.test(e.name.text);
}
