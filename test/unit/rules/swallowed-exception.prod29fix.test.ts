import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester } from "../../helpers/rule-tester";

// Fixes (session 29; production capgo, 11 rejected fixes: `src/modules/auth.ts:62`,
// `src/services/photos.ts:117`), hand-written rows. "Throw the error after logging it" on a
// branch without braces wrote `{ console.error("…", e) throw e }` in a style without semicolons:
// two statements on one line, a syntax error the engine's check rejected. A branch on its own line,
// or in a style without semicolons, now becomes a block of lines; on the `if`'s line in a style
// with semicolons it stays one line (a statement ASI ended gets its `;`). The same held for a log line
// put into a one-line catch block (`catch { return undefined }` → `catch (err) { console.error(…)
// return undefined }`, production capgo `cli/test/test-appflow-fetch.mjs:17`): it now ends in `;`.
const named = new Set(["resultErrorLogOnly", "catchReturnsDefault"]);
const narrowed = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => named.has(id))) } as typeof swallowedException;

const NO_SEMI = dedent`
  export async function saveEmail(id: string, email: string) {
    const { error: updateError } = await supabase
      .from('users')
      .update({ email })
      .eq('id', id)
    if (updateError)
      console.error('update error', updateError)
    return email
  }
`;

const SAME_LINE = dedent`
  export async function saveEmail(id: string, email: string) {
    const { error } = await supabase.from("users").update({ email }).eq("id", id);
    if (error) console.error("update error", error)
    return email;
  }
`;

const ONE_LINE = dedent`
  import { db } from './db'

  export const limit = 10
  export const label = 'users'

  export async function nameOf(id: string) {
    try { return (await db.users.find(id)).name } catch { return undefined }
  }
`;

new RuleTester().run(narrowed, {
  valid: [],
  invalid: [
    {
      name: "a branch without braces on its own line, no semicolons: a block of lines",
      code: NO_SEMI,
      findings: [{ case: "resultErrorLogOnly", line: 2, column: 34, endLine: 6, endColumn: 19, suggestions: [
        { title: "Throw the error after logging it", output: NO_SEMI.replace("  if (updateError)\n    console.error('update error', updateError)\n", "  if (updateError) {\n    console.error('update error', updateError)\n    throw updateError\n  }\n") },
      ] }],
      output: null,
    },
    {
      name: "a branch on the if's line whose statement ASI ends: one line with its ';'",
      code: SAME_LINE,
      findings: [{ case: "resultErrorLogOnly", line: 2, column: 21, endLine: 3, endColumn: 13, suggestions: [
        { title: "Throw the error after logging it", output: SAME_LINE.replace('if (error) console.error("update error", error)', 'if (error) { console.error("update error", error); throw error; }') },
      ] }],
      output: null,
    },
    {
      name: "a log line put into a one-line catch block in a style without semicolons ends in ';'",
      code: ONE_LINE,
      findings: [{ case: "catchReturnsDefault", line: 7, column: 49, endLine: 7, endColumn: 54, suggestions: [
        { title: "Log the error with console", output: ONE_LINE.replace("catch { return undefined }", "catch (err) { console.error('db.users.find failed in nameOf', { id }, err); return undefined }") },
        { title: "Mark as intentionally ignored…", output: ONE_LINE.replace("catch { return undefined }", "catch { /* Intentionally ignored: <reason> */ return undefined }") },
      ] }],
      output: null,
    },
  ],
});
