import { ts } from "../../engine/ts";
import { isFunctionLikeDeclaration as isFunctionLike } from "../../engine/ast";
import { saysFailure, shapeOf, type Shape } from "./analysis";

/** The literal text a template or string starts with: `🍌 Bot: ${x}` gives `🍌 Bot:`. */
function head(e: ts.Expression): string | undefined {
  if (ts.isTemplateExpression(e)) return e.head.text.trim();
  if (ts.isNoSubstitutionTemplateLiteral(e) || ts.isStringLiteral(e)) return e.text.trim();
  return undefined;
}

/**
 * `try { … return \`🍌 Bot: ${m.content}\`; } catch (e) { log(e); return \`🍌 Bot: Quick answer to
 * "${prompt}"\`; }`: the catch answers text made like the try's own answer (it opens with the
 * literal text, at least a word, that a template the try returns opens with) and does not say it
 * failed. The caller shows it as if the service had replied.
 * The shape of the catch without that return, with the return as its value: `log` when it logs
 * first, `default` when it does nothing else.
 */
export function fakeAnswerShape(clause: ts.CatchClause, errName: string | undefined): Shape | undefined {
  const stmts = clause.block.statements;
  const last = stmts[stmts.length - 1];
  if (!last || !ts.isReturnStatement(last) || !last.expression || !ts.isTemplateExpression(last.expression)) return undefined;
  const mine = head(last.expression);
  if (!mine || saysFailure(last.expression.getText())) return undefined;
  let same = false;
  const visit = (n: ts.Node): void => {
    if (same || isFunctionLike(n)) return;
    if (ts.isReturnStatement(n) && n.expression) {
      // The try's opening, which the catch's text goes on from (`🍌 Bot: ${text}` and `🍌 Bot: Quick answer…`).
      const theirs = head(n.expression);
      if (theirs && /\w{2,}/u.test(theirs) && mine.startsWith(theirs) && ts.isTemplateExpression(n.expression)) same = true;
    }
    ts.forEachChild(n, visit);
  };
  visit((clause.parent as ts.TryStatement).tryBlock);
  if (!same) return undefined;
  const rest = shapeOf(stmts.slice(0, -1), errName);
  if (!rest) return undefined;
  if (rest.kind === "log") return rest;
  return rest.kind === "empty" ? { kind: "default", value: last } : undefined;
}
