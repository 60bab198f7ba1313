/**
 * The fixes of every case: "Move secret to `process.env.NAME`" (safe, preferred), "Remove the
 * insecure fallback" (safe, preferred), "Remove the secret from the comment" (safe, preferred)
 * and "Mark as not a secret…" (suggestion). Built only when a surface asks for fixes.
 */
import { ts } from "../../engine/ts";
import { ignoreLineEdit } from "../../engine/suppress";
import type { Fix, RuleContext, TextEdit } from "../../engine/types";
import { detectStyle, type FileStyle } from "../../fixes/text";
import type { Detection } from "./context";
import { envExampleEdit, failFast, packageDependencies, requiredEnvRead } from "./env-fix";

export interface HardcodedSecretOptions {
  /** Values, or `/regex/` strings, that are known not to be secrets. */
  allow: string[];
}

/** Parents under which `a ?? b` needs no parentheses. */
const BARE_EXPRESSION_PARENTS = new Set<ts.SyntaxKind>([
  ts.SyntaxKind.VariableDeclaration,
  ts.SyntaxKind.PropertyAssignment,
  ts.SyntaxKind.PropertyDeclaration,
  ts.SyntaxKind.Parameter,
  ts.SyntaxKind.BindingElement,
  ts.SyntaxKind.CallExpression,
  ts.SyntaxKind.NewExpression,
  ts.SyntaxKind.ArrayLiteralExpression,
  ts.SyntaxKind.ReturnStatement,
  ts.SyntaxKind.ExportAssignment,
  ts.SyntaxKind.JsxExpression,
  ts.SyntaxKind.TemplateSpan,
]);

interface PublicEnv {
  prefix: string;
  access: string;
}

/** The framework's convention for values that are public by design, from the nearest package.json. */
function publicEnvConvention(ctx: RuleContext<HardcodedSecretOptions>): PublicEnv | undefined {
  const deps = packageDependencies(ctx.project, ctx.path);
  if (deps.has("next")) return { prefix: "NEXT_PUBLIC_", access: "process.env" };
  if (deps.has("vite")) return { prefix: "VITE_", access: "import.meta.env" };
  if (deps.has("react-scripts")) return { prefix: "REACT_APP_", access: "process.env" };
  return undefined;
}

/** Picks the env var name for a value: the same name for the same value, never one name for two values. */
export type EnvNameClaim = (name: string, value: string) => string;

/**
 * Returns a per-file claim function: two different secrets never end up reading one variable,
 * which would silently change behaviour. A name is taken when another value in this file claimed
 * it, or when an earlier move already wrote its fail-fast read (`env.NAME ?? (() => { throw`):
 * that value is gone from the text, so it may differ. A plain existing read (`jwt.verify(t,
 * process.env.JWT_SECRET!)`) does not take the name: the literal most likely is that secret.
 */
export function envNameClaims(text: string): EnvNameClaim {
  const byName = new Map<string, string>();
  const moved = (name: string) => text.includes(`env.${name} ?? (() => { throw`);
  return (name, value) => {
    for (let n = 1; n < 100; n++) {
      const candidate = n === 1 ? name : `${name}_${n}`;
      const owner = byName.get(candidate);
      if (owner === value) return candidate;
      if (owner === undefined && !moved(candidate)) {
        byName.set(candidate, value);
        return candidate;
      }
    }
    return name;
  };
}

export function buildFixes(ctx: RuleContext<HardcodedSecretOptions>, d: Detection, node: ts.Node | undefined, start: number, browserCode: boolean, claim: EnvNameClaim): Fix[] {
  const style = detectStyle(ctx.text);
  const fixes: Fix[] = [];
  if (d.caseId === "envFallbackLiteral" && node) {
    const fix = fallbackFix(ctx, d, node, style);
    if (fix) fixes.push(fix);
  } else if (d.caseId !== "secretInComment" && d.movable && node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node))) {
    let access = "process.env";
    let envName = d.envName;
    let allowMove = !browserCode;
    if (browserCode && d.publicByDesign) {
      const conv = publicEnvConvention(ctx);
      if (conv) {
        access = conv.access;
        envName = envName.startsWith(conv.prefix) ? envName : conv.prefix + envName;
        allowMove = true;
      }
    }
    if (allowMove) fixes.push(moveFix(ctx, d, node, claim(envName, d.value), access, style));
  }
  if (d.caseId === "secretInComment") {
    // Comments have no run-time effect: taking the secret out of one is always safe (it still needs rotating).
    fixes.push({ title: "Remove the secret from the comment", kind: "safe", isPreferred: true, edits: [{ start, end: start + d.value.length, text: "<redacted>" }] });
    // A directive line cannot go inside a block comment; offer it only where the comment is on the finding's line.
    const lineStart = ctx.text.lastIndexOf("\n", start - 1) + 1;
    const before = ctx.text.slice(lineStart, start);
    if (!before.includes("//") && !before.includes("/*")) return fixes;
  }
  const mark = ignoreLineEdit(ctx.text, start, `hardcoded-secret/${d.caseId}`, style.eol);
  if (mark.text !== "") fixes.push({ title: "Mark as not a secret…", kind: "suggestion", edits: [mark] });
  return fixes;
}

/** Text that sits verbatim inside a template literal. */
function templateText(s: string): string {
  return s.replace(/\\/g, "\\\\").replace(/`/g, "\\`").replace(/\$\{/g, "\\${").replace(/\n/g, "\\n").replace(/\r/g, "\\r");
}

function moveFix(ctx: RuleContext<HardcodedSecretOptions>, d: Detection, node: ts.StringLiteral | ts.NoSubstitutionTemplateLiteral, envName: string, access: string, style: FileStyle): Fix {
  let target: ts.Node = node;
  let parent = node.parent;
  // `"…" as const` cannot stay `as const` once the literal is an expression: replace both.
  if (ts.isAsExpression(parent) && parent.type.getText(ctx.sourceFile) === "const") {
    target = parent;
    parent = parent.parent;
  }
  const read = requiredEnvRead(envName, style, access);
  let text: string;
  if (d.keepPrefix || d.keepSuffix) text = `\`${templateText(d.keepPrefix)}\${${read}}${templateText(d.keepSuffix)}\``;
  else if (ts.isJsxAttribute(parent)) text = `{${read}}`;
  else if (BARE_EXPRESSION_PARENTS.has(parent.kind) || (ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken && parent.right === target)) text = read;
  else text = `(${read})`;
  const edits: TextEdit[] = [{ start: target.getStart(ctx.sourceFile), end: target.getEnd(), text }];
  const example = envExampleEdit(ctx.project, ctx.path, envName);
  if (example) edits.push(example);
  return { title: `Move secret to \`${access}.${envName}\``, kind: "safe", isPreferred: true, edits };
}

function fallbackFix(ctx: RuleContext<HardcodedSecretOptions>, d: Detection, node: ts.Node, style: FileStyle): Fix | undefined {
  const shape = d.fallback;
  const sf = ctx.sourceFile;
  if (!shape) return undefined;
  const title = "Remove the insecure fallback";
  if (shape.kind === "binary") {
    return { title, kind: "safe", isPreferred: true, edits: [{ start: node.getStart(sf), end: node.getEnd(), text: failFast(d.name, style) }] };
  }
  if (shape.kind === "configGet") {
    const callee = shape.call.expression;
    const first = shape.call.arguments[0];
    if (!ts.isPropertyAccessExpression(callee) || !first || callee.name.text !== "get") return undefined;
    return {
      title,
      kind: "safe",
      isPreferred: true,
      edits: [
        { start: callee.name.getStart(sf), end: callee.name.getEnd(), text: "getOrThrow" },
        { start: first.getEnd(), end: node.getEnd(), text: "" },
      ],
    };
  }
  if (shape.kind === "schemaDefault") {
    const callee = shape.call.expression;
    if (!ts.isPropertyAccessExpression(callee)) return undefined;
    return { title, kind: "safe", isPreferred: true, edits: [{ start: callee.expression.getEnd(), end: shape.call.getEnd(), text: "" }] };
  }
  return undefined;
}
