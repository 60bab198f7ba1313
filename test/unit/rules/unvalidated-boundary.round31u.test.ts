import { dedent, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";
import { mark, runWithNamedCases } from "./unvalidated-boundary.helpers";

// Held round 31 (retired to tune), session 29, developer ub29. Hand-written rows.

const ROUTE = "app/api/subtasks/route.ts";
const SERVICE = "src/telegram/telegram.service.ts";
// A joi project: no Zod fix is offered, only the directive.
const JOI = { "package.json": "{ \"name\": \"app\", \"dependencies\": { \"next\": \"14.0.0\", \"joi\": \"^17.0.0\" } }\n" };

// A model's JSON array mapped element by element, each element let through only as a string its own `typeof`
// test decided, trimmed (C00lTrooper/v0-ai-chat-app generate-subtasks, labelled clean): a string method of a
// string reads no field. The same method without the test reads the element unchecked.
const SUBTASKS = (pick: string) => dedent`
  export async function POST(req: Request) {
    const raw = await (await fetch("https://api.openai.com/v1/chat/completions", { method: "POST" })).text();
    const parsed = JSON.parse(raw);
    let subtasks: string[] = [];
    if (Array.isArray(parsed)) {
      subtasks = parsed.map((item) => ${pick}).filter((t) => t.length > 0);
    }
    return Response.json({ subtasks });
  }
`;
const SUBTASKS_UNTESTED = SUBTASKS("item.trim()");

// The same elements read through a cast in a loop (generate-task-breakdown, labelled clean): the `typeof` test
// of `(item as any).title` decides the read of `(item as any).title` below it.
const STEPS = (pick: string) => dedent`
  export async function POST(req: Request) {
    const raw = await (await fetch("https://api.openai.com/v1/chat/completions", { method: "POST" })).text();
    let steps: { title: string }[] = [];
    const coerce = (value: unknown) => {
      if (!Array.isArray(value)) return;
      const out: { title: string }[] = [];
      for (const item of value) {
        const t = ${pick};
        if (!t) continue;
        out.push({ title: t });
      }
      steps = out;
    };
    coerce(JSON.parse(raw));
    return Response.json({ steps });
  }
`;
const STEPS_UNTESTED = STEPS("(item as any).title");

// A reply's flag that only chooses which line is logged (RostislavLysak/telegram-zendesk-bot setWebhook, labelled
// clean), and a field read through plain links only into a log line (zendesk.service.ts:171, the lead's decision):
// nothing of the reply goes on. A branch that does more than log, or a field kept, still uses it.
const WEBHOOK = (branch: string) => dedent`
  import axios from "axios";
  export class TelegramService {
    async setWebhook(url: string) {
      try {
        const response = await axios.get(url);
        if (response.data.ok) {
          ${branch}
        } else {
          console.log("webhook failed");
        }
      } catch (error) {
        console.log("webhook failed", error);
      }
    }
  }
`;
const WEBHOOK_STORED = WEBHOOK("this.state = response.data.result;");
const ATTACH = (use: string) => dedent`
  import axios from "axios";
  export async function attach(ticketId: string, payload: unknown) {
    const res = await axios.put(\`https://example.zendesk.com/api/v2/tickets/\${ticketId}.json\`, payload);
    ${use}
  }
`;
const ATTACH_RETURNED = ATTACH("return res.data.ticket.id;");

// An image only presence-tested and handed to a model inside the messages of an outbound JSON body
// (Abe4phx/betteropnr extract-profile-text, the lead's decision: clean): sent on at any depth of the body's
// literals, like a top-level field. Also stored, or never tested, it is a use.
const EDGE = "supabase/functions/extract-profile-text/index.ts";
const IMAGE = (extra: string, test = "if (!image) return new Response(\"no image\", { status: 400 });") => dedent`
  Deno.serve(async (req) => {
    const { image } = await req.json();
    ${test}
    ${extra}
    const response = await fetch("https://ai.gateway.example.com/v1/chat/completions", {
      method: "POST",
      body: JSON.stringify({ model: "m", messages: [{ role: "user", content: [{ type: "text", text: "Extract" }, { type: "image_url", image_url: { url: image } }] }] }),
    });
    return new Response(await response.text());
  });
`;
const IMAGE_STORED = IMAGE("await supabase.from(\"images\").insert({ image });");
const IMAGE_UNTESTED = IMAGE("", "");

// A body key looked up in a `const` object literal of the handler, the request ended when nothing is found
// (AaronT243/kid-story-magic create-checkout, labelled clean): only the table's keys get past, so the key kept
// in the checkout's metadata is checked. A table the code writes, or a lookup that goes on on a miss, is none.
const CHECKOUT = (lookup: string, table = "") => dedent`
  Deno.serve(async (req) => {
    const { plan } = await req.json();
    const prices = { starter: { amount: 900 }, premium: { amount: 1900 } };
    ${table}
    ${lookup}
    const selected = prices[plan as keyof typeof prices];
    const session = await stripe.checkout.sessions.create({ amount: selected.amount, metadata: { plan } });
    return new Response(JSON.stringify({ url: session.url }));
  });
`;
const GATE = "if (!prices[plan as keyof typeof prices]) throw new Error(\"Invalid plan\");";
const CHECKOUT_WRITTEN = CHECKOUT(GATE, "prices[\"custom\"] = { amount: 1 };");
const CHECKOUT_NO_EXIT = CHECKOUT("if (!prices[plan as keyof typeof prices]) console.log(\"unknown plan\");");

// An id looked up first, scoped to the user, a log line between the lookup and the miss test (kid-story-magic
// export-pdf, labelled clean): still the lookup the miss test follows. Another statement there is not.
const STORY = (between: string) => dedent`
  const logStep = (step: string, details?: unknown) => console.log(\`[EXPORT-PDF] \${step}\`, details);
  Deno.serve(async (req) => {
    const user = await getUser(req);
    const { story_id } = await req.json();
    if (!story_id) throw new Error("story_id is required");
    const { data: story, error: storyError } = await supabase.from("stories").select("*").eq("id", story_id).eq("user_id", user.id).maybeSingle();
    ${between}
    if (storyError) throw new Error(\`Database error: \${storyError.message}\`);
    if (!story) throw new Error("Story not found or access denied");
    return new Response(JSON.stringify({ title: story.title }));
  });
`;
const STORY_COUNTED = STORY("await supabase.from(\"exports\").insert({ story_id });");

// The same lookup through Mongoose, `.populate()` after the `findOne`: still a lookup of one row.
const ORDER = (tail: string) => dedent`
  const Order = require("../models/Order");
  router.get("/orders/:id", auth, async (req, res) => {
    const order = await Order.findOne({ _id: req.params.id, userId: req.user.id })${tail};
    if (!order) return res.status(404).json({ error: "Order not found" });
    await Order.updateOne({ _id: req.params.id }, { seen: true });
    res.json(order);
  });
`;
const ORDER_LIST = ORDER(".populate(\"items\").sort(\"-createdAt\")");

// A child process's output parsed (maulik-mk/ffmpeg-queue-worker-node runner.ts: ffprobe's JSON; Todo-App
// test-mcp.js: the project's own MCP server; labelled clean): no listed source. A node:http body read the
// same way is one.
const PROBE = (stream: string) => dedent`
  import { spawn } from "node:child_process";
  export function probe(source: string): Promise<{ format: { duration: string } }> {
    return new Promise((resolve) => {
      const proc = spawn("ffprobe", ["-print_format", "json", source]);
      let out = "";
      ${stream}.on("data", (chunk: Buffer) => { out += chunk.toString(); });
      proc.on("close", () => {
        const result = JSON.parse(out);
        resolve({ format: { duration: result.format.duration } });
      });
    });
  }
`;
const PROBE_REQUEST = PROBE("req").replace("(source: string)", "(source: string, req: import(\"node:http\").IncomingMessage)");
const MCP_TEST = dedent`
  import { spawn } from "child_process";
  const mcp = spawn("node", ["src/index.js"], { stdio: ["pipe", "pipe", "pipe"] });
  mcp.stdout.on("data", (data) => {
    const response = JSON.parse(data.toString());
    if (response.result && response.result.tools) console.log(response.result.tools.length);
  });
`;

/** A valid row: nothing reported. */
function ok(name: string, code: string, filename: string): ValidCase {
  return { name, code, filename };
}

const valid: ValidCase[] = [
  ok("jsonParseExternal: a child process's output accumulated and parsed", PROBE("proc.stdout"), "src/ffmpeg/runner.ts"),
  ok("messagePayload: a child process's output chunk parsed in a test script", MCP_TEST, "todo-mcp-server/test-mcp.js"),
  ok("expressParams: an owner-scoped findOne with populate, a miss answered 404", ORDER(".populate(\"items\")"), "routes/orders.js"),
  ok("webRequest: an owner-scoped lookup, a log line before its miss test", STORY("logStep(\"Story query result\", { story });"), EDGE),
  ok("webRequest: a key looked up in the handler's own const table, the request ended on a miss", CHECKOUT(GATE), EDGE),
  ok("webRequest: an image only presence-tested and nested in the messages of an outbound JSON body", IMAGE(""), EDGE),
  ok("jsonParseExternal: elements mapped only as strings their own typeof test decided, trimmed", SUBTASKS("typeof item === \"string\" ? item.trim() : \"\""), ROUTE),
  ok("jsonParseExternal: an element's field read through a cast below its own typeof test", STEPS("typeof (item as any).title === \"string\" ? (item as any).title.trim() : \"\""), ROUTE),
  ok("jsonParseExternal: an element cast to a string below its own typeof test", STEPS("typeof item === \"string\" ? (item as string).trim() : \"\""), ROUTE),
  ok("fetchJson: a reply's flag that only chooses a log line", WEBHOOK("console.log(\"webhook set\");"), SERVICE),
  ok("fetchJson: a reply's field read through plain links only into a log line", ATTACH("console.log(`attached to ${ticketId}: ${res.data.ticket.id}`);"), SERVICE),
  ok("fetchJson: the same field in an object a log line takes", ATTACH("console.log(\"attached\", { id: res.data.ticket.id });"), SERVICE),
];

/** An invalid row: one finding of `caseId` at `line`, the directive its only suggestion (a joi project: no Zod fix). */
function row(name: string, code: string, filename: string, caseId: string, line: number, column: number, endColumn: number): InvalidCase {
  return { name, code, filename, findings: [{ case: caseId, line, column, endColumn, suggestions: [mark(code, caseId, line)] }], files: JOI, output: null };
}

const invalid: InvalidCase[] = [
  row("jsonParseExternal: a request body accumulated the same way", PROBE_REQUEST, "src/ffmpeg/runner.ts", "jsonParseExternal", 8, 22, 37),
  row("expressParams: a chain that ends in another call", ORDER_LIST, "routes/orders.js", "expressParams", 3, 44, 54),
  row("webRequest: a write between the lookup and its miss test", STORY_COUNTED, EDGE, "webRequest", 4, 30, 40),
  row("webRequest: the same lookup in a table the code writes", CHECKOUT_WRITTEN, EDGE, "webRequest", 2, 26, 36),
  row("webRequest: the same lookup going on on a miss", CHECKOUT_NO_EXIT, EDGE, "webRequest", 2, 26, 36),
  row("webRequest: the nested image also stored", IMAGE_STORED, EDGE, "webRequest", 2, 27, 37),
  row("webRequest: the nested image never tested (an object may be forwarded whole)", IMAGE_UNTESTED, EDGE, "webRequest", 2, 27, 37),
  row("jsonParseExternal: an element trimmed without its typeof test", SUBTASKS_UNTESTED, ROUTE, "jsonParseExternal", 3, 18, 33),
  row("jsonParseExternal: an element's field read through a cast with no test", STEPS_UNTESTED, ROUTE, "jsonParseExternal", 14, 10, 25),
  row("fetchJson: a branch of the flag's test that keeps a field", WEBHOOK_STORED, SERVICE, "fetchJson", 6, 11, 24),
  row("fetchJson: the field read through plain links returned", ATTACH_RETURNED, SERVICE, "fetchJson", 4, 10, 18),
];

runWithNamedCases(valid, invalid);
