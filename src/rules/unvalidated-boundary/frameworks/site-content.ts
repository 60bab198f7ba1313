/**
 * A static site's own content files (production OpenPanel's marketing site, session 31):
 *
 *   const contentDir = join(process.cwd(), "content", "features");
 *   const data = JSON.parse(readFileSync(join(contentDir, `${slug}.json`), "utf8"));
 *
 * The site's pages are built from JSON files checked into its `content/` folder, as it serves the
 * files of its `public/` folder (parse.ts): a file of the repository, not outside input.
 */
import { ts } from "../../../engine/ts";
import { calleeName } from "../../../engine/ast";
import { constInitializer, unwrap } from "../ast";

// Files a program keeps its own state in at run time, and upload folders: never the site's content.
const RUNTIME_RE = /token|cache|session|state|credential|secret|auth|upload/i;

/** Where a path starts: the project's root (`process.cwd()`, `cwd()`) or the module's folder (`__dirname`, `import.meta.dirname`). */
function rootOf(e: ts.Expression): "@cwd" | "@module" | undefined {
  const x = unwrap(e);
  if (ts.isBinaryExpression(x) && (x.operatorToken.kind === ts.SyntaxKind.BarBarToken || x.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken)) {
    const left = rootOf(x.left);
    return left && left === rootOf(x.right) ? left : undefined;
  }
  if (ts.isCallExpression(x)) return x.arguments.length === 0 && /^(?:process\.)?cwd$/.test(x.expression.getText()) ? "@cwd" : undefined;
  return /^(?:__dirname|import\.meta\.dirname)$/.test(x.getText()) ? "@module" : undefined;
}

/**
 * The literal folder names of a path built from the project's root or the module's folder
 * (`join(process.cwd(), "content", slug)`, `` `${__dirname}/content/${file}` ``, through `const`s),
 * or undefined when the path does not start there. Parts that are not literals (a slug, a listed file
 * name) name the file inside the folder.
 */
function rootedSegments(e: ts.Expression, depth: number): string[] | undefined {
  const x = unwrap(e);
  if (depth > 4) return undefined;
  const root = rootOf(x);
  if (root) return [root];
  if (ts.isIdentifier(x)) {
    const init = constInitializer(x);
    return init ? rootedSegments(init, depth + 1) : undefined;
  }
  if (ts.isTemplateExpression(x)) {
    const first = x.templateSpans[0];
    if (x.head.text !== "" || !first) return undefined;
    const base = rootedSegments(first.expression, depth + 1);
    return base && [...base, ...spelled(x, 1).split("/")];
  }
  if (!ts.isCallExpression(x) || !/^(?:join|resolve)$/.test(calleeName(x) ?? "") || x.arguments.length < 1) return undefined;
  const [first, ...rest] = x.arguments;
  const base = rootedSegments(first!, depth + 1);
  if (!base) return undefined;
  return [...base, ...rest.flatMap((a) => {
    const u = unwrap(a);
    if (ts.isStringLiteralLike(u)) return u.text.split("/");
    return ts.isTemplateExpression(u) ? spelled(u, 0).split("/") : [];
  })];
}

/** A template's text from its `from`-th span on, each placeholder standing for a name (`${slug}.json` is `*.json`). */
function spelled(t: ts.TemplateExpression, from: number): string {
  return (from === 0 ? t.head.text : "") + t.templateSpans.map((s, i) => (i >= from ? "*" : "") + s.literal.text).join("");
}

/**
 * `readFileSync(join(contentDir, \`${slug}.json\`))` with `const contentDir = join(process.cwd(),
 * "content", "features")`: a read under a `content` folder named by literals from the project's root
 * or the module's folder (also above it: `join(__dirname, "../../content/compare")`), the file named
 * by literals, a slug or a listed name; also a file of the module's own folder when the module sits in
 * a `content` folder (a script checking its neighbours, `join(import.meta.dirname, file)`). Not a
 * hidden file, nor one named for run-time state or uploads.
 */
export function readsSiteContent(read: ts.CallExpression, modulePath: string | undefined): boolean {
  const target = read.arguments[0];
  const segs = target && rootedSegments(target, 0);
  if (!segs) return false;
  const inContent = segs.includes("content")
    || (segs[0] === "@module" && !segs.includes("..") && !!modulePath && modulePath.replace(/\\/g, "/").split("/").slice(0, -1).includes("content"));
  return inContent && !segs.some((s) => (s.startsWith(".") && s !== "." && s !== "..") || RUNTIME_RE.test(s));
}
