import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester } from "../../helpers/rule-tester";

// A supabase-js error tested only by an `if` that does nothing with it (session 23, issue 11; the
// misses of the retired held round 22; hand-written analogues, no fetched code): an empty branch,
// and a capped retry whose last error is kept in a local tested the same way. This table declares
// only the case its invalid rows name.
const named = new Set(["resultErrorIgnored"]);
const narrowed = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => named.has(id))) } as typeof swallowedException;

new RuleTester().run(narrowed, {
  valid: [
    { name: "a capped retry whose last error is kept and answered 500", code: dedent`
        import { createClient } from "@supabase/supabase-js";
        const supabase = createClient(URL, KEY);
        export async function promote(id: string) {
          let done = false;
          let lastError = null;
          for (let attempt = 1; attempt <= 3; attempt++) {
            const { error } = await supabase.from("profiles").update({ role: "pro" }).eq("id", id);
            if (error) {
              lastError = error;
              await new Promise((r) => setTimeout(r, attempt * 500));
            } else {
              done = true;
              break;
            }
          }
          if (!done) return new Response(JSON.stringify({ error: lastError?.message }), { status: 500 });
          return new Response("ok");
        }
      ` },
    { name: "an error tested by a branch that answers the failure", code: dedent`
        import { createClient } from "@supabase/supabase-js";
        const supabase = createClient(URL, KEY);
        export async function promote(id: string) {
          const { error } = await supabase.from("profiles").update({ role: "pro" }).eq("id", id);
          if (error) {
            return new Response("failed", { status: 500 });
          }
          return new Response("ok");
        }
      ` },
  ],
  invalid: [
    {
      name: "an error tested only by an empty if/else",
      code: dedent`
        import { createClient } from "@supabase/supabase-js";
        const supabase = createClient(URL, KEY);
        export async function promote(id: string) {
          const { error: fixError } = await supabase.from("profiles").update({ role: "pro" }).eq("id", id);
          if (fixError) {
          } else {
          }
          return new Response("ok");
        }
      `,
      findings: [
        { case: "resultErrorIgnored", line: 4, column: 31, endLine: 4, endColumn: 99, suggestions: [
          { title: "Throw the error", output: dedent`
            import { createClient } from "@supabase/supabase-js";
            const supabase = createClient(URL, KEY);
            export async function promote(id: string) {
              const { error: fixError } = await supabase.from("profiles").update({ role: "pro" }).eq("id", id);
              if (fixError) throw fixError;
              if (fixError) {
              } else {
              }
              return new Response("ok");
            }
          ` },
        ] },
      ],
      output: dedent`
        import { createClient } from "@supabase/supabase-js";
        const supabase = createClient(URL, KEY);
        export async function promote(id: string) {
          const { error: fixError } = await supabase.from("profiles").update({ role: "pro" }).eq("id", id);
          if (fixError) console.error("update on profiles failed", fixError);
          if (fixError) {
          } else {
          }
          return new Response("ok");
        }
      `,
    },
    {
      name: "a capped retry whose last error is kept in a local tested by an empty branch",
      code: dedent`
        import { createClient } from "@supabase/supabase-js";
        const supabase = createClient(URL, KEY);
        export async function promote(id: string) {
          let lastError = null;
          for (let attempt = 1; attempt <= 3; attempt++) {
            const { error } = await supabase.from("profiles").update({ role: "pro" }).eq("id", id);
            if (error) {
              lastError = error;
              await new Promise((r) => setTimeout(r, attempt * 500));
            } else {
              lastError = null;
              break;
            }
          }
          if (lastError) {
          }
          return new Response("ok");
        }
      `,
      findings: [
        { case: "resultErrorIgnored", line: 6, column: 23, endLine: 6, endColumn: 91, suggestions: [
          { title: "Throw the error", output: dedent`
            import { createClient } from "@supabase/supabase-js";
            const supabase = createClient(URL, KEY);
            export async function promote(id: string) {
              let lastError = null;
              for (let attempt = 1; attempt <= 3; attempt++) {
                const { error } = await supabase.from("profiles").update({ role: "pro" }).eq("id", id);
                if (error) throw error;
                if (error) {
                  lastError = error;
                  await new Promise((r) => setTimeout(r, attempt * 500));
                } else {
                  lastError = null;
                  break;
                }
              }
              if (lastError) {
              }
              return new Response("ok");
            }
          ` },
        ] },
      ],
      output: dedent`
        import { createClient } from "@supabase/supabase-js";
        const supabase = createClient(URL, KEY);
        export async function promote(id: string) {
          let lastError = null;
          for (let attempt = 1; attempt <= 3; attempt++) {
            const { error } = await supabase.from("profiles").update({ role: "pro" }).eq("id", id);
            if (error) console.error("update on profiles failed", error);
            if (error) {
              lastError = error;
              await new Promise((r) => setTimeout(r, attempt * 500));
            } else {
              lastError = null;
              break;
            }
          }
          if (lastError) {
          }
          return new Response("ok");
        }
      `,
    },
  ],
});
