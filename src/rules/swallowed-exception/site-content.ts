/**
 * A static site's loader of its own content files (issue 11, session 31, production OpenPanel's
 * marketing site):
 *
 *   const contentDir = join(process.cwd(), "content", "features");
 *   export async function getFeatureData(slug: string) {
 *     try {
 *       const data = JSON.parse(readFileSync(join(contentDir, `${slug}.json`), "utf8"));
 *       return { ...data, url: `/features/${slug}` };
 *     } catch (error) {
 *       console.error(`Error loading feature data for ${slug}:`, error);
 *       return null;
 *     }
 *   }
 *
 * The files are checked into the repository (unvalidated-boundary's site-content.ts names them):
 * a missing one is a page that does not exist (`null`, an empty list), a broken one is logged when
 * the site is built. No outage can reach the catch.
 */
import { ts } from "../../engine/ts";
import { calleeName } from "../../engine/ast";
import { findBinding } from "../unvalidated-boundary/ast";
import { readsSiteContent } from "../unvalidated-boundary/frameworks/site-content";
import { isLogCall, references } from "./analysis";

const FS_READ_RE = /^(?:readFile|readdir|readFileSync|readdirSync|existsSync)$/;
// Work on the text and lists in hand: paths, strings, arrays, the parse itself.
const PURE_RE = /^(?:join|resolve|basename|extname|parse|filter|map|flatMap|forEach|replace|endsWith|startsWith|trim|split|slice|sort|includes|keys|values|entries|toLowerCase)$/;

/** `fileContents` of `const fileContents = fs.readFileSync(filePath, "utf8")`: text read from the site's content. */
function contentText(e: ts.Expression, modulePath: string | undefined): boolean {
  const b = ts.isIdentifier(e) ? findBinding(e) : undefined;
  let init = b?.kind === "var" && !b.element ? b.decl.initializer : undefined;
  while (init && (ts.isAwaitExpression(init) || ts.isParenthesizedExpression(init))) init = init.expression;
  return !!init && ts.isCallExpression(init) && FS_READ_RE.test(calleeName(init) ?? "") && readsSiteContent(init, modulePath);
}

/**
 * Whether the try only reads the site's own content files and works on what it read: every call is
 * a file read of a path under the site's `content` folder, a parse of such a read's text, a log
 * line, or work on paths, strings and lists (`join`, `filter`, `map`, `replace`), with at least one
 * read or parse of that content.
 */
export function loadsSiteContentOnly(clause: ts.CatchClause, errName: string | undefined, modulePath: string | undefined): boolean {
  if (!errName || !references(clause.block, errName)) return false;
  const tryBlock = (clause.parent as ts.TryStatement).tryBlock;
  let reads = 0;
  let other = false;
  const visit = (n: ts.Node): void => {
    if (other) return;
    if (ts.isCallExpression(n) && !isLogCall(n)) {
      const name = calleeName(n) ?? "";
      if (FS_READ_RE.test(name)) {
        if (readsSiteContent(n, modulePath)) reads++;
        else other = true;
      } else if (name === "parse" && n.expression.getText() === "JSON.parse") {
        if (n.arguments[0] && contentText(n.arguments[0], modulePath)) reads++;
      } else if (!PURE_RE.test(name)) other = true;
    } else if (ts.isNewExpression(n) || ts.isAwaitExpression(n) && !ts.isCallExpression(n.expression)) other = true;
    ts.forEachChild(n, visit);
  };
  visit(tryBlock);
  return reads > 0 && !other;
}
