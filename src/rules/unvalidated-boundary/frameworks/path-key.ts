import { topLevelFunction } from "../../../engine/ast";
import { ts } from "../../../engine/ts";
import { constInitializer, unwrap } from "../ast";
import { instanceFreeGetter } from "./class-getter";

/**
 * A file path as the module spells it, with its own names spelled out, so that one path named two
 * ways compares equal: a `const` becomes its initializer, and a call of a same-module function
 * without arguments whose body only returns a value (`credentialsPath()`, `getConfigDir()`, or
 * `ensureConfigDir()` returning the `const dir = getConfigDir()` it created) becomes that value.
 * `readFileSync(credentialsPath())` then names the path `writeFileSync(path.join(dir,
 * "credentials.json"), …)` writes; so does a getter of the class whose value no instance changes (class-getter.ts).
 * A literal is spelled by its text, in one kind of quotes and without
 * a leading `./` (production keystone's release script reads `'.changeset/contributors.json'` and
 * writes `'./.changeset/contributors.json'`). Spaces are dropped; undefined for an over-long spelling.
 */
export function pathKey(arg: ts.Expression | undefined): string | undefined {
  if (!arg) return undefined;
  const key = spell(arg, 0);
  return key.length > 0 && key.length <= MAX_LENGTH ? key : undefined;
}

const MAX_HOPS = 10;
const MAX_LENGTH = 2000;

function spell(expr: ts.Expression, hops: number): string {
  const e = unwrap(expr);
  if (hops < MAX_HOPS && ts.isIdentifier(e)) {
    const init = constInitializer(e);
    if (init) return spell(init, hops + 1);
  }
  // `this.storagePath` and `instance.storagePath`: a getter of the class that returns one value whichever instance reads it.
  if (hops < MAX_HOPS && ts.isPropertyAccessExpression(e)) {
    const got = instanceFreeGetter(e);
    if (got) return spell(got, hops + 1);
  }
  if (ts.isCallExpression(e)) {
    const returned = hops < MAX_HOPS && e.arguments.length === 0 && ts.isIdentifier(e.expression) ? returnedBy(e.expression.text, e.getSourceFile()) : undefined;
    if (returned) return spell(returned, hops + 1);
    return `${compact(e.expression.getText())}(${e.arguments.map((a) => spell(a, hops)).join(",")})`;
  }
  // A literal by its text: `'.changeset/contributors.json'` and `"./.changeset/contributors.json"` name one file.
  if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return JSON.stringify(e.text.replace(/^(?:\.\/)+(?=.)/, ""));
  if (ts.isBinaryExpression(e)) return `${spell(e.left, hops)}${e.operatorToken.getText()}${spell(e.right, hops)}`;
  if (ts.isTemplateExpression(e)) return `\`${e.head.text}${e.templateSpans.map((s) => `\${${spell(s.expression, hops)}}${s.literal.text}`).join("")}\``;
  return compact(e.getText());
}

function compact(text: string): string {
  return text.replace(/\s+/g, "");
}

/** The one value a top-level function of the module named `name` returns, when it takes no parameters. */
function returnedBy(name: string, sf: ts.SourceFile): ts.Expression | undefined {
  const fn = topLevelFunction(name, sf);
  if (!fn?.body || fn.parameters.length > 0 || fn.asteriskToken) return undefined;
  if (!ts.isBlock(fn.body)) return fn.body;
  // One return, last, beside declarations and plain calls only: no other exit of the body to reason about.
  const last = fn.body.statements[fn.body.statements.length - 1];
  const plain = fn.body.statements.slice(0, -1).every((s) => ts.isVariableStatement(s) || ts.isExpressionStatement(s));
  return last && ts.isReturnStatement(last) && plain ? last.expression : undefined;
}

