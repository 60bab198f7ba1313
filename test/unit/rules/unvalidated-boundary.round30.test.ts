import { dedent, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";
import { mark, runWithNamedCases } from "./unvalidated-boundary.helpers";

// Held round 30 (retired to tune), session 27, developer ub27. Hand-written rows.

// An id whose first use is the lookup of one row scoped to the signed-in user, the request ended on a
// miss (the lead decision of rounds 27 and 30, clean debatable: tanmvo skate-ai-2 documents/[documentId],
// Clayton80024 onboardr installments, ezee969 sunnsteel-backend through its services): only the user's
// own ids get past the lookup. A lookup by the id alone, or one whose miss goes on, stays a use.
const NEXT_JOI = { "package.json": "{ \"name\": \"app\", \"dependencies\": { \"next\": \"15.0.0\", \"joi\": \"17.0.0\" } }\n" };
const DOCUMENT_FILE = "app/api/documents/[documentId]/route.ts";
const DOCUMENT = (where: string, miss: string) => dedent`
  import { NextRequest, NextResponse } from "next/server";
  import { prisma } from "@/lib/prisma";
  export async function DELETE(request: NextRequest, context: { params: Promise<{ documentId: string }> }) {
    const params = await context.params;
    const userId = await requireAuth();
    const documentId = params.documentId;
    const document = await prisma.document.findFirst({ where: ${where} });
    ${miss}
    await prisma.document.delete({ where: { id: documentId } });
    return NextResponse.json({ ok: true });
  }
`;
const MISS_404 = "if (!document) {\n    return NextResponse.json({ error: \"Document not found\" }, { status: 404 });\n  }";
const UNSCOPED = DOCUMENT("{ id: documentId }", MISS_404);
const MISS_GOES_ON = DOCUMENT("{ id: documentId, study: { userId } }", "console.log(document);");

const INSTALLMENTS = (scope: string) => dedent`
  import { NextResponse } from "next/server";
  export async function GET(request: Request) {
    const { userId } = await auth();
    const onboardingId = new URL(request.url).searchParams.get("onboardingId");
    const { data: onboarding, error: onboardingError } = await supabase
      .from("onboarding_data")
      .select("id")
      .eq("id", onboardingId)${scope}
      .single();
    if (onboardingError || !onboarding) {
      return NextResponse.json({ error: "Onboarding not found" }, { status: 404 });
    }
    const { data } = await supabase.from("installments").select("*").eq("onboarding_id", onboardingId);
    return NextResponse.json(data);
  }
`;
const INSTALLMENTS_UNSCOPED = INSTALLMENTS("");

// A KV key under the code's own prefix, or a store the handler built around its namespace, answered
// 404 on a miss (ijn-kruso stripeworker jobs routes, clean debatable): a key matches an entry or none.
// An object store's `get` (R2 `BUCKET.get(file)`) reads any object of the bucket: still a use.
const HONO_JOI = { "package.json": "{ \"name\": \"worker\", \"dependencies\": { \"hono\": \"4.0.0\", \"joi\": \"17.0.0\" } }\n" };
const JOB = (read: string) => dedent`
  import { Hono } from "hono";
  const app = new Hono();
  app.delete("/jobs/:jobId", async (c) => {
    const jobId = c.req.param("jobId");
    const job = await ${read};
    if (!job) {
      return c.json({ error: "Job not found" }, 404);
    }
    await c.env.KV.delete(\`job:\${jobId}\`);
    return c.json({ ok: true });
  });
  export default app;
`;
const OBJECT_READ = JOB("c.env.BUCKET.get(jobId)");

// The same lookup in a NestJS service the controller hands the route id to (ezee969 sunnsteel-backend).
const NEST_PACKAGE = "{ \"name\": \"api\", \"dependencies\": { \"@nestjs/common\": \"10.0.0\", \"@nestjs/core\": \"10.0.0\", \"class-validator\": \"0.14.0\", \"@prisma/client\": \"5.0.0\" } }\n";
const ROUTINES_CONTROLLER = dedent`
  import { Controller, Delete, Param, Req } from "@nestjs/common";
  import { RoutinesService } from "./routines.service";
  @Controller("routines")
  export class RoutinesController {
    constructor(private readonly routinesService: RoutinesService) {}
    @Delete(":id")
    async remove(@Req() req: RequestWithUser, @Param("id") id: string) {
      return this.routinesService.remove(req.user.id, id);
    }
  }
`;
const ROUTINES_SERVICE = (where: string) => dedent`
  import { Injectable, NotFoundException } from "@nestjs/common";
  import { DatabaseService } from "../database/database.service";
  @Injectable()
  export class RoutinesService {
    constructor(private readonly db: DatabaseService) {}
    async remove(userId: string, id: string) {
      const routine = await this.db.routine.findFirst({ where: ${where}, select: { id: true } });
      if (!routine) {
        throw new NotFoundException("Routine not found");
      }
      return this.db.routine.delete({ where: { id } });
    }
  }
`;
const routines = (where: string) => ({ "package.json": NEST_PACKAGE, "src/routines/routines.service.ts": ROUTINES_SERVICE(where) });
const ROUTINES_FILE = "src/routines/routines.controller.ts";


// Cloudflare Pages Functions (Houman6460 OCUS-jub-hunter, labelled findings): a module under `functions/`
// exporting `onRequest` or `onRequestPost`… is handed an EventContext whose `request` and `params` are the
// client's, typed `PagesFunction<Env>` or not, destructured in the signature or read from the context.
const PAGES_WORKER = { "package.json": "{ \"name\": \"site\", \"dependencies\": { \"zod\": \"3.0.0\" }, \"devDependencies\": { \"wrangler\": \"3.0.0\" } }\n" };
const REGISTER = (name: string, read: string) => dedent`
  import type { PagesFunction } from "@cloudflare/workers-types";
  export const ${name}: PagesFunction<Env> = async ({ request, env }) => {
    const body = ${read};
    await env.DB.prepare("INSERT INTO users (email) VALUES (?)").bind(body.email).run();
    return new Response("ok");
  };
`;
const REGISTER_RAW = REGISTER("onRequestPost", "await request.json()");
const TICKET = dedent`
  export async function onRequestGet(context: any) {
    const ticketId = Number(context.params.id);
    const ticket = await context.env.DB.prepare("SELECT * FROM tickets WHERE id = ?").bind(ticketId).all();
    return Response.json(ticket);
  }
`;
const TICKET_ZOD = dedent`
  import { z } from "zod";

  const OnRequestGetParams = z.object({ id: z.string().optional() });

  export async function onRequestGet(context: any) {
    const parsed = OnRequestGetParams.safeParse(context.params);
    if (!parsed.success) return Response.json({ error: parsed.error.issues }, { status: 400 });
    const ticketId = Number(parsed.data.id);
    const ticket = await context.env.DB.prepare("SELECT * FROM tickets WHERE id = ?").bind(ticketId).all();
    return Response.json(ticket);
  }
`;
const SETTINGS = dedent`
  export const onRequestPut = async (context: any) => {
    const { request, env } = context;
    const settings = await request.json();
    await env.DB.prepare("UPDATE settings SET value = ?").bind(JSON.stringify(settings.flags)).run();
    return new Response("ok");
  };
`;

// A reply read inside `if (res.ok) { … }` (or the `else` of `if (!res.ok)`) is the answer of a request
// that succeeded, as below an `if (!res.ok) return …` (Clayton80024 onboardr send-onboarding-email and
// send-payment-reminder, labelled clean): its id only logged and relayed in the answer is no use.
const SENT = (test: string, branch: (read: string) => string) => dedent`
  Deno.serve(async (req) => {
    const resendResponse = await fetch("https://api.resend.com/emails", { method: "POST", signal: AbortSignal.timeout(5000) });
    if (${test}) {
      ${branch("const emailData = await resendResponse.json();\n    console.log(\"sent\", emailData.id);\n    return new Response(JSON.stringify({ success: true, messageId: emailData.id }));")}
    }
    return new Response("failed", { status: 502 });
  });
`;
const SENT_STORED = SENT("resendResponse.status !== 500", (read) => read.replace("console.log(\"sent\", emailData.id);", "await supabase.from(\"emails\").insert({ id: emailData.id });"));

// The text a function of the module hands back (`return data.choices?.[0]?.message?.content || ""` of a
// fetched completion) is the model's text at its call: parsed and stored whole, a use (abhinavbajpai1232
// edurank-glow-1 generate-quiz, labelled finding). A function returning its own text is no input.
const QUIZ = (ret: string) => dedent`
  async function callModel(prompt: string): Promise<string> {
    const response = await fetch("https://ai.gateway.example/v1/chat/completions", { method: "POST", body: JSON.stringify({ prompt }), signal: AbortSignal.timeout(30000) });
    if (!response.ok) throw new Error(\`AI gateway error: \${response.status}\`);
    const data = await response.json();
    ${ret}
  }
  Deno.serve(async () => {
    const content = await callModel("quiz");
    let clean = content.trim();
    if (clean.startsWith("\`\`\`json")) clean = clean.slice(7);
    const questions = JSON.parse(clean.trim());
    await supabase.from("quizzes").insert({ questions });
    return new Response("ok");
  });
`;
const QUIZ_FROM_MODEL = QUIZ("return data.choices?.[0]?.message?.content || \"\";");

const valid: ValidCase[] = [
  { name: "next: a route id looked up first scoped to the user (Prisma findFirst), 404 on a miss, before the delete", code: DOCUMENT("{ id: documentId, study: { userId } }", MISS_404), filename: DOCUMENT_FILE, files: NEXT_JOI },
  { name: "next: a query id looked up first with .eq(user_id).single(), the error or miss answered 404", code: INSTALLMENTS("\n    .eq(\"user_id\", userId)"), filename: "src/app/api/installments/route.ts", files: NEXT_JOI },
  { name: "hono: a route id read as a KV key under a fixed prefix, 404 on a miss", code: JOB("c.env.KV.get(`job:${jobId}`)"), filename: "worker/src/routes/jobs.ts", files: HONO_JOI },
  { name: "hono: a route id read from a store the handler built around its namespace, 404 on a miss", code: JOB("createJobStore(c.env.KV).get(jobId)").replace("const job = await createJobStore(c.env.KV).get(jobId);", "const jobStore = createJobStore(c.env.KV);\n  const job = await jobStore.get(jobId);"), filename: "worker/src/routes/jobs.ts", files: HONO_JOI },
  { name: "nest: a route id handed to a service that looks it up scoped to the user and throws NotFoundException", code: ROUTINES_CONTROLLER, filename: ROUTINES_FILE, files: routines("{ id, userId }") },
  { name: "fetchJson: a reply read inside if (res.ok), its id only logged and answered", code: SENT("resendResponse.ok", (read) => read), filename: "supabase/functions/send-email/index.ts" },
  { name: "fetchJson: the same reply read in the else of if (!res.ok)", code: SENT("!resendResponse.ok", () => "return new Response(\"failed\", { status: 502 });\n  } else {\n    const emailData = await resendResponse.json();\n    return new Response(JSON.stringify({ messageId: emailData.id }));").replace("\n  }\n  return new Response(\"failed\", { status: 502 });", "\n  }"), filename: "supabase/functions/send-email/index.ts" },
  { name: "jsonParseExternal: the text a function of the module makes itself, parsed and stored", code: QUIZ("return \"[]\";"), filename: "supabase/functions/generate-quiz/index.ts" },
  { name: "pages: a Pages Function body parsed with a schema", code: REGISTER("onRequestPost", "Register.parse(await request.json())"), filename: "functions/api/customer/register.ts", files: PAGES_WORKER },
  { name: "pages: the same function under another export name is no Pages handler", code: REGISTER("handleRegister", "await request.json()"), filename: "functions/api/customer/register.ts", files: PAGES_WORKER },
];

const invalid: InvalidCase[] = [
  {
    name: "next: the same lookup by the id alone",
    code: UNSCOPED,
    filename: DOCUMENT_FILE,
    files: NEXT_JOI,
    findings: [{ case: "nextAppRequest", line: 4, column: 24, endColumn: 38, suggestions: [mark(UNSCOPED, "nextAppRequest", 4)] }],
    output: null,
  },
  {
    name: "next: the same scoped lookup whose miss goes on",
    code: MISS_GOES_ON,
    filename: DOCUMENT_FILE,
    files: NEXT_JOI,
    findings: [{ case: "nextAppRequest", line: 4, column: 24, endColumn: 38, suggestions: [mark(MISS_GOES_ON, "nextAppRequest", 4)] }],
    output: null,
  },
  {
    name: "next: the query id looked up by itself with .single()",
    code: INSTALLMENTS_UNSCOPED,
    filename: "src/app/api/installments/route.ts",
    files: NEXT_JOI,
    findings: [{ case: "nextAppRequest", line: 4, column: 24, endColumn: 77, suggestions: [mark(INSTALLMENTS_UNSCOPED, "nextAppRequest", 4)] }],
    output: null,
  },
  {
    name: "hono: a route id read as the name of an object in a bucket",
    code: OBJECT_READ,
    filename: "worker/src/routes/jobs.ts",
    files: HONO_JOI,
    findings: [{ case: "honoRequest", line: 4, column: 17, endColumn: 37, suggestions: [mark(OBJECT_READ, "honoRequest", 4)] }],
    output: null,
  },
  {
    name: "nest: the service looks the route id up by itself",
    code: ROUTINES_CONTROLLER,
    filename: ROUTINES_FILE,
    files: routines("{ id }"),
    findings: [{ case: "nestDecorator", line: 7, column: 45, endColumn: 57, suggestions: [mark(ROUTINES_CONTROLLER, "nestDecorator", 7)] }],
    output: null,
  },
  {
    name: "fetchJson: a reply read under a test that lets failures in, its id stored",
    code: SENT_STORED,
    filename: "supabase/functions/send-email/index.ts",
    findings: [{ case: "fetchJson", line: 4, column: 29, endColumn: 50, suggestions: [mark(SENT_STORED, "fetchJson", 4)] }],
    output: null,
  },
  {
    name: "jsonParseExternal: the model's text a function of the module returns, parsed and stored whole",
    code: QUIZ_FROM_MODEL,
    filename: "supabase/functions/generate-quiz/index.ts",
    findings: [{ case: "jsonParseExternal", line: 11, column: 21, endColumn: 45, suggestions: [mark(QUIZ_FROM_MODEL, "jsonParseExternal", 11)] }],
    output: null,
  },
  {
    name: "pages: a Pages Function body destructured from its typed context, stored unchecked",
    code: REGISTER_RAW,
    filename: "functions/api/customer/register.ts",
    files: PAGES_WORKER,
    findings: [{ case: "webRequest", line: 3, column: 22, endColumn: 36, suggestions: [mark(REGISTER_RAW, "webRequest", 3)] }],
    output: null,
  },
  {
    name: "pages: a route param read from an untyped context, coerced without a NaN check",
    code: TICKET,
    filename: "functions/api/tickets/[id]/messages.ts",
    files: PAGES_WORKER,
    findings: [{ case: "webRequest", line: 2, column: 27, endColumn: 41, suggestions: [{ title: "Validate context.params with Zod", output: TICKET_ZOD }, mark(TICKET, "webRequest", 2)] }],
    output: null,
  },
  {
    name: "pages: the request destructured from the context in the body",
    code: SETTINGS,
    filename: "functions/api/admin/auth-settings.ts",
    files: PAGES_WORKER,
    findings: [{ case: "webRequest", line: 3, column: 26, endColumn: 40, suggestions: [mark(SETTINGS, "webRequest", 3)] }],
    output: null,
  },
];

runWithNamedCases(valid, invalid);
