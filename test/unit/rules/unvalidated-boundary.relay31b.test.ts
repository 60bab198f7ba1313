import { dedent, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";
import { mark, runWithNamedCases } from "./unvalidated-boundary.helpers";

// Session 31, developer ub31b: the lead's two rulings on fetchJson (held rounds 29 and 33 retired to tune).
// Hand-written rows.

// A joi project: no Zod fix is offered, only the directive.
const EXPRESS = { "package.json": "{ \"name\": \"app\", \"dependencies\": { \"express\": \"^4.0.0\", \"axios\": \"^1.0.0\", \"joi\": \"^17.0.0\" } }\n" };
const FILE = "src/routes/chat.ts";

// 1. A model's text read through plain links and only relayed in the answer (AahilAliCodes/marketing-chat-wizard
// generate-content:133 and chat-with-recommendations:222, decided clean in round 33 after round 29's relay
// decision): past the status test, or inside a `try` whose `catch` answers the failure, a reply without choices
// crashes into the answered failure; nothing of it goes on but the answer.
const RELAY = (test: string, use: string, failure: string) => dedent`
  router.post("/chat", async (req, res) => {
    try {
      const response = await fetch("https://api.openai.com/v1/chat/completions", { method: "POST", body: JSON.stringify({ prompt: "hi" }) });
      ${test}
      const data = await response.json();
      ${use}
    } catch (error) {
      ${failure}
    }
  });
`;
const OK = "if (!response.ok) throw new Error(\"OpenAI failed\");";
const ANSWER = "res.status(500).json({ error: \"failed\" });";
const TEXT = "const text = data.choices[0].message.content;\n  return res.json({ response: text });";

// 2. axios rejects a reply whose status is outside 2xx (`validateStatus`): past the `await` the status was tested
// (MicaelTech3/loja-vr-sul api/createPreference.js:59, decided clean in round 33: the preference's fields only
// relayed to the client).
const AXIOS = (config: string, read: string, use: string) => dedent`
  import axios from "axios";
  router.post("/preference", async (req, res) => {
    const resp = await axios.post("https://api.mercadopago.com/checkout/preferences", { items: [] }${config});
    const data = ${read};
    ${use}
  });
`;
const RELAY_FIELDS = "return res.status(200).json({ preferenceId: data.id, init_point: data.init_point });";

// 3. A test that decides whether a loop goes on stays a use past the status test (BNA-projects/todolist-bot
// src/bot/utils/transcribe.ts:52, a decided finding: an AssemblyAI poll over axios whose unexpected status loops for ever).
const POLL = (body: string) => dedent`
  import axios from "axios";
  export async function transcribe(id: string) {
    let text: string | null = null;
    while (true) {
      const pollingRes = await axios.get(\`https://api.assemblyai.com/v2/transcript/\${id}\`);
      ${body}
      await new Promise((r) => setTimeout(r, 3000));
    }
    return text;
  }
`;

/** A valid row: nothing reported. */
function ok(name: string, code: string): ValidCase {
  return { name, code, filename: FILE, files: EXPRESS };
}

const valid: ValidCase[] = [
  ok("fetchJson: ok-tested model text through plain links, only relayed", RELAY(OK, TEXT, "throw error;")),
  ok("fetchJson: untested model text through plain links in a try whose catch answers 500", RELAY("", TEXT, ANSWER)),
  ok("fetchJson: the same relayed inline in the answer's object", RELAY("", "return res.json({ response: data.choices[0].message.content });", "return res.status(500).json({ error: String(error) });")),
  ok("fetchJson: ok-tested model text relayed whole as the answer's body", RELAY(OK, "res.send(data.choices[0].message.content);", "throw error;")),
  ok("fetchJson: an axios reply's fields only relayed", AXIOS("", "resp.data || {}", RELAY_FIELDS)),
  ok("fetchJson: an axios reply's field read straight off the response and relayed", AXIOS("", "resp.data.init_point", "return res.json({ url: data });")),
  ok("fetchJson: ok-tested model text through a plain first element, behind the code's own fallback, relayed", RELAY(OK, "const text = data.choices[0]?.message?.content || \"Please try again\";\n  return res.json({ success: true, response: text });", ANSWER)),
  ok("fetchJson: an axios reply's success flag tested, nothing else read", AXIOS("", "resp.data", "if (!data.status) throw new Error(\"cancel failed\");\n  res.json({ message: \"cancelled\" });")),
  ok("fetchJson: an axios reply's status compared in a loop that ends anyway, its branch only throwing", POLL("if (pollingRes.data.status === \"error\") throw new Error(\"failed\");\n    text = \"done\";\n    break;")),
];

/** An invalid row: one finding of `caseId` at `line`, the directive its only suggestion (a joi project: no Zod fix). */
function row(name: string, code: string, line: number, column: number, endColumn: number): InvalidCase {
  return { name, code, filename: FILE, findings: [{ case: "fetchJson", line, column, endColumn, suggestions: [mark(code, "fetchJson", line)] }], files: EXPRESS, output: null };
}

const invalid: InvalidCase[] = [
  row("fetchJson: untested model text through plain links, the catch rethrowing", RELAY("", TEXT, "throw error;"), 5, 24, 39),
  row("fetchJson: ok-tested model text through plain links, stored", RELAY(OK, "await db.insert(messages).values({ text: data.choices[0].message.content });\n  res.json({ ok: true });", "throw error;"), 5, 24, 39),
  row("fetchJson: untested model text in a try whose catch answers, returned to the caller", RELAY("", "return data.choices[0].message.content;", "return null;"), 5, 24, 39),
  row("fetchJson: an axios call letting every status through", AXIOS(", { validateStatus: () => true }", "resp.data || {}", RELAY_FIELDS), 4, 16, 25),
  row("fetchJson: an axios reply read behind .catch(), which may answer the error's own response", AXIOS("", "(await axios.post(\"https://api.mercadopago.com/x\", {}).catch((e) => e.response)).data", RELAY_FIELDS), 4, 23, 70),
  row("fetchJson: an axios poll whose status comparison breaks out of the loop", POLL("const status = pollingRes.data.status;\n    if (status === \"completed\") { text = pollingRes.data.text; break; }"), 6, 20, 35),
  row("fetchJson: an axios poll whose flag ends the loop", POLL("if (pollingRes.data.done) break;"), 6, 9, 24),
  row("fetchJson: an axios reply's fields stored", AXIOS("", "resp.data || {}", "await db.insert(prefs).values({ id: data.id });\n  res.json({ ok: true });"), 4, 16, 25),
];

runWithNamedCases(valid, invalid);
