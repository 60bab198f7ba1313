import { ts } from "../../../engine/ts";
import { calleeName } from "../../../engine/ast";
import { climb, findBinding, findRefs, isConditionPosition, isFunctionLike, nameText, shortText, unwrap, type FunctionLike } from "../ast";
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
  return uploadNameRead(fw === "express" ? "expressBody" : "nextPagesRequest", node, sf, b.fn);
}

/**
 * multer's `diskStorage({ filename: (req, file, cb) => cb(null, file.originalname) })`: the name the client gave the
 * upload, which the callback hands back as the written file's name (retired round 46, sareeshoppingwebsite `server.js:82`,
 * decided; a folder served statically serves `x.html` as a page, and names overwrite each other). Reported where the
 * flow finds it named so (see {@link diskStorageNameCall}); a storage nothing configures multer with is not read.
 */
export function diskStorageNameSource(node: ts.PropertyAccessExpression, facts: FileFacts, sf: ts.SourceFile): Source | undefined {
  const file = unwrap(node.expression);
  if (!ts.isIdentifier(file) || !hasModule(facts, "multer")) return undefined;
  const b = findBinding(file);
  if (!b || b.kind !== "param" || b.element || b.index !== 1 || !diskStorageCallback(b.fn)) return undefined;
  // (multer is Express middleware: its storage names an Express upload.)
  return uploadNameRead("expressBody", node, sf, b.fn);
}

/** The function given as `filename` to `multer.diskStorage({ … })` (or an imported `diskStorage`), a storage multer is configured with. */
function diskStorageCallback(fn: FunctionLike): boolean {
  const prop = fn.parent;
  if (!prop || !ts.isPropertyAssignment(prop) || prop.initializer !== fn || nameText(prop.name) !== "filename") return false;
  const call = prop.parent.parent;
  if (!call || !ts.isCallExpression(call) || calleeName(call) !== "diskStorage" || call.arguments[0] !== prop.parent) return false;
  // `const storage = multer.diskStorage(…)` then `multer({ storage })`; or `multer({ storage: multer.diskStorage(…) })`.
  const top = climb(call);
  const held = top.parent;
  if (!held || !ts.isVariableDeclaration(held) || held.initializer !== top || !ts.isIdentifier(held.name)) return true;
  return findRefs(held.name.text, call.getSourceFile(), held.end).some((r) => {
    const q = r.parent;
    return !!q && ((ts.isShorthandPropertyAssignment(q) && q.name === r) || (ts.isPropertyAssignment(q) && q.initializer === r && nameText(q.name) === "storage"));
  });
}

/**
 * `cb(null, name)` where `cb` is the third parameter of a diskStorage `filename` callback (see
 * {@link diskStorageNameSource}): the name multer writes the upload under.
 */
export function diskStorageNameCall(call: ts.CallExpression, arg: ts.Node): boolean {
  if (call.arguments[1] !== arg || !ts.isIdentifier(call.expression)) return false;
  const b = findBinding(call.expression);
  return !!b && b.kind === "param" && !b.element && b.index === 2 && diskStorageCallback(b.fn);
}

/** The client's name for an upload, read in `handler`: a scalar reported where it is used as a path or stored. */
function uploadNameRead(caseId: Source["caseId"], node: ts.PropertyAccessExpression, sf: ts.SourceFile, handler: FunctionLike, dedupeKey?: string): Source {
  return { caseId, node, values: [node], kind: "scalar", read: shortText(node, sf), handler, channel: { kind: "throw" }, schemaSuffix: "Upload", ...(dedupeKey ? { dedupeKey } : {}) };
}

const FASTIFY_PART_CALLS = new Set(["file", "files", "parts"]);

/**
 * @fastify/multipart uploads: the `filename` of `await req.file()`, also through `const data = await
 * request.file()` or `for await (const part of req.files())`: the client's name for the upload,
 * reported under fastifyRequest where it is used as a path or stored.
 */
export function fastifyUploadNameSource(node: ts.PropertyAccessExpression, facts: FileFacts, sf: ts.SourceFile): Source | undefined {
  if (node.name.text !== "filename") return undefined;
  let part: ts.Expression = unwrap(node.expression);
  if (ts.isIdentifier(part)) {
    const b = findBinding(part);
    if (b?.kind === "var" && !b.element && b.decl.initializer) part = unwrap(b.decl.initializer);
    else if (b?.kind === "forOf") part = unwrap(b.stmt.expression);
    else return undefined;
  }
  if (!ts.isCallExpression(part) || part.arguments.length > 1 || !ts.isPropertyAccessExpression(part.expression) || !FASTIFY_PART_CALLS.has(part.expression.name.text)) return undefined;
  const req = unwrap(part.expression.expression);
  if (!ts.isIdentifier(req)) return undefined;
  const b = findBinding(req);
  if (!b || b.kind !== "param" || b.element || requestFramework(b.fn, b.index, facts) !== "fastify") return undefined;
  return uploadNameRead("fastifyRequest", node, sf, b.fn, `${b.fn.pos}:fastifyRequest:upload`);
}

/**
 * koa-body (formidable) uploads: `ctx.request.files.file.name` / `.originalFilename`, also through
 * `const { file } = ctx.request.files` or `const file = ctx.request.files.file`: the client's name
 * for the upload, reported under koaRequest where it is used as a path or stored.
 */
export function koaUploadNameSource(node: ts.PropertyAccessExpression, facts: FileFacts, sf: ts.SourceFile): Source | undefined {
  if (node.name.text !== "name" && node.name.text !== "originalFilename") return undefined;
  let file = unwrap(node.expression);
  let files: ts.Expression | undefined;
  if (ts.isPropertyAccessExpression(file)) files = unwrap(file.expression);
  else if (ts.isIdentifier(file)) {
    const b = findBinding(file);
    if (!b || b.kind !== "var" || !b.decl.initializer) return undefined;
    const init = unwrap(b.decl.initializer);
    // `const { file } = ctx.request.files`, `const file = ctx.request.files.file`.
    files = b.element ? init : ts.isPropertyAccessExpression(init) ? unwrap(init.expression) : undefined;
    file = init;
  }
  if (!files || !ts.isPropertyAccessExpression(files) || files.name.text !== "files") return undefined;
  const request = unwrap(files.expression);
  if (!ts.isPropertyAccessExpression(request) || request.name.text !== "request") return undefined;
  const ctx = unwrap(request.expression);
  if (!ts.isIdentifier(ctx)) return undefined;
  const b = findBinding(ctx);
  if (!b || b.kind !== "param" || b.element || requestFramework(b.fn, b.index, facts) !== "koa") return undefined;
  return uploadNameRead("koaRequest", node, sf, b.fn, `${b.fn.pos}:koaRequest:upload`);
}
