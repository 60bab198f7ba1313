import { dedent, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";
import { mark, runWithNamedCases } from "./unvalidated-boundary.helpers";

// Precision classes found on the retired held round 15 (issue 11): hand-written analogues, not the
// repositories' code. Each class has its valid rows (what checks the field, or takes nothing of
// it on) and its invalid rows (what must stay reported).

const PIN_STORED_RAW = dedent`
  import { Hono } from "hono";
  const app = new Hono();
  app.post("/pins", async (c) => {
    const body = await c.req.json();
    if (!body.pin) return c.json({ error: "pin required" }, 400);
    const hash = await sha256Hex(body.pin);
    await db.insert(pins).values({ hash, pin: body.pin });
    return c.json({ ok: true });
  });
`;

const REGEX_RESULT_IGNORED = dedent`
  import { Hono } from "hono";
  const app = new Hono();
  app.post("/codes", async (c) => {
    const body = await c.req.json();
    const wellFormed = /^[A-Z0-9]{6}$/.test(body.code);
    await db.insert(codes).values({ code: body.code, wellFormed });
    return c.json({ ok: true });
  });
`;

const PRESENCE_ONLY = dedent`
  import { Hono } from "hono";
  const app = new Hono();
  app.post("/names", async (c) => {
    const body = await c.req.json();
    if (!body.name) return c.json({ error: "name required" }, 400);
    await db.insert(names).values({ name: body.name });
    return c.json({ ok: true });
  });
`;

const PRESENCE_CHAIN_THEN_USE = dedent`
  import express from "express";
  const app = express();
  app.post("/callback", async (req, res) => {
    if (!req.body || !req.body.Body || !req.body.Body.stkCallback) {
      return res.json({ ResultCode: 0 });
    }
    const callback = req.body.Body.stkCallback;
    const tx = await Transaction.findOne({ checkoutRequestId: callback.CheckoutRequestID });
    res.json({ ok: !!tx });
  });
`;

const PRESENCE_UNGUARDED = dedent`
  import express from "express";
  const app = express();
  app.post("/callback", async (req, res) => {
    if (!req.body.Body || !req.body.Body.stkCallback) {
      return res.json({ ResultCode: 0 });
    }
    res.json({ ResultCode: 0 });
  });
`;

const LET_STORED = dedent`
  import { NextResponse } from "next/server";
  export async function POST(req: Request) {
    let apiKey: string | undefined;
    try {
      const body = await req.json();
      apiKey = body.apiKey;
    } catch {
      return NextResponse.json({ error: "bad json" }, { status: 400 });
    }
    if (!apiKey) return NextResponse.json({ error: "missing" }, { status: 400 });
    await db.insert(keys).values({ apiKey });
    return NextResponse.json({ ok: true });
  }
`;

const OK_NOT_LEFT = dedent`
  export async function check(key: string) {
    const res = await fetch("https://api.example.com/v1/me", { headers: { Authorization: \`Bearer \${key}\` } });
    if (res.ok) {
      console.log("key accepted");
    }
    const data = await res.json();
    return data.account.id;
  }
`;

const BODY_WRITTEN_THEN_STORED = dedent`
  import Router from "koa-router";
  const router = new Router();
  router.post("/chat", async (ctx) => {
    (ctx.request.body as any).stream = true;
    ctx.body = await Chat.create(ctx.request.body);
  });
`;

const NUMBER_FALLBACK_PAGING = dedent`
  import express from "express";
  const app = express();
  app.get("/products", async (req, res) => {
    res.json(await Product.find().limit(parseInt(req.query.limit) || 10));
  });
`;

const DIGITS_NO_LENGTH = dedent`
  Deno.serve(async (req: Request) => {
    const { cnpj } = await req.json();
    if (!cnpj) return new Response("missing", { status: 400 });
    const digits = cnpj.replace(/\\D/g, "");
    const { data } = await supabase.from("companies").select("*").eq("cnpj", digits).single();
    return Response.json(data);
  });
`;

const ARRAY_RETURNED_WHOLE = dedent`
  export async function containerMetrics(base: string) {
    const res = await fetch(\`\${base}/metrics/containers\`);
    if (!res.ok) throw new Error("metrics failed");
    const data = await res.json();
    if (!Array.isArray(data) || data.length === 0) throw new Error("no data");
    return data as { id: string; cpu: number }[];
  }
`;

const ARRAY_SPREAD_ON = dedent`
  export async function allRepos(base: string) {
    let all: any[] = [];
    for (let page = 1; ; page++) {
      const res = await fetch(\`\${base}/repos?page=\${page}\`);
      const repos = await res.json();
      if (!Array.isArray(repos) || repos.length === 0) break;
      all = [...all, ...repos];
    }
    return all.map((r) => ({ id: r.id, name: r.name }));
  }
`;

const ELEMENT_UNCHECKED = dedent`
  export function loadPrefs(defaults: Record<string, string>) {
    const record = JSON.parse(localStorage.getItem("prefs") ?? "{}") as Record<string, unknown>;
    const pick = (key: string) => record[key] ?? defaults[key];
    return { theme: pick("theme"), lang: pick("lang") };
  }
`;

const FAILURE_KEPT = dedent`
  export async function detect(form: FormData) {
    const res = await fetch("https://api.example.com/v3/detect", { method: "POST", body: form });
    const json = await res.json();
    if (!res.ok) {
      await db.insert(apiErrors).values({ code: json.error_code });
    }
    return { ok: res.ok };
  }
`;

const CHECK_SETS_ASIDE = dedent`
  import express from "express";
  const app = express();
  app.post("/members", async (req, res) => {
    if (BLOCKED_ROLES.includes(req.body.role)) return res.sendStatus(403);
    await Member.create({ role: req.body.role });
    res.sendStatus(201);
  });
`;

const ROUTE_NAMED_LIKE_TEST = dedent`
  import { NextResponse } from "next/server";
  export async function POST(req: Request) {
    const body = await req.json();
    const res = await fetch(\`https://api.example.com/\${body.provider}/ping\`);
    const data = await res.json();
    await db.insert(checks).values({ provider: body.provider, ok: data.ok });
    return NextResponse.json({ ok: true });
  }
`;

const valid: ValidCase[] = [
  {
    name: "a field only tested for presence and hashed: only its digest is compared and stored",
    code: dedent`
      import { Hono } from "hono";
      const app = new Hono();
      app.post("/auth/pin", async (c) => {
        const body = await c.req.json<{ pin?: string }>();
        if (!body.pin) return c.json({ error: "pin required" }, 400);
        const inputHash = await sha256Hex(body.pin);
        const [row] = await db.select().from(settings).where(eq(settings.value, inputHash));
        return c.json({ granted: !!row });
      });
    `,
    filename: "server/routes/pin.ts",
  },
  {
    name: "a destructured password only compared with a stored hash (bcrypt.compare)",
    code: dedent`
      import express from "express";
      import bcrypt from "bcrypt";
      const app = express();
      app.post("/unlock", async (req, res) => {
        const { password } = req.body;
        if (!password) return res.sendStatus(400);
        const ok = await bcrypt.compare(password, req.user.passwordHash);
        res.json({ ok });
      });
    `,
  },
  {
    name: "a field hashed with node:crypto (createHash().update(x))",
    code: dedent`
      import express from "express";
      import { createHash } from "node:crypto";
      const app = express();
      app.post("/tokens/check", async (req, res) => {
        if (!req.body.token) return res.sendStatus(400);
        const digest = createHash("sha256").update(req.body.token).digest("hex");
        res.json({ known: await Token.exists({ digest }) });
      });
    `,
  },
  {
    name: "a field checked with a regex in the condition that leaves: the presence test is part of the check",
    code: dedent`
      import { Hono } from "hono";
      const app = new Hono();
      app.patch("/settings/code", async (c) => {
        const body = await c.req.json<{ code?: string }>();
        if (!body.code || !/^[A-Z0-9]{6}$/.test(body.code)) return c.json({ error: "code must be 6 letters or digits" }, 400);
        await db.update(settings).set({ value: body.code }).where(eq(settings.key, "code"));
        return c.json({ ok: true });
      });
    `,
    filename: "server/routes/settings.ts",
  },
  {
    name: "a field checked with a named regex (CODE_RE.test) before it is stored",
    code: dedent`
      import express from "express";
      const CODE_RE = /^[a-z]{3,12}$/;
      const app = express();
      app.post("/tags", async (req, res) => {
        if (!CODE_RE.test(req.body.tag)) return res.sendStatus(400);
        await Tag.create({ name: req.body.tag });
        res.sendStatus(201);
      });
    `,
  },
  {
    name: "a presence test before a typeof test of the same field in one condition, with a length cap",
    code: dedent`
      import { NextResponse } from "next/server";
      export async function PUT(req: Request) {
        const body = await req.json();
        if (!body.label || typeof body.label !== "string" || body.label.length > 100) {
          return NextResponse.json({ error: "label required" }, { status: 400 });
        }
        await db.insert(labels).values({ label: body.label });
        return NextResponse.json({ ok: true });
      }
    `,
    filename: "app/api/labels/route.ts",
  },
  {
    name: "a presence chain (!x || !x.a || !x.a.b) that cannot crash decides only a boolean",
    code: dedent`
      import express from "express";
      const app = express();
      app.post("/hook", (req, res) => {
        if (!req.body || !req.body.event || !req.body.event.type) return res.sendStatus(400);
        res.sendStatus(204);
      });
    `,
  },
  {
    name: "a presence chain with && (x && x.a) in a condition",
    code: dedent`
      import express from "express";
      const app = express();
      app.post("/hook", (req, res) => {
        if (req.body && req.body.ping) return res.send("pong");
        res.sendStatus(204);
      });
    `,
  },
  {
    name: "a field read into an outer let inside the parse's try, then typeof-checked and prefix-tested, sent only as a bearer token",
    code: dedent`
      import { NextRequest, NextResponse } from "next/server";
      export async function POST(req: NextRequest) {
        let apiKey: string | undefined;
        try {
          const body = await req.json();
          apiKey = body.apiKey;
        } catch {
          return NextResponse.json({ error: "bad json" }, { status: 400 });
        }
        if (!apiKey || typeof apiKey !== "string") return NextResponse.json({ error: "missing" }, { status: 400 });
        const res = await fetch("https://api.example.com/v1/models", { headers: { Authorization: \`Bearer \${apiKey}\` } });
        return NextResponse.json({ valid: res.status === 200 });
      }
    `,
    filename: "app/api/validate-key/route.ts",
  },
  {
    name: "an error body read after the success branch returned only words the failure",
    code: dedent`
      export async function POST(req: Request) {
        const res = await fetch("https://api.example.com/v1/check", { method: "POST" });
        if (res.ok) {
          return Response.json({ valid: true });
        }
        const data = await res.json().catch(() => ({}));
        const code: string = data?.error?.code ?? "";
        return Response.json({ valid: false, reason: code === "quota" ? "quota" : "rejected" });
      }
    `,
    filename: "app/api/check/route.ts",
  },
  {
    name: "a handler that writes a field into the body and hands the context on (the body is read where it is used)",
    code: dedent`
      import Router from "koa-router";
      import { chatHandler } from "../controllers/chat";
      const router = new Router();
      router.post("/chat/stream", async (ctx) => {
        (ctx.request.body as any).stream = true;
        await chatHandler(ctx);
      });
    `,
    filename: "src/routes/chat.ts",
  },
  {
    name: "a query value coerced with a NaN fallback (Number(x) || null) stored as a column value",
    code: dedent`
      import { Hono } from "hono";
      const app = new Hono();
      app.post("/upload", async (c) => {
        const cameraId = Number(c.req.query("camera_id") ?? "0") || null;
        const body = await c.req.arrayBuffer();
        await db.insert(images).values({ cameraId, size: body.byteLength });
        return c.json({ ok: true });
      });
    `,
    filename: "server/routes/upload.ts",
  },
  {
    name: "a route parameter parsed with a default (parseInt(x, 10) || 1) as a filter",
    code: dedent`
      import express from "express";
      const app = express();
      app.get("/pages/:n", async (req, res) => {
        res.json(await Page.findOne({ number: parseInt(req.params.n, 10) || 1 }));
      });
    `,
  },
  {
    name: "a field stripped to digits and required to have an exact length before the query",
    code: dedent`
      Deno.serve(async (req: Request) => {
        const { cnpj } = await req.json();
        if (!cnpj) return new Response("missing", { status: 400 });
        const digits = cnpj.replace(/\\D/g, "");
        if (digits.length !== 14) return new Response("must be 14 digits", { status: 400 });
        const { data } = await supabase.from("companies").select("*").eq("cnpj", digits).single();
        return Response.json(data);
      });
    `,
    filename: "supabase/functions/company/index.ts",
  },
  {
    name: "an element read into a local that a typeof test decides, with a default (record[key] in a small picker)",
    code: dedent`
      export function loadBranding(defaults: { name: string; color: string }) {
        const raw = localStorage.getItem("branding");
        if (!raw) return defaults;
        try {
          const parsed: unknown = JSON.parse(raw);
          if (typeof parsed !== "object" || parsed === null) return defaults;
          const record = parsed as Record<string, unknown>;
          const str = (key: "name" | "color") => {
            const value = record[key];
            return typeof value === "string" ? value : defaults[key];
          };
          return { name: str("name"), color: str("color") };
        } catch {
          return defaults;
        }
      }
    `,
    filename: "src/components/branding.tsx",
  },
  {
    name: "a page decided an array by Array.isArray whose length alone is counted (a connection test; break leaves the loop)",
    code: dedent`
      export async function countRepos(base: string, token: string) {
        let total = 0;
        for (let page = 1; ; page++) {
          const res = await fetch(\`\${base}/api/v1/user/repos?page=\${page}\`, { headers: { Authorization: \`token \${token}\` } });
          if (!res.ok) throw new Error(\`failed: \${res.status}\`);
          const repos = await res.json();
          if (!Array.isArray(repos) || repos.length === 0) break;
          total += repos.length;
          if (repos.length < 50) break;
        }
        return total;
      }
    `,
    filename: "src/providers/gitea.ts",
  },
  {
    name: "a body read before the status test whose fields, in the failure branch that throws, only word the error and pick a retry",
    code: dedent`
      export async function detect(form: FormData, retries = 3): Promise<unknown> {
        const res = await fetch("https://api.example.com/v3/detect", { method: "POST", body: form });
        const json = await res.json();
        if (!res.ok) {
          const message = (json as any).error_message || "detect failed";
          if (message === "CONCURRENCY_LIMIT_EXCEEDED" && retries > 0) return detect(form, retries - 1);
          throw new Error(message);
        }
        return json;
      }
    `,
    filename: "server/utils/detect.ts",
  },
  {
    name: "a field digested with Web Crypto (crypto.subtle.digest of its TextEncoder bytes) in a Worker",
    code: dedent`
      export default {
        async fetch(request: Request, env: Env) {
          const body = await request.json();
          if (!body.code) return new Response("code required", { status: 400 });
          const bytes = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(body.code));
          const hex = [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, "0")).join("");
          const row = await env.DB.prepare("select id from invites where code_hash = ?").bind(hex).first();
          return Response.json({ valid: !!row });
        },
      };
    `,
    filename: "src/worker.ts",
  },
  {
    name: "a destructured token compared in constant time (timingSafeEqual of Buffer.from) and a password derived with scryptSync",
    code: dedent`
      import express from "express";
      import { scryptSync, timingSafeEqual } from "node:crypto";
      const app = express();
      app.post("/admin/login", (req, res) => {
        const { token, password } = req.body;
        if (!token || !password) return res.sendStatus(400);
        const derived = scryptSync(password, SALT, 64);
        const ok = timingSafeEqual(Buffer.from(token), EXPECTED) && timingSafeEqual(derived, HASH);
        res.json({ ok });
      });
    `,
  },
  {
    name: "a field checked with validator.isEmail in an exiting if (with a presence test in the same condition) before the lookup",
    code: dedent`
      import express from "express";
      import validator from "validator";
      const app = express();
      app.post("/reset", async (req, res) => {
        if (!req.body.email || !validator.isEmail(req.body.email)) return res.status(400).json({ error: "email" });
        const user = await User.findOne({ email: req.body.email });
        res.json({ sent: !!user });
      });
    `,
  },
  {
    name: "a field allowlisted with a negated includes before it is stored",
    code: dedent`
      import express from "express";
      const ROLES = ["viewer", "editor"];
      const app = express();
      app.post("/members", async (req, res) => {
        if (!ROLES.includes(req.body.role)) return res.sendStatus(400);
        await Member.create({ role: req.body.role });
        res.sendStatus(201);
      });
    `,
  },
  {
    name: "a manual check script named like a test (final-test.js) printing what an API answers",
    code: dedent`
      const axios = require("axios");
      async function main() {
        const auth = await axios.get("https://sandbox.example.com/oauth/token", { auth: { username: KEY, password: SECRET } });
        const token = auth.data.access_token;
        const res = await fetch("https://sandbox.example.com/v1/balance", { headers: { Authorization: \`Bearer \${token}\` } });
        const balance = await res.json();
        console.log("balance", balance.amount);
      }
      main();
    `,
    filename: "final-test.js",
  },
];

const invalid: InvalidCase[] = [
  {
    name: "hashed, but also stored raw: the raw read is a use",
    code: PIN_STORED_RAW,
    filename: "server/routes/pins.ts",
    findings: [{ case: "honoRequest", line: 4, column: 22, endColumn: 34, suggestions: [mark(PIN_STORED_RAW, "honoRequest", 4)] }],
    output: null,
  },
  {
    name: "a regex test whose result is only stored checks nothing",
    code: REGEX_RESULT_IGNORED,
    filename: "server/routes/codes.ts",
    findings: [{ case: "honoRequest", line: 4, column: 22, endColumn: 34, suggestions: [mark(REGEX_RESULT_IGNORED, "honoRequest", 4)] }],
    output: null,
  },
  {
    name: "a presence test alone is no check: the field stored is reported",
    code: PRESENCE_ONLY,
    filename: "server/routes/names.ts",
    findings: [{ case: "honoRequest", line: 4, column: 22, endColumn: 34, suggestions: [mark(PRESENCE_ONLY, "honoRequest", 4)] }],
    output: null,
  },
  {
    name: "after a presence chain, the field read into a database lookup is reported there",
    code: PRESENCE_CHAIN_THEN_USE,
    findings: [{ case: "expressBody", line: 7, column: 20, endColumn: 28, suggestions: [mark(PRESENCE_CHAIN_THEN_USE, "expressBody", 7)] }],
    output: null,
  },
  {
    name: "a truthiness test of a field whose object is not tested first can crash: a use",
    code: PRESENCE_UNGUARDED,
    findings: [{ case: "expressBody", line: 4, column: 8, endColumn: 16, suggestions: [mark(PRESENCE_UNGUARDED, "expressBody", 4)] }],
    output: null,
  },
  {
    name: "a field read into an outer let and stored after a presence test only",
    code: LET_STORED,
    filename: "app/api/keys/route.ts",
    findings: [{ case: "nextAppRequest", line: 5, column: 24, endColumn: 34, suggestions: [mark(LET_STORED, "nextAppRequest", 5)] }],
    output: null,
  },
  {
    name: "a success branch that does not leave: the body read below is every response's",
    code: OK_NOT_LEFT,
    filename: "src/check.ts",
    findings: [{ case: "fetchJson", line: 6, column: 22, endColumn: 32, suggestions: [mark(OK_NOT_LEFT, "fetchJson", 6)] }],
    output: null,
  },
  {
    name: "a body written into and then stored whole: the stored read is reported",
    code: BODY_WRITTEN_THEN_STORED,
    filename: "src/routes/chat.ts",
    findings: [{ case: "koaRequest", line: 5, column: 32, endColumn: 48, suggestions: [mark(BODY_WRITTEN_THEN_STORED, "koaRequest", 5)] }],
    output: null,
  },
  {
    name: "a NaN fallback does not bound a page size: .limit(parseInt(x) || 10) stays reported",
    code: NUMBER_FALLBACK_PAGING,
    findings: [
      { case: "expressQuery", line: 4, column: 48, endColumn: 57, suggestions: [{ title: "Validate req.query with Zod (adds the zod dependency)", output: dedent`
          import express from "express";
          import { z } from "zod";
          const app = express();
          const GetProductsQuery = z.object({ limit: z.string() });

          app.get("/products", async (req, res) => {
            const parsed = GetProductsQuery.safeParse(req.query);
            if (!parsed.success) {
              res.status(400).json({ error: parsed.error.issues });
              return;
            }
            res.json(await Product.find().limit(parseInt(parsed.data.limit) || 10));
          });
        ` }, mark(NUMBER_FALLBACK_PAGING, "expressQuery", 4)] },
    ],
    output: null,
  },
  {
    name: "a field stripped to digits with no length check goes into the query",
    code: DIGITS_NO_LENGTH,
    filename: "supabase/functions/company/index.ts",
    findings: [
      { case: "webRequest", line: 2, column: 26, endColumn: 36, suggestions: [{ title: "Validate req.json() with Zod", output: dedent`
          import { z } from "npm:zod";

          const BodySchema = z.object({ cnpj: z.string().nullish() });

          Deno.serve(async (req: Request) => {
            const parsed = BodySchema.safeParse(await req.json());
            if (!parsed.success) return Response.json({ error: parsed.error.issues }, { status: 400 });
            const { cnpj } = parsed.data;
            if (!cnpj) return new Response("missing", { status: 400 });
            const digits = cnpj.replace(/\\D/g, "");
            const { data } = await supabase.from("companies").select("*").eq("cnpj", digits).single();
            return Response.json(data);
          });
        ` }, mark(DIGITS_NO_LENGTH, "webRequest", 2)] },
    ],
    output: null,
  },
  {
    name: "an array decided by Array.isArray and returned whole (cast to rows): the length test stays the use",
    code: ARRAY_RETURNED_WHOLE,
    filename: "src/monitoring.ts",
    findings: [{ case: "fetchJson", line: 4, column: 22, endColumn: 32, suggestions: [mark(ARRAY_RETURNED_WHOLE, "fetchJson", 4)] }],
    output: null,
  },
  {
    name: "an array decided by Array.isArray spread into another array: its elements go on unchecked",
    code: ARRAY_SPREAD_ON,
    filename: "src/providers/repos.ts",
    findings: [{ case: "fetchJson", line: 5, column: 25, endColumn: 35, suggestions: [mark(ARRAY_SPREAD_ON, "fetchJson", 5)] }],
    output: null,
  },
  {
    name: "an element read without a check of its own is a use",
    code: ELEMENT_UNCHECKED,
    filename: "src/prefs.ts",
    findings: [
      { case: "jsonParseExternal", line: 2, column: 18, endColumn: 67, suggestions: [{ title: 'Validate JSON.parse(localStorage.getItem("prefs"… with Zod (adds the zod dependency)', output: dedent`
          import { z } from "zod";

          const LoadPrefsData = z.record(z.string(), z.unknown());

          export function loadPrefs(defaults: Record<string, string>) {
            const record = LoadPrefsData.parse(JSON.parse(localStorage.getItem("prefs") ?? "{}")) as Record<string, unknown>;
            const pick = (key: string) => record[key] ?? defaults[key];
            return { theme: pick("theme"), lang: pick("lang") };
          }
        ` }, mark(ELEMENT_UNCHECKED, "jsonParseExternal", 2)] },
    ],
    output: null,
  },
  {
    name: "a failure branch that does not end and stores a field of the body uses it",
    code: FAILURE_KEPT,
    filename: "server/utils/detect.ts",
    findings: [{ case: "fetchJson", line: 3, column: 22, endColumn: 32, suggestions: [mark(FAILURE_KEPT, "fetchJson", 3)] }],
    output: null,
  },
  {
    name: "an includes test that only sets some values aside (not negated) checks nothing",
    code: CHECK_SETS_ASIDE,
    findings: [{ case: "expressBody", line: 5, column: 31, endColumn: 39, suggestions: [mark(CHECK_SETS_ASIDE, "expressBody", 5)] }],
    output: null,
  },
  {
    name: "a route handler named like a test (test-batch.ts) is no check script: its request input and the answers it stores stay reported",
    code: ROUTE_NAMED_LIKE_TEST,
    filename: "app/api/providers/test-batch.ts",
    findings: [
      { case: "nextAppRequest", line: 3, column: 22, endColumn: 32, suggestions: [mark(ROUTE_NAMED_LIKE_TEST, "nextAppRequest", 3)] },
      { case: "fetchJson", line: 5, column: 22, endColumn: 32, suggestions: [mark(ROUTE_NAMED_LIKE_TEST, "fetchJson", 5)] },
    ],
    output: null,
  },
];

runWithNamedCases(valid, invalid);
