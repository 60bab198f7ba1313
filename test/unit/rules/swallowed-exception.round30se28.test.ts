import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester } from "../../helpers/rule-tester";

// Classes from session 28, developer se28 (the retired held round 30's supabase-only try, narrowed
// by the tune part's decided labels; an interactive prompt loop's printed failure, the docs' status
// screen; a log line that says the failure is expected; a logger a function named logger hands back;
// hand-written analogues, no fetched code).
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

// An interactive tester: \`send\` posts what the person typed, then \`next\` runs.
const tester = (next: string): string => dedent`
  import readline from "readline";
  import axios from "axios";
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
  async function send(text: string) {
    try {
      await axios.post(URL, { text });
    } catch (error) {
      console.error("Error sending message:", error);
    }
  }
  function promptUser() {
    rl.question("Message: ", async (text) => {
      await send(text);
      ${next}
    });
  }
  promptUser();
`;

// A smoke test's tool call whose catch prints \`message\`, then the next check runs.
const smoke = (message: string): string => dedent`
  export async function checkTools(client: Client) {
    try {
      const result = await client.callTool({ name: "list_rows", arguments: {} });
      console.log("Tool call successful!", result);
    } catch (toolError) {
      console.log("${message}", toolError.message);
    }
    await checkResources(client);
  }
`;

// A cache invalidation whose catch logs through the module's logger factory.
const factoryLog = dedent`
  import { logger } from "../utils/logger";
  export async function invalidateThread(redis: Redis, key: string) {
    try {
      await redis.del(key);
    } catch (error) {
      logger().error("Error invalidating thread context cache:", error);
    }
  }
`;

const select = lookup('supabase.from("chatbots").select("*").eq("id", id).single()');
const auth = lookup('supabase.auth.admin.getUserById(id)');
const once = tester("rl.close();");
const unexpected = smoke("Tool call failed, expected JSON:");
const factoryRethrow = factoryLog.replace('cache:", error);\n', 'cache:", error);\n    throw error;\n');

new RuleTester().run(narrowed, {
  valid: [
    { name: "the same try around an RPC whose error it reads: judged at the call (resultErrorLogOnly), the catch never runs", code: lookup('supabase.rpc("bot_settings", { id })') },
    { name: "the same try around a function call whose error it reads", code: lookup('supabase.functions.invoke("bot-settings", { body: { id } })') },
    { name: "the same try around an insert whose error it reads", code: lookup('supabase.from("lookups").insert({ id }).select().single()') },
    { name: "an interactive loop's step whose every call is followed by a new prompt: the printed failure is the loop's answer (docs' rl.question status screen)", code: tester("promptUser();") },
    { name: "a catch in an rl.question callback that shows the menu again after it (through a timer)", code: 'rl.question("Arguments (JSON): ", (raw) => {\n  try {\n    run(JSON.parse(raw));\n  } catch (e) {\n    console.error("Invalid JSON:", e);\n  }\n  setTimeout(() => showMenu(), 2000);\n});\nfunction showMenu() {\n  rl.question("Select: ", pick);\n}' },
    { name: "a log line that says the failure is expected ('expected if no data'): a tolerated failure, as 'non-fatal' says", code: smoke("Tool call failed (expected if no data):") },
    { name: "the same where the line says 'this is expected'", code: smoke("No rows yet, this is expected:") },
    { name: "neighbour: the same catch that rethrows after logging through logger()", code: factoryRethrow },
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
    { name: "neighbour: the same step where the tool then ends (no prompt after it)", code: once, findings: [{ case: "logAndContinue", line: 7, column: 5, endColumn: 18, suggestions: [
      { title: "Rethrow the error", output: once.replace('message:", error);\n', 'message:", error);\n    throw error;\n') },
      { title: "Mark as intentionally ignored…", output: once.replace("} catch (error) {\n", "} catch (error) {\n    // Intentionally ignored: <reason>\n") },
    ] }], output: null },
    { name: "neighbour: 'expected' naming what the call should have given says nothing of a tolerated failure", code: unexpected, findings: [{ case: "logAndContinue", line: 5, column: 5, endColumn: 22, suggestions: [
      { title: "Mark as intentionally ignored…", output: unexpected.replace("} catch (toolError) {\n", "} catch (toolError) {\n    // Intentionally ignored: <reason>\n") },
    ] }], output: null },
    { name: "a log through the logger a function named logger hands back (logger().error): the catch only logs", code: factoryLog, findings: [{ case: "logAndContinue", line: 5, column: 5, endColumn: 18, suggestions: [
      { title: "Rethrow the error", output: factoryRethrow },
      { title: "Mark as intentionally ignored…", output: factoryLog.replace("} catch (error) {\n", "} catch (error) {\n    // Intentionally ignored: <reason>\n") },
    ] }], output: null },
  ],
});
