/**
 * A Medusa subscriber (held round 45, bioteem's `order.placed` confirmation e-mail, clean,
 * debatable): a module under the project whose default export is the handler and whose `config`
 * names the event it listens to. Medusa's event bus calls it after the event, with nobody waiting on
 * its answer, so a catch that logs and ends it is an event callback's by the docs, as for a Firestore
 * trigger (firebase-trigger.ts).
 *
 *   export default async function orderPlacedHandler({ event: { data }, container }: SubscriberArgs<any>) { try { … } catch (e) { log(e); } }
 *   export const config: SubscriberConfig = { event: "order.placed" };
 *
 * The file must import from `@medusajs/…`; a module's other functions are judged as usual.
 */
import { ts } from "../../engine/ts";
import { importBindings } from "../../engine/ast";
import { TreeMemo } from "../../engine/tree-memo";

const MEDUSA_SPEC_RE = /^@medusajs\//;
const subscriberHandlers = new TreeMemo<ts.SourceFile, ts.Node | null>();

function hasModifier(n: ts.Node, kind: ts.SyntaxKind): boolean {
  return ts.canHaveModifiers(n) && (ts.getModifiers(n)?.some((m) => m.kind === kind) ?? false);
}

/** `export const config: SubscriberConfig = { … }`, or `export const config = { event: "order.placed" }`. */
function exportsSubscriberConfig(sf: ts.SourceFile): boolean {
  return sf.statements.some((st) => ts.isVariableStatement(st) && hasModifier(st, ts.SyntaxKind.ExportKeyword) && st.declarationList.declarations.some((d) => {
    if (!ts.isIdentifier(d.name) || d.name.text !== "config") return false;
    if (d.type && /\bSubscriberConfig\b/.test(d.type.getText(sf))) return true;
    const init = d.initializer;
    return !!init && ts.isObjectLiteralExpression(init) && init.properties.some((p) => ts.isPropertyAssignment(p) && p.name.getText(sf) === "event");
  }));
}

/** The module's default-exported function: `export default async function h(…) {…}`, `export default async (…) => {…}`, or `export default h` over a top-level `function h` / `const h = async (…) => …`. */
function defaultExportedFunction(sf: ts.SourceFile): ts.Node | null {
  for (const st of sf.statements) {
    if (ts.isFunctionDeclaration(st) && hasModifier(st, ts.SyntaxKind.ExportKeyword) && hasModifier(st, ts.SyntaxKind.DefaultKeyword)) return st;
    if (!ts.isExportAssignment(st) || st.isExportEquals) continue;
    const e = st.expression;
    if (ts.isArrowFunction(e) || ts.isFunctionExpression(e)) return e;
    if (!ts.isIdentifier(e)) return null;
    for (const s of sf.statements) {
      if (ts.isFunctionDeclaration(s) && s.name?.text === e.text) return s;
      if (!ts.isVariableStatement(s)) continue;
      for (const d of s.declarationList.declarations) {
        if (ts.isIdentifier(d.name) && d.name.text === e.text && d.initializer && (ts.isArrowFunction(d.initializer) || ts.isFunctionExpression(d.initializer))) return d.initializer;
      }
    }
    return null;
  }
  return null;
}

/** The handler of the file's Medusa subscriber, read once per file, or null. */
function subscriberHandler(sf: ts.SourceFile): ts.Node | null {
  let h = subscriberHandlers.get(sf);
  if (h === undefined) {
    const medusa = [...importBindings(sf).values()].some((b) => MEDUSA_SPEC_RE.test(b.spec));
    h = medusa && exportsSubscriberConfig(sf) ? defaultExportedFunction(sf) : null;
    subscriberHandlers.set(sf, h);
  }
  return h;
}

/** `fn` is the handler a Medusa subscriber module exports by default. */
export function isMedusaSubscriber(fn: ts.Node): boolean {
  return subscriberHandler(fn.getSourceFile()) === fn;
}
