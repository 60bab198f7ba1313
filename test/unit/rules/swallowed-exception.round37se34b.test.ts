import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester } from "../../helpers/rule-tester";

// Session 34, developer se34b: log-and-continue classes of the retired held round 37 that the rule's
// existing mechanisms did not reach (hand-written analogues, no fetched code): a reader that answers
// like its module's own availability check, a trigger of the project's own function whose answer is
// dropped, an optional value left at the "none" the code already goes on without, and the notice row
// that records a module's own work.
// This table declares only the cases its invalid rows name.
const named = new Set(["logAndContinue", "resultErrorLogOnly"]);
const narrowed = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => named.has(id))) } as typeof swallowedException;

// The "Mark as intentionally ignored…" suggestion: the marker comment opened under `header` at `indent`.
const ignore = (code: string, header: string, indent: string) => ({ title: "Mark as intentionally ignored…", output: code.replace(`${header}\n`, `${header}\n${indent}// Intentionally ignored: <reason>\n`) });

// The "Rethrow the error" suggestion: \`throw err;\` after the log line \`log\` (in place of \`dropped\`, when given).
const rethrow = (code: string, log: string, indent: string, err: string, dropped = "") => ({ title: "Rethrow the error", output: code.replace(`${log}\n${dropped}`, `${log}\n${indent}throw ${err};\n`) });

// 1. A metrics reader whose guard asks the client module's own availability check (`check`), then answers `fallback`.
const metrics = (guardAnswer: string): string => dedent`
  import { getMetricsClient, isMetricsReady } from "./metrics-client";
  export async function getDailyEvents(days = 7) {
    if (!isMetricsReady()) {
      return ${guardAnswer};
    }
    const client = getMetricsClient();
    try {
      const rows = await client.zRange("events:daily", 0, days - 1);
      return rows.map((r) => JSON.parse(r));
    } catch (err) {
      logger.error("[metrics] daily events read failed", err);
      return [];
    }
  }
`;
const metricsClient = (check: string) => ({
  "src/metrics-client.ts": `let client = null;\nlet tried = false;\nexport function isMetricsReady() {\n  const ready = ${check};\n  if (tried && !ready) {\n    logger.debug("metrics not ready");\n  }\n  return ready;\n}\nexport function getMetricsClient() {\n  return client;\n}\n`,
});
// The second shape: a Mongoose reader whose guard asks the db module whether the connection is up.
const reports = dedent`
  import { isDbConnected } from "../db";
  export async function listRecentReports(userId: string) {
    if (!isDbConnected()) return [];
    try {
      return await Report.find({ userId }).sort({ createdAt: -1 }).limit(20).lean();
    } catch (error) {
      console.warn("recent reports unavailable", error);
      return [];
    }
  }
`;
const dbModule = { "src/db.ts": 'import mongoose from "mongoose";\nexport function isDbConnected() {\n  return mongoose.connection.readyState === 1;\n}\n' };
const otherAnswer = metrics("null");
const callingCheck = metrics("[]");

// 2. An Edge Function that fires the project's own `target` function and answers `answer`.
const edgeTrigger = (url: string, answer: string): string => dedent`
  Deno.serve(async (req) => {
    const { orderId } = await req.json();
    const supabaseUrl = Deno.env.get("SUPABASE_URL")!;
    try {
      await fetch(${url}, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ orderId }),
      });
    } catch (notifyErr) {
      console.error("Failed to trigger the team notice:", notifyErr);
    }
    return new Response(JSON.stringify(${answer}), { status: 201 });
  });
`;
const notifyTeam = { "supabase/functions/notify-team/index.ts": 'Deno.serve(async (req) => {\n  try {\n    await sendMail(await req.json());\n    return new Response("ok");\n  } catch (err) {\n    console.error("notify-team failed", err);\n    return new Response("error", { status: 500 });\n  }\n});\n' };
const ownUrl = "`${supabaseUrl}/functions/v1/notify-team`";
const missingTarget = edgeTrigger("`${supabaseUrl}/functions/v1/notify-sales`", "{ orderId }");
const claimsNotified = edgeTrigger(ownUrl, "{ orderId, teamNotified: true }");
const claimsSuccess = edgeTrigger(ownUrl, "{ success: true, orderId }");
const externalHost = edgeTrigger('"https://hooks.example.com/functions/v1/notify-team"', "{ orderId }");
// The second shape: a Next.js route that fires the app's own e-mail route.
const nextTrigger = dedent`
  import { NextResponse } from "next/server";
  export async function POST(req: Request) {
    const order = await createOrder(await req.json());
    try {
      await fetch(\`\${process.env.APP_URL}/api/emails/order-confirmation\`, { method: "POST", body: JSON.stringify({ id: order.id }) });
    } catch (error) {
      logger.warn({ error }, "order confirmation trigger failed");
    }
    return NextResponse.json({ id: order.id }, { status: 201 });
  }
`;
const confirmationRoute = { "app/api/emails/order-confirmation/route.ts": 'export async function POST(req: Request) {\n  try {\n    await mailer.send(await req.json());\n    return Response.json({ ok: true });\n  } catch (err) {\n    logger.error({ err }, "confirmation mail failed");\n    return Response.json({ ok: false }, { status: 500 });\n  }\n}\n' };

// An invalid row: the trigger's catch reported (the Edge Function's folder, the notify-team function in the tree).
const triggerRow = (name: string, code: string) => ({
  name,
  code,
  filename: "supabase/functions/create-order/index.ts",
  files: notifyTeam,
  findings: [{ case: "logAndContinue", line: 10, column: 5, endColumn: 22, suggestions: [ignore(code, "  } catch (notifyErr) {", "    ")] }],
  output: null,
});

// 3. A tenant theme lookup left unset by the catch, then read by `use`.
const theme = (use: string): string => dedent`
  export async function renderInvoiceMail(db: Db, tenantId: string | null, invoice: Invoice) {
    let theme: Theme | null = null;
    if (tenantId) {
      try {
        theme = await loadTheme(db, tenantId);
      } catch (e) {
        console.error("theme lookup failed", e);
      }
    }
    ${use}
  }
`;
const cosmeticUse = 'const brand = theme?.title || "Acme Billing";\n  return mail.send({ subject: `${brand}: invoice ${invoice.no}`, html: layout(theme, invoice) });\n}\nfunction layout(t: Theme | null, invoice: Invoice) {\n  const color = t?.accent ?? "#222222";\n  if (t) {\n    return withLogo(t.logoUrl, color, invoice);\n  }\n  return plain(color, invoice)';
const missAsNotFound = theme("if (!theme) {\n    return null;\n  }\n  return mail.send({ html: themed(theme, invoice) });");
const behaviour = theme("const limits = theme?.limits || {};\n  return mail.send({ html: render(invoice, limits) });");
const stored = theme("await db.invoices.update({ where: { id: invoice.id }, data: { theme } });");
// An invalid row: the theme lookup's catch reported.
const themeRow = (name: string, code: string) => ({ name, code, findings: [{ case: "logAndContinue", line: 6, column: 7, endColumn: 16, suggestions: [ignore(code, "    } catch (e) {", "      ")] }], output: null });
// The second shape: a guard inside the try (a row only sometimes found), read as answer text (Express).
const greeting = dedent`
  app.get("/me", async (req, res) => {
    let displayName;
    try {
      const row = await prisma.user.findUnique({ where: { id: req.user.id } });
      if (row) displayName = row.nickname;
    } catch (err) {
      req.log.warn(err, "nickname lookup failed");
    }
    res.json({ id: req.user.id, greeting: displayName ? \`Hi \${displayName}\` : "Hi" });
  });
`;
const parsedInput = dedent`
  export async function saveRequest(body: Body) {
    let ids = null;
    if (body.ids) {
      try {
        ids = JSON.parse(body.ids);
      } catch (e) {
        console.log("could not parse ids", e);
      }
    }
    return { summary: \`\${ids ? ids.length : 0} ids\` };
  }
`;

// 3b. An optional extra appended to an item from outside the try, under the try's own test (`append`).
const withReactions = (append: string): string => dedent`
  export async function collect(posts: Post[]) {
    const out: Post[] = [];
    for (const p of posts) {
      try {
        const reactions = (await getReactions(p.id)) ?? [];
        ${append}
      } catch (err) {
        console.log(\`No reactions for post \${p.id}\`, err);
      }
      out.push(p);
    }
    return out;
  }
`;
const guardedAppend = 'if (reactions.length > 0) {\n      const lines: string[] = [];\n      for (const r of reactions) {\n        lines.push(`:${r.emoji}: by @${await userName(r.user_id)}`);\n      }\n      p.message += `\\n\\nReactions:\\n${lines.join("\\n")}`;\n    }';
const unguarded = withReactions('p.message += `\\n\\nReactions: ${reactions.length}`;');
const counted = withReactions("if (reactions.length > 0) {\n      p.score += reactions.length;\n    }");
// The second shape: CRM notes added to an order's printed summary when there are some (a service, pino).
const orderNotes = dedent`
  export async function printable(order: Order) {
    const sheet = { title: \`Order \${order.number}\`, summary: order.summary };
    try {
      const notes = await crm.notesFor(order.customerId);
      if (notes.length) sheet.summary += \`\\nNotes: \${notes.map((n) => n.text).join("; ")}\`;
    } catch (e) {
      logger.warn({ e }, "CRM notes unavailable");
    }
    return renderSheet(sheet);
  }
`;

// 4. A notice row inserted by `logNotice` in a module that does `work`.
const noticeModule = (work: string): string => dedent`
  import { createClient } from "@supabase/supabase-js";
  const supabase = createClient(URL, KEY);
  export async function remind(userId: string, phone: string) {
    ${work}
    await logNotice(userId, "reminder");
  }
  async function logNotice(userId: string, kind: string) {
    const { error } = await supabase.from("notifications").insert({ user_id: userId, kind, sent_at: new Date().toISOString() });
    if (error) console.error("Failed to log notification:", error);
  }
`;
// The "Throw the error after logging it" suggestion on the log-only branch.
const noticeCheck = 'if (error) console.error("Failed to log notification:", error);';
const throwAfter = (code: string) => ({ title: "Throw the error after logging it", output: code.replace(noticeCheck, 'if (error) { console.error("Failed to log notification:", error); throw error; }') });
const onlyNotices = noticeModule("// the reminder is the row itself");
const dedupe = noticeModule('const { data: seen } = await supabase.from("notifications").select("id").eq("user_id", userId);\n  if (seen?.length) return;\n  await sendSms(phone, "Your appointment is tomorrow");');

new RuleTester().run(narrowed, {
  valid: [
    { name: "a reader that answers [] like its guard on the client module's own availability check (held round 37)", code: metrics("[]"), files: metricsClient("client !== null && client.isReady") },
    { name: "a Mongoose reader answering [] like its guard on the db module's connection test", code: reports, filename: "src/services/reports.ts", files: dbModule },
    { name: "a dropped trigger of the project's own Edge Function, which logs its own failures, nothing claiming it ran", code: edgeTrigger(ownUrl, "{ orderId }"), filename: "supabase/functions/create-order/index.ts", files: notifyTeam },
    { name: "a Next.js route firing the app's own e-mail route (logger.warn with the error)", code: nextTrigger, filename: "app/api/orders/route.ts", files: confirmationRoute },
    { name: "an optional theme left null by the catch as by its if, read only through text defaults and a presence test", code: theme(cosmeticUse) },
    { name: "a nickname set only when the row is found, the catch leaving it unset, read as answer text", code: greeting },
    { name: "an optional reactions line appended to a post under the try's own test (held round 37)", code: withReactions(guardedAppend) },
    { name: "CRM notes appended to an order sheet's summary when there are some", code: orderNotes },
    { name: "a notice row recording an SMS the module sent, its insert error logged (bookkeeping)", code: noticeModule('await sendSms(phone, "Your appointment is tomorrow");') },
  ],
  invalid: [
    {
      name: "the guard answers null where the catch answers []: not the function's own answer",
      code: otherAnswer,
      files: metricsClient("client !== null && client.isReady"),
      findings: [{ case: "logAndContinue", line: 10, column: 5, endColumn: 16, suggestions: [rethrow(otherAnswer, '    logger.error("[metrics] daily events read failed", err);', "    ", "err", "    return [];\n"), ignore(otherAnswer, "  } catch (err) {", "    ")] }],
      output: null,
    },
    {
      name: "an availability check that calls out (a ping) is no test of what the module holds",
      code: callingCheck,
      files: metricsClient("ping()"),
      findings: [{ case: "logAndContinue", line: 10, column: 5, endColumn: 16, suggestions: [ignore(callingCheck, "  } catch (err) {", "    ")] }],
      output: null,
    },
    triggerRow("a trigger of a function the project does not have", missingTarget),
    triggerRow("the answer claims the team was notified", claimsNotified),
    triggerRow("the answer says the whole run succeeded", claimsSuccess),
    triggerRow("a URL that names another host is someone else's function", externalHost),
    themeRow("a missing theme ends the mail unsent: an outage read as nothing to send", missAsNotFound),
    themeRow("a default that is no text (limits the mail obeys)", behaviour),
    themeRow("the unset theme stored on the invoice", stored),
    {
      name: "an append made whatever the answer: no test that there is something to add",
      code: unguarded,
      findings: [{ case: "logAndContinue", line: 7, column: 7, endColumn: 18, suggestions: [ignore(unguarded, "    } catch (err) {", "      ")] }],
      output: null,
    },
    {
      name: "a count added to the item is no text extra",
      code: counted,
      findings: [{ case: "logAndContinue", line: 9, column: 7, endColumn: 18, suggestions: [ignore(counted, "    } catch (err) {", "      ")] }],
      output: null,
    },
    {
      name: "a parse of the caller's own field that waits on nothing drops the input",
      code: parsedInput,
      findings: [{ case: "logAndContinue", line: 6, column: 7, endColumn: 16, suggestions: [rethrow(parsedInput, '      console.log("could not parse ids", e);', "      ", "e"), ignore(parsedInput, "    } catch (e) {", "      ")] }],
      output: null,
    },
    {
      name: "a module whose only write is the notice rows has them as its job",
      code: onlyNotices,
      findings: [{ case: "resultErrorLogOnly", line: 8, column: 21, endLine: 9, endColumn: 13, suggestions: [throwAfter(onlyNotices)] }],
      output: null,
    },
    {
      name: "a notice table the module reads back (an already-sent dedupe set) is state",
      code: dedupe,
      findings: [{ case: "resultErrorLogOnly", line: 10, column: 21, endLine: 11, endColumn: 13, suggestions: [throwAfter(dedupe)] }],
      output: null,
    },
  ],
});
