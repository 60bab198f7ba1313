import { ts } from "../../engine/ts";
import { libraryOf } from "./libraries";

/**
 * A `fetch` that is not the platform's: OpenPanel's chart engine imports `fetch` from `./fetch`, a
 * stage that runs ClickHouse queries (`export async function fetch(plan: Plan)`). A name the file
 * declares at its top level (`function fetch(…)`, `const fetch = (…) => …`) is shadowed the same way.
 * A module that declares its own `fetch` can reach the network only under another name: through
 * `globalThis.fetch` (or `window.`, `self.`, `global.`), or a package it imports or requires
 * (node-fetch, undici, cross-fetch, axios…); one that does is a wrapper, still judged as a fetch.
 */

// A declaration of `fetch` exported by the module (one line each: linear on any text).
const DECLARES_RE = /^[ \t]*export[ \t]+(?:(?:async[ \t]+)?function\*?[ \t]*fetch\b|(?:const|let|var)[ \t]+fetch\b)/m;
const PLATFORM_RE = /\b(?:globalThis|global|window|self)\s*\.\s*fetch\b|\bfetch\s*\.\s*(?:call|apply|bind)\b/;
const SPECIFIER_RE = /\b(?:from|import|require)\s*\(?\s*["']([^"'\n]+)["']/g;
// Fetch packages outside the table, and clients built on fetch.
const FETCH_PACKAGE_RE = /^(?:cross-fetch|isomorphic-fetch|isomorphic-unfetch|unfetch|whatwg-fetch|node-fetch-native|@whatwg-node\/fetch|make-fetch-happen|ofetch|ky|wretch|redaxios|minipass-fetch)(?:\/|$)/;

/** True when the project module's text declares its own `fetch` and reaches no HTTP fetch under another name. */
export function ownFetchModule(text: string): boolean {
  if (!DECLARES_RE.test(text) || PLATFORM_RE.test(text)) return false;
  for (const m of text.matchAll(SPECIFIER_RE)) {
    const spec = m[1]!;
    if (libraryOf(spec) !== undefined || FETCH_PACKAGE_RE.test(spec)) return false;
  }
  return true;
}

/** True when the file declares `fetch` at its top level as a function of its own. */
export function declaresOwnFetch(sf: ts.SourceFile): boolean {
  for (const st of sf.statements) {
    if (ts.isFunctionDeclaration(st) && st.name?.text === "fetch" && st.body) return true;
    if (!ts.isVariableStatement(st)) continue;
    for (const d of st.declarationList.declarations) {
      if (ts.isIdentifier(d.name) && d.name.text === "fetch" && d.initializer && (ts.isArrowFunction(d.initializer) || ts.isFunctionExpression(d.initializer))) return true;
    }
  }
  return false;
}
