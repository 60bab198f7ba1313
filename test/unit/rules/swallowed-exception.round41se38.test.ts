import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester } from "../../helpers/rule-tester";

// Session 38, developer se38, from retired held round 41:
// - Firebase event and scheduled triggers (firebase-trigger.ts): a log-only try ending a Firestore,
//   Storage or Pub/Sub trigger or a scheduled function has nobody to answer (servimap's push
//   notifications, clean); not where retries are on, and a helper the trigger awaits keeps its caller.
// - A made-up stand-in for a failed write answered as success (stored-fallback.ts): v0-retirement's
//   mock blog post behind "continuing with generated content", answered `success: true` (decided finding).
// - A connection's own "lost" listener that opens it again (lost-connection.ts): hono-bot-wa's
//   `client.on("disconnected")` re-initialize whose failure is only logged (decided finding).
// - A fixed-text error thrown only in the branch where the caught error has no message (optional.ts
//   throwsForNonError): my-bilingual-reader's `if (error.message) throw new Error(error.message); else
//   throw new Error("Error calling DeepSeek API")`, as `new Error(error.message || "…")` (debatable clean).
// - A try that only writes cookies through Next.js's `cookies()` store (next-cookies.ts): tfcm's Lucia
//   `validateRequest` and the `@supabase/ssr` `setAll` template without its comment (debatable clean).
// - A diagnostic check whose only effect is a warning (diagnostic-check.ts): nest-langgraph-ai's
//   Qdrant vector-size check (decided clean).
// This table declares only the cases its invalid rows name.
const named = new Set(["logAndContinue", "rethrowWithoutCause", "emptyCatch"]);
const narrowed = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => named.has(id))) } as typeof swallowedException;

const rethrow = (code: string, logLine: string, indent: string, err: string) => ({ title: "Rethrow the error", output: code.replace(`${logLine}\n`, `${logLine}\n${indent}throw ${err};\n`) });
const ignore = (code: string, header: string, indent: string) => ({ title: "Mark as intentionally ignored…", output: code.replace(`${header}\n`, `${header}\n${indent}// Intentionally ignored: <reason>\n`) });

// servimap's functions/src/notificaciones/push-notifications.js, reduced: a v1 Firestore onCreate trigger.
const onCreateTrigger = dedent`
  const functions = require("firebase-functions");
  const admin = require("firebase-admin");
  exports.notifyModerators = functions.firestore
    .document("cola_moderacion/{id}")
    .onCreate(async (snap, context) => {
      const item = snap.data();
      try {
        const tokens = await loadAdminTokens();
        if (tokens.length === 0) return;
        await admin.messaging().sendMulticast({ tokens, notification: { title: item.tipo } });
      } catch (error) {
        console.error("Error sending moderator notification:", error);
      }
    });
`;
// The same file's daily summary: a v1 pubsub schedule.
const pubsubSchedule = dedent`
  const functions = require("firebase-functions");
  exports.dailySummary = functions.pubsub
    .schedule("0 9 * * *")
    .timeZone("America/Mexico_City")
    .onRun(async (context) => {
      try {
        const stats = await collectStats();
        await sendSummary(stats);
      } catch (error) {
        console.error("Error sending daily summary:", error);
      }
    });
`;
// Hand-written TypeScript, v2 API: a scheduled clean-up and a Storage finalize trigger.
const v2Triggers = dedent`
  import { onSchedule } from "firebase-functions/v2/scheduler";
  import { onObjectFinalized } from "firebase-functions/v2/storage";
  import * as logger from "firebase-functions/logger";
  export const purgeExpired = onSchedule({ schedule: "every 24 hours", region: "europe-west1" }, async () => {
    try {
      await purgeExpiredSessions();
    } catch (err) {
      logger.error("purge failed", err);
    }
  });
  export const makeThumbnail = onObjectFinalized({ memory: "1GiB" }, async (event) => {
    try {
      await renderThumbnail(event.data.name);
    } catch (err) {
      logger.error("thumbnail failed", err);
    }
  });
`;
// Neighbour: retries on: a throw would run the event again.
const retried = dedent`
  import { onDocumentWritten } from "firebase-functions/v2/firestore";
  export const syncOrder = onDocumentWritten({ document: "orders/{id}", retry: true }, async (event) => {
    try {
      await pushToErp(event.data?.after.data());
    } catch (err) {
      console.error("ERP sync failed", err);
    }
  });
`;
// Neighbour: an onRequest function has a caller.
const httpFn = dedent`
  const { onRequest } = require("firebase-functions/v2/https");
  exports.report = onRequest(async (req, res) => {
    try {
      await buildReport();
    } catch (err) {
      console.error("report failed", err);
    }
    res.send("ok");
  });
`;

// grego118118/v0-retirement app/api/admin/blog/generate/route.ts, reduced.
const mockPost = dedent`
  import { NextResponse } from "next/server";
  import { prisma } from "@/lib/prisma";
  export async function POST(request: Request) {
    const { title } = await request.json();
    let savedPost;
    try {
      savedPost = await prisma.blogPost.create({ data: { title, status: "draft" } });
    } catch (dbError) {
      console.warn("Database save failed, continuing with generated content:", dbError);
      // Create a mock saved post for testing
      savedPost = { id: \`test-\${Date.now()}\`, title, status: "draft" };
    }
    return NextResponse.json({ success: true, post: { id: savedPost.id, status: savedPost.status } });
  }
`;
// Hand-written Express: a made-up order answered ok: true.
const madeUpOrder = dedent`
  router.post("/orders", async (req, res) => {
    let order;
    try {
      order = await Order.create(req.body);
    } catch (err) {
      logger.warn("order insert failed, continuing without persistence", err);
      order = { id: "pending", status: "received" };
    }
    res.json({ ok: true, orderId: order.id });
  });
`;
// Neighbour: the stand-in answered without claiming success.
const madeUpNoClaim = madeUpOrder.replace("res.json({ ok: true, orderId: order.id });", "res.status(202).json({ orderId: order.id, persisted: false });");

// ktyudha/hono-bot-wa src/services/whatsapp.service.ts, reduced.
const waReconnect = dedent`
  import { Client, LocalAuth } from "whatsapp-web.js";
  import { logger } from "../utils/logger";
  export class WhatsAppService {
    private client: Client;
    private isInitializing = false;
    constructor() {
      this.client = new Client({ authStrategy: new LocalAuth() });
      this.initializeEvents();
    }
    private initializeEvents(): void {
      this.client.on("disconnected", async (reason: string) => {
        logger.warn(\`client disconnected: \${reason}\`);
        this.isInitializing = true;
        this.client = new Client({ authStrategy: new LocalAuth() });
        this.initializeEvents();
        try {
          await this.client.initialize();
        } catch (err) {
          logger.error("reinitialize failed:", err);
          this.isInitializing = false;
        }
      });
    }
  }
`;
// Hand-written JavaScript: an AMQP consumer that reconnects from its connection's close listener.
const amqpReconnect = dedent`
  const amqp = require("amqplib");
  async function start() {
    const conn = await amqp.connect(process.env.AMQP_URL);
    conn.on("close", async () => {
      try {
        await connectConsumer();
      } catch (e) {
        console.error("consumer reconnect failed", e);
      }
    });
  }
  module.exports = { start };
`;
// Neighbour: the lost listener only tells someone; it opens nothing again.
const disconnectNotice = dedent`
  import { Client } from "whatsapp-web.js";
  const client = new Client({});
  client.on("disconnected", async (reason) => {
    try {
      await notifyAdmins(\`bot disconnected: \${reason}\`);
    } catch (err) {
      console.error("notice failed", err);
    }
  });
`;

// matanew1/nest-langgraph-ai src/modules/vector-db/qdrant.provider.ts, reduced.
const qdrantCheck = dedent`
  import { Logger } from "@nestjs/common";
  const logger = new Logger("Qdrant");
  export async function ensureCollection(client: QdrantClient, name: string, size: number): Promise<void> {
    try {
      const info = await client.getCollection(name);
      const existing = getVectorSizeFromCollectionInfo(info);
      if (typeof existing === "number" && existing !== size) {
        logger.warn(\`Qdrant collection '\${name}' vector size mismatch: existing=\${existing}, env=\${size}.\`);
      }
    } catch (err: unknown) {
      const message = err instanceof Error ? err.message : String(err);
      logger.warn(\`Qdrant collection info check failed: \${message}\`);
    }
    logger.log(\`Qdrant collection '\${name}' ready\`);
  }
`;
// Hand-written JavaScript: a disk-space warning at start-up.
const diskCheck = dedent`
  const fs = require("fs");
  async function warnIfUploadsLarge(dir) {
    try {
      const stats = await fs.promises.stat(dir);
      if (stats.size > MAX_UPLOAD_DIR_BYTES) console.warn("uploads folder is large:", stats.size);
    } catch (e) {
      console.warn("could not check the uploads folder:", e.message);
    }
  }
  module.exports = { warnIfUploadsLarge };
`;
// Neighbour: the try creates the collection before it warns.
const qdrantCreates = qdrantCheck.replace("const info = await client.getCollection(name);", "const info = await client.createCollection(name, { vectors: { size, distance: \"Cosine\" } });");

// AkramRasikh/my-bilingual-reader-firebase-functions functions/src/ai-utils/index.ts, reduced.
const messageOrFixed = dedent`
  const OpenAI = require("openai");
  async function chatGptTextAPI({ sentence, model }) {
    const openai = new OpenAI({ apiKey: process.env.DEEPSEEK_KEY, baseURL: "https://api.deepseek.com" });
    try {
      const completion = await openai.chat.completions.create({ messages: [{ role: "user", content: sentence }], model });
      return completion.choices[0].message.content.trim();
    } catch (error) {
      console.error("Deepseek Error:", error.message);
      if (error.message) {
        throw new Error(error.message);
      } else {
        throw new Error("Error calling DeepSeek API");
      }
    }
  }
  module.exports = { chatGptTextAPI };
`;
// Hand-written TypeScript: the same without the else, through optional links.
const messageOrFixedTs = dedent`
  export async function loadProfile(id: string): Promise<Profile> {
    try {
      return await profiles.get(id);
    } catch (err: any) {
      if (err?.message) throw new ProfileError(\`profile lookup failed: \${err.message}\`);
      throw new ProfileError("profile lookup failed");
    }
  }
`;
// Neighbour: the test is for a response, so real errors reach the fixed text.
const responseOrFixed = messageOrFixed.replace("if (error.message) {\n      throw new Error(error.message);", "if (error.response) {\n      throw new Error(error.response.data.error);").replace("Deepseek Error:\", error.message", "Deepseek Error:\", error");

// tunglamforwork/tfcm src/lib/lucia.ts, reduced: Lucia's documented session-cookie refresh.
const luciaRefresh = dedent`
  import { cookies } from "next/headers";
  import { cache } from "react";
  import { lucia } from "./auth";
  export const validateRequest = cache(async () => {
    const sessionId = cookies().get(lucia.sessionCookieName)?.value ?? null;
    if (!sessionId) return { user: null, session: null };
    const result = await lucia.validateSession(sessionId);
    try {
      if (result.session && result.session.fresh) {
        const sessionCookie = lucia.createSessionCookie(result.session.id);
        cookies().set(sessionCookie.name, sessionCookie.value, sessionCookie.attributes);
      }
      if (!result.session) {
        const sessionCookie = lucia.createBlankSessionCookie();
        cookies().set(sessionCookie.name, sessionCookie.value, sessionCookie.attributes);
      }
    } catch {}
    return result;
  });
`;
// The @supabase/ssr server client template in JavaScript, without its comment.
const ssrSetAll = dedent`
  import { createServerClient } from "@supabase/ssr";
  import { cookies } from "next/headers";
  export async function createClient() {
    const cookieStore = await cookies();
    return createServerClient(process.env.NEXT_PUBLIC_SUPABASE_URL, process.env.NEXT_PUBLIC_SUPABASE_ANON_KEY, {
      cookies: {
        getAll() {
          return cookieStore.getAll();
        },
        setAll(cookiesToSet) {
          try {
            cookiesToSet.forEach(({ name, value, options }) => cookieStore.set(name, value, options));
          } catch {}
        },
      },
    });
  }
`;
// Neighbour: the try also writes the session row.
const cookieAndWrite = dedent`
  import { cookies } from "next/headers";
  export async function rememberDevice(userId) {
    try {
      await db.device.create({ data: { userId } });
      cookies().set("device", userId);
    } catch {}
  }
`;

new RuleTester().run(narrowed, {
  valid: [
    { name: "a log-only try ending a v1 Firestore onCreate trigger (round 41)", code: onCreateTrigger, filename: "functions/src/notificaciones/push-notifications.js" },
    { name: "a log-only try ending a v1 pubsub schedule (round 41)", code: pubsubSchedule, filename: "functions/src/notificaciones/push-notifications.js" },
    { name: "TypeScript v2 onSchedule and onObjectFinalized triggers", code: v2Triggers, filename: "functions/src/index.ts" },
    { name: "a stand-in answered without claiming success", code: madeUpNoClaim, filename: "src/routes/orders.js" },
    { name: "neighbour: a lost listener that opens nothing again", code: disconnectNotice, filename: "src/bot.js" },
    { name: "a diagnostic vector-size check whose only effect is a warning (round 41)", code: qdrantCheck, filename: "src/modules/vector-db/qdrant.provider.ts" },
    { name: "a JavaScript disk-space check that only warns", code: diskCheck, filename: "src/startup/disk.js" },
    { name: "Lucia's session-cookie refresh in an empty catch (round 41)", code: luciaRefresh, filename: "src/lib/lucia.ts" },
    { name: "the @supabase/ssr setAll template without its comment, in JavaScript", code: ssrSetAll, filename: "lib/supabase/server.js" },
    { name: "a fixed-text error only where the caught one has no message (round 41)", code: messageOrFixed, filename: "functions/src/ai-utils/index.js" },
    { name: "a TypeScript message test before a fixed-text throw", code: messageOrFixedTs, filename: "src/profiles/load.ts" },
  ],
  invalid: [
    { name: "neighbour: a Firestore trigger with retries on", code: retried, filename: "functions/src/orders.ts", findings: [{ case: "logAndContinue", line: 5, column: 5, endColumn: 16, suggestions: [rethrow(retried, 'console.error("ERP sync failed", err);', "    ", "err"), ignore(retried, "} catch (err) {", "    ")] }], output: null },
    { name: "neighbour: an HTTP function has a caller", code: httpFn, filename: "functions/report.js", findings: [{ case: "logAndContinue", line: 5, column: 5, endColumn: 16, suggestions: [rethrow(httpFn, 'console.error("report failed", err);', "    ", "err"), ignore(httpFn, "} catch (err) {", "    ")] }], output: null },
    { name: "a mock post for a failed insert answered success: true (round 41)", code: mockPost, filename: "app/api/admin/blog/generate/route.ts", findings: [{ case: "logAndContinue", line: 8, column: 5, endColumn: 20, suggestions: [ignore(mockPost, "} catch (dbError) {", "    ")] }], output: null },
    { name: "an Express made-up order answered ok: true", code: madeUpOrder, filename: "src/routes/orders.js", findings: [{ case: "logAndContinue", line: 5, column: 5, endColumn: 16, suggestions: [ignore(madeUpOrder, "} catch (err) {", "    ")] }], output: null },
    { name: "a whatsapp-web.js re-initialize from its disconnected listener, only logged (round 41)", code: waReconnect, filename: "src/services/whatsapp.service.ts", findings: [{ case: "logAndContinue", line: 18, column: 9, endColumn: 20, suggestions: [ignore(waReconnect, "} catch (err) {", "        ")] }], output: null },
    { name: "an AMQP consumer reconnect from its close listener, only logged", code: amqpReconnect, filename: "src/queue/consumer.js", findings: [{ case: "logAndContinue", line: 7, column: 7, endColumn: 16, suggestions: [rethrow(amqpReconnect, 'console.error("consumer reconnect failed", e);', "      ", "e"), ignore(amqpReconnect, "} catch (e) {", "      ")] }], output: null },
    { name: "neighbour: the check creates the collection first", code: qdrantCreates, filename: "src/modules/vector-db/qdrant.provider.ts", findings: [{ case: "logAndContinue", line: 10, column: 5, endColumn: 25, suggestions: [ignore(qdrantCreates, "} catch (err: unknown) {", "    ")] }], output: qdrantCreates.replace("check failed: ${message}`);", "check failed: ${message}`, err);") },
    { name: "neighbour: a cookie set after a database write", code: cookieAndWrite, filename: "src/lib/device.js", findings: [{ case: "emptyCatch", line: 6, column: 11, endColumn: 13, suggestions: [{ title: "Log with console and rethrow", output: cookieAndWrite.replace("  } catch {}", '  } catch (err) {\n    console.error("rememberDevice failed", { userId }, err);\n    throw err;\n  }') }, { title: "Mark as intentionally ignored…", output: cookieAndWrite.replace("  } catch {}", "  } catch {\n    // Intentionally ignored: <reason>\n  }") }] }], output: cookieAndWrite.replace("  } catch {}", '  } catch (err) {\n    console.error("rememberDevice failed", { userId }, err);\n  }') },
    { name: "neighbour: a response test leaves real errors to the fixed text", code: responseOrFixed, filename: "functions/src/ai-utils/index.js", findings: [{ case: "rethrowWithoutCause", line: 7, column: 5, endColumn: 18 }], output: responseOrFixed.replace('new Error("Error calling DeepSeek API")', 'new Error("Error calling DeepSeek API", { cause: error })') },
  ],
});

// Resend's documented failure contract (resend-result.ts): `emails.send` resolves `{ data, error }`; a
// send whose error nobody reads is reported where the code then says the e-mail went (held rounds 26,
// 28 and 41: v0-retirement's provider class, My-Store's OTP helper, a contact route answering success).
const resendCases = new Set(["resultErrorIgnored", "resultErrorLogOnly", "logAndContinue"]);
const resendOnly = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => resendCases.has(id))) } as typeof swallowedException;

// grego118118/v0-retirement lib/email/email-service.ts, reduced: the result kept, only its id read.
const resendProvider = dedent`
  import { Resend } from "resend";
  export class ResendProvider {
    private client = new Resend(process.env.RESEND_API_KEY);
    async sendEmail(options: EmailOptions): Promise<EmailResult> {
      try {
        const result = await this.client.emails.send({ from: "noreply@example.com", to: options.to, subject: options.subject, html: options.html });
        return { success: true, messageId: result.data?.id };
      } catch (error) {
        return { success: false, error: error instanceof Error ? error.message : "Unknown error" };
      }
    }
  }
`;
// MrDracula7/My-Store backend/utils/sendEmail.js: dropped, then a log line says it went.
const otpHelper = dedent`
  const { Resend } = require("resend");
  const resend = new Resend(process.env.RESEND_API_KEY);
  const sendEmail = async (email, otp) => {
    await resend.emails.send({ from: "Store <onboarding@resend.dev>", to: email, subject: "Your code", html: otp });
    console.log("OTP email sent via Resend to:", email);
  };
  module.exports = sendEmail;
`;
// Hand-written Next.js route: dropped, then the answer claims success.
const contactRoute = dedent`
  import { NextResponse } from "next/server";
  import { Resend } from "resend";
  export async function POST(request: Request) {
    const { subject, html } = await request.json();
    const resend = new Resend(process.env.RESEND_API_KEY);
    await resend.emails.send({ from: "support@example.com", to: "team@example.com", subject, html });
    return NextResponse.json({ success: true });
  }
`;
// Neighbours: a helper that ends with the send (its callers say what they say), the error read, another SDK's `emails.send`, a send in a log-only try.
const endsWithSend = dedent`
  const { Resend } = require("resend");
  const resend = new Resend(process.env.RESEND_KEY);
  async function sendEmail(to, subject, html) {
    await resend.emails.send({ from: "hello@example.com", to, subject, html });
  }
  module.exports = { sendEmail };
`;
const errorRead = contactRoute.replace("await resend.emails.send(", "const { error } = await resend.emails.send(").replace("return NextResponse.json({ success: true });", "if (error) return NextResponse.json({ error: error.message }, { status: 502 });\n  return NextResponse.json({ success: true });");
const otherSdk = contactRoute.replace('import { Resend } from "resend";', 'import { Mailer as Resend } from "./mailer";');
const logOnly = contactRoute.replace("  await resend.emails.send(", "  const { error } = await resend.emails.send(").replace("subject, html });\n", 'subject, html });\n  if (error) console.error("e-mail send failed", error);\n');
const inLogOnlyTry = dedent`
  import { Resend } from "resend";
  const resend = new Resend(process.env.RESEND_API_KEY);
  export async function sendRecap(to: string, html: string) {
    try {
      await resend.emails.send({ from: "recap@example.com", to, subject: "Weekly recap", html });
      console.log(\`recap sent to \${to}\`);
    } catch (error) {
      console.error("recap failed", error);
    }
  }
`;

new RuleTester().run(resendOnly, {
  valid: [
    { name: "neighbour: a helper that ends with the send", code: endsWithSend, filename: "config/resend.js" },
    { name: "neighbour: the send's error read and answered", code: errorRead, filename: "app/api/contact/route.ts" },
    { name: "neighbour: emails.send of a module that is not Resend", code: otherSdk, filename: "app/api/contact/route.ts" },
  ],
  invalid: [
    { name: "a Resend result whose error is never read while the provider answers success: true (round 41)", code: resendProvider, filename: "lib/email/email-service.ts", findings: [{ case: "resultErrorIgnored", line: 6, column: 22, endColumn: 146 }], output: resendProvider.replace("html: options.html });\n", 'html: options.html });\n      if (result.error) console.error("e-mail send failed", result.error);\n') },
    { name: "a dropped Resend send, then 'OTP email sent' logged", code: otpHelper, filename: "backend/utils/sendEmail.js", findings: [{ case: "resultErrorIgnored", line: 4, column: 3, endColumn: 114, suggestions: [{ title: "Throw the error", output: otpHelper.replace("  await resend.emails.send(", "  const { error } = await resend.emails.send(").replace("html: otp });\n", "html: otp });\n  if (error) throw error;\n") }] }], output: otpHelper.replace("  await resend.emails.send(", "  const { error } = await resend.emails.send(").replace("html: otp });\n", 'html: otp });\n  if (error) console.error("e-mail send failed", error);\n') },
    { name: "neighbour: a send in a log-only try: the catch is the finding", code: inLogOnlyTry, filename: "src/lib/email.ts", findings: [{ case: "logAndContinue", line: 7, column: 5, endColumn: 18, suggestions: [{ title: "Mark as intentionally ignored…", output: inLogOnlyTry.replace("} catch (error) {\n", "} catch (error) {\n    // Intentionally ignored: <reason>\n") }] }], output: null },
    { name: "a Resend error only logged, then the route answers success", code: logOnly, filename: "app/api/contact/route.ts", findings: [{ case: "resultErrorLogOnly", line: 6, column: 21, endLine: 7, endColumn: 13, suggestions: [{ title: "Throw the error after logging it", output: logOnly.replace('if (error) console.error("e-mail send failed", error);', 'if (error) { console.error("e-mail send failed", error); throw error; }') }] }], output: null },
    { name: "a dropped Resend send, then the route answers success", code: contactRoute, filename: "app/api/contact/route.ts", findings: [{ case: "resultErrorIgnored", line: 6, column: 3, endColumn: 99, suggestions: [{ title: "Throw the error", output: contactRoute.replace("  await resend.emails.send(", "  const { error } = await resend.emails.send(").replace("subject, html });\n", "subject, html });\n  if (error) throw error;\n") }] }], output: contactRoute.replace("  await resend.emails.send(", "  const { error } = await resend.emails.send(").replace("subject, html });\n", 'subject, html });\n  if (error) console.error("e-mail send failed", error);\n') },
  ],
});
