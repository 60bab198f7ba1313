/**
 * An ES module's own path and folder (issue 11, session 42, production formbricks): `import.meta.dirname`
 * and `import.meta.filename` (Node 20.11), and `fileURLToPath(import.meta.url)`, the spellings of CommonJS's
 * `__dirname` and `__filename` in a `.mjs` script (`const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)),
 * "..")` beside `readFileSync(join(REPO_ROOT, "pnpm-workspace.yaml"))`). The path a read names through them is
 * resolved as it is through `__dirname`, so a file of the repository named by literals from the module is
 * judged as the docs judge it for `__dirname` (beside the module, or beside a `package.json`).
 */
import * as path from "node:path";
import { ts } from "../../../engine/ts";
import { calleeName } from "../../../engine/ast";
import { unwrap } from "../ast";

/** `file` (the module's path, `/`-separated) for its own path spelled as an ES module spells it, its folder for `import.meta.dirname`; else undefined. */
export function modulePath(expr: ts.Expression, file: string): string | undefined {
  const x = unwrap(expr);
  if (ts.isPropertyAccessExpression(x) && ts.isMetaProperty(x.expression) && x.expression.keywordToken === ts.SyntaxKind.ImportKeyword) {
    if (x.name.text === "dirname") return path.posix.dirname(file);
    if (x.name.text === "filename") return file;
    return undefined;
  }
  if (ts.isCallExpression(x) && calleeName(x) === "fileURLToPath" && x.arguments.length === 1 && unwrap(x.arguments[0]!).getText().replace(/\s+/g, "") === "import.meta.url") return file;
  return undefined;
}
