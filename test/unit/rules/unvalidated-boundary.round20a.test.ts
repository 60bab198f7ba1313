import { dedent, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";
import { mark, runWithNamedCases } from "./unvalidated-boundary.helpers";

// Input classes found on the tune corpus in session 20 (issue 11, held round 19 retired to tune):
// hand-written analogues, not the repositories' code. Each class has its valid and invalid rows.

// A page size parsed with a fallback (`parseInt(q) || 10`) sizing a PostgREST query: no upper bound.
const PAGED_LATEST = dedent`
  const express = require("express");
  const app = express();
  app.get("/notes/latest", async (req, res) => {
    const limit = parseInt(req.query.limit) || 10;
    const { data } = await supabase.from("notes").select("*").order("created_at").limit(limit);
    res.json(data);
  });
`;

// A PostgREST builder held in a local and narrowed by the query's values.
const HELD_BUILDER = dedent`
  const express = require("express");
  const app = express();
  app.get("/tasks", async (req, res) => {
    let query = supabase.from("tasks").select("*");
    if (req.query.status) query = query.eq("status", req.query.status);
    const { data } = await query;
    res.json(data);
  });
`;

// A webhook's form read field by field: the sender's number used raw as a query filter.
const SMS_WEBHOOK = dedent`
  import { NextRequest, NextResponse } from "next/server";
  export async function POST(request: NextRequest) {
    const form = await request.formData();
    const text = form.get("Body") as string;
    const sender = form.get("From") as string;
    console.log("sms", text);
    const { data } = await supabase.from("contacts").select("*").eq("phone", sender);
    return NextResponse.json({ count: data?.length ?? 0 });
  }
`;

// The same form also used whole (logged): reported at the read of the form.
const FORM_WHOLE = dedent`
  import { NextRequest, NextResponse } from "next/server";
  export async function POST(request: NextRequest) {
    const form = await request.formData();
    const sender = form.get("From") as string;
    console.log("sms", Object.fromEntries(form));
    const { data } = await supabase.from("contacts").select("*").eq("phone", sender);
    return NextResponse.json({ count: data?.length ?? 0 });
  }
`;

// An SQS record read by index into a local, its body parsed and a field handed on.
const SQS_LOCAL = dedent`
  import type { SQSEvent } from "aws-lambda";
  export const handler = async (event: SQSEvent) => {
    const record = event.Records[0];
    const payload = JSON.parse(record.body);
    await processor.execute(payload.request);
  };
`;

// A Lambda body parsed by a same-file helper named like a validator that only decodes it.
const PARSE_HELPER = dedent`
  export const handler = async (event) => {
    const update = parseJsonBody(event.body);
    await ddb.put({ TableName: "updates", Item: update });
    return { statusCode: 200, body: "" };
  };
  function parseJsonBody(body) {
    if (!body) throw new Error("missing body");
    return JSON.parse(body);
  }
`;

// A model's answer read from a fetched completion, the JSON cut out with a regex, spread into an insert.
const LLM_MATCH = dedent`
  export async function suggest(prompt: string) {
    const res = await fetch("https://api.example.com/v1/chat/completions", { method: "POST", body: JSON.stringify({ prompt }) });
    if (!res.ok) return null;
    const data = await res.json();
    const content = data?.choices?.[0]?.message?.content ?? "";
    const found = content.match(/\{[\s\S]*\}/);
    if (!found) return null;
    const idea = JSON.parse(found[0]);
    await supabase.from("ideas").insert({ ...idea, source: "model" });
    return idea;
  }
`;

// An Electron IPC handler's argument: reported on the parameter, its first unsafe use lines below.
const IPC_DB = dedent`
  import { ipcMain } from "electron";
  ipcMain.handle("db", async (_event, data) => {
    console.log("db request", data);
    const result = {
      request: data,
      result: await db[data.action](...data.params),
    };
    return result;
  });
`;

// A class method returns the axios body (after an error branch that words a failure with it); the class's own caller reads it.
const METHOD_RETURN = dedent`
  import axios from "axios";
  export class TranscriptClient {
    async getTranscript(id: string) {
      const body = await this.request(id);
      return body.transcript.trim();
    }
    private async request(id: string) {
      const response = await axios.post("https://api.example.com/transcript", { id }, { validateStatus: (s) => s < 500 });
      if (response.status >= 400) {
        throw new Error(\`API error: \${response.data?.message}\`);
      }
      return response.data;
    }
  }
`;

// A model's text from an axios response, cleaned by an imported helper named for it, parsed and returned to be stored.
const AXIOS_CLEANED = dedent`
  import axios from "axios";
  import { cleanJsonResponse } from "../utils";
  export async function analyze(prompt: string) {
    const response = await axios.post("https://api.example.com/v1/chat/completions", { prompt });
    const raw = response.data.choices[0]?.message?.content;
    if (!raw) return null;
    const analysis = JSON.parse(cleanJsonResponse(raw));
    await supabase.from("news").insert({ summary: analysis.summary });
    return analysis;
  }
`;

// A Netlify function: the data-access module required by its underscore name (./_db), a query value
// handed first to an imported check whose parse gives way to a fallback, then queried raw.
const NETLIFY_DAY = dedent`
  const { query } = require("./_db");
  const { enforceHistory } = require("./_plan");
  exports.handler = async (event) => {
    const date = event.queryStringParameters.date;
    const access = await enforceHistory(date);
    if (!access.ok) return access.response;
    const r = await query("select * from entries where entry_date = $1", [date]);
    return { statusCode: 200, body: JSON.stringify(r.rows) };
  };
`;
const PLAN_FALLBACK = dedent`
  async function enforceHistory(dateISO) {
    const day = parseISODateOnly(dateISO) || "2024-01-01";
    if (day < "2023-01-01") return { ok: false, response: { statusCode: 403 } };
    return { ok: true };
  }
  function parseISODateOnly(s) {
    return /^\d{4}-\d{2}-\d{2}$/.test(s) ? s : null;
  }
  module.exports = { enforceHistory };
`;

// A Supabase Edge Function: the body text given to a let declared empty, parsed, a field inserted.
const LET_TEXT = dedent`
  Deno.serve(async (req: Request) => {
    let bodyText = "";
    bodyText = await req.text();
    let data;
    data = JSON.parse(bodyText);
    await supabase.from("subscriptions").insert({ user_id: data.userId, plan: "premium" });
    return new Response("ok");
  });
`;

const valid: ValidCase[] = [
  {
    name: "let text: a let given a literal only, parsed: the module's own text",
    code: dedent`
      Deno.serve(async (req: Request) => {
        let text = "";
        if (req.method === "GET") text = '{"plan":"free"}';
        const data = JSON.parse(text);
        await supabase.from("plans").insert({ plan: data.plan });
        return new Response("ok");
      });
    `,
  },
  {
    name: "netlify: a query value checked with a regex before the data-access module's query",
    code: dedent`
      const { query } = require("./_db");
      exports.handler = async (event) => {
        const date = (event.queryStringParameters || {}).date;
        if (typeof date !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return { statusCode: 400, body: "date" };
        const r = await query("select * from entries where entry_date = $1", [date]);
        return { statusCode: 200, body: JSON.stringify(r.rows) };
      };
    `,
    filename: "netlify/functions/entries-day.js",
  },
  {
    name: "netlify: an imported check that rejects a bad date (no fallback) validates the value",
    code: NETLIFY_DAY,
    filename: "netlify/functions/entries-day.js",
    files: { "netlify/functions/_plan.js": PLAN_FALLBACK.replace(' || "2024-01-01"', "") },
  },
  {
    name: "llm: a model's text cleaned by a same-file helper that does more than trim (not followed), parsed and checked",
    code: dedent`
      import axios from "axios";
      function toJsonText(text: string) {
        return text.includes("{") ? text.slice(text.indexOf("{")) : "{}";
      }
      export async function analyze(prompt: string) {
        const response = await axios.post("https://api.example.com/v1/chat/completions", { prompt });
        const raw = response.data?.choices?.[0]?.message?.content ?? "";
        const analysis = Analysis.parse(JSON.parse(toJsonText(raw)));
        await supabase.from("news").insert({ summary: analysis.summary });
        return analysis;
      }
    `,
  },
  {
    name: "class method: the axios body returned to the class's caller, which checks it with a schema",
    code: dedent`
      import axios from "axios";
      export class TranscriptClient {
        async getTranscript(id: string) {
          const body = Transcript.parse(await this.request(id));
          return body.transcript.trim();
        }
        private async request(id: string) {
          const response = await axios.post("https://api.example.com/transcript", { id });
          return response.data;
        }
      }
    `,
  },
  {
    name: "llm: the JSON cut out of a model's answer with a regex, checked with a schema",
    code: dedent`
      export async function suggest(prompt: string) {
        const res = await fetch("https://api.example.com/v1/chat/completions", { method: "POST", body: JSON.stringify({ prompt }) });
        if (!res.ok) return null;
        const data = await res.json();
        const content = data?.choices?.[0]?.message?.content ?? "";
        const found = /\{[\s\S]*\}/.exec(content);
        if (!found) return null;
        const idea = Idea.parse(JSON.parse(found[0]));
        await supabase.from("ideas").insert({ ...idea, source: "model" });
        return idea;
      }
    `,
  },
  {
    name: "sqs: a record read by index into a local, its parsed body checked with a schema",
    code: dedent`
      import type { SQSEvent } from "aws-lambda";
      export const handler = async (event: SQSEvent) => {
        const [record] = event.Records;
        const payload = Job.parse(JSON.parse(record.body));
        await processor.execute(payload.request);
      };
    `,
  },
  {
    name: "lambda: a same-file parse helper that checks the parsed body with a schema",
    code: dedent`
      export const handler = async (event) => {
        const update = parseBody(event.body);
        await ddb.put({ TableName: "updates", Item: update });
        return { statusCode: 200, body: "" };
      };
      function parseBody(body) {
        return UpdateSchema.parse(JSON.parse(body ?? "{}"));
      }
    `,
  },
  {
    name: "form fields: the field used as a filter checked by a regex first, the other only logged",
    code: dedent`
      import { NextRequest, NextResponse } from "next/server";
      export async function POST(request: NextRequest) {
        const form = await request.formData();
        const sender = form.get("From");
        console.log("sms", form.get("Body"));
        if (typeof sender !== "string" || !/^\+\d{8,15}$/.test(sender)) return NextResponse.json({ error: "from" }, { status: 400 });
        const { data } = await supabase.from("contacts").select("*").eq("phone", sender);
        return NextResponse.json({ count: data?.length ?? 0 });
      }
    `,
  },
  {
    name: "postgrest: a page size bounded before it sizes the query",
    code: dedent`
      const express = require("express");
      const app = express();
      app.get("/notes/latest", async (req, res) => {
        const limit = Number(req.query.limit);
        if (!Number.isInteger(limit) || limit < 1 || limit > 100) return res.status(400).end();
        const { data } = await supabase.from("notes").select("*").limit(limit);
        res.json(data);
      });
    `,
  },
  {
    name: "postgrest: a held builder narrowed by an allowlisted value",
    code: dedent`
      const express = require("express");
      const STATUSES = ["open", "done"];
      const app = express();
      app.get("/tasks", async (req, res) => {
        let query = supabase.from("tasks").select("*");
        if (!STATUSES.includes(req.query.status)) return res.status(400).end();
        query = query.eq("status", req.query.status);
        const { data } = await query;
        res.json(data);
      });
    `,
  },
  {
    name: "postgrest: a local built with Array.from is no query builder",
    code: dedent`
      const express = require("express");
      const app = express();
      app.get("/tags", (req, res) => {
        const tags = Array.from("abc");
        res.json(tags.filter((t) => t === req.query.tag));
      });
    `,
  },
];

const invalid: InvalidCase[] = [
  {
    name: "let text: the request's text given to a let declared empty is the request's body when parsed",
    code: LET_TEXT,
    findings: [{ case: "webRequest", line: 5, column: 10, endColumn: 30, suggestions: [mark(LET_TEXT, "webRequest", 5)] }],
    output: null,
  },
  {
    name: "netlify: a query value queried raw through the data-access module required as ./_db, the imported parse check giving way to a fallback",
    code: NETLIFY_DAY,
    filename: "netlify/functions/entries-day.js",
    files: { "netlify/functions/_plan.js": PLAN_FALLBACK },
    findings: [{ case: "lambdaEvent", line: 4, column: 16, endColumn: 43, suggestions: [{ title: "Validate event.queryStringParameters with Zod (adds the zod dependency)", output: dedent`
      const { query } = require("./_db");
      const { enforceHistory } = require("./_plan");
      const { z } = require("zod");
      const QuerySchema = z.object({ date: z.string() });

      exports.handler = async (event) => {
        const parsed = QuerySchema.safeParse(event.queryStringParameters);
        if (!parsed.success) return { statusCode: 400, body: JSON.stringify({ error: parsed.error.issues }) };
        const date = parsed.data.date;
        const access = await enforceHistory(date);
        if (!access.ok) return access.response;
        const r = await query("select * from entries where entry_date = $1", [date]);
        return { statusCode: 200, body: JSON.stringify(r.rows) };
      };
    ` }, mark(NETLIFY_DAY, "lambdaEvent", 4)] }],
    output: null,
  },
  {
    name: "llm: a model's text read from an axios response and cleaned by a helper named for it is the model's text",
    code: AXIOS_CLEANED,
    findings: [
      { case: "fetchJson", line: 5, column: 15, endColumn: 28, suggestions: [mark(AXIOS_CLEANED, "fetchJson", 5)] },
      { case: "jsonParseExternal", line: 7, column: 20, endColumn: 54, suggestions: [mark(AXIOS_CLEANED, "jsonParseExternal", 7)] },
    ],
    output: null,
  },
  {
    name: "class method: a returned axios body is used at the class's own call, reported at the read that returns it",
    code: METHOD_RETURN,
    findings: [{ case: "fetchJson", line: 12, column: 12, endColumn: 25, suggestions: [mark(METHOD_RETURN, "fetchJson", 12)] }],
    output: null,
  },
  {
    name: "ipc: an ipcMain handler's argument is reported on its parameter line (the docs' placement)",
    code: IPC_DB,
    findings: [{ case: "messagePayload", line: 2, column: 37, endColumn: 41, suggestions: [mark(IPC_DB, "messagePayload", 2)] }],
    output: null,
  },
  {
    name: "llm: the JSON cut out of a model's answer with a regex is the model's text",
    code: LLM_MATCH,
    findings: [{ case: "jsonParseExternal", line: 8, column: 16, endColumn: 36, suggestions: [mark(LLM_MATCH, "jsonParseExternal", 8)] }],
    output: null,
  },
  {
    name: "sqs: a record read by index into a local, its parsed body read unchecked",
    code: SQS_LOCAL,
    findings: [{ case: "messagePayload", line: 4, column: 19, endColumn: 42, suggestions: [mark(SQS_LOCAL, "messagePayload", 4)] }],
    output: null,
  },
  {
    name: "lambda: a body parsed by a same-file helper that only decodes it goes on at the call",
    code: PARSE_HELPER,
    findings: [{ case: "lambdaEvent", line: 2, column: 32, endColumn: 42, suggestions: [mark(PARSE_HELPER, "lambdaEvent", 2)] }],
    output: null,
  },
  {
    name: "form fields: a form read field by field is reported at the field first used unsafely",
    code: SMS_WEBHOOK,
    findings: [{ case: "nextAppRequest", line: 5, column: 18, endColumn: 34, suggestions: [{ title: 'Validate form.get("From") with Zod (adds the zod dependency)', output: dedent`
      import { NextRequest, NextResponse } from "next/server";
      import { z } from "zod";
      const PostFromField = z.string();

      export async function POST(request: NextRequest) {
        const form = await request.formData();
        const text = form.get("Body") as string;
        const parsed = PostFromField.safeParse(form.get("From"));
        if (!parsed.success) return NextResponse.json({ error: parsed.error.issues }, { status: 400 });
        const sender = parsed.data as string;
        console.log("sms", text);
        const { data } = await supabase.from("contacts").select("*").eq("phone", sender);
        return NextResponse.json({ count: data?.length ?? 0 });
      }
    ` }, mark(SMS_WEBHOOK, "nextAppRequest", 5)] }],
    output: null,
  },
  {
    name: "form fields: a form also used whole is reported at its read",
    code: FORM_WHOLE,
    findings: [{ case: "nextAppRequest", line: 3, column: 22, endColumn: 40, suggestions: [mark(FORM_WHOLE, "nextAppRequest", 3)] }],
    output: null,
  },
  {
    name: "postgrest: parseInt(q) || 10 sizes the query with no upper bound",
    code: PAGED_LATEST,
    findings: [{ case: "expressQuery", line: 4, column: 26, endColumn: 35, suggestions: [{ title: "Validate req.query with Zod (adds the zod dependency)", output: dedent`
      import { z } from "zod";

      const express = require("express");
      const app = express();
      const GetNotesLatestQuery = z.object({ limit: z.string() });

      app.get("/notes/latest", async (req, res) => {
        const parsed = GetNotesLatestQuery.safeParse(req.query);
        if (!parsed.success) {
          res.status(400).json({ error: parsed.error.issues });
          return;
        }
        const limit = parseInt(parsed.data.limit) || 10;
        const { data } = await supabase.from("notes").select("*").order("created_at").limit(limit);
        res.json(data);
      });
    ` }, mark(PAGED_LATEST, "expressQuery", 4)] }],
    output: null,
  },
  {
    name: "postgrest: a query value used raw as a filter of a builder held in a local",
    code: HELD_BUILDER,
    findings: [{ case: "expressQuery", line: 5, column: 52, endColumn: 61, suggestions: [{ title: "Validate req.query with Zod (adds the zod dependency)", output: dedent`
      import { z } from "zod";

      const express = require("express");
      const app = express();
      const GetTasksQuery = z.object({ status: z.string().optional() });

      app.get("/tasks", async (req, res) => {
        let query = supabase.from("tasks").select("*");
        const parsed = GetTasksQuery.safeParse(req.query);
        if (!parsed.success) {
          res.status(400).json({ error: parsed.error.issues });
          return;
        }
        if (req.query.status) query = query.eq("status", parsed.data.status);
        const { data } = await query;
        res.json(data);
      });
    ` }, mark(HELD_BUILDER, "expressQuery", 5)] }],
    output: null,
  },
];

describe("unvalidated-boundary: session 20 input classes (ub20a)", () => {
  runWithNamedCases(valid, invalid);
});
