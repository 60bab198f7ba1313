/**
 * A Next.js App Router page's `generateMetadata` whose lookup answers "none" on failure, where the
 * page itself makes the same lookup (production homarr, session 34):
 *
 *   export async function generateMetadata(props) {
 *     const user = await api.user.getById({ userId }).catch(() => null);
 *     if (!user) return {};
 *     return { title: user.name };
 *   }
 *   export default async function EditUserPage(props) {
 *     const user = await api.user.getById({ userId }).catch(catchTrpcNotFound);
 *     …
 *   }
 *
 * Next.js renders the page with the same params right after the metadata: a failed lookup only drops
 * the title, and the page's own call fails again and reports it (its error boundary, its not-found).
 * Only in a `page` or `layout` module, only in `generateMetadata`, and only where the module's default
 * export calls the same function (the callee's text) without a handler that answers "none" itself.
 */
import { ts } from "../../engine/ts";
import { isFunctionLikeDeclaration as isFunctionLike } from "../../engine/ast";
import { handlerAnswersNone } from "./per-row";

const PAGE_MODULE_RE = /(?:^|[\\/])(?:page|layout)\.[cm]?[jt]sx?$/;

/** See the module comment: `call` is `x.catch(h)` in such a `generateMetadata`. */
export function metadataRepeatsPageLoad(call: ts.CallExpression, path: string): boolean {
  if (!PAGE_MODULE_RE.test(path)) return false;
  const fn = enclosingNamed(call);
  if (fn !== "generateMetadata") return false;
  const callee = loadCallee(call);
  if (!callee) return false;
  const page = defaultExport(call.getSourceFile());
  if (!page?.body) return false;
  let repeated = false;
  const visit = (n: ts.Node): void => {
    if (repeated) return;
    if (ts.isCallExpression(n) && n.expression.getText() === callee && !answeredNone(n)) repeated = true;
    ts.forEachChild(n, visit);
  };
  visit(page.body);
  return repeated;
}

/** The text of the called function at the start of the chain: `api.user.getById` for `api.user.getById({…}).catch(…)`. */
function loadCallee(call: ts.CallExpression): string | undefined {
  let recv: ts.Expression = (call.expression as ts.PropertyAccessExpression).expression;
  while (ts.isParenthesizedExpression(recv)) recv = recv.expression;
  return ts.isCallExpression(recv) && (ts.isPropertyAccessExpression(recv.expression) || ts.isIdentifier(recv.expression)) ? recv.expression.getText() : undefined;
}

/** `load(…).catch(() => null)`: the page's own call dropped to "none" the same way. */
function answeredNone(start: ts.CallExpression): boolean {
  const link = start.parent;
  if (!ts.isPropertyAccessExpression(link) || link.expression !== start || link.name.text !== "catch" || !ts.isCallExpression(link.parent)) return false;
  const h = link.parent.arguments[0];
  return h !== undefined && handlerAnswersNone(h);
}

/** The name of the top-level function (declared or held by a `const`) that `node` runs in. */
function enclosingNamed(node: ts.Node): string | undefined {
  let name: string | undefined;
  for (let n: ts.Node | undefined = node.parent; n && !ts.isSourceFile(n); n = n.parent) {
    if (!isFunctionLike(n)) continue;
    if (ts.isFunctionDeclaration(n) && n.name) name = n.name.text;
    else if (ts.isVariableDeclaration(n.parent) && ts.isIdentifier(n.parent.name)) name = n.parent.name.text;
    else name = undefined;
  }
  return name;
}

/** `export default async function Page(…)`, or `export default Page` naming a function of the module. */
function defaultExport(sf: ts.SourceFile): ts.FunctionLikeDeclaration | undefined {
  for (const st of sf.statements) {
    if (ts.isFunctionDeclaration(st) && st.modifiers?.some((m) => m.kind === ts.SyntaxKind.DefaultKeyword)) return st;
    if (ts.isExportAssignment(st) && !st.isExportEquals && ts.isIdentifier(st.expression)) {
      const name = st.expression.text;
      for (const s2 of sf.statements) {
        if (ts.isFunctionDeclaration(s2) && s2.name?.text === name) return s2;
        if (ts.isVariableStatement(s2)) for (const d of s2.declarationList.declarations) if (ts.isIdentifier(d.name) && d.name.text === name && d.initializer && (ts.isArrowFunction(d.initializer) || ts.isFunctionExpression(d.initializer))) return d.initializer;
      }
    }
  }
  return undefined;
}
