import { isFunctionLikeDeclaration } from "../../engine/ast";
import { ts } from "../../engine/ts";
import { enclosingFunction } from "./ast";

/**
 * Whether a `fetch` is a file download: its body is read as a file after the headers arrive. A
 * total deadline (`AbortSignal.timeout`) also bounds that read (the signal aborts the body
 * stream), so a large file fails; the fix for a download bounds the wait for the headers only.
 */

// A body read as a whole file or passed on as a stream: `res.arrayBuffer()`, `res.blob()`, `res.body` (piped, streamed, wrapped).
const bodyRead = (name: string) => new RegExp(`(?<![\\w$.])${name}\\s*[!?]?\\.\\s*(?:(?:arrayBuffer|blob)\\s*\\(|body\\b(?!Used))`);
// The response handed whole to something that stores or streams it: `toFile(res, name)`, `pipeline(res, …)`, `saveBlob(res)`.
const fileSink = (name: string) => new RegExp(`(?<![\\w$])[\\w$.]*(?:[Ff]ile|[Ss]tream|[Pp]ipe(?:line)?|[Bb]lob|[Bb]uffer|[Uu]pload|[Ss]ave|[Ww]rite)[\\w$]*\\s*\\(\\s*${name}\\b`);
// A URL that names a download: the word on its own or starting a name (`/download`, `downloadUrl`,
// `getDownloadUrl`; not `/api/process-download-batch`), or the extension of a binary or document file.
const DOWNLOAD_URL_RE = /(?:^|[^\w-])download(?:[^\w-]|[A-Z]|$)|[a-z]Download|\.(?:pdf|zip|gz|tgz|tar|7z|rar|docx?|xlsx?|pptx?|odt|ods|csv|mp4|mov|webm|mkv|mp3|wav|ogg|flac|png|jpe?g|gif|webp|avif|tiff?|heic|mmdb|dmg|exe|msi|iso|apk|bin|wasm)(?![\w$])/i;

/** Steps from the call up to the expression whose value is the response (`await`, parens, casts). */
function responseExpression(call: ts.Node): ts.Node {
  let cur = call;
  while (cur.parent && (ts.isAwaitExpression(cur.parent) || ts.isParenthesizedExpression(cur.parent) || ts.isAsExpression(cur.parent) || ts.isNonNullExpression(cur.parent) || ts.isSatisfiesExpression(cur.parent))) cur = cur.parent;
  return cur;
}

/** The name the response is stored in: `const res = await fetch(…)`, `res = await fetch(…)`. */
function responseName(call: ts.Node): string | undefined {
  const e = responseExpression(call);
  const p = e.parent;
  if (p && ts.isVariableDeclaration(p) && p.initializer === e && ts.isIdentifier(p.name)) return p.name.text;
  if (p && ts.isBinaryExpression(p) && p.operatorToken.kind === ts.SyntaxKind.EqualsToken && p.right === e && ts.isIdentifier(p.left)) return p.left.text;
  return undefined;
}

/** `(await fetch(u)).arrayBuffer()`, `fetch(u).then((r) => r.blob())`: the body read right on the call. */
function chainReadsBody(call: ts.Node, sf: ts.SourceFile): boolean {
  const e = responseExpression(call);
  const p = e.parent;
  if (!p || !ts.isPropertyAccessExpression(p) || p.expression !== e) return false;
  const member = p.name.text;
  if (member === "body") return true;
  if ((member === "arrayBuffer" || member === "blob") && p.parent && ts.isCallExpression(p.parent)) return true;
  if (member !== "then" || !p.parent || !ts.isCallExpression(p.parent)) return false;
  const handler = p.parent.arguments[0];
  if (!handler || !isFunctionLikeDeclaration(handler) || handler.parameters.length === 0) return false;
  const param = handler.parameters[0]!.name;
  return ts.isIdentifier(param) && (bodyRead(param.text).test(handler.getText(sf)) || fileSink(param.text).test(handler.getText(sf)));
}

/** True when the URL argument of `call` names a download (`/download`, `downloadUrl`, `.pdf`). */
function namesDownload(call: ts.CallExpression | ts.NewExpression, sf: ts.SourceFile): boolean {
  const url = call.arguments?.[0];
  return url !== undefined && DOWNLOAD_URL_RE.test(url.getText(sf));
}

/** True when the response of `call` (a fetch) is read as a file, or its URL names a download. */
export function isDownload(call: ts.CallExpression | ts.NewExpression, sf: ts.SourceFile): boolean {
  if (namesDownload(call, sf)) return true;
  if (chainReadsBody(call, sf)) return true;
  const name = responseName(call);
  if (!name) return false;
  // What the function does with the response after the call.
  const scope = enclosingFunction(call) ?? sf;
  const after = sf.text.slice(call.getEnd(), scope.getEnd());
  return bodyRead(name).test(after) || fileSink(name).test(after);
}

/**
 * The statement before which the fix's controller and timer go, when the call runs exactly once
 * each time that statement does (no `?:`, `&&`, `||`, `??` or function between them) and the
 * statement sits in a list (a block, a case, the file), so two statements can go before it.
 */
export function statementToPrecede(call: ts.Node): ts.Statement | undefined {
  for (let cur: ts.Node = call, p = call.parent; p; cur = p, p = p.parent) {
    if (ts.isBlock(p) || ts.isSourceFile(p) || ts.isCaseClause(p) || ts.isDefaultClause(p) || ts.isModuleBlock(p)) return ts.isStatement(cur) ? cur : undefined;
    if (isFunctionLikeDeclaration(p) || ts.isConditionalExpression(p) || ts.isClassLike(p)) return undefined;
    if (ts.isBinaryExpression(p) && p.right === cur && p.operatorToken.kind !== ts.SyntaxKind.EqualsToken && p.operatorToken.kind !== ts.SyntaxKind.CommaToken) return undefined;
    if ((ts.isCallExpression(p) || ts.isPropertyAccessExpression(p) || ts.isElementAccessExpression(p)) && p.questionDotToken) return undefined;
    // A statement that repeats or branches around the call (`if (…) return fetch(u)`, a loop's header) holds no list to insert into.
    if (ts.isStatement(p) && !ts.isVariableStatement(p) && !ts.isExpressionStatement(p) && !ts.isReturnStatement(p) && !ts.isThrowStatement(p)) return undefined;
  }
  return undefined;
}

/**
 * A got call that downloads a file: `got(u).buffer()`, `responseType: "buffer"`, or a URL that
 * names a download. (Not `res.body` after it: got gives every body there, JSON text included.)
 */
export function isGotDownload(call: ts.CallExpression | ts.NewExpression, sf: ts.SourceFile): boolean {
  if (namesDownload(call, sf)) return true;
  const p = call.parent;
  if (p && ts.isPropertyAccessExpression(p) && p.expression === call && p.name.text === "buffer") return true;
  return (call.arguments ?? []).some((a) => ts.isObjectLiteralExpression(a) && /\bresponseType\s*:\s*["'`]buffer["'`]/.test(a.getText(sf)));
}
