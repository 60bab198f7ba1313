import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester } from "../../helpers/rule-tester";

// Classes from session 28, developer se28 (the retired held round 30's supabase-only try, narrowed
// by the tune part's decided labels; hand-written analogues, no fetched code).
// This table declares only the cases its invalid rows name.
const named = new Set(["logAndContinue"]);
const narrowed = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => named.has(id))) } as typeof swallowedException;

// A chat function's lookup of its bot, `call` awaited in a try whose catch only logs; the bot then
// answers with default settings.
const lookup = (call: string): string => dedent`
  import { createClient } from "@supabase/supabase-js";
  export async function settingsOf(id: string) {
    const supabase = createClient(URL, KEY);
    let settings = DEFAULTS;
    try {
      const { data, error } = await ${call};
      if (error) {
        console.error("lookup failed:", error);
      } else {
        settings = data.settings;
      }
    } catch (err) {
      console.error("lookup crashed:", err);
    }
    return settings;
  }
`;

const select = lookup('supabase.from("chatbots").select("*").eq("id", id).single()');
const auth = lookup('supabase.auth.admin.getUserById(id)');

new RuleTester().run(narrowed, {
  valid: [
    { name: "the same try around an RPC whose error it reads: judged at the call (resultErrorLogOnly), the catch never runs", code: lookup('supabase.rpc("bot_settings", { id })') },
    { name: "the same try around a function call whose error it reads", code: lookup('supabase.functions.invoke("bot-settings", { body: { id } })') },
    { name: "the same try around an insert whose error it reads", code: lookup('supabase.from("lookups").insert({ id }).select().single()') },
  ],
  invalid: [
    { name: "a log-only catch whose try holds only a select whose error it reads: no case judges a read's error at the call, so the catch stays judged (tune labels, decided)", code: select, findings: [{ case: "logAndContinue", line: 12, column: 5, endColumn: 16, suggestions: [
      { title: "Rethrow the error", output: select.replace('"lookup crashed:", err);\n', '"lookup crashed:", err);\n    throw err;\n') },
      { title: "Mark as intentionally ignored…", output: select.replace("} catch (err) {\n", "} catch (err) {\n    // Intentionally ignored: <reason>\n") },
    ] }], output: null },
    { name: "the same around an auth call (auth calls are outside the result cases)", code: auth, findings: [{ case: "logAndContinue", line: 12, column: 5, endColumn: 16, suggestions: [
      { title: "Rethrow the error", output: auth.replace('"lookup crashed:", err);\n', '"lookup crashed:", err);\n    throw err;\n') },
      { title: "Mark as intentionally ignored…", output: auth.replace("} catch (err) {\n", "} catch (err) {\n    // Intentionally ignored: <reason>\n") },
    ] }], output: null },
  ],
});
