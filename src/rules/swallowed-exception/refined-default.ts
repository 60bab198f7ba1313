/**
 * A try that only refines a value the code already holds, and keeps that value itself when the
 * answer has none (the retired held round 39, newmanjulien/slack-overbase `templates.ts:76`, decided
 * clean: "DM open failure logged, falls back to posting to the user id (Slack accepts it)"):
 *
 *   let dmChannelId = body.user.id;
 *   try {
 *     const dmOpen = await client.conversations.open({ users: body.user.id });
 *     dmChannelId = dmOpen.channel?.id || dmChannelId;
 *   } catch (error) { logger.error({ error }, "Failed to open DM channel"); }
 *
 * The `let` right before the try starts from a value read from what the code holds (a name or a
 * property read, no literal: no made-up default); the try declares its own locals from calls and ends
 * with the one assignment of that name, `name = … || name` (or `?? name`), so the code already goes on
 * with the held value when the call answers nothing, and a failure leaves it the same (the docs' "a
 * catch that answers what the function's own error branch answers"). A literal start (`let price =
 * 0`), another assignment, or a try that does anything else stays reported.
 */
import { ts } from "../../engine/ts";
import { references } from "./analysis";
import { letRightBefore } from "./preset-flag";

/** `body.user.id`, `userId`, `ctx.chat?.id`: a read of a value the code holds. */
function heldValue(e: ts.Expression): boolean {
  while (ts.isPropertyAccessExpression(e) || ts.isNonNullExpression(e) || ts.isParenthesizedExpression(e)) e = e.expression;
  return ts.isIdentifier(e) && e.text !== "undefined";
}

/** The name `let name = <held value>;` declares in the statement right before the try. */
function heldBefore(tryStmt: ts.TryStatement): string | undefined {
  const d = letRightBefore(tryStmt);
  return d?.init && heldValue(d.init) ? d.name : undefined;
}

/** `name = answer.field || name`, `name = answer?.id ?? name`: the held value kept when the answer has none. */
function refines(st: ts.Statement, name: string): boolean {
  if (!ts.isExpressionStatement(st) || !ts.isBinaryExpression(st.expression) || st.expression.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return false;
  const { left, right } = st.expression;
  if (!ts.isIdentifier(left) || left.text !== name || !ts.isBinaryExpression(right)) return false;
  const op = right.operatorToken.kind;
  return (op === ts.SyntaxKind.BarBarToken || op === ts.SyntaxKind.QuestionQuestionToken) && ts.isIdentifier(right.right) && right.right.text === name && !references(right.left, name);
}


/** Whether the try only declares its own locals, then refines the held value (see the module comment). */
export function refinesHeldValue(tryStmt: ts.TryStatement): boolean {
  const name = heldBefore(tryStmt);
  const stmts = tryStmt.tryBlock.statements;
  const last = stmts[stmts.length - 1];
  if (!name || !last || !refines(last, name)) return false;
  return stmts.slice(0, -1).every((st) => ts.isVariableStatement(st) && st.declarationList.flags & ts.NodeFlags.Const && st.declarationList.declarations.every((d) => d.initializer !== undefined && !references(d.initializer, name)));
}
