import { ts } from "../../engine/ts";
import { calleeName } from "../../engine/ast";
import { climb, isConditionPosition, receiverSegments } from "./ast";

const JWT_RECEIVERS = new Set(["jwt", "jsonwebtoken", "JWT", "jose", "Jwt"]);
const VERIFY_FN_RE = /^(?:jwtVerify|verify\w*(?:Token|Jwt|JWT))$/;

/**
 * `jwt.verify(token, secret)`, `verifyToken(token)`, `verifyRefreshToken(token)`, jose's
 * `jwtVerify(token, key)`: the value's signature is checked, and a value that is no token of
 * ours throws. It goes nowhere else (what the handler then uses is the verified payload).
 */
export function isTokenVerifyArg(ref: ts.Node): boolean {
  const top = climb(ref);
  const call = top.parent;
  if (!call || !ts.isCallExpression(call) || call.arguments[0] !== top) return false;
  const name = calleeName(call);
  if (!name) return false;
  if (name === "verify") return ts.isPropertyAccessExpression(call.expression) && JWT_RECEIVERS.has(receiverSegments(call)[0] ?? "");
  return VERIFY_FN_RE.test(name);
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
  if (ts.isIdentifier(call.expression)) return HASH_FN_RE.test(name) || CRYPTO_DIGESTS.has(name);
  if (!ts.isPropertyAccessExpression(call.expression)) return false;
  if (HASH_METHODS.has(name) && HASH_RECEIVERS.has(receiverSegments(call)[0] ?? "")) return true;
  // `crypto.scryptSync(pw, salt, 64)`, `crypto.subtle.digest("SHA-256", bytes)`.
  if (CRYPTO_DIGESTS.has(name) || name === "digest") return true;
  // `crypto.subtle.digest("SHA-256", new TextEncoder().encode(pin))`, `timingSafeEqual(Buffer.from(token), expected)`.
  if (TO_BYTES.has(name) && call.arguments[0] === top && (name === "encode" || receiverSegments(call).join(".") === "Buffer")) return isHashArg(call);
  // `crypto.createHash("sha256").update(pin)`, `createHmac("sha256", key).update(body)`.
  const inner = call.expression.expression;
  return name === "update" && ts.isCallExpression(inner) && /^create(?:Hash|Hmac)$/.test(calleeName(inner) ?? "");
}

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
    if (isTokenVerifyArg(ref) || isHashArg(ref)) verified = true;
    else if (!isConditionPosition(climb(ref))) return false;
  }
  return verified;
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
