import { ts } from "../../../engine/ts";
import { nameText } from "../ast";
import { parameterSource, type FileFacts, type Source } from "../source";

// Auth.js / NextAuth's credentials provider, also as nuxt-auth uses it (`CredentialsProvider.default({ … })`).
const CREDENTIALS_MODULE_RE = /(?:^|\/)providers\/credentials(?:\.js)?$/;

/**
 * `CredentialsProvider({ async authorize(credentials) { … } })`: the sign-in request's body arrives in
 * `authorize`'s first parameter, whatever the `credentials` field list declares (Auth.js checks none of
 * it). Reported at the parameter, like a server action's argument (held round 27's decision, the rule
 * missed it; round 28's tune: nextjs-ai-book-summary-saas `lib/auth.ts`, nuxt-trello `server/api/auth/[...].ts`).
 */
export function credentialsAuthorizeSource(param: ts.ParameterDeclaration, facts: FileFacts, sf: ts.SourceFile): Source | undefined {
  const parent = param.parent;
  if (!ts.isIdentifier(param.name) || param.dotDotDotToken || parent.parameters[0] !== param) return undefined;
  let fn: ts.MethodDeclaration | ts.ArrowFunction | ts.FunctionExpression | undefined;
  let holder: ts.Node | undefined;
  if (ts.isMethodDeclaration(parent) && nameText(parent.name) === "authorize") {
    fn = parent;
    holder = parent.parent;
  } else if ((ts.isArrowFunction(parent) || ts.isFunctionExpression(parent)) && parent.parent && ts.isPropertyAssignment(parent.parent) && parent.parent.initializer === parent && nameText(parent.parent.name) === "authorize") {
    fn = parent;
    holder = parent.parent.parent;
  }
  if (!fn?.body || !holder || !ts.isObjectLiteralExpression(holder)) return undefined;
  const call = holder.parent;
  if (!call || !ts.isCallExpression(call) || call.arguments[0] !== holder || !importedFromCredentials(call.expression, sf)) return undefined;
  return parameterSource(facts.dependencies?.has("nuxt") ? "h3Event" : "nextAppRequest", fn, param as ts.ParameterDeclaration & { name: ts.Identifier }, "structured", "Credentials");
}

/** `CredentialsProvider`, `Credentials` or `CredentialsProvider.default`, imported (default or named) from a credentials provider module. */
function importedFromCredentials(callee: ts.Expression, sf: ts.SourceFile): boolean {
  let root = callee;
  if (ts.isPropertyAccessExpression(root) && root.name.text === "default") root = root.expression;
  if (!ts.isIdentifier(root)) return false;
  const local = root.text;
  return sf.statements.some((st) => {
    if (!ts.isImportDeclaration(st) || !ts.isStringLiteral(st.moduleSpecifier) || !CREDENTIALS_MODULE_RE.test(st.moduleSpecifier.text)) return false;
    const clause = st.importClause;
    if (clause?.name?.text === local) return true;
    const nb = clause?.namedBindings;
    return !!nb && ts.isNamedImports(nb) && nb.elements.some((el) => el.name.text === local);
  });
}
