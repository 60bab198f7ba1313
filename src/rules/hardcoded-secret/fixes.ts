/**
 * The fixes of every case. Only "Remove the secret from the comment" is safe: a comment has no
 * run-time effect. Moving a literal to an environment read, or removing an insecure fallback,
 * changes what the program does when the variable is unset, so both are suggestions, as is
 * "Mark as not a secret…". Built only when a surface asks for fixes; no fix text carries a
 * secret (two secrets in one string move together).
 */
import * as path from "node:path";
import { ts } from "../../engine/ts";
import { ignoreLineEdit } from "../../engine/suppress";
import type { Fix, RuleContext, TextEdit } from "../../engine/types";
import { detectStyle, type FileStyle } from "../../fixes/text";
import type { Detection } from "./context";
import { type EnvAccess, envAccessFor, type EnvExample, envExampleOf, failFast, propertyAccess, requiredEnvRead } from "./env-fix";
import { toEnvName } from "./names";

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

/** The framework's convention for values that are public by design, from the project's dependencies. */
function publicEnvConvention(ctx: RuleContext<HardcodedSecretOptions>): PublicEnv | undefined {
  const deps = ctx.profile.dependencies;
  if (deps.has("next")) return { prefix: "NEXT_PUBLIC_", access: "process.env" };
  if (deps.has("vite")) return { prefix: "VITE_", access: "import.meta.env" };
  if (deps.has("react-scripts")) return { prefix: "REACT_APP_", access: "process.env" };
  return undefined;
}

/** Picks the env var name for a value: the same name for the same value, never one name for two values. */
export type EnvNameClaim = (name: string, value: string) => string;

/** What every fix of one file shares, computed once per file when the first fix is built. */
export interface FileFixContext {
  style: FileStyle;
  claim: EnvNameClaim;
  example: EnvExample | undefined;
}

/** Entry-file names: the folder's name says what the file is for. */
const ENTRY_STEMS = /^(?:index|main|mod|route|page|handler)$/i;
/** Folder and file names that say nothing about what a secret is for. */
const GENERIC_STEMS = /^(?:src|source|lib|app|server|api|functions|utils?|helpers?|common|shared|core|dist|build|scripts?|[a-z]?)$/i;

/** `src/billing/stripe.ts` → `STRIPE`, `src/payouts/index.ts` → `PAYOUTS`, `src/index.ts` → ``: a qualifier for a name another secret holds. */
export function fileQualifier(file: string): string {
  const p = file.includes("\\") && !file.includes("/") ? path.win32 : path.posix;
  let stem = p.basename(file).replace(/\.[^.]*$/, "").replace(/\.(?:server|client|service|controller|config|module)$/i, "");
  if (ENTRY_STEMS.test(stem)) stem = p.basename(p.dirname(file));
  return GENERIC_STEMS.test(stem) ? "" : toEnvName(stem);
}

/** True when `text` reads `name` from the environment other than through a moved literal's fail-fast read. */
function readsName(text: string, name: string): boolean {
  for (const probe of [`env.${name}`, `env["${name}"]`, `env['${name}']`, `get("${name}")`, `get('${name}')`]) {
    for (let at = text.indexOf(probe); at !== -1; at = text.indexOf(probe, at + probe.length)) {
      const next = text.charCodeAt(at + probe.length);
      const wordChar = (next >= 48 && next <= 57) || (next >= 65 && next <= 90) || (next >= 97 && next <= 122) || next === 95;
      if (!wordChar && !text.startsWith(" ?? (() => { throw", at + probe.length)) return true;
    }
  }
  return false;
}

/**
 * Returns a per-file claim function: two different secrets never end up reading one variable,
 * which would silently change behaviour. A name is taken when another value in this file claimed
 * it; when an earlier move already wrote its fail-fast read (`env.NAME ?? (() => { throw`): that
 * value is gone from the text, so it may differ; and when the env example lists it for another
 * purpose, that is, this file does not read it (a move in another file listed it, or the
 * project uses it elsewhere). A plain existing read here (`jwt.verify(t, process.env.JWT_SECRET!)`)
 * does not take the name: the literal most likely is that secret. A taken name is qualified by
 * the file (`PAYOUTS_STRIPE_SECRET_KEY`), then numbered.
 */
export function envNameClaims(text: string, file: string, listed: (name: string) => boolean): EnvNameClaim {
  const byName = new Map<string, string>();
  const moved = (name: string) => text.includes(`.${name} ?? (() => { throw`) || text.includes(`("${name}") ?? (() => { throw`) || text.includes(`('${name}') ?? (() => { throw`);
  const qualifier = fileQualifier(file);
  return (name, value) => {
    const base = qualifier === "" || qualifier === "SECRET" || name.startsWith(`${qualifier}_`) ? name : `${qualifier}_${name}`;
    for (let n = 0; n < 100; n++) {
      const candidate = n === 0 ? name : n === 1 ? base : `${base}_${n}`;
      const owner = byName.get(candidate);
      if (owner === value) return candidate;
      if (owner === undefined && !moved(candidate) && !(listed(candidate) && !readsName(text, candidate))) {
        byName.set(candidate, value);
        return candidate;
      }
    }
    return name;
  };
}

/** The per-file fix context (style, name claims, env example). */
export function fileFixContext(ctx: RuleContext<HardcodedSecretOptions>): FileFixContext {
  const example = envExampleOf(ctx.project, ctx.profile, ctx.profile.runtime !== "workers");
  return { style: detectStyle(ctx.text), claim: envNameClaims(ctx.text, ctx.path, (n) => example?.lists(n) ?? false), example };
}

export function buildFixes(ctx: RuleContext<HardcodedSecretOptions>, d: Detection, node: ts.Node | undefined, start: number, browserCode: boolean, file: FileFixContext): Fix[] {
  const style = file.style;
  const fixes: Fix[] = [];
  if (d.caseId === "envFallbackLiteral" && node) {
    const prodOnly = productionOnlyFix(ctx, d, node, style);
    // A deliberate dev default (a warning when unset, NODE_ENV next to it, "dev" in its name or
    // value): the production-only requirement is what the author meant, and the only fix. A plain
    // removal would leave the warning dead and break local and test runs (review R1).
    const deliberate = prodOnly !== undefined && d.deliberate === true;
    const fix = deliberate ? undefined : fallbackFix(ctx, d, node, style);
    for (const f of [fix, prodOnly]) if (f) fixes.push(f);
  } else if (d.caseId !== "secretInComment" && d.movable && node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && !ctx.sourceFile.isDeclarationFile) {
    const fix = moveFix(ctx, d, node, browserCode, file);
    if (fix) fixes.push(fix);
  }
  if (d.caseId === "secretInComment") {
    // Comments have no run-time effect: taking the secret out of one is always safe (it still needs rotating).
    fixes.push({ title: "Remove the secret from the comment", kind: "safe", isPreferred: true, edits: [{ start, end: start + d.value.length, text: "<redacted>" }] });
    // A directive line cannot go inside a block comment; offer it only where the comment is on the finding's line.
    const lineStart = ctx.text.lastIndexOf("\n", start - 1) + 1;
    const before = ctx.text.slice(lineStart, start);
    if (!before.includes("//") && !before.includes("/*")) return fixes;
  }
  // A value on a later line of a multi-line template (SQL text): a directive line there would be part of the string.
  if (node && (ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node)) && ctx.text.lastIndexOf("\n", start - 1) >= node.getStart(ctx.sourceFile)) return fixes;
  const mark = ignoreLineEdit(ctx.text, start, `hardcoded-secret/${d.caseId}`, style.eol, ctx.sourceFile);
  if (mark.text !== "") fixes.push({ title: "Mark as not a secret…", kind: "suggestion", edits: [mark] });
  return fixes;
}

/** Text that sits verbatim inside a template literal. */
function templateText(s: string): string {
  return s.replace(/\\/g, "\\\\").replace(/`/g, "\\`").replace(/\$\{/g, "\\${").replace(/\n/g, "\\n").replace(/\r/g, "\\r");
}

/** `"…" as const` and `<const>"…"`: a literal that cannot stay `const`-asserted once it is an expression. */
function constAsserted(node: ts.Node, sf: ts.SourceFile): ts.Node | undefined {
  const p = node.parent;
  if ((ts.isAsExpression(p) || ts.isTypeAssertionExpression(p)) && p.type.getText(sf) === "const") return p;
  return undefined;
}

/** The read for this literal: the runtime's, or the framework's public build-time variable in browser code. */
function accessFor(ctx: RuleContext<HardcodedSecretOptions>, d: Detection, node: ts.Node, browserCode: boolean, style: FileStyle): { access: EnvAccess; prefix: string } | undefined {
  if (browserCode) {
    // Browser code has no server environment: only keys that are public by design move, to the build-time variable.
    const conv = d.publicByDesign ? publicEnvConvention(ctx) : undefined;
    return conv ? { access: propertyAccess(conv.access), prefix: conv.prefix } : undefined;
  }
  const access = envAccessFor(ctx.profile.runtimeOf(ctx.path, ctx.text), ctx.text, node, ctx.sourceFile, style);
  return access ? { access, prefix: "" } : undefined;
}

function moveFix(ctx: RuleContext<HardcodedSecretOptions>, d: Detection, node: ts.StringLiteral | ts.NoSubstitutionTemplateLiteral, browserCode: boolean, file: FileFixContext): Fix | undefined {
  const style = file.style;
  const how = accessFor(ctx, d, node, browserCode, style);
  if (!how) return undefined;
  const { access, prefix } = how;
  // Every secret of the literal moves at once, so no fix text keeps one of them.
  const parts = d.parts ?? [{ index: d.keepPrefix.length, value: d.value, envName: d.envName }];
  const names = parts.map((p) => file.claim(p.envName.startsWith(prefix) ? p.envName : prefix + p.envName, p.value));
  const reads = names.map((n) => requiredEnvRead(access, n, style));
  const target = constAsserted(node, ctx.sourceFile) ?? node;
  const parent = target.parent;
  const s = node.text;
  let text: string;
  if (parts.length > 1 || d.keepPrefix || d.keepSuffix) {
    let out = "`";
    let at = 0;
    parts.forEach((p, i) => {
      out += `${templateText(s.slice(at, p.index))}\${${reads[i]}}`;
      at = p.index + p.value.length;
    });
    text = `${out}${templateText(s.slice(at))}\``;
  } else if (ts.isJsxAttribute(parent)) text = `{${reads[0]}}`;
  else if (BARE_EXPRESSION_PARENTS.has(parent.kind) || (ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken && parent.right === target)) text = reads[0]!;
  else text = `(${reads[0]})`;
  const edits: TextEdit[] = [{ start: target.getStart(ctx.sourceFile), end: target.getEnd(), text }];
  let notes = "";
  const unique = [...new Set(names)];
  const extra = access.extra?.(unique);
  if (extra) {
    edits.push(...extra.edits);
    notes += extra.note;
  }
  if (access.listInExample && file.example) {
    const listed = file.example.edit(unique);
    edits.push(...listed.edits);
    notes += listed.note;
  }
  const shown = unique.map((n) => access.shown(n));
  const title = shown.length === 1 ? `Move secret to ${shown[0]}${notes}` : `Move secrets to ${shown.slice(0, -1).join(", ")} and ${shown[shown.length - 1]}${notes}`;
  return { title, kind: "suggestion", edits };
}

/**
 * `process.env.X || "dev-default"` → `process.env.X || (process.env.NODE_ENV === "production" ? fail : "dev-default")`:
 * production stops at startup, development and tests keep running on the readable default (a
 * deliberate dev default, often with a warning next to it). Offered only for a readable default
 * in code that reads `process.env`, never for a secret-shaped or random-looking value.
 */
function productionOnlyFix(ctx: RuleContext<HardcodedSecretOptions>, d: Detection, node: ts.Node, style: FileStyle): Fix | undefined {
  if (!d.devDefault || d.fallback?.kind !== "binary") return undefined;
  const b = node.parent;
  if (!ts.isBinaryExpression(b) || b.right !== node || !b.left.getText(ctx.sourceFile).startsWith("process.env")) return undefined;
  const q = style.quote;
  const start = node.getStart(ctx.sourceFile);
  // Two insertions around the literal: no fix text copies it (redact.ts), so the fix travels in JSON and SARIF.
  return {
    title: `Require ${d.name} in production, keep the default elsewhere`,
    kind: "suggestion",
    edits: [
      { start, end: start, text: `(process.env.NODE_ENV === ${q}production${q} ? ${failFast(d.name, style)} : ` },
      { start: node.getEnd(), end: node.getEnd(), text: ")" },
    ],
  };
}

function fallbackFix(ctx: RuleContext<HardcodedSecretOptions>, d: Detection, node: ts.Node, style: FileStyle): Fix | undefined {
  const shape = d.fallback;
  const sf = ctx.sourceFile;
  if (!shape) return undefined;
  // Failing where the program used to run on a default changes behaviour: a suggestion.
  const title = "Remove the insecure fallback";
  if (shape.kind === "binary") {
    return { title, kind: "suggestion", edits: [{ start: node.getStart(sf), end: node.getEnd(), text: failFast(d.name, style) }] };
  }
  // `const DEFAULT_JWT_SECRET = "…"` behind `env.JWT_SECRET || DEFAULT_JWT_SECRET`: each read of the constant as the fallback fails fast instead.
  if (shape.kind === "constant") {
    return { title, kind: "suggestion", edits: shape.uses.map((u) => ({ start: u.getStart(sf), end: u.getEnd(), text: failFast(d.name, style) })) };
  }
  if (shape.kind === "configGet") {
    const callee = shape.call.expression;
    const first = shape.call.arguments[0];
    if (!ts.isPropertyAccessExpression(callee) || !first || callee.name.text !== "get") return undefined;
    return {
      title,
      kind: "suggestion",
      edits: [
        { start: callee.name.getStart(sf), end: callee.name.getEnd(), text: "getOrThrow" },
        { start: first.getEnd(), end: node.getEnd(), text: "" },
      ],
    };
  }
  if (shape.kind === "schemaDefault") {
    const callee = shape.call.expression;
    if (!ts.isPropertyAccessExpression(callee)) return undefined;
    return { title, kind: "suggestion", edits: [{ start: callee.expression.getEnd(), end: shape.call.getEnd(), text: "" }] };
  }
  return undefined;
}
