/**
 * An options loader whose catch answers a placeholder entry, as its own "nothing found" branch does
 * (production Flowise):
 *
 *   async listTopics(nodeData) {
 *     try {
 *       const response = await client.send(new ListTopicsCommand({}));
 *       if (!response.Topics?.length) return [{ label: "No topics found", name: "placeholder", description: "No SNS topics in this region" }];
 *       return response.Topics.map((t) => ({ label: t.name, name: t.arn }));
 *     } catch (error) {
 *       console.error("Error loading SNS topics:", error);
 *       return [{ label: "AWS Credentials Required", name: "placeholder", description: "Enter AWS Access Key ID and Secret Access Key" }];
 *     }
 *   }
 *
 * The catch (besides log lines) answers a list of one entry made of literals only, with a label a
 * person reads (`label`, `title`, `text`), and the try answers a list of one entry of the same keys
 * made of literals for its own "nothing found" case: the entry is a message in the picker, not an
 * option, and the list answered is the loader's own placeholder shape. A catch answering real-looking
 * options, or a try without such a placeholder of its own, stays reported.
 */
import { ts } from "../../engine/ts";
import { isFunctionLikeDeclaration as isFunctionLike } from "../../engine/ast";
import { isLogStatement } from "./analysis";

const LABEL_KEYS = new Set(["label", "title", "text"]);

/** `[{ label: "…", name: "…" }]`: the sorted keys of a one-entry list of literals, if it is one. */
function placeholderKeys(e: ts.Expression | undefined): string | undefined {
  if (!e || !ts.isArrayLiteralExpression(e) || e.elements.length !== 1) return undefined;
  const only = e.elements[0]!;
  if (!ts.isObjectLiteralExpression(only)) return undefined;
  const keys: string[] = [];
  for (const p of only.properties) {
    if (!ts.isPropertyAssignment(p) || !(ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) || !ts.isStringLiteralLike(p.initializer)) return undefined;
    keys.push(p.name.text);
  }
  return keys.some((k) => LABEL_KEYS.has(k)) ? keys.sort().join(",") : undefined;
}

/** See the module comment. */
export function answersItsOwnPlaceholder(clause: ts.CatchClause): boolean {
  const stmts = clause.block.statements;
  const last = stmts[stmts.length - 1];
  if (!last || !ts.isReturnStatement(last) || !stmts.slice(0, -1).every(isLogStatement)) return false;
  const keys = placeholderKeys(last.expression);
  if (!keys) return false;
  const visit = (n: ts.Node): boolean => {
    if (isFunctionLike(n)) return false;
    if (ts.isReturnStatement(n)) return placeholderKeys(n.expression) === keys;
    return ts.forEachChild(n, visit) ?? false;
  };
  return visit((clause.parent as ts.TryStatement).tryBlock);
}
