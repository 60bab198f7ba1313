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

/**
 * A destructured field whose every read is a test of its presence (`if (!token)`) or the token
 * handed to a signature check: nothing of the body is used (`const { token } = req.body; if
 * (!token) return …; const { id } = jwt.verify(token, SECRET)`). A read that stores it or looks
 * it up (`RefreshToken.findOne({ token })`) is a use as before: the check proves who signed it,
 * not that the database lookup is safe.
 */
export function onlyPresenceOrVerify(refs: readonly ts.Node[]): boolean {
  let verified = false;
  for (const ref of refs) {
    if (isTokenVerifyArg(ref)) verified = true;
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
