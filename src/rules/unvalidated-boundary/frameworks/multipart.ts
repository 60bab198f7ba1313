import { ts } from "../../../engine/ts";
import { calleeName } from "../../../engine/ast";
import { findBinding, findRefs, isConditionPosition, isFunctionLike, shortText, unwrap } from "../ast";
import { hasModule, type FileFacts, type Source } from "../source";
import { requestFramework } from "./express";

/**
 * Multipart form input parsed by hand: formidable's `form.parse(req, (err, fields, files) => …)`
 * (its fields are form values, a bag of scalars like a query), and multer's
 * `req.file.originalname` (the name the client gave the upload, a scalar).
 */

/** `formidable(…)`, `new formidable.IncomingForm(…)`, `new IncomingForm()`, `new Formidable()`. */
function isFormidableForm(expr: ts.Expression, facts: FileFacts): boolean {
  const e = unwrap(expr);
  if (ts.isIdentifier(e)) {
    const b = findBinding(e);
    return !!b && b.kind === "var" && !b.element && !!b.decl.initializer && isFormidableForm(b.decl.initializer, facts);
  }
  if (!hasModule(facts, "formidable")) return false;
  if (ts.isCallExpression(e)) return calleeName(e) === "formidable";
  if (ts.isNewExpression(e)) return /^(?:IncomingForm|Formidable)$/.test(calleeName(e) ?? "");
  return false;
}

function caseFor(facts: FileFacts): "expressBody" | "webRequest" {
  return hasModule(facts, "express") ? "expressBody" : "webRequest";
}

/** formidable: the `fields` argument of `form.parse(req, (err, fields, files) => …)`. */
export function formidableSource(call: ts.CallExpression, facts: FileFacts, sf: ts.SourceFile): Source | undefined {
  const e = call.expression;
  if (!ts.isPropertyAccessExpression(e) || !isFormidableForm(e.expression, facts)) return undefined;
  const cb = call.arguments[1];
  if (!cb || !isFunctionLike(cb) || !cb.body) return undefined;
  const fields = cb.parameters[1];
  if (!fields || !ts.isIdentifier(fields.name)) return undefined;
  // Reported where the fields are first read for their values (not a null test).
  const first = findRefs(fields.name.text, cb.body, cb.body.pos).find((r) => !isConditionPosition(r) && !(r.parent && ts.isBinaryExpression(r.parent) && r.parent.operatorToken.kind !== ts.SyntaxKind.EqualsToken));
  if (!first) return undefined;
  return {
    caseId: caseFor(facts),
    node: first,
    values: [fields.name],
    kind: "bag",
    read: fields.name.text,
    handler: cb,
    channel: { kind: "throw" },
    schemaSuffix: "Form",
  };
}

/** multer: `req.file.originalname`, the client's name for the upload (a path, if used as one). */
export function uploadNameSource(node: ts.PropertyAccessExpression, facts: FileFacts, sf: ts.SourceFile): Source | undefined {
  const file = unwrap(node.expression);
  if (!ts.isPropertyAccessExpression(file) || file.name.text !== "file") return undefined;
  const req = unwrap(file.expression);
  if (!ts.isIdentifier(req)) return undefined;
  const b = findBinding(req);
  if (!b || b.kind !== "param" || b.element) return undefined;
  const fw = requestFramework(b.fn, b.index, facts);
  if (fw !== "express" && fw !== "nextPages") return undefined;
  return {
    caseId: fw === "express" ? "expressBody" : "nextPagesRequest",
    node,
    values: [node],
    kind: "scalar",
    read: shortText(node, sf),
    handler: b.fn,
    channel: { kind: "throw" },
    schemaSuffix: "Upload",
  };
}
