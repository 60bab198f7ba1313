import { dedent, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";
import { mark, runWithNamedCases } from "./unvalidated-boundary.helpers";

// Classes found on the retired held round 14 (issue 11): hand-written analogues, not the
// repositories' code. Each class has its valid rows (the checked forms) and its invalid rows.

const SET_ASIDE_PREFIX = dedent`
  Deno.serve(async (req: Request) => {
    const url = new URL(req.url);
    const callId = url.searchParams.get("callId");
    if (!callId) return new Response("missing", { status: 400 });
    if (callId?.startsWith("test-")) return new Response("test ok");
    const { data } = await supabase.from("calls").select("*").eq("id", callId).single();
    return Response.json(data);
  });
`;

const SET_ASIDE_LITERAL = dedent`
  import express from "express";
  const app = express();
  app.get("/orders/:id", async (req, res) => {
    const id = req.params.id;
    if (id === "demo") {
      return res.json(DEMO_ORDER);
    }
    res.json(await Order.findById(id));
  });
`;

const SET_ASIDE_SUFFIX = dedent`
  const http = require("node:http");
  const fs = require("node:fs");
  http.createServer((req, res) => {
    const name = new URL(req.url, "http://localhost").searchParams.get("file");
    if (name && name.endsWith(".tmp")) throw new Error("temporary files are not served");
    fs.createReadStream("public/" + name).pipe(res);
  });
`;

const BODY_READ_TWICE = dedent`
  Deno.serve(async (req: Request) => {
    try {
      const { callId, phone } = await req.json();
      await supabase.from("calls").insert({ id: callId, phone });
      return new Response("ok");
    } catch (error) {
      const { callId } = await req.json();
      await supabase.from("calls").update({ status: "failed" }).eq("id", callId);
      return new Response("failed", { status: 500 });
    }
  });
`;

const valid: ValidCase[] = [
  {
    name: "a prefix test whose failing values leave (a negated startsWith) checks the value that goes on",
    code: dedent`
      Deno.serve(async (req: Request) => {
        const callId = new URL(req.url).searchParams.get("callId");
        if (!callId || !callId.startsWith("call_")) return new Response("bad id", { status: 400 });
        const { data } = await supabase.from("calls").select("*").eq("id", callId).single();
        return Response.json(data);
      });
    `,
    filename: "supabase/functions/call/index.ts",
  },
  {
    name: "a literal comparison whose other values leave (!==) is an allowlist of one",
    code: dedent`
      import express from "express";
      const app = express();
      app.get("/orders/:id", async (req, res) => {
        const id = req.params.id;
        if (id !== "latest") return res.sendStatus(400);
        res.json(await Order.findById(id));
      });
    `,
  },
  {
    name: "a prefix test whose branch uses the value (no exit) checks it there",
    code: dedent`
      Deno.serve(async (req: Request) => {
        const callId = new URL(req.url).searchParams.get("callId");
        if (callId?.startsWith("call_")) {
          const { data } = await supabase.from("calls").select("*").eq("id", callId).single();
          return Response.json(data);
        }
        return new Response("bad id", { status: 400 });
      });
    `,
    filename: "supabase/functions/call/index.ts",
  },
  {
    name: "the body read again in the catch of a handler that validates it: one input, validated",
    code: dedent`
      Deno.serve(async (req: Request) => {
        try {
          const body = CallBody.parse(await req.json());
          await supabase.from("calls").insert(body);
          return new Response("ok");
        } catch (error) {
          const { callId } = await req.json();
          await supabase.from("calls").update({ status: "failed" }).eq("id", callId);
          return new Response("failed", { status: 500 });
        }
      });
    `,
    filename: "supabase/functions/call/index.ts",
  },
];

const invalid: InvalidCase[] = [
  {
    name: "a prefix test that returns for the test ids sets them aside: the other ids go on unchecked",
    code: SET_ASIDE_PREFIX,
    filename: "supabase/functions/status/index.ts",
    findings: [{ case: "webRequest", line: 3, column: 18, endColumn: 48, suggestions: [mark(SET_ASIDE_PREFIX, "webRequest", 3)] }],
    output: null,
  },
  {
    name: "a literal comparison that returns for one demo value checks nothing about the others",
    code: SET_ASIDE_LITERAL,
    findings: [
      { case: "expressParams", line: 4, column: 14, endColumn: 24, suggestions: [{ title: "Validate req.params with Zod (adds the zod dependency)", output: dedent`
          import express from "express";
          import { z } from "zod";
          const app = express();
          const GetOrdersParams = z.object({ id: z.string() });

          app.get("/orders/:id", async (req, res) => {
            const parsed = GetOrdersParams.safeParse(req.params);
            if (!parsed.success) {
              res.status(400).json({ error: parsed.error.issues });
              return;
            }
            const id = parsed.data.id;
            if (id === "demo") {
              return res.json(DEMO_ORDER);
            }
            res.json(await Order.findById(id));
          });
        ` }, mark(SET_ASIDE_LITERAL, "expressParams", 4)] },
    ],
    output: null,
  },
  {
    name: "a suffix test that throws for one kind of name leaves every other name a path",
    code: SET_ASIDE_SUFFIX,
    filename: "server.js",
    findings: [{ case: "webRequest", line: 4, column: 16, endColumn: 77, suggestions: [mark(SET_ASIDE_SUFFIX, "webRequest", 4)] }],
    output: null,
  },
  {
    name: "the body read again in a catch is the same input: reported once, at the first read",
    code: BODY_READ_TWICE,
    filename: "supabase/functions/initiate/index.ts",
    findings: [{ case: "webRequest", line: 3, column: 37, endColumn: 47, suggestions: [mark(BODY_READ_TWICE, "webRequest", 3)] }],
    output: null,
  },
];

runWithNamedCases(valid, invalid);
