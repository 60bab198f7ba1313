import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester } from "../../helpers/rule-tester";

// Classes from session 31, developer se31 (the retired held round 33 and tune round 34, with the
// lead's decisions; hand-written analogues, no fetched code).
// This table declares only the cases its invalid rows name.
const named = new Set(["logAndContinue", "catchReturnsDefault", "resultErrorIgnored", "resultErrorLogOnly"]);
const narrowed = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => named.has(id))) } as typeof swallowedException;

// A Hono list route of Cloudflare's Workers template, whose `ok(c, data)` answers 200; its catch is `handled`.
const listRoute = (handled: string): string => dedent`
  import { Hono } from "hono";
  import { ok } from "./core-utils";
  export function userRoutes(app: Hono<{ Bindings: Env }>) {
    app.get("/api/visits", async (c) => {
      try {
        const page = await VisitEntity.list(c.env, null, 200);
        return ok(c, { items: page.items, next: page.next });
      } catch (e) {
        ${handled}
      }
    });
  }
`;

// The same route whose try answers `ok(c, [])` for a failed reply too.
const ownBranch = dedent`
  import { Hono } from "hono";
  import { ok } from "./core-utils";
  export function userRoutes(app: Hono<{ Bindings: Env }>) {
    app.get("/api/history", async (c) => {
      try {
        const res = await fetch(historyUrl(c.env));
        if (!res.ok) {
          console.error("history failed", res.status);
          return ok(c, []);
        }
        return ok(c, await res.json());
      } catch (error) {
        console.error("history failed", error);
        return ok(c, []);
      }
    });
  }
`;

// An edge function that saves a model's recommendations, one supabase-js insert each, \`saved\` awaiting them.
const saveAll = (map: string, saved: string): string => dedent`
  import { createClient } from "npm:@supabase/supabase-js@2";
  export async function saveRecommendations(recs: Rec[], url: string) {
    const supabase = createClient(Deno.env.get("SUPABASE_URL")!, Deno.env.get("SUPABASE_SERVICE_ROLE_KEY")!);
    const inserts = recs.map(${map});
    ${saved}
    return new Response(JSON.stringify({ success: true }));
  }
`;

// A browser helper whose try does \`work\`, its catch logging the error.
const browserStep = (work: string): string => dedent`
  export function clearSession(): void {
    try {
      ${work}
    } catch (error) {
      console.error("Error clearing the session:", error);
    }
  }
`;

// A payment webhook whose order update keeps only its row; \`next\` is the statement after it.
const paidOrder = (next: string): string => dedent`
  export async function onPaid(supabase: SupabaseClient, orderId: string, paymentId: string) {
    try {
      const { data: order } = await supabase.from("orders").update({ status: "paid" }).eq("code", orderId).select().maybeSingle();
      ${next}
      return new Response(JSON.stringify({ success: true }));
    } catch (error) {
      return new Response(JSON.stringify({ error: String(error) }), { status: 500 });
    }
  }
`;

// A model reply helper whose catch logs and answers \`text\`.
const sassyReply = (text: string): string => dedent`
  export async function sassyReply(amount: number): Promise<string> {
    try {
      const response = await openai.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: String(amount) }] });
      return response.choices[0]?.message?.content ?? "";
    } catch (error) {
      logger.error("Error generating sassy response:", error);
      return "${text}";
    }
  }
`;

// A payment webhook whose payment lookup's catch logs and answers \`answer\`.
const paymentWebhook = (answer: string): string => dedent`
  module.exports = async (req, res) => {
    let pay;
    try {
      pay = (await axios.get(\`https://api.mercadopago.com/v1/payments/\${req.body.data.id}\`, { timeout: 5000 })).data;
    } catch (err) {
      console.error("payment lookup failed", err);
      ${answer}
    }
    await recordPayment(pay);
    return res.status(200).send("ok");
  };
`;

// The same as an edge function answering a web \`Response\`.
const edgeWebhook = dedent`
  Deno.serve(async (req) => {
    const event = await req.json();
    try {
      await fulfil(event.data.object.id);
    } catch (error) {
      console.error("fulfilment failed", error);
      return new Response("fulfilment error", { status: 200 });
    }
    return new Response("ok");
  });
`;

// An edge function that parses a model's recommendations; its catch holds \`handled\`, then \`after\` runs.
const parsedRecs = (handled: string, after: string): string => dedent`
  import { createClient } from "npm:@supabase/supabase-js@2";
  export async function saveRecs(text: string, url: string) {
    const supabase = createClient(Deno.env.get("SUPABASE_URL")!, Deno.env.get("SUPABASE_SERVICE_ROLE_KEY")!);
    let recs: Rec[];
    try {
      recs = JSON.parse(text);
    } catch (parseError) {
      console.error("Recommendations parse error:", parseError);
      ${handled}
    }
    ${after}
    return new Response(JSON.stringify({ success: true, recs }));
  }
`;

// A session store whose read parses a stored entry; its catch logs and removes it through \`remove\`'s body.
const sessionStore = (remove: string): string => dedent`
  export class SessionManager {
    private static SESSION_KEY = "app_session";
    static getSessionData(key: string): unknown {
      const raw = localStorage.getItem(\`\${this.SESSION_KEY}_\${key}\`);
      if (raw) {
        try {
          return JSON.parse(raw).data;
        } catch (error) {
          console.error("Error parsing session data:", error);
          this.removeSessionData(key);
        }
      }
      return null;
    }
    static removeSessionData(key: string): void {
      ${remove}
    }
  }
`;

const loggedEmpty = listRoute('console.error("[VISITS GET ERROR]", e);\n        return ok(c, { items: [], next: null });');
const silentEmpty = listRoute("return ok(c, { items: [] });");
const savesToo = browserStep('localStorage.removeItem("draft_v1");\n    localStorage.setItem("settings", JSON.stringify(settings));');
const callsToo = browserStep('localStorage.removeItem("token");\n    auth.signOutEverywhere(userId);');
const guardedRead = paidOrder("if (order && paymentId) {\n        await notifyPaid(order.id, paymentId);\n      }");
const guardedTernary = paidOrder("await notifyPaid(order ? order.id : null, paymentId);");
const loggedUpdate = guardedRead.replace("{ data: order }", "{ data: order, error: updateError }").replace("maybeSingle();\n", 'maybeSingle();\n    if (updateError) console.error("update on orders failed", updateError);\n');
const normalReply = sassyReply("Sure thing! Expense noted, darling.");
const acked = paymentWebhook('return res.status(200).send("lookup error");');
const madeUpRecs = 'recs = [\n        { title: "Content Marketing Strategy", platform: "Blog" },\n        { title: "Social Media Engagement", platform: "Instagram" },\n      ];';
const storeRecs = 'const rows = recs.map((r) => ({ website_url: url, title: r.title, platform: r.platform }));\n    const { error } = await supabase.from("campaign_recommendations").insert(rows);\n    if (error) throw error;';
const storedUnderComment = parsedRecs("// Fallback recommendations\n      " + madeUpRecs, storeRecs);
const storedUnderLog = parsedRecs(madeUpRecs + '\n      console.log("Using fallback recommendations");', storeRecs);
const removesOther = sessionStore('localStorage.removeItem("app_session_all");');
const mappedConst = saveAll('(rec) =>\n    supabase.from("campaign_recommendations").insert({ website_url: url, title: rec.title })\n  ', "await Promise.all(inserts);");
const mappedInPlace = dedent`
  import { createClient } from "npm:@supabase/supabase-js@2";
  export async function saveRecommendations(recs: Rec[], url: string) {
    const supabase = createClient(Deno.env.get("SUPABASE_URL")!, Deno.env.get("SUPABASE_SERVICE_ROLE_KEY")!);
    await Promise.all(recs.map((rec) => {
      return supabase.from("campaign_recommendations").insert({ website_url: url, title: rec.title });
    }));
    return new Response(JSON.stringify({ success: true }));
  }
`;

new RuleTester().run(narrowed, {
  valid: [
    { name: "a Workers-template route whose catch answers the failure through its `bad` helper (400)", code: listRoute('return bad(c, "could not list visits");') },
    { name: "a Workers-template route whose catch answers the error's message through `ok` (not a default)", code: listRoute("return ok(c, { items: [], error: String(e) });") },
    { name: "a log-only catch around a Web Storage removal (fails only where storage is denied)", code: browserStep("localStorage.removeItem(CACHE_KEY);") },
    { name: "a log-only catch around a loop that expires every cookie", code: browserStep('document.cookie.split(";").forEach(function (c) {\n      document.cookie = c.replace(/^ +/, "").replace(/=.*/, "=;expires=" + new Date().toUTCString() + ";path=/");\n    });') },
    { name: "a log-only catch around removals of the app's keys in a loop over Object.keys", code: browserStep('Object.keys(sessionStorage).forEach((key) => {\n      if (key.startsWith("app_") || key.includes("supabase.auth")) sessionStorage.removeItem(key);\n    });') },
    { name: "an update's row read right after without `?.`, in a try whose catch answers 500: a failed write throws there (held round 32)", code: paidOrder("await notifyPaid(order.id, paymentId);") },
    { name: "a failed model call answered with a text that says the generator is broken (held round 33)", code: sassyReply("Honey, my sass machine is temporarily broken, but your expense is still recorded!") },
    { name: "a webhook's catch answering 500: the provider retries", code: paymentWebhook('return res.status(500).send("lookup error");'), filename: "api/webhook.js" },
    { name: "a webhook's catch answering 200 with a text under a comment that states the retry policy", code: paymentWebhook('// The provider must not retry: failures are reconciled by the nightly job\n    return res.status(200).send("lookup error");'), filename: "api/webhook.js" },
    { name: "the same 200 with an error text outside a webhook: the caller reads the text", code: acked, filename: "api/orders.js" },
    { name: "a webhook's catch answering an error text with no status written out", code: paymentWebhook('return res.send("lookup error");'), filename: "api/webhook.js" },
    { name: "made-up recommendations under a `// Fallback` comment, only answered (not stored): the comment explains", code: parsedRecs("// Fallback recommendations\n      " + madeUpRecs, "") },
    { name: "a fallback that carries the caught error, stored under the comment", code: parsedRecs('// Fallback: keep the failure with the rows\n      recs = [{ title: "Parse failed", reason: String(parseError) }];', storeRecs) },
    { name: "a corrupt stored entry removed through a one-statement wrapper of its own key's removal (held round 33)", code: sessionStore("localStorage.removeItem(`${this.SESSION_KEY}_${key}`);") },
    { name: "mapped inserts whose callback reads each error and throws it", code: saveAll('async (rec) => {\n    const { error } = await supabase.from("campaign_recommendations").insert({ title: rec.title });\n    if (error) throw error;\n  }', "await Promise.all(inserts);") },
    { name: "mapped inserts that throw on error (`throwOnError()`)", code: saveAll('(rec) => supabase.from("campaign_recommendations").insert({ title: rec.title }).throwOnError()', "await Promise.all(inserts);") },
    { name: "mapped inserts whose results are kept and read (`const results = await Promise.all(…)`)", code: saveAll('(rec) => supabase.from("campaign_recommendations").insert({ title: rec.title })', "const results = await Promise.all(inserts);\n  const failed = results.filter((r) => r.error);\n  if (failed.length) throw new Error(`${failed.length} inserts failed`);") },
    { name: "a mapped list read again after the wait: not judged (the results may be read there)", code: saveAll('(rec) => supabase.from("campaign_recommendations").insert({ title: rec.title })', "await Promise.all(inserts);\n  await report(inserts);") },
    { name: "mapped calls that are not supabase-js writes", code: saveAll("(rec) => notify(rec)", "await Promise.all(inserts);") },
  ],
  invalid: [
    { name: "a Workers-template route whose catch logs and answers `ok(c, { items: [] })` (200 with an empty list)", code: loggedEmpty, findings: [{ case: "logAndContinue", line: 8, column: 7, endColumn: 16, suggestions: [
      { title: "Rethrow the error", output: loggedEmpty.replace("return ok(c, { items: [], next: null });", "throw e;") },
      { title: "Mark as intentionally ignored…", output: loggedEmpty.replace("} catch (e) {\n", "} catch (e) {\n      // Intentionally ignored: <reason>\n") },
    ] }], output: null },
    { name: "the same without a log line: a default answered as success", code: silentEmpty, findings: [{ case: "catchReturnsDefault", line: 8, column: 7, endColumn: 16, suggestions: [
      { title: "Log the error with console", output: silentEmpty.replace("} catch (e) {\n", '} catch (e) {\n      console.error("GET /api/visits failed", e);\n') },
      { title: "Mark as intentionally ignored…", output: silentEmpty.replace("} catch (e) {\n", "} catch (e) {\n      // Intentionally ignored: <reason>\n") },
    ] }], output: null },
    { name: "`ok(c, [])` as the try's own failed-reply branch answers: low confidence (sameAsErrorBranch)", code: ownBranch, findings: [{ case: "logAndContinue", line: 12, column: 7, endColumn: 20, confidence: "low", suggestions: [
      { title: "Rethrow the error", output: ownBranch.replace('error);\n      return ok(c, []);', "error);\n      throw error;") },
      { title: "Mark as intentionally ignored…", output: ownBranch.replace("} catch (error) {\n", "} catch (error) {\n      // Intentionally ignored: <reason>\n") },
    ] }], output: null },
    { name: "neighbour: the try also writes a value to Web Storage", code: savesToo, findings: [{ case: "logAndContinue", line: 5, column: 5, endColumn: 18, suggestions: [
      { title: "Rethrow the error", output: savesToo.replace('session:", error);\n', 'session:", error);\n    throw error;\n') },
      { title: "Mark as intentionally ignored…", output: savesToo.replace("} catch (error) {\n", "} catch (error) {\n    // Intentionally ignored: <reason>\n") },
    ] }], output: null },
    { name: "neighbour: the try also calls a helper besides the removal", code: callsToo, findings: [{ case: "logAndContinue", line: 5, column: 5, endColumn: 18, suggestions: [
      { title: "Rethrow the error", output: callsToo.replace('session:", error);\n', 'session:", error);\n    throw error;\n') },
      { title: "Mark as intentionally ignored…", output: callsToo.replace("} catch (error) {\n", "} catch (error) {\n    // Intentionally ignored: <reason>\n") },
    ] }], output: null },
    { name: "the row read only behind `if (order && …)`: a failed write skips it and the webhook answers success", code: guardedRead, findings: [{ case: "resultErrorIgnored", line: 3, column: 29, endColumn: 128, suggestions: [
      { title: "Throw the error", output: guardedRead.replace("{ data: order }", "{ data: order, error: updateError }").replace("maybeSingle();\n", "maybeSingle();\n    if (updateError) throw updateError;\n") },
    ] }], output: guardedRead.replace("{ data: order }", "{ data: order, error: updateError }").replace("maybeSingle();\n", 'maybeSingle();\n    if (updateError) console.error("update on orders failed", updateError);\n') },
    { name: "the row read only behind `order ? … : null`", code: guardedTernary, findings: [{ case: "resultErrorIgnored", line: 3, column: 29, endColumn: 128, suggestions: [
      { title: "Throw the error", output: guardedTernary.replace("{ data: order }", "{ data: order, error: updateError }").replace("maybeSingle();\n", "maybeSingle();\n    if (updateError) throw updateError;\n") },
    ] }], output: guardedTernary.replace("{ data: order }", "{ data: order, error: updateError }").replace("maybeSingle();\n", 'maybeSingle();\n    if (updateError) console.error("update on orders failed", updateError);\n') },
    { name: "the safe fix's second pass: the update's error only logged while the webhook answers success", code: loggedUpdate, filename: "supabase/functions/payment-webhook/index.ts", findings: [{ case: "resultErrorLogOnly", line: 3, column: 49, endLine: 4, endColumn: 21, suggestions: [
      { title: "Throw the error after logging it", output: loggedUpdate.replace("if (updateError) console.error(\"update on orders failed\", updateError);", "if (updateError) { console.error(\"update on orders failed\", updateError); throw updateError; }") },
    ] }], output: null },
    { name: "neighbour: a failed model call answered with a normal-looking reply", code: normalReply, findings: [{ case: "logAndContinue", line: 5, column: 5, endColumn: 18, suggestions: [
      { title: "Rethrow the error", output: normalReply.replace('return "Sure thing! Expense noted, darling.";', "throw error;") },
      { title: "Mark as intentionally ignored…", output: normalReply.replace("} catch (error) {\n", "} catch (error) {\n    // Intentionally ignored: <reason>\n") },
    ] }], output: null },
    { name: "a payment webhook's catch that logs and answers 200 with an error text: the provider reads only the status and never retries (held round 33)", code: acked, filename: "api/webhook.js", findings: [{ case: "logAndContinue", line: 5, column: 5, endColumn: 16, suggestions: [
      { title: "Log and respond with 500", output: acked.replace('res.status(200).send("lookup error");', 'res.status(500).json({ error: "Internal Server Error" });') },
      { title: "Mark as intentionally ignored…", output: acked.replace("} catch (err) {\n", "} catch (err) {\n    // Intentionally ignored: <reason>\n") },
    ] }], output: null },
    { name: "an edge-function webhook answering `new Response(\"…error\", { status: 200 })`", code: edgeWebhook, filename: "supabase/functions/stripe-webhook/index.ts", findings: [{ case: "logAndContinue", line: 5, column: 5, endColumn: 18, suggestions: [
      { title: "Rethrow the error", output: edgeWebhook.replace('return new Response("fulfilment error", { status: 200 });', "throw error;") },
      { title: "Mark as intentionally ignored…", output: edgeWebhook.replace("} catch (error) {\n", "} catch (error) {\n    // Intentionally ignored: <reason>\n") },
    ] }], output: null },
    { name: "made-up recommendations under a `// Fallback` comment, then stored as the model's (held rounds 22 and 33): low confidence (syncTry)", code: storedUnderComment, findings: [{ case: "logAndContinue", line: 7, column: 5, endColumn: 23, confidence: "low", suggestions: [
      { title: "Mark as intentionally ignored…", output: storedUnderComment.replace("} catch (parseError) {\n", "} catch (parseError) {\n    // Intentionally ignored: <reason>\n") },
    ] }], output: null },
    { name: "the same announced by a log line (`Using fallback recommendations`)", code: storedUnderLog, findings: [{ case: "logAndContinue", line: 7, column: 5, endColumn: 23, confidence: "low", suggestions: [
      { title: "Mark as intentionally ignored…", output: storedUnderLog.replace("} catch (parseError) {\n", "} catch (parseError) {\n    // Intentionally ignored: <reason>\n") },
    ] }], output: null },
    { name: "neighbour: the wrapper removes another key", code: removesOther, findings: [{ case: "logAndContinue", line: 8, column: 9, endColumn: 22, confidence: "low", suggestions: [
      { title: "Rethrow the error", output: removesOther.replace("this.removeSessionData(key);\n", "this.removeSessionData(key);\n        throw error;\n") },
      { title: "Mark as intentionally ignored…", output: removesOther.replace("} catch (error) {\n", "} catch (error) {\n        // Intentionally ignored: <reason>\n") },
    ] }], output: null },
    { name: "inserts mapped into a const read only by `await Promise.all(inserts);` as a statement: every error dropped, reported once at the call", code: mappedConst, findings: [{ case: "resultErrorIgnored", line: 5, column: 3, endColumn: 91, suggestions: [] }], output: null },
    { name: "the same mapped in place, the callback's block only returning the insert", code: mappedInPlace, findings: [{ case: "resultErrorIgnored", line: 5, column: 12, endColumn: 100, suggestions: [] }], output: null },
  ],
});
