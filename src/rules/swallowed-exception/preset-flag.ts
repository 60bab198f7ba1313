/**
 * A flag that presets a dialog, worked out from data in hand, that keeps its default when the data
 * does not parse (production Flowise):
 *
 *   let isSessionMemory = false;
 *   try {
 *     const flowData = JSON.parse(chatflow.flowData);
 *     for (const node of flowData.nodes) if (node.data.inputParams.find((p) => p.name === "sessionId")) { isSessionMemory = true; break; }
 *   } catch (e) { console.error(e); }
 *   setAPIDialogProps({ title: "Embed", isSessionMemory });
 *
 * The try only computes (no I/O, no wait, no setting read: pure-try.ts) and its only effect is a
 * boolean literal given to a `let` declared, with the other literal, right before it; the catch only
 * logs; and after the try the flag is only read as a field of an object handed to a state setter
 * (`setDialogProps({ … })`): a failed parse leaves a UI option at its default. A flag the code then
 * tests (`if (flag) return true`: a decision), or one assigned the parse itself, stays reported.
 */
import { ts } from "../../engine/ts";
import { isFunctionLikeDeclaration as isFunctionLike } from "../../engine/ast";
import { exitsEarly, isLogStatement } from "./analysis";
import { emptyCatchOnlyComputes } from "./pure-try";

const isBool = (e: ts.Expression | undefined): boolean => e?.kind === ts.SyntaxKind.TrueKeyword || e?.kind === ts.SyntaxKind.FalseKeyword;

/** The one `let name = …;` that is the statement right before the try, if it is one (also refined-default.ts). */
export function letRightBefore(tryStmt: ts.TryStatement): { name: string; init: ts.Expression | undefined } | undefined {
  const list = tryStmt.parent;
  if (!ts.isBlock(list)) return undefined;
  const prev = list.statements[list.statements.indexOf(tryStmt) - 1];
  if (!prev || !ts.isVariableStatement(prev) || !(prev.declarationList.flags & ts.NodeFlags.Let) || prev.declarationList.declarations.length !== 1) return undefined;
  const d = prev.declarationList.declarations[0]!;
  return ts.isIdentifier(d.name) ? { name: d.name.text, init: d.initializer } : undefined;
}

/** The flag `let name = false;` that is the statement right before the try, if it is one. */
function flagBefore(tryStmt: ts.TryStatement): string | undefined {
  const d = letRightBefore(tryStmt);
  return d && isBool(d.init) ? d.name : undefined;
}

/** Whether every assignment in the try to a name it did not declare gives `flag` a boolean literal. */
function onlySetsFlag(tryBlock: ts.Block, flag: string): boolean {
  const own = new Set<string>();
  let sets = false;
  const visit = (n: ts.Node): boolean => {
    if (isFunctionLike(n)) return true;
    if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name)) own.add(n.name.text);
    if (ts.isForOfStatement(n) && ts.isVariableDeclarationList(n.initializer)) for (const d of n.initializer.declarations) if (ts.isIdentifier(d.name)) own.add(d.name.text);
    if (ts.isReturnStatement(n)) return false;
    if (ts.isBinaryExpression(n) && n.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && n.operatorToken.kind <= ts.SyntaxKind.LastAssignment) {
      if (!ts.isIdentifier(n.left)) return false;
      if (n.left.text === flag) {
        if (!isBool(n.right)) return false;
        sets = true;
      } else if (!own.has(n.left.text)) return false;
    }
    return !(ts.forEachChild(n, (c) => (visit(c) ? undefined : true)) ?? false);
  };
  return visit(tryBlock) && sets;
}

/** Whether every read of `flag` after the try is a field of an object literal handed to `setX(…)`. */
function onlyPresetsState(tryStmt: ts.TryStatement, flag: string): boolean {
  const list = (tryStmt.parent as ts.Block).statements;
  let reads = 0;
  let other = false;
  const visit = (n: ts.Node): void => {
    if (other) return;
    if (ts.isIdentifier(n) && n.text === flag && !(ts.isPropertyAssignment(n.parent) && n.parent.name === n)) {
      reads++;
      const field = n.parent;
      const obj = ts.isShorthandPropertyAssignment(field) || (ts.isPropertyAssignment(field) && field.initializer === n) ? field.parent : undefined;
      const call = obj && ts.isObjectLiteralExpression(obj) ? obj.parent : undefined;
      if (!call || !ts.isCallExpression(call) || !ts.isIdentifier(call.expression) || !/^set[A-Z]\w*$/.test(call.expression.text)) other = true;
      return;
    }
    ts.forEachChild(n, visit);
  };
  for (const st of list.slice(list.indexOf(tryStmt) + 1)) visit(st);
  return reads > 0 && !other;
}

/** See the module comment. */
export function presetFlagKeepsDefault(sf: ts.SourceFile, tryStmt: ts.TryStatement, block: ts.Block): boolean {
  if (exitsEarly(block) || !block.statements.every(isLogStatement)) return false;
  const flag = flagBefore(tryStmt);
  return flag !== undefined && onlySetsFlag(tryStmt.tryBlock, flag) && onlyPresetsState(tryStmt, flag) && emptyCatchOnlyComputes(sf, tryStmt);
}
