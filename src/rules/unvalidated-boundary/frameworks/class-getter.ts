/**
 * A class's getter that stands for one value whichever instance reads it (issue 11, session 42, production
 * anything-llm's `PushNotifications`): `get storagePath() { return path.resolve(process.env.STORAGE_DIR,
 * "push-notifications"); }`, read as `this.storagePath` in the getter that loads `vapid-keys.json` and as
 * `instance.storagePath` (`const instance = PushNotifications.instance`) in the static method that writes it.
 * Its body is one `return` of an expression that names no `this` (nor `super`), so both reads name one folder,
 * as a function of the module that takes nothing and only returns a value does (path-key.ts).
 */
import { ts } from "../../../engine/ts";
import { constInitializer, unwrap } from "../ast";

/** The expression the getter `read` names returns, when `read` is `this.x`, `Class.x` or `instance.x` of the class around it; else undefined. */
export function instanceFreeGetter(read: ts.PropertyAccessExpression): ts.Expression | undefined {
  const cls = enclosingClass(read);
  if (!cls) return undefined;
  const recv = unwrap(read.expression);
  const className = cls.name?.text;
  const ofClass = (e: ts.Expression): boolean => {
    const x = unwrap(e);
    if (x.kind === ts.SyntaxKind.ThisKeyword) return true;
    if (className === undefined) return false;
    if (ts.isIdentifier(x)) return x.text === className;
    // `PushNotifications.instance`: a static member of the class (its singleton).
    if (ts.isPropertyAccessExpression(x)) return ts.isIdentifier(x.expression) && x.expression.text === className;
    return ts.isNewExpression(x) && ts.isIdentifier(x.expression) && x.expression.text === className;
  };
  let holder = ofClass(recv);
  // `const instance = PushNotifications.instance` (or `new PushNotifications()`), then `instance.storagePath`.
  if (!holder && ts.isIdentifier(recv)) {
    const init = constInitializer(recv);
    holder = !!init && unwrap(init).kind !== ts.SyntaxKind.ThisKeyword && ofClass(init);
  }
  if (!holder) return undefined;
  const getter = cls.members.find((m): m is ts.GetAccessorDeclaration => ts.isGetAccessorDeclaration(m) && ts.isIdentifier(m.name) && m.name.text === read.name.text);
  const only = getter?.body?.statements.length === 1 ? getter.body.statements[0] : undefined;
  if (!only || !ts.isReturnStatement(only) || !only.expression || namesInstance(only.expression)) return undefined;
  return only.expression;
}

function enclosingClass(n: ts.Node): ts.ClassLikeDeclaration | undefined {
  for (let p = n.parent; p; p = p.parent) if (ts.isClassDeclaration(p) || ts.isClassExpression(p)) return p;
  return undefined;
}

/** True when `e` reads `this` or `super` anywhere (not inside a nested function, whose `this` is its own). */
function namesInstance(e: ts.Node): boolean {
  if (e.kind === ts.SyntaxKind.ThisKeyword || e.kind === ts.SyntaxKind.SuperKeyword) return true;
  if (ts.isFunctionExpression(e) || ts.isFunctionDeclaration(e)) return false;
  return ts.forEachChild(e, namesInstance) ?? false;
}
