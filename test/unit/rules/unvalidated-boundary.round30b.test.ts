import { dedent, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";
import { mark, runWithNamedCases } from "./unvalidated-boundary.helpers";

// Held round 30 (retired to tune), session 27, developer ub27b. Hand-written rows.

const EDGE = "supabase/functions/send-email/index.ts";
// A joi project: no Zod fix is offered, only the directive.
const JOI = { "package.json": "{ \"name\": \"app\", \"dependencies\": { \"next\": \"14.0.0\", \"joi\": \"^17.0.0\" } }\n" };

// A reply read inside the branch of a passed status test (`if (res.ok) { const sent = await res.json(); … }`,
// Clayton80024/onboardr send-onboarding-email and send-payment-reminder, labelled clean): only a succeeded
// response gets there, as below an `if (!res.ok) throw`. Its id only logged and relayed in the answer is no use.
const RESEND = (test: string) => dedent`
  Deno.serve(async (req) => {
    const res = await fetch("https://api.resend.com/emails", { method: "POST", body: "{}" });
    if (${test}) {
      const sent = await res.json();
      console.log("sent", sent.id);
      return new Response(JSON.stringify({ success: true, messageId: sent.id }));
    }
    return new Response(JSON.stringify({ error: "failed" }), { status: 502 });
  });
`;
const RESEND_ELSE = dedent`
  Deno.serve(async (req) => {
    const res = await fetch("https://api.resend.com/emails", { method: "POST", body: "{}" });
    if (!res.ok) {
      console.error("failed", res.status);
    } else {
      const sent = await res.json();
      return new Response(JSON.stringify({ success: true, messageId: sent.id }));
    }
    return new Response("failed", { status: 502 });
  });
`;
const RESEND_UNTESTED = RESEND("res.status !== 500");

// A provider's message id read through an optional link and returned past the ok test (codestudio
// _shared/resend.ts and mailer.ts, left unlabelled: round 28's lead decision, a reply's id read through
// optional links and returned is no use). Another field returned so stays a use.
const SEND_HELPER = (field: string) => dedent`
  export async function sendEmail(payload: Record<string, unknown>) {
    const response = await fetch("https://api.resend.com/emails", { method: "POST", body: JSON.stringify(payload) });
    const body = await response.json().catch(() => ({}));
    if (!response.ok) {
      throw new Error(body?.message || \`Resend request failed (\${response.status})\`);
    }
    return { sent: true, ${field} };
  }
`;
const SEND_URL = SEND_HELPER("url: body?.url || null");

// A model's text read through optional links with a text fallback, returned by a helper whose caller
// stores it as a column value (abhinavbajpai1232/edurank-glow-1 generate-notes, labelled clean): text (or
// the code's own fallback) whatever the reply's shape, stored like a request's string field. Without the
// fallback a missing text is stored as "undefined" (conexaovirtual lovable-qr-tickets ai-auto-response,
// labelled a finding).
const NOTES = (read: string) => dedent`
  async function callAI(prompt: string): Promise<string> {
    const response = await fetch("https://ai.gateway.example.com/v1/chat/completions", { method: "POST", body: JSON.stringify({ prompt }) });
    if (!response.ok) throw new Error(\`AI gateway error: \${response.status}\`);
    const data = await response.json();
    return ${read};
  }
  Deno.serve(async (req) => {
    const notes = await callAI("Write study notes");
    if (!notes) throw new Error("No content generated");
    await supabase.from("notes").insert({ content: \`Notes: \${notes}\` });
    return new Response("saved");
  });
`;
const NOTES_TRIMMED = NOTES("data.choices?.[0]?.message?.content?.trim()");

// The model's JSON cut out of text a helper of the module returns from another API's answer
// (edurank-glow-1 analyze-weakness and generate-quiz, labelled findings): the parse is an input of its
// own, as if the helper's `res.json()` had been read in place; its elements become `.eq` filters and rows.
const TOPICS = (source: string) => dedent`
  ${source}
  Deno.serve(async (req) => {
    const text = await callAI("Return a JSON array of topic names");
    const match = text.match(/\\[[\\s\\S]*\\]/);
    if (!match) throw new Error("no JSON");
    const topics = JSON.parse(match[0]);
    for (const name of topics) {
      await supabase.from("topics").select("id").eq("name", name);
    }
    return new Response("ok");
  });
`;
const AI_HELPER = dedent`
  async function callAI(prompt: string): Promise<string> {
    const response = await fetch("https://ai.gateway.example.com/v1/chat/completions", { method: "POST", body: JSON.stringify({ prompt }) });
    if (!response.ok) throw new Error("AI gateway error");
    const data = await response.json();
    return data.choices?.[0]?.message?.content || "";
  }
`;
const OWN_TEXT = dedent`
  async function callAI(prompt: string): Promise<string> {
    return JSON.stringify([prompt]);
  }
`;
const MODEL_TOPICS = TOPICS(AI_HELPER);

// A body field only put into a model's prompt through a helper of the module that sends its argument
// as the outbound JSON body (edurank-glow-1 adaptive-question, labelled clean), and a field defaulted into
// a const that is only compared with literals: neither goes on. A helper that stores its argument does.
const ADAPTIVE = (helperUse: string) => dedent`
  async function callAI(messages: { role: string; content: string }[]): Promise<string> {
    ${helperUse}
    const response = await fetch("https://ai.gateway.example.com/v1/chat/completions", { method: "POST", body: JSON.stringify({ model: "m", messages }) });
    if (!response.ok) throw new Error("AI gateway error");
    const data = await response.json();
    return data.choices?.[0]?.message?.content || "";
  }
  Deno.serve(async (req) => {
    const { previousQuestion, difficulty } = await req.json();
    if (!previousQuestion) return new Response("missing", { status: 400 });
    const level = difficulty || "medium";
    const next = level === "easy" ? "medium" : "hard";
    const question = await callAI([
      { role: "system", content: \`Write a \${next} question.\` },
      { role: "user", content: \`Previous question: "\${previousQuestion}"\` },
    ]);
    return new Response(JSON.stringify({ question }));
  });
`;
const ADAPTIVE_STORED = ADAPTIVE("await supabase.from(\"prompts\").insert({ messages });");
const LEVEL_STORED = ADAPTIVE("").replace("const next = level === \"easy\" ? \"medium\" : \"hard\";", "const next = level === \"easy\" ? \"medium\" : \"hard\";\n  await supabase.from(\"levels\").insert({ level });");

// A server action's argument of a declared union type let through only when one of a constant list's
// entries (`if (!(INVOICE_STATUS_VALUES as readonly string[]).includes(status)) throw …`; potocki92
// v0-time-tracker-for-mateusz invoices.service.server.ts:654, labelled clean): an allowlist.
const ACTION_FILE = "features/invoices/invoices.service.server.ts";
const STATUS_ACTION = (test: string) => dedent`
  "use server";
  import { INVOICE_STATUS_VALUES, type InvoiceStatus } from "@/lib/invoice-status";
  export async function updateInvoiceStatusAction(status: InvoiceStatus) {
    if (${test}) {
      throw new Error(\`Invalid status: \${status}\`);
    }
    await supabase.from("invoices").update({ status }).eq("user_id", userId);
  }
`;
const STATUS_SET_ASIDE = STATUS_ACTION("(INVOICE_STATUS_VALUES as readonly string[]).includes(status)");

// An exported function of a "use server" module whose argument is destructured in its signature
// (`saveInvoiceAction({ invoiceId, values }: SaveInvoiceInput)`, v0-time-tracker-for-mateusz
// invoices.service.server.ts:296, labelled a finding): the client's object all the same.
const SAVE_ACTION = (use: string) => dedent`
  "use server";
  type SaveInvoiceInput = { invoiceId?: string; values: { amount: number; notes: string } };
  export async function saveInvoiceAction({ invoiceId, values }: SaveInvoiceInput) {
    ${use}
  }
`;
const SAVE_STORED = SAVE_ACTION("await supabase.from(\"invoices\").insert({ amount: values.amount, notes: values.notes });");

const valid: ValidCase[] = [
  { name: "fetchJson: a reply read inside the branch of a passed status test, its id logged and relayed", code: RESEND("res.ok"), filename: EDGE },
  { name: "fetchJson: a passed status test among others (res.ok && …)", code: RESEND("res.ok && res.status === 200"), filename: EDGE },
  { name: "fetchJson: a reply read in the else branch of a failed status test", code: RESEND_ELSE, filename: EDGE },
  { name: "fetchJson: a message id read through an optional link and returned past the ok test", code: SEND_HELPER("id: body?.id || null"), filename: "supabase/functions/_shared/resend.ts" },
  { name: "fetchJson: a model's text with a text fallback returned and stored by the caller", code: NOTES("data.choices?.[0]?.message?.content || \"\""), filename: EDGE },
  { name: "jsonParseExternal: text of the module's own, returned by a helper, parsed", code: TOPICS(OWN_TEXT), filename: EDGE },
  { name: "webRequest: a field only in a prompt sent by a module helper, another only compared through a default", code: ADAPTIVE(""), filename: EDGE },
  { name: "nextServerAction: an argument let through only when one of a constant list's entries", code: STATUS_ACTION("!(INVOICE_STATUS_VALUES as readonly string[]).includes(status)"), filename: ACTION_FILE },
  { name: "nextServerAction: a destructured argument only logged", code: SAVE_ACTION("console.log(\"saving\", invoiceId, values.amount);"), filename: ACTION_FILE },
];

const invalid: InvalidCase[] = [
  {
    name: "fetchJson: the same reply behind a test that lets a failed response in",
    code: RESEND_UNTESTED,
    filename: EDGE,
    findings: [{ case: "fetchJson", line: 4, column: 24, endColumn: 34, suggestions: [mark(RESEND_UNTESTED, "fetchJson", 4)] }],
    files: JOI,
    output: null,
  },
  {
    name: "fetchJson: another field read through an optional link and returned",
    code: SEND_URL,
    filename: "supabase/functions/_shared/resend.ts",
    findings: [{ case: "fetchJson", line: 3, column: 22, endColumn: 37, suggestions: [mark(SEND_URL, "fetchJson", 3)] }],
    files: JOI,
    output: null,
  },
  {
    name: "fetchJson: the model's text without a fallback, stored",
    code: NOTES_TRIMMED,
    filename: EDGE,
    findings: [{ case: "fetchJson", line: 4, column: 22, endColumn: 37, suggestions: [mark(NOTES_TRIMMED, "fetchJson", 4)] }],
    files: JOI,
    output: null,
  },
  {
    name: "jsonParseExternal: a model's JSON cut out of a helper's reply text, its elements used as filters",
    code: MODEL_TOPICS,
    filename: EDGE,
    findings: [{ case: "jsonParseExternal", line: 12, column: 20, endColumn: 40, suggestions: [mark(MODEL_TOPICS, "jsonParseExternal", 12)] }],
    files: JOI,
    output: null,
  },
  {
    name: "webRequest: the same prompt through a helper that also stores its argument",
    code: ADAPTIVE_STORED,
    filename: EDGE,
    findings: [{ case: "webRequest", line: 9, column: 50, endColumn: 60, suggestions: [mark(ADAPTIVE_STORED, "webRequest", 9)] }],
    files: JOI,
    output: null,
  },
  {
    name: "webRequest: the defaulted field also stored",
    code: LEVEL_STORED,
    filename: EDGE,
    findings: [{ case: "webRequest", line: 9, column: 50, endColumn: 60, suggestions: [mark(LEVEL_STORED, "webRequest", 9)] }],
    files: JOI,
    output: null,
  },
  {
    name: "nextServerAction: the same list test only setting values aside",
    code: STATUS_SET_ASIDE,
    filename: ACTION_FILE,
    findings: [{ case: "nextServerAction", line: 3, column: 49, endColumn: 55, suggestions: [mark(STATUS_SET_ASIDE, "nextServerAction", 3)] }],
    files: JOI,
    output: null,
  },
  {
    name: "nextServerAction: a destructured argument's fields written to the database",
    code: SAVE_STORED,
    filename: ACTION_FILE,
    findings: [{ case: "nextServerAction", line: 3, column: 41, endColumn: 62, suggestions: [mark(SAVE_STORED, "nextServerAction", 3)] }],
    files: JOI,
    output: null,
  },
];

runWithNamedCases(valid, invalid);
