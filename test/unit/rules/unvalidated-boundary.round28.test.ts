import { dedent, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";
import { mark, runWithNamedCases } from "./unvalidated-boundary.helpers";

// Session 26, developer ub26 (issue 11): classes of unvalidated-boundary's false findings and misses
// on held round 28, retired to tune, written into docs/rules/unvalidated-boundary.md. Hand-written
// analogues, not the repositories' code.

// A completion's text tried in two optional reads before one text fallback (jakwakwa
// v0-ai-curated-podcast-app openai.ts:49, labelled clean): text whatever the shape.
const TEXT_ALTERNATIVES = (read: string) => dedent`
  export async function transcribe(url: string, key: string) {
    const res = await fetch("https://api.openai.com/v1/chat/completions", { method: "POST", headers: { Authorization: key }, body: JSON.stringify({ url }), signal: AbortSignal.timeout(60000) });
    if (!res.ok) return null;
    const json = await res.json();
    const text = ${read};
    return text;
  }
`;
const ALTERNATIVES_NO_FALLBACK = TEXT_ALTERNATIVES("json?.choices?.[0]?.message?.content || json?.choices?.[0]?.text");

// A forced tool call read into a local only tested, its name compared, its arguments parsed
// (taishonblack/mako-construct extract-callsheet:225, labelled clean); the local returned whole is a use.
const TOOL_CALL = (use: string) => dedent`
  export async function extract(text: string, key: string) {
    const response = await fetch("https://ai.gateway.example.com/v1/chat/completions", { method: "POST", headers: { Authorization: key }, body: JSON.stringify({ text }), signal: AbortSignal.timeout(60000) });
    if (!response.ok) throw new Error("gateway " + response.status);
    const data = await response.json();
    const toolCall = data.choices?.[0]?.message?.tool_calls?.[0];
    ${use}
  }
`;
const TOOL_CALL_PARSED = TOOL_CALL('if (!toolCall || toolCall.function.name !== "extract_sheet") throw new Error("no tool call");\n  return JSON.parse(toolCall.function.arguments) as unknown;');
const TOOL_CALL_RETURNED = TOOL_CALL("if (!toolCall) throw new Error(\"no tool call\");\n  return toolCall;");

// Body fields only put into the text of a model's prompt in an outbound JSON body, one only
// choosing between two texts of the code's own (Hopaba_Real enhance-search:37, mako-construct
// quinn-parse-doc:19, labelled clean); the same text used as a database filter is a use.
const PROMPT = (sink: string) => dedent`
  Deno.serve(async (req) => {
    const { query, context, nearMe } = await req.json();
    const messages = [
      { role: "system", content: \`Enhance search queries.\${nearMe ? " Prefer nearby places." : ""}\` },
      { role: "user", content: \`Query: "\${query}"\${context ? \`\\nContext: \${context}\` : ""}\` },
    ];
    ${sink}
    return new Response(await response.text());
  });
`;
const PROMPT_SENT = PROMPT('const response = await fetch("https://api.deepseek.com/v1/chat/completions", { method: "POST", body: JSON.stringify({ model: "deepseek-chat", messages }), signal: AbortSignal.timeout(30000) });');
const PROMPT_FILE = dedent`
  Deno.serve(async (req) => {
    const { fileBase64, fileName, mimeType } = await req.json();
    if (!fileBase64) return new Response("no file", { status: 400 });
    const content: unknown[] = [{ type: "text", text: \`Extract the text of \${fileName || "the file"}.\` }];
    content.push({ type: "image_url", image_url: { url: \`data:\${mimeType || "application/pdf"};base64,\${fileBase64}\` } });
    const response = await fetch("https://ai.gateway.example.com/v1/chat/completions", {
      method: "POST",
      body: JSON.stringify({ model: "gemini", messages: [{ role: "user", content }] }),
      signal: AbortSignal.timeout(60000),
    });
    return new Response(await response.text());
  });
`;
const PROMPT_QUERIED = PROMPT('const { data: response } = await supabase.from("places").select("*").ilike("name", `%${query}%`);');

// A field only required (`if (!url) return 400`) and never read again (v0-vocahire recordings:83,
// a stub answering 501, labelled clean); required, then deleted from disk, it is a use.
const REQUIRED = (after: string) => dedent`
  import { unlink } from "fs/promises";
  import { NextResponse } from "next/server";
  export async function POST(request: Request) {
    const { url, attachmentId } = await request.json();
    if (!url || !attachmentId) return NextResponse.json({ error: "url and attachmentId are required" }, { status: 400 });
    ${after}
  }
`;
const REQUIRED_ONLY = REQUIRED('return NextResponse.json({ error: "Not implemented" }, { status: 501 });');
const REQUIRED_UNLINKED = REQUIRED("await unlink(url);\n  return NextResponse.json({ ok: true });");

// A raw prefix test is no containment check for a file path (Arconiccapital v0-ai-data-enrichment1
// column-attachments/delete:7, labelled finding; held rounds 23 and 24): `.uploads/../x` passes.
const PREFIX = (test: string) => dedent`
  import { unlink } from "fs/promises";
  import { join } from "path";
  import { NextResponse } from "next/server";
  export async function POST(request: Request) {
    const { filepath } = await request.json();
    const baseDir = join(process.cwd(), ".uploads");
    ${test}
    return NextResponse.json({ ok: true });
  }
`;
const PREFIX_RAW = PREFIX("if (!filepath.startsWith(baseDir)) return NextResponse.json({ error: \"Invalid filepath\" }, { status: 403 });\n  await unlink(filepath);");

// A token only sent as a header value of an outbound request (dietix auth/google:9, labelled clean);
// also kept as a lookup key, it is a use.
const BEARER = (after: string) => dedent`
  import { NextResponse } from "next/server";
  export async function POST(req: Request) {
    const { access_token } = await req.json();
    if (!access_token) return NextResponse.json({ error: "Missing token" }, { status: 400 });
    const res = await fetch("https://www.googleapis.com/oauth2/v3/userinfo", { headers: { Authorization: \`Bearer \${access_token}\` }, signal: AbortSignal.timeout(10000) });
    ${after}
    return NextResponse.json({ ok: res.ok });
  }
`;
const BEARER_ONLY = BEARER("console.log(\"userinfo\", res.status);");
const BEARER_KEPT = BEARER("await db.session.findFirst({ where: { token: access_token } });");

// A reply's element field coerced twice (`parseFloat(String(first.lat))`) into a local checked with
// Number.isFinite (WhatsApp-Bot-Tasks-Management geocoder.ts:123, labelled clean); unchecked, NaN goes on.
const GEOCODE = (check: string) => dedent`
  export async function geocode(q: string) {
    const res = await fetch(\`https://nominatim.example.org/search?q=\${encodeURIComponent(q)}\`, { signal: AbortSignal.timeout(5000) });
    if (!res.ok) return null;
    const body: unknown = await res.json();
    if (!Array.isArray(body) || body.length === 0) return null;
    const first = body[0] as Record<string, unknown>;
    const lat = parseFloat(String(first.lat));
    ${check}
    return lat;
  }
`;
const GEOCODE_UNCHECKED = GEOCODE("console.log(\"geocoded\", q);");

// req.cookies in an Express project with no cookie middleware is always undefined (ujani-whatsapp-bot
// sessionAuth.ts:7, labelled clean: no source); with cookie-parser it is the browser's text.
const COOKIE_LOOKUP = dedent`
  import { Request, Response, NextFunction } from "express";
  import db from "../db/knex.js";
  export async function requireSession(req: Request, res: Response, next: NextFunction) {
    const token = req.cookies?.app_session as string | undefined;
    if (!token) return res.status(401).json({ error: "unauthorized" });
    const session = await db("sessions").where("token", token).first();
    if (!session) return res.status(401).json({ error: "invalid_session" });
    next();
  }
`;
const EXPRESS_ONLY = '{ "dependencies": { "express": "^4.19.0", "knex": "^3.1.0" } }';
const EXPRESS_COOKIES = '{ "dependencies": { "express": "^4.19.0", "knex": "^3.1.0", "cookie-parser": "^1.4.6", "joi": "^17.13.0" } }';

// A class-validator DTO built from the body with a field-picking constructor checks nothing until
// validate() runs (aderibigbeolamide/mod payment.controller.ts:121, labelled finding).
const DTO = (check: string) => dedent`
  import { Request, Response, NextFunction } from "express";
  import { validate } from "class-validator";
  import { CreateAccountDto } from "../dtos/createAccount.dto.js";
  import AccountService from "../services/accountDetails.service.js";
  export async function createAccountDetails(req: Request, res: Response, next: NextFunction) {
    const dto = new CreateAccountDto(req.body);
    ${check}
    res.json(await new AccountService().saveAccount(dto));
  }
`;
const DTO_UNCHECKED = DTO("console.log(\"saving account\");");
const CLASS_VALIDATOR = '{ "dependencies": { "express": "^4.19.0", "class-validator": "^0.14.0" } }';

// A model's text parsed through a file-local helper that cuts its fences off and returns JSON.parse
// (dietix diets/generate:198, labelled finding): the parse at the helper's call line; validated there, none.
const PARSE_HELPER = (use: string) => dedent`
  import { z } from "zod";
  import { db } from "@/db";
  const Plan = z.object({ meals: z.array(z.object({ name: z.string() })) });
  function safeJsonParse(text: string) {
    const cleaned = text.replace(/\`\`\`json/gi, "").replace(/\`\`\`/g, "").trim();
    return JSON.parse(cleaned);
  }
  export async function generate(prompt: string) {
    const res = await fetch("https://llm.example.com/complete", { method: "POST", body: prompt, signal: AbortSignal.timeout(60000) });
    const rawText = await res.text();
    ${use}
  }
`;
const PARSE_HELPER_USED = PARSE_HELPER("const parsed = safeJsonParse(rawText);\n  for (const meal of parsed.meals) await db.meal.create({ data: { name: meal.name } });");

// A model's text read through optional links into a const, presence-tested with an exit, then only
// JSON.parse'd (Legit-app process-batch-queue:116, labelled clean; round 26's decision); a string method
// past the test stays a use (labelled findings elsewhere on tune).
const GEMINI_TEXT = (use: string) => dedent`
  export async function classify(prompt: string) {
    const response = await fetch("https://generativelanguage.googleapis.com/v1beta/models/gemini:generateContent", { method: "POST", body: prompt, signal: AbortSignal.timeout(30000) });
    if (!response.ok) return null;
    const data = await response.json();
    const text = data.candidates?.[0]?.content?.parts?.[0]?.text;
    if (!text) return null;
    ${use}
  }
`;
const GEMINI_TEXT_MATCHED = GEMINI_TEXT("return text.match(/\\{[\\s\\S]*\\}/)?.[0] ?? null;");

// Auth.js's credentials provider hands the sign-in body to authorize() (round 27's decision; tune:
// nextjs-ai-book-summary-saas lib/auth.ts:25, nuxt-trello server/api/auth/[...].ts:21, labelled findings).
const AUTHORIZE = (use: string) => dedent`
  import NextAuth from "next-auth";
  import CredentialsProvider from "next-auth/providers/credentials";
  import { prisma } from "@/lib/db/prisma";
  export const { handlers, auth } = NextAuth({
    providers: [
      CredentialsProvider({
        credentials: { email: { label: "Email" }, password: { label: "Password", type: "password" } },
        async authorize(credentials) {
          ${use}
          return user ? { id: user.id, email: user.email } : null;
        },
      }),
    ],
  });
`;
const AUTHORIZE_RAW = AUTHORIZE("if (!credentials?.email || !credentials?.password) return null;\n        const user = await prisma.user.findUnique({ where: { email: credentials.email as string } });");

const valid: ValidCase[] = [
  { name: "fetchJson: two optional model text reads before one text fallback", code: TEXT_ALTERNATIVES('(json?.choices?.[0]?.message?.content || json?.choices?.[0]?.text || "").trim()'), filename: "lib/transcribe.ts" },
  { name: "fetchJson: a tool call local only tested, its name compared, its arguments parsed", code: TOOL_CALL_PARSED, filename: "supabase/functions/extract/index.ts" },
  { name: "webRequest: fields only in a model prompt's text sent in an outbound JSON body", code: PROMPT_SENT, filename: "supabase/functions/enhance-search/index.ts" },
  { name: "webRequest: file fields only in the text of a pushed message part", code: PROMPT_FILE, filename: "supabase/functions/parse-doc/index.ts" },
  { name: "nextAppRequest: fields only required before a stub answer", code: REQUIRED_ONLY, filename: "app/api/recordings/route.ts" },
  { name: "nextAppRequest: a token only sent as a bearer header", code: BEARER_ONLY, filename: "app/api/auth/google/route.ts" },
  { name: "fetchJson: an element's field coerced twice into a local checked with isFinite", code: GEOCODE("if (!Number.isFinite(lat)) return null;"), filename: "src/services/geocoder.ts" },
  { name: "expressQuery: req.cookies in a project with no cookie middleware", code: COOKIE_LOOKUP, filename: "src/middleware/session.ts", files: { "package.json": EXPRESS_ONLY } },
  { name: "expressBody: a DTO built from the body and validated", code: DTO("const errors = await validate(dto);\n  if (errors.length > 0) return res.status(400).json({ errors });"), filename: "src/controllers/payment.controller.ts", files: { "package.json": CLASS_VALIDATOR } },
  { name: "jsonParseExternal: a file-local parse helper's result validated", code: PARSE_HELPER("const parsed = Plan.parse(safeJsonParse(rawText));\n  for (const meal of parsed.meals) await db.meal.create({ data: { name: meal.name } });"), filename: "app/api/diets/generate/route.ts" },
  { name: "fetchJson: a model's text presence-tested, then only parsed", code: GEMINI_TEXT("return JSON.parse(text) as unknown;"), filename: "supabase/functions/classify/index.ts" },
  { name: "nextAppRequest: authorize's credentials parsed with a schema first", code: AUTHORIZE("const { email } = SignIn.parse(credentials);\n        const user = await prisma.user.findUnique({ where: { email } });"), filename: "lib/auth.ts" },
  { name: "nextAppRequest: an authorize method outside a credentials provider", code: AUTHORIZE_RAW.replace("CredentialsProvider({", "GitHubProvider({").replace("import CredentialsProvider from \"next-auth/providers/credentials\";", "import GitHubProvider from \"next-auth/providers/github\";"), filename: "lib/auth.ts" },
];

const invalid: InvalidCase[] = [
  {
    name: "nextAppRequest: authorize's credentials only presence-tested, the e-mail a lookup key",
    code: AUTHORIZE_RAW,
    filename: "lib/auth.ts",
    files: { "package.json": '{ "name": "app", "dependencies": { "next": "^15.0.0", "next-auth": "^5.0.0-beta.25", "joi": "^17.13.0" } }' },
    findings: [{ case: "nextAppRequest", line: 8, column: 23, endColumn: 34, suggestions: [mark(AUTHORIZE_RAW, "nextAppRequest", 8)] }],
    output: null,
  },
  {
    name: "fetchJson: the presence-tested text handed to a string method",
    code: GEMINI_TEXT_MATCHED,
    filename: "src/classify.ts",
    files: { "package.json": '{ "name": "api", "dependencies": { "joi": "^17.13.0" } }' },
    findings: [{ case: "fetchJson", line: 4, column: 22, endColumn: 37, suggestions: [mark(GEMINI_TEXT_MATCHED, "fetchJson", 4)] }],
    output: null,
  },
  {
    name: "jsonParseExternal: a file-local parse helper's result iterated and stored",
    code: PARSE_HELPER_USED,
    filename: "app/api/diets/generate/route.ts",
    findings: [{ case: "jsonParseExternal", line: 11, column: 18, endColumn: 40, suggestions: [mark(PARSE_HELPER_USED, "jsonParseExternal", 11)] }],
    output: null,
  },
  {
    name: "expressBody: a DTO built from the body and handed to a service unvalidated",
    code: DTO_UNCHECKED,
    filename: "src/controllers/payment.controller.ts",
    files: { "package.json": CLASS_VALIDATOR },
    findings: [{ case: "expressBody", line: 6, column: 36, endColumn: 44, suggestions: [mark(DTO_UNCHECKED, "expressBody", 6)] }],
    output: null,
  },
  {
    name: "expressQuery: req.cookies with cookie-parser, a lookup key",
    code: COOKIE_LOOKUP,
    filename: "src/middleware/session.ts",
    files: { "package.json": EXPRESS_COOKIES },
    findings: [{ case: "expressQuery", line: 4, column: 17, endColumn: 28, suggestions: [mark(COOKIE_LOOKUP, "expressQuery", 4)] }],
    output: null,
  },
  {
    name: "fetchJson: the same coerced field never checked",
    code: GEOCODE_UNCHECKED,
    filename: "src/services/geocoder.ts",
    findings: [{ case: "fetchJson", line: 4, column: 31, endColumn: 41, suggestions: [mark(GEOCODE_UNCHECKED, "fetchJson", 4)] }],
    output: null,
  },
  {
    name: "nextAppRequest: the bearer token also a lookup key",
    code: BEARER_KEPT,
    filename: "app/api/auth/google/route.ts",
    findings: [{ case: "nextAppRequest", line: 3, column: 34, endColumn: 44, suggestions: [mark(BEARER_KEPT, "nextAppRequest", 3)] }],
    output: null,
  },
  {
    name: "nextAppRequest: a required field then deleted from disk",
    code: REQUIRED_UNLINKED,
    filename: "app/api/recordings/route.ts",
    findings: [{ case: "nextAppRequest", line: 4, column: 39, endColumn: 53, suggestions: [mark(REQUIRED_UNLINKED, "nextAppRequest", 4)] }],
    output: null,
  },
  {
    name: "nextAppRequest: the raw path's prefix tested before the unlink",
    code: PREFIX_RAW,
    filename: "app/api/attachments/delete/route.ts",
    findings: [{
      case: "nextAppRequest", line: 5, column: 30, endColumn: 44,
      suggestions: [
        {
          title: "Validate request.json() with Zod (adds the zod dependency)",
          output: PREFIX_RAW.replace('import { NextResponse } from "next/server";\n', 'import { NextResponse } from "next/server";\nimport { z } from "zod";\nconst PostBody = z.object({ filepath: z.string() });\n\n')
            .replace("  const { filepath } = await request.json();\n", "  const parsed = PostBody.safeParse(await request.json());\n  if (!parsed.success) return NextResponse.json({ error: parsed.error.issues }, { status: 400 });\n  const { filepath } = parsed.data;\n"),
        },
        mark(PREFIX_RAW, "nextAppRequest", 5),
      ],
    }],
    output: null,
  },
  {
    name: "fetchJson: the same alternatives with no text fallback",
    code: ALTERNATIVES_NO_FALLBACK,
    filename: "lib/transcribe.ts",
    findings: [{ case: "fetchJson", line: 4, column: 22, endColumn: 32, suggestions: [mark(ALTERNATIVES_NO_FALLBACK, "fetchJson", 4)] }],
    output: null,
  },
  {
    name: "fetchJson: the tool call local returned whole",
    code: TOOL_CALL_RETURNED,
    filename: "supabase/functions/extract/index.ts",
    findings: [{ case: "fetchJson", line: 4, column: 22, endColumn: 37, suggestions: [mark(TOOL_CALL_RETURNED, "fetchJson", 4)] }],
    output: null,
  },
  {
    name: "webRequest: the prompt's field also used in a database filter",
    code: PROMPT_QUERIED,
    filename: "supabase/functions/enhance-search/index.ts",
    findings: [{ case: "webRequest", line: 2, column: 44, endColumn: 54, suggestions: [mark(PROMPT_QUERIED, "webRequest", 2)] }],
    output: null,
  },
];

runWithNamedCases(valid, invalid);
